-- Addresses each member signed in from (Mastodon's user_ips), so that a
-- sign-in from an address never seen before can be told by mail.
CREATE TABLE user_ips (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ip TEXT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, ip)
);

-- Moves to another account (Mastodon's account_migrations): the cooldown
-- before the next move counts from the latest.
CREATE TABLE account_migrations (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
  acct TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX account_migrations_account ON account_migrations (account_id, created_at);

-- When each member last got the weekly digest (Mastodon's users.last_emailed_at).
CREATE TABLE digest_mails (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  sent_at BIGINT NOT NULL
);
