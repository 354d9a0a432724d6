-- Full-text search of statuses over their text and content warning (the
-- expression must stay the one store/text_match.cpp queries).
CREATE INDEX statuses_full_text ON statuses USING GIN (to_tsvector('simple', text || ' ' || spoiler_text));
-- Direct-message threads of a member, newest first.
CREATE INDEX account_conversations_last_status ON account_conversations (account_id, last_status_id);
-- Statuses of the last days (trends).
CREATE INDEX statuses_created_at ON statuses (created_at);
