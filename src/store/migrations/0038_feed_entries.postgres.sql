-- Every post writes a feed entry per follower; the author index cost a page
-- each. Removing an author's entries from a feed reads that feed's trimmed few
-- hundred rows by the primary key instead.
DROP INDEX IF EXISTS feed_entries_author;
