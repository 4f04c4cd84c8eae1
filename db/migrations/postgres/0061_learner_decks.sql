-- Learners' own decks and the Anki history they bring, as in
-- migrations/sqlite/0061_learner_decks.sql (which says why). PostgreSQL
-- changes the review log's CHECK in place, where SQLite rebuilds it.
ALTER TABLE sets ADD COLUMN learner_id BIGINT REFERENCES learners(id) ON DELETE CASCADE;
CREATE INDEX sets_learner ON sets (learner_id);

ALTER TABLE reviews DROP CONSTRAINT reviews_source_check;
ALTER TABLE reviews ADD CONSTRAINT reviews_source_check CHECK (source IN ('study', 'quiz', 'anki'));
