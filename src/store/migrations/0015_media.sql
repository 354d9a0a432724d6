-- Media uploads wait in storage under upload_key until the process_media job
-- turns them into renditions; a failure keeps its reason for the API.
ALTER TABLE media_attachments ADD COLUMN upload_key TEXT;
ALTER TABLE media_attachments ADD COLUMN processing_error TEXT;
ALTER TABLE media_attachments ADD COLUMN width INTEGER;
ALTER TABLE media_attachments ADD COLUMN height INTEGER;
