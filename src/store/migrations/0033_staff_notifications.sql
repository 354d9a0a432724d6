-- The strike a moderation_warning notification is about.
ALTER TABLE notifications ADD COLUMN account_warning_id BIGINT;
