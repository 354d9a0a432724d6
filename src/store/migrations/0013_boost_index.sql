-- Only boosts need looking up by what they boost. Indexing every status
-- under reblog_of_id made SQLite's planner read the public timelines
-- through it (reblog_of_id IS NULL matches nearly all rows) and sort,
-- instead of walking the partial timeline indexes newest first.
DROP INDEX statuses_reblog_of;
CREATE INDEX statuses_reblog_of ON statuses (reblog_of_id, account_id) WHERE reblog_of_id IS NOT NULL;
