-- Item analysis kept as attempts are finished and marked (issue 17): the
-- sums quiz.ItemSums holds, per question of each assignment, so that the
-- item analysis of a class of 300 with thousands of attempts reads a row
-- per question and option instead of every answer.

-- item_totals are a question's sums over the finished attempts of one
-- assignment (see quiz.ItemSums for each column): n and blank count
-- answers, facility sums the marks (0 for a negative one), pairs counts
-- the answers with a rest of the quiz and x, y, xx, yy, xy sum the mark,
-- the rest's mean mark and their squares and product over those.
CREATE TABLE item_totals (
	assignment_id INTEGER NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
	question_id   INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	n             INTEGER NOT NULL DEFAULT 0,
	blank         INTEGER NOT NULL DEFAULT 0,
	facility      REAL NOT NULL DEFAULT 0,
	pairs         INTEGER NOT NULL DEFAULT 0,
	x             REAL NOT NULL DEFAULT 0,
	y             REAL NOT NULL DEFAULT 0,
	xx            REAL NOT NULL DEFAULT 0,
	yy            REAL NOT NULL DEFAULT 0,
	xy            REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (assignment_id, question_id)
);
CREATE INDEX item_totals_question ON item_totals (question_id);

-- item_options count the answers by option (quiz.ItemSums.Options): a
-- choice's index, "true" or "false", or a typed answer normalised, with
-- the typed answer's text and whether it is right. A count that falls to
-- 0 is deleted.
CREATE TABLE item_options (
	assignment_id INTEGER NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
	question_id   INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	option        TEXT NOT NULL,
	text          TEXT NOT NULL DEFAULT '',
	is_key        INTEGER NOT NULL DEFAULT 0,
	count         INTEGER NOT NULL,
	PRIMARY KEY (assignment_id, question_id, option)
);
CREATE INDEX item_options_question ON item_options (question_id);

-- tallied is 1 for an assignment whose finished attempts are all in its
-- totals: every assignment made from now on. Those made before are
-- tallied once, by the first item analysis that reads them.
ALTER TABLE assignments ADD COLUMN tallied INTEGER NOT NULL DEFAULT 1;
UPDATE assignments SET tallied = 0;
