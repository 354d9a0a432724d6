-- Relationships: what listing and checking them needs beyond 0001.

-- Accounts a member dismissed from their follow suggestions.
CREATE TABLE follow_suggestion_dismissals (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, target_account_id)
);

-- Lists page newest first by the relationship row's id.
CREATE INDEX follows_account_page ON follows (account_id, id);
CREATE INDEX follows_target_page ON follows (target_account_id, id);
CREATE INDEX blocks_account_page ON blocks (account_id, id);
CREATE INDEX mutes_account_page ON mutes (account_id, id);
CREATE INDEX mutes_target ON mutes (target_account_id, account_id);
CREATE INDEX account_domain_blocks_account_page ON account_domain_blocks (account_id, id);
