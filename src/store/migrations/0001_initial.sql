-- The schema for the whole mission, written once for SQLite and PostgreSQL.
-- Conventions: ids are 64-bit snowflakes made by the application (no
-- sequences); times are BIGINT milliseconds since the Unix epoch (UTC);
-- domain IS NULL means a local account; JSON lives in TEXT columns.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Every actor we know, local (domain IS NULL) or remote.
CREATE TABLE accounts (
  id BIGINT PRIMARY KEY,
  username TEXT NOT NULL,
  domain TEXT,
  actor_type TEXT NOT NULL DEFAULT 'Person',  -- Person, Service (bot), Group, Application
  display_name TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',               -- sanitized HTML
  note_source TEXT NOT NULL DEFAULT '',        -- as the member typed it (local accounts)
  fields TEXT NOT NULL DEFAULT '[]',           -- [{name, value, verified_at}]
  uri TEXT NOT NULL,                           -- ActivityPub id
  url TEXT,                                    -- profile page
  inbox_url TEXT,
  outbox_url TEXT,
  shared_inbox_url TEXT,
  followers_url TEXT,
  following_url TEXT,
  featured_url TEXT,
  featured_tags_url TEXT,
  public_key_pem TEXT NOT NULL DEFAULT '',
  private_key_pem TEXT,                        -- local accounts only
  key_id TEXT,
  avatar_file TEXT,                            -- storage key of a local copy
  avatar_remote_url TEXT,
  header_file TEXT,
  header_remote_url TEXT,
  locked BOOLEAN NOT NULL DEFAULT FALSE,
  discoverable BOOLEAN,
  indexable BOOLEAN NOT NULL DEFAULT FALSE,
  hide_collections BOOLEAN,
  memorial BOOLEAN NOT NULL DEFAULT FALSE,
  also_known_as TEXT NOT NULL DEFAULT '[]',
  moved_to_account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
  suspended_at BIGINT,
  suspension_origin TEXT,                      -- local, remote
  silenced_at BIGINT,
  sensitized_at BIGINT,
  followers_count BIGINT NOT NULL DEFAULT 0,
  following_count BIGINT NOT NULL DEFAULT 0,
  statuses_count BIGINT NOT NULL DEFAULT 0,
  last_status_at BIGINT,
  last_webfingered_at BIGINT,
  fetched_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX accounts_username_domain ON accounts (lower(username), COALESCE(lower(domain), ''));
CREATE UNIQUE INDEX accounts_uri ON accounts (uri);
CREATE INDEX accounts_domain ON accounts (domain);
CREATE INDEX accounts_moved_to ON accounts (moved_to_account_id);

-- A person who signs in here; always owns one local account.
CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL UNIQUE REFERENCES accounts(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',      -- argon2id encoded string
  role TEXT NOT NULL DEFAULT 'user',           -- owner, admin, moderator, user, or a custom role name
  locale TEXT,
  confirmed_at BIGINT,
  confirmation_token_hash TEXT,
  confirmation_sent_at BIGINT,
  unconfirmed_email TEXT,
  approved BOOLEAN NOT NULL DEFAULT TRUE,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  reset_password_token_hash TEXT,
  reset_password_sent_at BIGINT,
  otp_secret TEXT,
  otp_enabled BOOLEAN NOT NULL DEFAULT FALSE,
  otp_backup_codes TEXT NOT NULL DEFAULT '[]',
  sign_up_ip TEXT,
  sign_up_reason TEXT,
  agreement_at BIGINT,
  preferences TEXT NOT NULL DEFAULT '{}',     -- posting defaults, reading preferences
  current_sign_in_at BIGINT,
  last_sign_in_at BIGINT,
  last_sign_in_ip TEXT,
  failed_sign_in_attempts BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_confirmation_token ON users (confirmation_token_hash);
CREATE INDEX users_reset_password_token ON users (reset_password_token_hash);

CREATE TABLE user_roles (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL DEFAULT '',
  position BIGINT NOT NULL DEFAULT 0,
  permissions BIGINT NOT NULL DEFAULT 0,       -- Mastodon's permission bit flags
  highlighted BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Signed-in browser sessions of the web interface.
CREATE TABLE web_sessions (
  id BIGINT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  user_agent TEXT NOT NULL DEFAULT '',
  ip TEXT,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);

CREATE TABLE oauth_applications (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  website TEXT,
  redirect_uris TEXT NOT NULL,                 -- newline-separated
  scopes TEXT NOT NULL DEFAULT 'read',
  client_id TEXT NOT NULL UNIQUE,
  client_secret TEXT NOT NULL,
  owner_account_id BIGINT REFERENCES accounts(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE oauth_access_grants (
  id BIGINT PRIMARY KEY,
  application_id BIGINT NOT NULL REFERENCES oauth_applications(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL UNIQUE,
  redirect_uri TEXT NOT NULL,
  scopes TEXT NOT NULL,
  code_challenge TEXT,
  code_challenge_method TEXT,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE oauth_access_tokens (
  id BIGINT PRIMARY KEY,
  application_id BIGINT REFERENCES oauth_applications(id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,  -- NULL for client_credentials
  token_hash TEXT NOT NULL UNIQUE,
  refresh_token_hash TEXT UNIQUE,
  scopes TEXT NOT NULL,
  expires_at BIGINT,
  revoked_at BIGINT,
  last_used_at BIGINT,
  last_used_ip TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX oauth_access_tokens_user ON oauth_access_tokens (user_id);

CREATE TABLE conversations (
  id BIGINT PRIMARY KEY,
  uri TEXT UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE statuses (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uri TEXT NOT NULL,
  url TEXT,
  local BOOLEAN NOT NULL,
  text TEXT NOT NULL DEFAULT '',               -- source as typed (local statuses)
  content TEXT NOT NULL DEFAULT '',            -- sanitized HTML
  spoiler_text TEXT NOT NULL DEFAULT '',
  sensitive BOOLEAN NOT NULL DEFAULT FALSE,
  visibility SMALLINT NOT NULL DEFAULT 0,      -- 0 public, 1 unlisted, 2 private, 3 direct, 4 limited
  language TEXT,
  in_reply_to_id BIGINT,
  in_reply_to_account_id BIGINT,
  reblog_of_id BIGINT REFERENCES statuses(id) ON DELETE CASCADE,
  conversation_id BIGINT REFERENCES conversations(id) ON DELETE SET NULL,
  application_id BIGINT REFERENCES oauth_applications(id) ON DELETE SET NULL,
  poll_id BIGINT,
  quote_of_id BIGINT,
  replies_count BIGINT NOT NULL DEFAULT 0,
  reblogs_count BIGINT NOT NULL DEFAULT 0,
  favourites_count BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  edited_at BIGINT,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE UNIQUE INDEX statuses_uri ON statuses (uri);
CREATE INDEX statuses_account ON statuses (account_id, id);
CREATE INDEX statuses_in_reply_to ON statuses (in_reply_to_id);
CREATE INDEX statuses_reblog_of ON statuses (reblog_of_id, account_id);
CREATE INDEX statuses_conversation ON statuses (conversation_id);
CREATE INDEX statuses_public_timeline ON statuses (id) WHERE visibility = 0 AND reblog_of_id IS NULL AND deleted_at IS NULL;
CREATE INDEX statuses_local_timeline ON statuses (id) WHERE local AND visibility = 0 AND reblog_of_id IS NULL AND deleted_at IS NULL;

CREATE TABLE status_edits (
  id BIGINT PRIMARY KEY,
  status_id BIGINT NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  text TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL DEFAULT '',
  spoiler_text TEXT NOT NULL DEFAULT '',
  sensitive BOOLEAN NOT NULL DEFAULT FALSE,
  media_ids TEXT NOT NULL DEFAULT '[]',
  poll_options TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX status_edits_status ON status_edits (status_id, id);

CREATE TABLE status_pins (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id BIGINT NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, status_id)
);

CREATE TABLE scheduled_statuses (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  scheduled_at BIGINT NOT NULL,
  params TEXT NOT NULL,                        -- the JSON of the posting request
  created_at BIGINT NOT NULL
);
CREATE INDEX scheduled_statuses_due ON scheduled_statuses (scheduled_at);

-- Idempotency-Key of POST /api/v1/statuses: a retried post returns the first.
CREATE TABLE idempotency_keys (
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  status_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, key)
);

CREATE TABLE media_attachments (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id BIGINT REFERENCES statuses(id) ON DELETE SET NULL,
  scheduled_status_id BIGINT REFERENCES scheduled_statuses(id) ON DELETE SET NULL,
  type TEXT NOT NULL,                          -- image, gifv, video, audio, unknown
  content_type TEXT,
  file_key TEXT,                               -- storage key of the processed file
  thumbnail_key TEXT,
  preview_key TEXT,
  file_size BIGINT,
  remote_url TEXT,
  description TEXT,
  blurhash TEXT,
  focus_x DOUBLE PRECISION,
  focus_y DOUBLE PRECISION,
  meta TEXT NOT NULL DEFAULT '{}',
  processing TEXT NOT NULL DEFAULT 'done',     -- queued, processing, done, failed
  position BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX media_attachments_status ON media_attachments (status_id);
CREATE INDEX media_attachments_account ON media_attachments (account_id, id);
CREATE INDEX media_attachments_unattached ON media_attachments (created_at) WHERE status_id IS NULL;

CREATE TABLE polls (
  id BIGINT PRIMARY KEY,
  status_id BIGINT REFERENCES statuses(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  options TEXT NOT NULL,                       -- ["a", "b"]
  tallies TEXT NOT NULL DEFAULT '[]',          -- votes per option
  multiple BOOLEAN NOT NULL DEFAULT FALSE,
  hide_totals BOOLEAN NOT NULL DEFAULT FALSE,
  votes_count BIGINT NOT NULL DEFAULT 0,
  voters_count BIGINT,
  expires_at BIGINT,
  expiry_notified BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX polls_expiry ON polls (expires_at) WHERE expiry_notified = FALSE;

CREATE TABLE poll_votes (
  id BIGINT PRIMARY KEY,
  poll_id BIGINT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  choice BIGINT NOT NULL,
  uri TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (poll_id, account_id, choice)
);

CREATE TABLE mentions (
  id BIGINT PRIMARY KEY,
  status_id BIGINT NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  silent BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE (status_id, account_id)
);
CREATE INDEX mentions_account ON mentions (account_id, status_id);

CREATE TABLE tags (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL,                          -- normalised, lower case
  display_name TEXT NOT NULL,
  usable BOOLEAN NOT NULL DEFAULT TRUE,
  trendable BOOLEAN,
  listable BOOLEAN,
  last_status_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX tags_name ON tags (name);

CREATE TABLE statuses_tags (
  status_id BIGINT NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (tag_id, status_id)
);
CREATE INDEX statuses_tags_status ON statuses_tags (status_id);

CREATE TABLE tag_follows (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, tag_id)
);

CREATE TABLE featured_tags (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  statuses_count BIGINT NOT NULL DEFAULT 0,
  last_status_at BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, tag_id)
);

CREATE TABLE custom_emojis (
  id BIGINT PRIMARY KEY,
  shortcode TEXT NOT NULL,
  domain TEXT,
  uri TEXT,
  image_key TEXT,
  image_remote_url TEXT,
  content_type TEXT,
  category TEXT,
  visible_in_picker BOOLEAN NOT NULL DEFAULT TRUE,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX custom_emojis_shortcode_domain ON custom_emojis (shortcode, COALESCE(domain, ''));

-- Relationships between accounts.
CREATE TABLE follows (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  show_reblogs BOOLEAN NOT NULL DEFAULT TRUE,
  notify BOOLEAN NOT NULL DEFAULT FALSE,
  languages TEXT,                              -- JSON array or NULL for all
  uri TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX follows_target ON follows (target_account_id, account_id);

CREATE TABLE follow_requests (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  show_reblogs BOOLEAN NOT NULL DEFAULT TRUE,
  notify BOOLEAN NOT NULL DEFAULT FALSE,
  languages TEXT,
  uri TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX follow_requests_target ON follow_requests (target_account_id, id);

CREATE TABLE blocks (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uri TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX blocks_target ON blocks (target_account_id, account_id);

CREATE TABLE mutes (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  hide_notifications BOOLEAN NOT NULL DEFAULT TRUE,
  expires_at BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, target_account_id)
);

CREATE TABLE account_domain_blocks (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  domain TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, domain)
);

CREATE TABLE account_notes (
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  comment TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, target_account_id)
);

CREATE TABLE account_pins (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, target_account_id)
);

CREATE TABLE conversation_mutes (
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, conversation_id)
);

-- Per-member direct-message threads (GET /api/v1/conversations).
CREATE TABLE account_conversations (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  participant_account_ids TEXT NOT NULL DEFAULT '[]',
  last_status_id BIGINT,
  unread BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at BIGINT NOT NULL,
  UNIQUE (account_id, conversation_id)
);

CREATE TABLE favourites (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id BIGINT NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  uri TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, status_id)
);
CREATE INDEX favourites_status ON favourites (status_id, id);

CREATE TABLE bookmarks (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id BIGINT NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, status_id)
);

-- Home and list feeds, filled on write (fan-out) so reading is one index range.
CREATE TABLE feed_entries (
  feed_owner_id BIGINT NOT NULL,               -- account id (home) or list id
  feed_kind SMALLINT NOT NULL DEFAULT 0,       -- 0 home, 1 list
  status_id BIGINT NOT NULL,                   -- the status or boost shown
  account_id BIGINT NOT NULL,                  -- its author (to purge on unfollow/block)
  reblog_of_id BIGINT,
  PRIMARY KEY (feed_owner_id, feed_kind, status_id)
);
CREATE INDEX feed_entries_author ON feed_entries (feed_owner_id, feed_kind, account_id);

CREATE TABLE lists (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  replies_policy TEXT NOT NULL DEFAULT 'list',
  exclusive BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX lists_account ON lists (account_id);

CREATE TABLE list_accounts (
  list_id BIGINT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (list_id, account_id)
);
CREATE INDEX list_accounts_account ON list_accounts (account_id);

CREATE TABLE notifications (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,       -- recipient
  from_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  type TEXT NOT NULL,             -- mention, status, reblog, follow, follow_request, favourite, poll, update, admin.sign_up, admin.report, …
  status_id BIGINT REFERENCES statuses(id) ON DELETE CASCADE,
  report_id BIGINT,
  group_key TEXT,
  read BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL
);
CREATE INDEX notifications_account ON notifications (account_id, id);
CREATE INDEX notifications_from ON notifications (from_account_id);

CREATE TABLE notification_requests (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  from_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  last_status_id BIGINT,
  notifications_count BIGINT NOT NULL DEFAULT 0,
  dismissed BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (account_id, from_account_id)
);

CREATE TABLE markers (
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  timeline TEXT NOT NULL,                      -- home, notifications
  last_read_id BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, timeline)
);

CREATE TABLE filters (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '[]',          -- ["home", "notifications", "public", "thread", "account"]
  action TEXT NOT NULL DEFAULT 'warn',         -- warn, hide, blur
  expires_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX filters_account ON filters (account_id);

CREATE TABLE filter_keywords (
  id BIGINT PRIMARY KEY,
  filter_id BIGINT NOT NULL REFERENCES filters(id) ON DELETE CASCADE,
  keyword TEXT NOT NULL,
  whole_word BOOLEAN NOT NULL DEFAULT TRUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX filter_keywords_filter ON filter_keywords (filter_id);

CREATE TABLE filter_statuses (
  id BIGINT PRIMARY KEY,
  filter_id BIGINT NOT NULL REFERENCES filters(id) ON DELETE CASCADE,
  status_id BIGINT NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL
);

CREATE TABLE web_push_subscriptions (
  id BIGINT PRIMARY KEY,
  access_token_id BIGINT NOT NULL UNIQUE REFERENCES oauth_access_tokens(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  endpoint TEXT NOT NULL,
  key_p256dh TEXT NOT NULL,
  key_auth TEXT NOT NULL,
  alerts TEXT NOT NULL DEFAULT '{}',
  policy TEXT NOT NULL DEFAULT 'all',
  standard BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE preview_cards (
  id BIGINT PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT 'link',
  author_name TEXT NOT NULL DEFAULT '',
  provider_name TEXT NOT NULL DEFAULT '',
  image_key TEXT,
  width BIGINT NOT NULL DEFAULT 0,
  height BIGINT NOT NULL DEFAULT 0,
  blurhash TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE status_preview_cards (
  status_id BIGINT PRIMARY KEY REFERENCES statuses(id) ON DELETE CASCADE,
  preview_card_id BIGINT NOT NULL REFERENCES preview_cards(id) ON DELETE CASCADE
);

-- Moderation.
CREATE TABLE rules (
  id BIGINT PRIMARY KEY,
  text TEXT NOT NULL,
  hint TEXT NOT NULL DEFAULT '',
  position BIGINT NOT NULL DEFAULT 0,
  deleted_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE reports (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,          -- reporter
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_ids TEXT NOT NULL DEFAULT '[]',
  rule_ids TEXT NOT NULL DEFAULT '[]',
  category TEXT NOT NULL DEFAULT 'other',      -- spam, legal, violation, other
  comment TEXT NOT NULL DEFAULT '',
  forwarded BOOLEAN NOT NULL DEFAULT FALSE,
  uri TEXT,
  assigned_account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
  action_taken_by_account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
  action_taken_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX reports_target ON reports (target_account_id);
CREATE INDEX reports_unresolved ON reports (id) WHERE action_taken_at IS NULL;

CREATE TABLE report_notes (
  id BIGINT PRIMARY KEY,
  report_id BIGINT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- Strikes: moderation actions a member can see and appeal.
CREATE TABLE account_warnings (
  id BIGINT PRIMARY KEY,
  account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,        -- moderator
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  action TEXT NOT NULL,                        -- none, disable, mark_statuses_as_sensitive, delete_statuses, sensitive, silence, suspend
  text TEXT NOT NULL DEFAULT '',
  report_id BIGINT REFERENCES reports(id) ON DELETE SET NULL,
  status_ids TEXT NOT NULL DEFAULT '[]',
  overruled_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX account_warnings_target ON account_warnings (target_account_id);

CREATE TABLE appeals (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  account_warning_id BIGINT NOT NULL UNIQUE REFERENCES account_warnings(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  approved_at BIGINT,
  approved_by_account_id BIGINT,
  rejected_at BIGINT,
  rejected_by_account_id BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE account_moderation_notes (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,        -- author
  target_account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE domain_blocks (
  id BIGINT PRIMARY KEY,
  domain TEXT NOT NULL UNIQUE,
  severity TEXT NOT NULL DEFAULT 'silence',    -- noop, silence, suspend
  reject_media BOOLEAN NOT NULL DEFAULT FALSE,
  reject_reports BOOLEAN NOT NULL DEFAULT FALSE,
  private_comment TEXT,
  public_comment TEXT,
  obfuscate BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE domain_allows (
  id BIGINT PRIMARY KEY,
  domain TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE email_domain_blocks (
  id BIGINT PRIMARY KEY,
  domain TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE ip_blocks (
  id BIGINT PRIMARY KEY,
  ip TEXT NOT NULL,                            -- address or CIDR range
  severity TEXT NOT NULL,                      -- sign_up_requires_approval, sign_up_block, no_access
  comment TEXT NOT NULL DEFAULT '',
  expires_at BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE announcements (
  id BIGINT PRIMARY KEY,
  text TEXT NOT NULL,
  published BOOLEAN NOT NULL DEFAULT FALSE,
  all_day BOOLEAN NOT NULL DEFAULT FALSE,
  starts_at BIGINT,
  ends_at BIGINT,
  published_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE announcement_reads (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (announcement_id, account_id)
);

CREATE TABLE announcement_reactions (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (announcement_id, account_id, name)
);

CREATE TABLE admin_action_logs (
  id BIGINT PRIMARY KEY,
  account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id BIGINT,
  summary TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

-- Federation: what we know of other servers, and moved/aliased accounts.
CREATE TABLE instances (
  domain TEXT PRIMARY KEY,
  software TEXT,
  first_seen_at BIGINT NOT NULL,
  last_success_at BIGINT,
  failure_count BIGINT NOT NULL DEFAULT 0,
  unavailable_since BIGINT
);

CREATE TABLE account_aliases (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uri TEXT NOT NULL,
  acct TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, uri)
);

-- The durable job queue. A write and the jobs it causes commit together.
CREATE TABLE jobs (
  id BIGINT PRIMARY KEY,
  queue TEXT NOT NULL DEFAULT 'default',       -- default, push (deliveries), pull (fetches), mailers, media
  kind TEXT NOT NULL,                          -- the handler, e.g. deliver, fan_out, process_media, send_mail
  payload TEXT NOT NULL DEFAULT '{}',
  run_at BIGINT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  max_attempts BIGINT NOT NULL DEFAULT 16,
  locked_by TEXT,
  locked_until BIGINT,
  last_error TEXT,
  dead_at BIGINT,                              -- gave up after max_attempts
  created_at BIGINT NOT NULL
);
CREATE INDEX jobs_ready ON jobs (queue, run_at) WHERE dead_at IS NULL;

-- Data exports and imports requested by members.
CREATE TABLE account_exports (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  file_key TEXT,
  state TEXT NOT NULL DEFAULT 'queued',
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);

CREATE TABLE account_imports (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  mode TEXT NOT NULL DEFAULT 'merge',
  rows_total BIGINT NOT NULL DEFAULT 0,
  rows_processed BIGINT NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'queued',
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
