-- A post is written into the home feed of every follower, and each b-tree
-- keyed by the feed's owner costs a page per follower: the rowid table, its
-- primary key and the author index made three. The table now is its primary
-- key (WITHOUT ROWID) and the author index goes; removing an author's entries
-- from a feed reads that feed's trimmed few hundred rows instead. Half the
-- pages written per post.
CREATE TABLE feed_entries_by_owner (
  feed_owner_id BIGINT NOT NULL,
  feed_kind SMALLINT NOT NULL DEFAULT 0,
  status_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  reblog_of_id BIGINT,
  PRIMARY KEY (feed_owner_id, feed_kind, status_id)
) WITHOUT ROWID;
INSERT INTO feed_entries_by_owner (feed_owner_id, feed_kind, status_id, account_id, reblog_of_id)
  SELECT feed_owner_id, feed_kind, status_id, account_id, reblog_of_id FROM feed_entries;
DROP TABLE feed_entries;
ALTER TABLE feed_entries_by_owner RENAME TO feed_entries;
CREATE INDEX feed_entries_status ON feed_entries (status_id);
