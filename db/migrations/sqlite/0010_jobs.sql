-- Background jobs (a generation from a document) as rows, so that they
-- survive a restart and any server process may run them. A job is
-- claimed by an UPDATE that checks its status, so two servers never run
-- one job; the server running it writes heartbeat_at every few seconds,
-- and a job whose heartbeat went stale (its server died) is claimed again.
CREATE TABLE jobs (
	id            INTEGER PRIMARY KEY,
	owner_id      INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	-- kind says what the job does: 'generate'.
	kind          TEXT NOT NULL,
	-- status is 'queued', 'running', 'done', 'failed' or 'cancelled'.
	status        TEXT NOT NULL DEFAULT 'queued',
	-- input is the document; emptied when the job ends.
	input         TEXT NOT NULL,
	-- params is the JSON of the job's options.
	params        TEXT NOT NULL DEFAULT '{}',
	-- done out of total steps, written with the heartbeat.
	done          INTEGER NOT NULL DEFAULT 0,
	total         INTEGER NOT NULL DEFAULT 0,
	result_set_id INTEGER REFERENCES sets(id) ON DELETE SET NULL,
	-- error is what the teacher is told when the job failed.
	error         TEXT NOT NULL DEFAULT '',
	-- claims counts the times a server took the job: one that stopped its
	-- servers more than once is not tried again.
	claims        INTEGER NOT NULL DEFAULT 0,
	claimed_by    TEXT,
	created_at    DATETIME NOT NULL,
	started_at    DATETIME,
	deadline      DATETIME,
	heartbeat_at  DATETIME,
	finished_at   DATETIME
);
CREATE INDEX jobs_status ON jobs (status, id);
CREATE INDEX jobs_owner ON jobs (owner_id, status);
CREATE INDEX jobs_result ON jobs (result_set_id);
