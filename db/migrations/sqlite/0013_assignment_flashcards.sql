-- flashcards is the teacher's choice to open an assigned set's flashcards
-- (which show every right answer) to the class before its students are
-- done with the quiz; 0 keeps them closed until then.
ALTER TABLE assignments ADD COLUMN flashcards INTEGER NOT NULL DEFAULT 0;
