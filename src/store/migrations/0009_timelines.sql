-- The links a status contains, for GET /api/v1/timelines/link (Mastodon
-- finds them through preview cards, which agora does not fetch yet).
CREATE TABLE status_links (
  status_id BIGINT NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  PRIMARY KEY (url, status_id)
);
CREATE INDEX status_links_status ON status_links (status_id);
