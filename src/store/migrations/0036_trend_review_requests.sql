-- Trending tags and statuses the staff were mailed about (Mastodon's
-- requested_review_at): each is mailed about once, until it is reviewed.
CREATE TABLE trend_review_requests (
  item_type TEXT NOT NULL,                     -- 'tag' or 'status'
  item_id BIGINT NOT NULL,
  requested_at BIGINT NOT NULL,
  PRIMARY KEY (item_type, item_id)
);
