-- Lists and filters: what their queries need beyond 0001.

-- A status is in a filter once; rules are read per filter.
CREATE UNIQUE INDEX filter_statuses_filter_status ON filter_statuses (filter_id, status_id);
