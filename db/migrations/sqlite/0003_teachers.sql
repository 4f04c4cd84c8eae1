-- Teachers: accounts, the one-time setup link, teacher logins on sessions,
-- set owners, classes with join codes, assignments with quiz settings, and
-- the folder of question files imported at start.

CREATE TABLE teachers (
	id            INTEGER PRIMARY KEY,
	-- name is what the teacher logs in with; unique whatever its case.
	name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
	-- password_hash is argon2id in the PHC string form.
	password_hash TEXT NOT NULL,
	created_at    DATETIME NOT NULL
);

-- A setup token creates the first teacher; only its SHA-256 is stored.
CREATE TABLE setup_tokens (
	token_hash TEXT PRIMARY KEY,
	created_at DATETIME NOT NULL,
	expires_at DATETIME NOT NULL
);

-- A teacher's login is a part of a session with its own clock: it ends
-- after teacher_idle_seconds without a request, and at teacher_ends_at
-- whatever happens, while the learner part of the session goes on.
ALTER TABLE sessions ADD COLUMN teacher_id INTEGER REFERENCES teachers(id) ON DELETE CASCADE;
ALTER TABLE sessions ADD COLUMN teacher_seen_at DATETIME;
ALTER TABLE sessions ADD COLUMN teacher_idle_seconds INTEGER;
ALTER TABLE sessions ADD COLUMN teacher_ends_at DATETIME;

-- owner_id is the teacher a set belongs to; NULL for the built-in set and
-- sets imported from the questions folder, which every teacher may assign.
ALTER TABLE sets ADD COLUMN owner_id INTEGER REFERENCES teachers(id) ON DELETE CASCADE;
CREATE INDEX sets_owner ON sets (owner_id);

CREATE TABLE classes (
	id         INTEGER PRIMARY KEY,
	teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	join_code  TEXT NOT NULL UNIQUE,
	created_at DATETIME NOT NULL
);
CREATE INDEX classes_teacher ON classes (teacher_id);

CREATE TABLE class_members (
	class_id   INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
	learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	joined_at  DATETIME NOT NULL,
	PRIMARY KEY (class_id, learner_id)
) WITHOUT ROWID;
CREATE INDEX class_members_learner ON class_members (learner_id);

-- An assignment gives a class a set with its quiz settings. draw is the
-- number of questions drawn for each attempt (0: all), max_attempts the
-- attempts allowed (0: no limit), feedback 'after' or 'during'.
CREATE TABLE assignments (
	id           INTEGER PRIMARY KEY,
	class_id     INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
	set_id       INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	draw         INTEGER NOT NULL DEFAULT 0,
	shuffle      INTEGER NOT NULL DEFAULT 0,
	max_attempts INTEGER NOT NULL DEFAULT 0,
	feedback     TEXT NOT NULL DEFAULT 'after',
	created_at   DATETIME NOT NULL,
	UNIQUE (class_id, set_id)
);

-- An attempt made for an assignment; NULL for one made from the home page.
ALTER TABLE attempts ADD COLUMN assignment_id INTEGER REFERENCES assignments(id) ON DELETE CASCADE;
CREATE INDEX attempts_assignment ON attempts (assignment_id, learner_id);

-- The question files imported from `serve -questions DIR`, by path, with
-- the SHA-256 of the content last imported.
CREATE TABLE folder_files (
	path        TEXT PRIMARY KEY,
	hash        TEXT NOT NULL,
	set_id      INTEGER REFERENCES sets(id) ON DELETE SET NULL,
	imported_at DATETIME NOT NULL
);
