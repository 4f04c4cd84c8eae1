-- Indexes on the foreign keys that had none, so that deleting a question, a
-- set or a class (whose rows cascade) and listing a set's attempts or
-- assignments look rows up instead of scanning whole tables.
CREATE INDEX attempt_questions_question ON attempt_questions (question_id);
CREATE INDEX attempts_set ON attempts (set_id);
CREATE INDEX cards_question ON cards (question_id);
CREATE INDEX reviews_question ON reviews (question_id);
CREATE INDEX reviews_attempt_id ON reviews (attempt_id);
CREATE INDEX assignments_set ON assignments (set_id);
CREATE INDEX sessions_learner ON sessions (learner_id);
CREATE INDEX sessions_teacher ON sessions (teacher_id);
CREATE INDEX folder_files_set ON folder_files (set_id);
