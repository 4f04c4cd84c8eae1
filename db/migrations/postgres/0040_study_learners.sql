-- FSRS-6 weights fitted to each learner's own log and to a class's
-- pooled log, as migrations/sqlite/0040_study_learners.sql has them (see
-- there for what each column means), in PostgreSQL's types.

CREATE TABLE study_learners (
	learner_id    BIGINT PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
	reviews       INTEGER NOT NULL DEFAULT 0,
	version       INTEGER NOT NULL DEFAULT 0,
	totals        INTEGER NOT NULL DEFAULT 1,
	auto          INTEGER NOT NULL DEFAULT 1,
	weights       TEXT,
	fitted_at     TIMESTAMPTZ,
	fit_reviews   INTEGER NOT NULL DEFAULT 0,
	fit_items     INTEGER NOT NULL DEFAULT 0,
	loss_before   DOUBLE PRECISION,
	loss_after    DOUBLE PRECISION,
	rmse_before   DOUBLE PRECISION,
	rmse_after    DOUBLE PRECISION,
	fitted        TEXT,
	adopted       INTEGER NOT NULL DEFAULT 0,
	note          TEXT NOT NULL DEFAULT '',
	workload      TEXT,
	requested_at  TIMESTAMPTZ,
	claimed_by    TEXT,
	claimed_until TIMESTAMPTZ
);
CREATE INDEX study_learners_due ON study_learners (auto, reviews);
CREATE INDEX study_learners_requested ON study_learners (requested_at);

CREATE TABLE fsrs_classes (
	class_id      BIGINT PRIMARY KEY REFERENCES classes(id) ON DELETE CASCADE,
	weights       TEXT,
	learners      INTEGER NOT NULL DEFAULT 0,
	fitted_at     TIMESTAMPTZ,
	fit_reviews   INTEGER NOT NULL DEFAULT 0,
	fit_items     INTEGER NOT NULL DEFAULT 0,
	loss_before   DOUBLE PRECISION,
	loss_after    DOUBLE PRECISION,
	rmse_before   DOUBLE PRECISION,
	rmse_after    DOUBLE PRECISION,
	fitted        TEXT,
	adopted       INTEGER NOT NULL DEFAULT 0,
	note          TEXT NOT NULL DEFAULT '',
	requested_at  TIMESTAMPTZ,
	claimed_by    TEXT,
	claimed_until TIMESTAMPTZ
);
CREATE INDEX fsrs_classes_requested ON fsrs_classes (requested_at);

INSERT INTO study_learners (learner_id, reviews, totals) SELECT learner_id, count(*), 0 FROM reviews GROUP BY learner_id;
