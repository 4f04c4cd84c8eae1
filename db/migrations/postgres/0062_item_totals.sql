-- Item analysis kept as attempts are finished and marked, as
-- migrations/sqlite/0062_item_totals.sql has it (see there for what each
-- column means), in PostgreSQL's types.
CREATE TABLE item_totals (
	assignment_id BIGINT NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
	question_id   BIGINT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	n             INTEGER NOT NULL DEFAULT 0,
	blank         INTEGER NOT NULL DEFAULT 0,
	facility      DOUBLE PRECISION NOT NULL DEFAULT 0,
	pairs         INTEGER NOT NULL DEFAULT 0,
	x             DOUBLE PRECISION NOT NULL DEFAULT 0,
	y             DOUBLE PRECISION NOT NULL DEFAULT 0,
	xx            DOUBLE PRECISION NOT NULL DEFAULT 0,
	yy            DOUBLE PRECISION NOT NULL DEFAULT 0,
	xy            DOUBLE PRECISION NOT NULL DEFAULT 0,
	PRIMARY KEY (assignment_id, question_id)
);
CREATE INDEX item_totals_question ON item_totals (question_id);

CREATE TABLE item_options (
	assignment_id BIGINT NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
	question_id   BIGINT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	option        TEXT NOT NULL,
	text          TEXT NOT NULL DEFAULT '',
	is_key        INTEGER NOT NULL DEFAULT 0,
	count         INTEGER NOT NULL,
	PRIMARY KEY (assignment_id, question_id, option)
);
CREATE INDEX item_options_question ON item_options (question_id);

ALTER TABLE assignments ADD COLUMN tallied INTEGER NOT NULL DEFAULT 1;
UPDATE assignments SET tallied = 0;
