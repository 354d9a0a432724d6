-- Members' archives (Mastodon's "Request your archive"): built by a job into
-- a zip kept in file storage under an unguessable key.
CREATE TABLE account_archives (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'queued',        -- queued, done, failed
  storage_key TEXT,
  file_size BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX account_archives_account ON account_archives (account_id, id);
