-- Images and import warnings, as migrations/sqlite/0060_media.sql has them.
CREATE TABLE media (
	hash       TEXT PRIMARY KEY,
	type       TEXT NOT NULL,
	size       INTEGER NOT NULL CHECK (size > 0),
	data       BYTEA NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE set_warnings (
	set_id   BIGINT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	file     TEXT NOT NULL,
	line     INTEGER NOT NULL,
	message  TEXT NOT NULL,
	PRIMARY KEY (set_id, position)
);
