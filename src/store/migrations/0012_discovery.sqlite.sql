-- Full-text search of statuses: an FTS5 index over their text and content
-- warning, whose rows are the statuses' ids, kept in step by triggers.
CREATE VIRTUAL TABLE statuses_fts USING fts5(text, spoiler_text, content = 'statuses', content_rowid = 'id');
CREATE TRIGGER statuses_fts_insert AFTER INSERT ON statuses BEGIN
  INSERT INTO statuses_fts (rowid, text, spoiler_text) VALUES (new.id, new.text, new.spoiler_text);
END;
CREATE TRIGGER statuses_fts_delete AFTER DELETE ON statuses BEGIN
  INSERT INTO statuses_fts (statuses_fts, rowid, text, spoiler_text) VALUES ('delete', old.id, old.text, old.spoiler_text);
END;
CREATE TRIGGER statuses_fts_update AFTER UPDATE OF text, spoiler_text ON statuses BEGIN
  INSERT INTO statuses_fts (statuses_fts, rowid, text, spoiler_text) VALUES ('delete', old.id, old.text, old.spoiler_text);
  INSERT INTO statuses_fts (rowid, text, spoiler_text) VALUES (new.id, new.text, new.spoiler_text);
END;
INSERT INTO statuses_fts (statuses_fts) VALUES ('rebuild');
-- Direct-message threads of a member, newest first.
CREATE INDEX account_conversations_last_status ON account_conversations (account_id, last_status_id);
-- Statuses of the last days (trends).
CREATE INDEX statuses_created_at ON statuses (created_at);
