-- The first schema: sets and their questions, learners and their sessions,
-- quiz attempts and the answers given in them.

-- settings holds values the server keeps between restarts, such as the
-- session signing keys generated on first start.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value BLOB NOT NULL
);

CREATE TABLE sets (
	id          INTEGER PRIMARY KEY,
	title       TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	origin      TEXT NOT NULL DEFAULT '',
	-- builtin names a set the server makes itself ('seed'); NULL otherwise.
	builtin     TEXT UNIQUE,
	published   INTEGER NOT NULL DEFAULT 1,
	created_at  DATETIME NOT NULL,
	updated_at  DATETIME NOT NULL
);

-- A question's body is the JSON form of questions.Question; kind is copied
-- out of it for listing and reporting.
CREATE TABLE questions (
	id       INTEGER PRIMARY KEY,
	set_id   INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	kind     TEXT NOT NULL,
	body     TEXT NOT NULL,
	UNIQUE (set_id, position)
);

CREATE TABLE learners (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL DEFAULT '',
	resume_code TEXT NOT NULL UNIQUE,
	created_at  DATETIME NOT NULL
);

-- A session row is what the cookie's random id points at; the id itself is
-- stored only as its SHA-256, so a copy of the database opens no session.
CREATE TABLE sessions (
	token_hash   TEXT PRIMARY KEY,
	learner_id   INTEGER REFERENCES learners(id) ON DELETE CASCADE,
	created_at   DATETIME NOT NULL,
	last_seen_at DATETIME NOT NULL,
	expires_at   DATETIME NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE attempts (
	id          INTEGER PRIMARY KEY,
	learner_id  INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	set_id      INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	-- position is the index of the question the learner is on.
	position    INTEGER NOT NULL DEFAULT 0,
	started_at  DATETIME NOT NULL,
	finished_at DATETIME,
	-- score and max_score are filled in when the attempt is finished.
	score       REAL,
	max_score   REAL
);
CREATE INDEX attempts_learner ON attempts (learner_id, set_id);

-- The questions of an attempt in the order the learner sees them.
CREATE TABLE attempt_questions (
	attempt_id  INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	PRIMARY KEY (attempt_id, position)
) WITHOUT ROWID;

-- One row per question answered in an attempt; a changed answer replaces
-- the row. answer is the JSON form of quiz.Answer.
CREATE TABLE responses (
	attempt_id  INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	answer      TEXT NOT NULL,
	fraction    REAL NOT NULL,
	answered_at DATETIME NOT NULL,
	PRIMARY KEY (attempt_id, position)
) WITHOUT ROWID;
CREATE INDEX responses_question ON responses (question_id);
