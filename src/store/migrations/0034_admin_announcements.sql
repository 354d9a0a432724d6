-- When an unpublished announcement is to be published by the job queue
-- (Mastodon's scheduled_at); NULL when it waits for staff to publish it.
ALTER TABLE announcements ADD COLUMN scheduled_at BIGINT;
