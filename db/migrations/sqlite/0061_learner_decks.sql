-- factdrill: foreign-keys-off
-- Decks a learner imports for their own study (an Anki package), and the
-- review history they bring.

-- learner_id is the learner a set belongs to: a deck of their own, private
-- to them. Such a set has no teacher (owner_id NULL) and is never
-- published (published 0), so that no page that lists or opens the sets
-- of no teacher's (the home page, assignments, a teacher's view of shared
-- sets) shows it; the learner studies it as their own.
ALTER TABLE sets ADD COLUMN learner_id INTEGER REFERENCES learners(id) ON DELETE CASCADE;
CREATE INDEX sets_learner ON sets (learner_id);

-- The review log's source may be 'anki': an answer given in Anki, brought
-- with an imported deck (its revlog), replayed into the card like any
-- other answer. SQLite cannot change a CHECK in place: the table is
-- rebuilt with the same columns, rows (ids kept) and indexes.
CREATE TABLE reviews_new (
	id                    INTEGER PRIMARY KEY,
	learner_id            INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	question_id           INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	rating                INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
	reviewed_at           DATETIME NOT NULL,
	taken_ms              INTEGER,
	source                TEXT NOT NULL CHECK (source IN ('study', 'quiz', 'anki')),
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
	scheduled_days        INTEGER NOT NULL
);
INSERT INTO reviews_new (id, learner_id, question_id, rating, reviewed_at, taken_ms, source, attempt_id,
		state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
		reps_before, lapses_before, scheduled_days_before, model_before, scheduled_days)
	SELECT id, learner_id, question_id, rating, reviewed_at, taken_ms, source, attempt_id,
		state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
		reps_before, lapses_before, scheduled_days_before, model_before, scheduled_days FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_new RENAME TO reviews;
CREATE INDEX reviews_learner_time ON reviews (learner_id, reviewed_at);
CREATE INDEX reviews_card ON reviews (learner_id, question_id, id);
CREATE UNIQUE INDEX reviews_attempt ON reviews (attempt_id, question_id) WHERE attempt_id IS NOT NULL;
CREATE INDEX reviews_question ON reviews (question_id);
CREATE INDEX reviews_attempt_id ON reviews (attempt_id);
