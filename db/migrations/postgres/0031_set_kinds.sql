-- How many questions of each kind every set holds, as
-- migrations/sqlite/0031_set_kinds.sql has it.
CREATE TABLE set_kinds (
	set_id BIGINT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	kind   TEXT NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (set_id, kind)
);
INSERT INTO set_kinds (set_id, kind, n)
	SELECT sq.set_id, v.kind, count(*) FROM set_questions sq
	JOIN questions q ON q.id = sq.question_id JOIN question_versions v ON v.id = q.version_id
	GROUP BY sq.set_id, v.kind;
