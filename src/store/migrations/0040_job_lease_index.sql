-- The lease keeper renews its workers' leases every few seconds. Without an
-- index it read the whole jobs table each round, a backlog of queued inbox
-- activities included; only the few claimed jobs carry a locked_by.
CREATE INDEX jobs_locked ON jobs (locked_by) WHERE locked_by IS NOT NULL;
