-- Quizzes a teacher can mark by: shuffled options, timing enforced by the
-- server, review rules, per-student overrides, manual marks, regrading,
-- fairer grading of typed answers, and flagged questions.

-- spelling is the share of an accepted answer's letters, in percent, that
-- a typed answer may have wrong and still match (0: exact spelling);
-- keep_option_order keeps every question's options in the written order.
ALTER TABLE sets ADD COLUMN spelling INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sets ADD COLUMN keep_option_order INTEGER NOT NULL DEFAULT 0;

-- keep_option_order shows options in the written order (by default each
-- attempt shuffles them); time_limit is in seconds (0: none); opens_at and
-- closes_at bound when attempts may be made and answered (NULL: no bound);
-- due_at is the date students are shown; review_hide holds the bits of
-- quiz.ReviewRules that the assignment holds back (0: everything shown).
ALTER TABLE assignments ADD COLUMN keep_option_order INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assignments ADD COLUMN time_limit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assignments ADD COLUMN opens_at DATETIME;
ALTER TABLE assignments ADD COLUMN closes_at DATETIME;
ALTER TABLE assignments ADD COLUMN due_at DATETIME;
ALTER TABLE assignments ADD COLUMN review_hide INTEGER NOT NULL DEFAULT 0;

-- Extra time (seconds) and extra attempts for one student.
CREATE TABLE assignment_overrides (
	assignment_id  INTEGER NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
	learner_id     INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	extra_time     INTEGER NOT NULL DEFAULT 0,
	extra_attempts INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (assignment_id, learner_id)
);
CREATE INDEX assignment_overrides_learner ON assignment_overrides (learner_id);

-- deadline is when an open attempt is submitted with what was saved (NULL:
-- none); finished_by says who submitted it ('learner', 'deadline'); feedback
-- is the assignment's feedback setting as it was when the attempt started;
-- pending counts the answers waiting for a teacher's mark.
ALTER TABLE attempts ADD COLUMN deadline DATETIME;
ALTER TABLE attempts ADD COLUMN finished_by TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN feedback TEXT NOT NULL DEFAULT 'after';
ALTER TABLE attempts ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
UPDATE attempts SET feedback = coalesce((SELECT g.feedback FROM assignments g WHERE g.id = attempts.assignment_id), 'after');
UPDATE attempts SET finished_by = 'learner' WHERE finished_at IS NOT NULL;
CREATE INDEX attempts_open_deadline ON attempts (deadline) WHERE finished_at IS NULL AND deadline IS NOT NULL;

-- Essays now count in a class quiz's score, marked by the teacher: a
-- finished class attempt's answered essays wait for a mark, and every
-- essay counts in its maximum.
UPDATE attempts SET
	pending = (SELECT count(*) FROM responses r JOIN question_versions v ON v.id = r.version_id
		WHERE r.attempt_id = attempts.id AND v.kind = 'essay'),
	max_score = max_score + (SELECT count(*) FROM attempt_questions aq JOIN question_versions v ON v.id = aq.version_id
		WHERE aq.attempt_id = attempts.id AND v.kind = 'essay')
	WHERE finished_at IS NOT NULL AND assignment_id IS NOT NULL;

-- A mark given by a person counts instead of the automatic one:
-- manual_fraction with the teacher's comment, marked_by and marked_at; or,
-- with claimed set, a learner's "I was right" in self-study.
ALTER TABLE responses ADD COLUMN manual_fraction REAL;
ALTER TABLE responses ADD COLUMN comment TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN marked_by INTEGER REFERENCES teachers(id) ON DELETE SET NULL;
ALTER TABLE responses ADD COLUMN marked_at DATETIME;
ALTER TABLE responses ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0;

-- A question the learner flagged to come back to.
ALTER TABLE attempt_questions ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;

-- The regrade log: each regrade moves the answers to a question to its
-- version version_id, and keeps every mark it changed, old and new.
CREATE TABLE regrades (
	id          INTEGER PRIMARY KEY,
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	version_id  INTEGER NOT NULL REFERENCES question_versions(id) ON DELETE CASCADE,
	teacher_id  INTEGER REFERENCES teachers(id) ON DELETE SET NULL,
	reason      TEXT NOT NULL DEFAULT '',
	created_at  DATETIME NOT NULL
);
CREATE INDEX regrades_question ON regrades (question_id);
CREATE TABLE regrade_marks (
	regrade_id   INTEGER NOT NULL REFERENCES regrades(id) ON DELETE CASCADE,
	attempt_id   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	from_version INTEGER NOT NULL,
	old_fraction REAL NOT NULL,
	new_fraction REAL NOT NULL,
	PRIMARY KEY (regrade_id, attempt_id, position)
);
CREATE INDEX regrade_marks_attempt ON regrade_marks (attempt_id);
