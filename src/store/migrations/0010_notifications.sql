-- Notifications held back by a member's notification policy, the policy
-- itself, and the senders a member accepted despite it.
ALTER TABLE notifications ADD COLUMN filtered BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX notifications_group ON notifications (account_id, group_key, id);
CREATE INDEX notifications_filtered ON notifications (account_id, from_account_id) WHERE filtered;

CREATE TABLE notification_policies (
  account_id BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  for_not_following TEXT NOT NULL DEFAULT 'accept',     -- accept, filter, drop
  for_not_followers TEXT NOT NULL DEFAULT 'accept',
  for_new_accounts TEXT NOT NULL DEFAULT 'accept',
  for_private_mentions TEXT NOT NULL DEFAULT 'filter',
  for_limited_accounts TEXT NOT NULL DEFAULT 'filter',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE notification_permissions (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  from_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, from_account_id)
);
