-- A suspended account's data waits 30 days before it is deleted (Mastodon's
-- AccountDeletionRequest): one row per account, removed when the suspension
-- is lifted.
CREATE TABLE account_deletion_requests (
  account_id BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL
);
