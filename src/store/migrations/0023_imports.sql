-- Members' CSV imports (following, blocks, mutes, domain blocks, bookmarks,
-- lists), processed by jobs a batch of rows at a time. A processed row is
-- deleted in the transaction that counts it, so a crash repeats at most the
-- row in hand (and every row is idempotent).
CREATE TABLE bulk_imports (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  overwrite BOOLEAN NOT NULL DEFAULT FALSE,
  state TEXT NOT NULL DEFAULT 'scheduled',     -- scheduled, in_progress, finished
  original_filename TEXT NOT NULL DEFAULT '',
  total_items INTEGER NOT NULL DEFAULT 0,
  imported_items INTEGER NOT NULL DEFAULT 0,
  processed_items INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX bulk_imports_account ON bulk_imports (account_id, id);

CREATE TABLE bulk_import_rows (
  id BIGINT PRIMARY KEY,
  bulk_import_id BIGINT NOT NULL REFERENCES bulk_imports(id) ON DELETE CASCADE,
  data TEXT NOT NULL                           -- JSON object of the row's fields
);
CREATE INDEX bulk_import_rows_import ON bulk_import_rows (bulk_import_id, id);
