-- Sign-in protection and two-factor authentication.

-- Fixed-window counters against brute force (failed sign-ins per address and
-- per e-mail address). Rows whose window has passed are pruned.
CREATE TABLE throttles (
  throttle_key TEXT PRIMARY KEY,
  window_started_at BIGINT NOT NULL,
  hits BIGINT NOT NULL
);
CREATE INDEX throttles_window ON throttles (window_started_at);

-- The second step of a sign-in for members with two-factor authentication:
-- the password was right, a code from the authenticator app is still due.
CREATE TABLE sign_in_challenges (
  id BIGINT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  return_to TEXT NOT NULL DEFAULT '',
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX sign_in_challenges_user ON sign_in_challenges (user_id);

-- The last TOTP time step accepted, so that a code cannot be used twice.
ALTER TABLE users ADD COLUMN otp_last_used_step BIGINT;

CREATE INDEX web_sessions_user ON web_sessions (user_id);
CREATE INDEX oauth_access_tokens_application_user ON oauth_access_tokens (application_id, user_id);
