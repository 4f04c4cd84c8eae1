-- Totals of each learner's answers and the limits of a day's study, as
-- migrations/sqlite/0041_study_totals.sql has them (see there for what
-- each column means), in PostgreSQL's types.

CREATE TABLE study_days (
	learner_id BIGINT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	set_id     BIGINT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	day        INTEGER NOT NULL,
	answers    INTEGER NOT NULL DEFAULT 0,
	taken_ms   INTEGER NOT NULL DEFAULT 0,
	introduced INTEGER NOT NULL DEFAULT 0,
	reviewed   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (learner_id, set_id, day)
);
CREATE INDEX study_days_day ON study_days (learner_id, day);
CREATE INDEX study_days_set ON study_days (set_id);

CREATE TABLE study_retention (
	learner_id BIGINT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	set_id     BIGINT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	min_days   INTEGER NOT NULL,
	reviews    INTEGER NOT NULL DEFAULT 0,
	passed     INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (learner_id, set_id, min_days)
);
CREATE INDEX study_retention_set ON study_retention (set_id);

ALTER TABLE study_settings ADD COLUMN reviews_per_day INTEGER NOT NULL DEFAULT 200;
ALTER TABLE study_settings ADD COLUMN new_all_per_day INTEGER NOT NULL DEFAULT 40;
ALTER TABLE study_settings ADD COLUMN reviews_all_per_day INTEGER NOT NULL DEFAULT 500;

CREATE TABLE study_set_limits (
	learner_id      BIGINT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
	set_id          BIGINT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	new_per_day     INTEGER NOT NULL CHECK (new_per_day >= 0),
	reviews_per_day INTEGER NOT NULL CHECK (reviews_per_day >= 0),
	PRIMARY KEY (learner_id, set_id)
);
CREATE INDEX study_set_limits_set ON study_set_limits (set_id);

CREATE TABLE review_sets (
	review_id BIGINT PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
	set_id    BIGINT NOT NULL REFERENCES sets(id) ON DELETE CASCADE
);
CREATE INDEX review_sets_set ON review_sets (set_id);
