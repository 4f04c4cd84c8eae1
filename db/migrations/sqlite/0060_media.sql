-- Images questions show (questions.Media), each stored once whatever the
-- number of questions, sets and files that carry it: the primary key is
-- the SHA-256 of the bytes, in lowercase hex, and question text refers to
-- an image as /media/HASH. type is one of questions.MediaTypes (SVG only
-- once sanitised); size is the length of data.
CREATE TABLE media (
	hash       TEXT PRIMARY KEY,
	type       TEXT NOT NULL,
	size       INTEGER NOT NULL CHECK (size > 0),
	data       BLOB NOT NULL,
	created_at DATETIME NOT NULL
);

-- What the import that made a set could not carry over from its file
-- (questions.Set.Warnings), each at its line, for the teacher to review.
-- line is 0 for a warning about the whole file.
CREATE TABLE set_warnings (
	set_id   INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	file     TEXT NOT NULL,
	line     INTEGER NOT NULL,
	message  TEXT NOT NULL,
	PRIMARY KEY (set_id, position)
);
