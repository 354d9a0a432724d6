-- Federation: inbound signatures name a key id, which finds its account.
CREATE INDEX accounts_key_id ON accounts (key_id);
