-- factdrill: foreign-keys-off
-- Questions get an identity and immutable versions, and sets say which
-- questions they hold; attempts pin the version of each question they
-- showed. An edit then never changes, reorders or orphans an answer given.
--
-- questions becomes the identity (the bank item): the owner and the current
-- version. Cards, reviews and responses keep referring to it by the same
-- id, so a learner's schedule survives edits. Each existing question
-- becomes version 1 of itself, with the version's id equal to the
-- question's, and a set_questions row at its old place.

-- A version's body is the JSON of questions.Question; kind is copied out of
-- it for listing and reporting. A version is never updated: a changed
-- question gets a new version.
CREATE TABLE question_versions (
	id          INTEGER PRIMARY KEY,
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	number      INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	body        TEXT NOT NULL,
	created_at  DATETIME NOT NULL,
	UNIQUE (question_id, number)
);

-- owner_id is the teacher whose sets brought the question; NULL for the
-- built-in set, the questions folder and other sets of no teacher's.
-- version_id is the current version, which sets show.
CREATE TABLE questions_new (
	id         INTEGER PRIMARY KEY,
	owner_id   INTEGER REFERENCES teachers(id) ON DELETE CASCADE,
	version_id INTEGER REFERENCES question_versions(id),
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL
);
INSERT INTO questions_new (id, owner_id, version_id, created_at, updated_at)
	SELECT q.id, s.owner_id, q.id, s.created_at, s.updated_at FROM questions q JOIN sets s ON s.id = q.set_id;
INSERT INTO question_versions (id, question_id, number, kind, body, created_at)
	SELECT q.id, q.id, 1, q.kind, q.body, s.updated_at FROM questions q JOIN sets s ON s.id = q.set_id;

-- The questions of a set, in order (positions 0, 1, ...). A question may
-- be in several sets, once in each.
CREATE TABLE set_questions (
	set_id      INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	PRIMARY KEY (set_id, position),
	UNIQUE (set_id, question_id)
);
INSERT INTO set_questions (set_id, position, question_id) SELECT set_id, position, id FROM questions;

DROP TABLE questions;
ALTER TABLE questions_new RENAME TO questions;
CREATE INDEX questions_owner ON questions (owner_id);
CREATE INDEX question_versions_question ON question_versions (question_id);
CREATE INDEX set_questions_question ON set_questions (question_id);

-- The questions of an attempt in the order the learner sees them, each at
-- the version it was shown in. option_order is the permutation of the
-- options (multiple choice) or answers (matching) as shown, as JSON, ''
-- for the written order. A question an attempt refers to cannot be deleted.
CREATE TABLE attempt_questions_new (
	attempt_id   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	question_id  INTEGER NOT NULL REFERENCES questions(id),
	version_id   INTEGER NOT NULL REFERENCES question_versions(id),
	option_order TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (attempt_id, position)
);
INSERT INTO attempt_questions_new (attempt_id, position, question_id, version_id)
	SELECT attempt_id, position, question_id, question_id FROM attempt_questions;
DROP TABLE attempt_questions;
ALTER TABLE attempt_questions_new RENAME TO attempt_questions;
CREATE INDEX attempt_questions_question ON attempt_questions (question_id);
CREATE INDEX attempt_questions_version ON attempt_questions (version_id);

-- A response stores the answer in the question's own indexes and the
-- version it was graded against (the attempt's, unless a regrade moved it).
CREATE TABLE responses_new (
	attempt_id  INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	question_id INTEGER NOT NULL REFERENCES questions(id),
	version_id  INTEGER NOT NULL REFERENCES question_versions(id),
	answer      TEXT NOT NULL,
	fraction    REAL NOT NULL,
	answered_at DATETIME NOT NULL,
	PRIMARY KEY (attempt_id, position)
);
INSERT INTO responses_new (attempt_id, position, question_id, version_id, answer, fraction, answered_at)
	SELECT attempt_id, position, question_id, question_id, answer, fraction, answered_at FROM responses;
DROP TABLE responses;
ALTER TABLE responses_new RENAME TO responses;
CREATE INDEX responses_question ON responses (question_id);
CREATE INDEX responses_version ON responses (version_id);
