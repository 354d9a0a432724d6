-- The delivery dispatcher claims only deliveries and the job workers everything
-- else. Over one index of all due jobs each walked past the other's backlog:
-- with 20,000 inbox activities queued, every delivery claim read all of them
-- (15 ms of CPU per activity in the inbox benchmark at community scale).
-- Each now has an index of its own; jobs_due stays for a pool that runs every
-- kind (no dispatcher, `agora worker` draining). The claims name the kind as a
-- literal so that both databases can match these predicates.
CREATE INDEX jobs_due_deliveries ON jobs (run_at, id) WHERE dead_at IS NULL AND kind = 'deliver';
CREATE INDEX jobs_due_except_deliveries ON jobs (run_at, id) WHERE dead_at IS NULL AND kind <> 'deliver';
