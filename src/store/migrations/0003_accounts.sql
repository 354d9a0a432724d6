-- Profile field values as the member typed them (local accounts); the
-- fields column holds them rendered as HTML, as note and note_source do.
ALTER TABLE accounts ADD COLUMN fields_source TEXT NOT NULL DEFAULT '[]';
