-- Blocks of e-mail addresses by their canonical form (Mastodon's
-- CanonicalEmailBlock): a SHA-256 of the address lower-cased, without dots
-- and +suffix in its local part, so a suspended member cannot sign up again
-- with a variant of it.
CREATE TABLE canonical_email_blocks (
  id BIGINT PRIMARY KEY,
  canonical_email_hash TEXT NOT NULL UNIQUE,
  reference_account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
