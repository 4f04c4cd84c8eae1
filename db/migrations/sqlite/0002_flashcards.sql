-- Flashcards: each learner's FSRS-6 schedule for each question, the review
-- log it is rebuilt from, and the learner's study settings.

-- study_settings holds what a learner chose; a learner without a row
-- studies with the defaults (db.DefaultStudySettings).
CREATE TABLE study_settings (
	learner_id        INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
	desired_retention REAL NOT NULL CHECK (desired_retention > 0 AND desired_retention < 1),
	new_per_day       INTEGER NOT NULL CHECK (new_per_day >= 0),
	time_zone         TEXT NOT NULL,
	rollover_hour     INTEGER NOT NULL CHECK (rollover_hour BETWEEN 0 AND 23),
	updated_at        DATETIME NOT NULL
);

-- A card is one learner's schedule for one question (quiz.Card). A question
-- the learner never studied has no row: it is a new card. model names the
-- memory model and weights that computed stability and difficulty, so that
-- a card computed by another model is rebuilt from its log before use.
CREATE TABLE cards (
	learner_id     INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	question_id    INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
	step           INTEGER NOT NULL DEFAULT 0,
	stability      REAL NOT NULL DEFAULT 0,
	difficulty     REAL NOT NULL DEFAULT 0,
	due            DATETIME,
	last_review    DATETIME,
	reps           INTEGER NOT NULL DEFAULT 0,
	lapses         INTEGER NOT NULL DEFAULT 0,
	scheduled_days INTEGER NOT NULL DEFAULT 0,
	model          TEXT NOT NULL DEFAULT '',
	suspended      INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (learner_id, question_id)
) WITHOUT ROWID;
CREATE INDEX cards_due ON cards (learner_id, due);

-- The review log: one row per answer, from studying or from a quiz. It is
-- append-only, except that undoing an answer removes its row (as in Anki),
-- so that the log always holds the answers that count. Replaying a card's
-- rows in id order rebuilds the card. The *_before columns are the card as
-- it was before the answer, which Undo restores; state_before is also what
-- statistics count true retention on.
CREATE TABLE reviews (
	id                    INTEGER PRIMARY KEY,
	learner_id            INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	question_id           INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	rating                INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
	reviewed_at           DATETIME NOT NULL,
	-- taken_ms is the time from showing the card to the answer, capped at
	-- a minute as Anki does; NULL when unknown (quiz answers).
	taken_ms              INTEGER,
	source                TEXT NOT NULL CHECK (source IN ('study', 'quiz')),
	attempt_id            INTEGER REFERENCES attempts(id) ON DELETE SET NULL,
	state_before          INTEGER NOT NULL,
	step_before           INTEGER NOT NULL,
	stability_before      REAL NOT NULL,
	difficulty_before     REAL NOT NULL,
	due_before            DATETIME,
	last_review_before    DATETIME,
	reps_before           INTEGER NOT NULL,
	lapses_before         INTEGER NOT NULL,
	scheduled_days_before INTEGER NOT NULL,
	model_before          TEXT NOT NULL,
	-- scheduled_days is the interval the answer gave, for statistics.
	scheduled_days        INTEGER NOT NULL
);
CREATE INDEX reviews_learner_time ON reviews (learner_id, reviewed_at);
CREATE INDEX reviews_card ON reviews (learner_id, question_id, id);
-- Only the first answer to a question in a quiz attempt is a review.
CREATE UNIQUE INDEX reviews_attempt ON reviews (attempt_id, question_id) WHERE attempt_id IS NOT NULL;
