-- Undos that arrived before what they undo (deliveries run in parallel):
-- the late activity is dropped when it comes, as Mastodon's delete_arrived_first.
CREATE TABLE undone_early (
  uri TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL
);
