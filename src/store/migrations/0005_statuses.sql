-- Deleting a status takes it (and its boosts) out of every feed.
CREATE INDEX feed_entries_status ON feed_entries (status_id);
-- A member's own statuses by visibility, and replies under a status in order.
CREATE INDEX statuses_in_reply_to_id ON statuses (in_reply_to_id, id);
DROP INDEX statuses_in_reply_to;
