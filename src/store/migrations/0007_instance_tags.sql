-- Followed hashtags page newest first by the follow's id.
CREATE INDEX tag_follows_account_page ON tag_follows (account_id, id);
-- Weekly activity counts local statuses by creation time.
CREATE INDEX statuses_local_created ON statuses (created_at) WHERE local;
