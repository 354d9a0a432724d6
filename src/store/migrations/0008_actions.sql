-- A member's favourites and bookmarks, newest first (GET /api/v1/favourites, /bookmarks).
CREATE INDEX favourites_account ON favourites (account_id, id);
CREATE INDEX bookmarks_account ON bookmarks (account_id, id);
