-- Rosters, sign-in codes, co-teachers and teachers managed from the web:
-- a learner's school id and email; classes open to joining by code or
-- kept to their roster; who of a class's members the teacher rostered;
-- every teacher of a class (the owner and those it is shared with); the
-- admin role, disabled accounts and one-time invitation and password
-- links; and the log of what admins and merges did.

-- school_id and email identify a rostered student in a school gradebook;
-- '' when not known. A learner's sign-in code is their resume code: a
-- rostered student gets theirs on a printed card, and signs in with it on
-- any device as the same learner.
ALTER TABLE learners ADD COLUMN school_id TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN email TEXT NOT NULL DEFAULT '';
CREATE INDEX learners_school_id ON learners (school_id) WHERE school_id <> '';
CREATE INDEX learners_email ON learners (lower(email)) WHERE email <> '';

-- open: students may join with the class code (1), or only the teacher
-- adds them to the roster (0). Classes made before rosters stay open.
ALTER TABLE classes ADD COLUMN open INTEGER NOT NULL DEFAULT 1;

-- rostered: the teacher added the student (and so may print and reset
-- their sign-in code), rather than the student joining with the code.
ALTER TABLE class_members ADD COLUMN rostered INTEGER NOT NULL DEFAULT 0;

-- Every teacher of a class: its owner (classes.teacher_id, role 'owner')
-- and the co-teachers it is shared with ('co'). Access to a class is a
-- row here; only the owner deletes or shares it.
CREATE TABLE class_teachers (
	class_id   INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
	teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	role       TEXT NOT NULL CHECK (role IN ('owner', 'co')),
	added_at   DATETIME NOT NULL,
	PRIMARY KEY (class_id, teacher_id)
);
CREATE INDEX class_teachers_teacher ON class_teachers (teacher_id);
INSERT INTO class_teachers (class_id, teacher_id, role, added_at)
	SELECT id, teacher_id, 'owner', created_at FROM classes;

-- admin: may invite, disable and reset other teachers; the first teacher
-- is one. disabled_at: the account cannot log in (NULL: it can).
ALTER TABLE teachers ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE teachers ADD COLUMN disabled_at DATETIME;
UPDATE teachers SET admin = 1 WHERE id = (SELECT min(id) FROM teachers);

-- One-time links an admin makes: an invitation creates a teacher account
-- ('invite', teacher_id NULL); a reset sets a teacher's new password
-- ('reset'). Only the token's SHA-256 is stored.
CREATE TABLE teacher_links (
	token_hash TEXT PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
	teacher_id INTEGER REFERENCES teachers(id) ON DELETE CASCADE,
	created_by INTEGER REFERENCES teachers(id) ON DELETE SET NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at DATETIME NOT NULL,
	expires_at DATETIME NOT NULL,
	used_at    DATETIME
);
CREATE INDEX teacher_links_teacher ON teacher_links (teacher_id);
CREATE INDEX teacher_links_created_by ON teacher_links (created_by);

-- The audit log: who did what to whom, for the actions an admin takes on
-- accounts and for merges of learners. actor_name keeps the name of a
-- teacher whose account is gone.
CREATE TABLE audit_log (
	id         INTEGER PRIMARY KEY,
	at         DATETIME NOT NULL,
	actor_id   INTEGER REFERENCES teachers(id) ON DELETE SET NULL,
	actor_name TEXT NOT NULL,
	action     TEXT NOT NULL,
	target     TEXT NOT NULL,
	detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_actor ON audit_log (actor_id);
