-- Workers claim the due job with the smallest (run_at, id) among their
-- queues. Over (queue, run_at) every claim sorted all due jobs, so claiming
-- grew with the backlog (a burst of inbox activities became quadratic); in
-- (run_at, id) order the first unlocked row of a served queue is the answer.
DROP INDEX jobs_ready;
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE dead_at IS NULL;
