-- FSRS-6 weights fitted to each learner's own review log, and to a class's
-- pooled log for its members with too few answers of their own. Fitting
-- runs in the background on any server: a server claims a row (claimed_by,
-- claimed_until) with an UPDATE that checks the claim is free, fits
-- outside any transaction, and stores the result only while it still holds
-- the claim. A claim that is not released (a server stopped mid-fit) runs
-- out at claimed_until.

-- study_learners is a learner's study state beside their cards and log:
-- counts kept by every answer, and the fitting of their weights. A learner
-- without a row has answered nothing since this table came, and schedules
-- with the defaults.
CREATE TABLE study_learners (
	learner_id    INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
	-- reviews counts the answers in the learner's log: kept by every answer
	-- and undo, and recounted at every fit.
	reviews       INTEGER NOT NULL DEFAULT 0,
	-- version moves on with every change to the learner's cards, log,
	-- settings or limits, so that a copy of their study state (a server's
	-- cache) can tell it is stale with one read.
	version       INTEGER NOT NULL DEFAULT 0,
	-- totals is 1 when study_days and study_retention hold the learner's
	-- whole log; 0 when answers came before them (or were imported), and
	-- the totals are rebuilt from the log when next needed.
	totals        INTEGER NOT NULL DEFAULT 1,
	-- auto is 1 while the learner's weights are fitted and adopted by
	-- themselves; 0 once the learner went back to the defaults.
	auto          INTEGER NOT NULL DEFAULT 1,
	-- weights are the 21 adopted weights as a JSON array; NULL for none of
	-- the learner's own (a class's or the defaults are used).
	weights       TEXT,
	-- The last fit, adopted or not: when, on how many answers and items,
	-- the log loss and RMSE(bins) of the weights in use before it and of
	-- the fit, the fitted weights, and whether they were adopted. note says
	-- why nothing was fitted ("too few ...") when that was the outcome.
	fitted_at     DATETIME,
	fit_reviews   INTEGER NOT NULL DEFAULT 0,
	fit_items     INTEGER NOT NULL DEFAULT 0,
	loss_before   REAL,
	loss_after    REAL,
	rmse_before   REAL,
	rmse_after    REAL,
	fitted        TEXT,
	adopted       INTEGER NOT NULL DEFAULT 0,
	note          TEXT NOT NULL DEFAULT '',
	-- workload is the simulated trade-off of desired retention for the
	-- weights in use after the last fit (JSON), so pages need not simulate.
	workload      TEXT,
	-- requested_at is set when the learner asks for a fit now.
	requested_at  DATETIME,
	claimed_by    TEXT,
	claimed_until DATETIME
);
CREATE INDEX study_learners_due ON study_learners (auto, reviews);
CREATE INDEX study_learners_requested ON study_learners (requested_at);

-- fsrs_classes are weights a teacher had fitted to a class's pooled log,
-- with the same fields as study_learners. A member without weights of
-- their own (and who has not chosen the defaults) schedules with the
-- weights of the first of their classes (by id) that has weights.
CREATE TABLE fsrs_classes (
	class_id      INTEGER PRIMARY KEY REFERENCES classes(id) ON DELETE CASCADE,
	weights       TEXT,
	learners      INTEGER NOT NULL DEFAULT 0,
	fitted_at     DATETIME,
	fit_reviews   INTEGER NOT NULL DEFAULT 0,
	fit_items     INTEGER NOT NULL DEFAULT 0,
	loss_before   REAL,
	loss_after    REAL,
	rmse_before   REAL,
	rmse_after    REAL,
	fitted        TEXT,
	adopted       INTEGER NOT NULL DEFAULT 0,
	note          TEXT NOT NULL DEFAULT '',
	requested_at  DATETIME,
	claimed_by    TEXT,
	claimed_until DATETIME
);
CREATE INDEX fsrs_classes_requested ON fsrs_classes (requested_at);

-- Learners who answered before this table came start with their count,
-- and their totals are built from their log when first needed.
INSERT INTO study_learners (learner_id, reviews, totals) SELECT learner_id, count(*), 0 FROM reviews GROUP BY learner_id;
