-- Totals of each learner's answers, kept by every answer and undo, so that
-- the statistics page and the study queue read a few rows however long
-- the log grows; and the limits of a day's study, per learner and per set.

-- study_days counts a learner's answers in one set on one of their days
-- (the day number the learner's scheduler gave the answer when it was
-- given: a later change of time zone leaves past days as they were).
-- The set is the one the answer was given in: the set studied, or the
-- quiz's. introduced counts new cards first answered, reviewed the
-- answers to review cards (what the daily limits count).
CREATE TABLE study_days (
	learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	set_id     INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	day        INTEGER NOT NULL,
	answers    INTEGER NOT NULL DEFAULT 0,
	taken_ms   INTEGER NOT NULL DEFAULT 0,
	introduced INTEGER NOT NULL DEFAULT 0,
	reviewed   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (learner_id, set_id, day)
);
CREATE INDEX study_days_day ON study_days (learner_id, day);
CREATE INDEX study_days_set ON study_days (set_id);

-- study_retention counts answers to review cards by the card's age (days
-- since its first answer, in buckets starting at min_days) and how many
-- were not Again: true retention.
CREATE TABLE study_retention (
	learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	set_id     INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	min_days   INTEGER NOT NULL,
	reviews    INTEGER NOT NULL DEFAULT 0,
	passed     INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (learner_id, set_id, min_days)
);
CREATE INDEX study_retention_set ON study_retention (set_id);

-- Limits of a day's study: new cards and reviews in each set, and in all
-- sets together (0: no limit beyond each set's).
ALTER TABLE study_settings ADD COLUMN reviews_per_day INTEGER NOT NULL DEFAULT 200;
ALTER TABLE study_settings ADD COLUMN new_all_per_day INTEGER NOT NULL DEFAULT 40;
ALTER TABLE study_settings ADD COLUMN reviews_all_per_day INTEGER NOT NULL DEFAULT 500;

-- study_set_limits are a learner's own limits for one set, in place of
-- their limits for each set.
CREATE TABLE study_set_limits (
	learner_id      INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	set_id          INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	new_per_day     INTEGER NOT NULL CHECK (new_per_day >= 0),
	reviews_per_day INTEGER NOT NULL CHECK (reviews_per_day >= 0),
	PRIMARY KEY (learner_id, set_id)
);
CREATE INDEX study_set_limits_set ON study_set_limits (set_id);

-- review_sets says which set each answer was given in (the set studied,
-- or the quiz's), so that undoing an answer takes it off the totals it
-- was added to. Answers from before this table, or imported, have no row:
-- rebuilding the totals gives them the first of the learner's sets that
-- holds the question.
CREATE TABLE review_sets (
	review_id INTEGER PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
	set_id    INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE
);
CREATE INDEX review_sets_set ON review_sets (set_id);
