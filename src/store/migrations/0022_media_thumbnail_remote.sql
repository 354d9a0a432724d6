-- The thumbnail a remote attachment names (its Document's `icon`), shown as
-- Mastodon's preview_remote_url.
ALTER TABLE media_attachments ADD COLUMN thumbnail_remote_url TEXT;
