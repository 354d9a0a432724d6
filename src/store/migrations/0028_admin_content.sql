-- Invite links (Mastodon's /invites): a member with invite_users makes one;
-- signing up through it works while registrations are closed and skips approval.
CREATE TABLE invites (
  id BIGINT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code TEXT NOT NULL UNIQUE,
  expires_at BIGINT,
  max_uses BIGINT,
  uses BIGINT NOT NULL DEFAULT 0,
  autofollow BOOLEAN NOT NULL DEFAULT FALSE,
  comment TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX invites_user ON invites (user_id, id);
ALTER TABLE users ADD COLUMN invite_id BIGINT;

-- Trend review (Mastodon's reviewed_at / requested_review_at and Status#trendable).
ALTER TABLE tags ADD COLUMN reviewed_at BIGINT;
ALTER TABLE tags ADD COLUMN requested_review_at BIGINT;
ALTER TABLE statuses ADD COLUMN trendable BOOLEAN;

CREATE INDEX appeals_account ON appeals (account_id);
