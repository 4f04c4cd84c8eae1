-- Learners by the time they were made, so that the sweep of idle
-- anonymous learners (who never answered anything) looks at old ones
-- only.
CREATE INDEX learners_created ON learners (created_at);
