-- Tries of the things guessing could break (teacher logins, resume codes,
-- join codes, sign-in codes), so that their limits hold across every
-- server on the database. A try is recorded in the transaction that
-- checks its limit, before the slow or secret work it guards; a try that
-- turns out right is taken back. key is the SHA-256 of what the limit is
-- kept per (an address, a name and an address), never the name itself.
CREATE TABLE throttle_events (
	id   INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	key  TEXT NOT NULL,
	at   DATETIME NOT NULL
);
CREATE INDEX throttle_events_key ON throttle_events (kind, key, at);
CREATE INDEX throttle_events_at ON throttle_events (at);
