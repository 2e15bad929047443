-- Decoys are phantom people (issue 12): their codes are rows like anyone's, kept under an id
-- that is in no users row, so a code's person is no longer a foreign key. Codes outlived their
-- method already (the send limits count them); now they outlive their person too, until
-- housekeeping purges them. SQLite drops a foreign key by rebuilding the table.
CREATE TABLE verification_codes_new (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL,
    method_id TEXT,
    purpose TEXT NOT NULL,
    channel TEXT NOT NULL,
    destination TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    consumed_at TIMESTAMP,
    superseded INTEGER NOT NULL DEFAULT 0
);
INSERT INTO verification_codes_new SELECT id, user_id, method_id, purpose, channel, destination,
    code_hash, created_at, expires_at, attempts, max_attempts, consumed_at, superseded
    FROM verification_codes;
DROP TABLE verification_codes;
ALTER TABLE verification_codes_new RENAME TO verification_codes;
CREATE INDEX verification_codes_user ON verification_codes (user_id, channel, created_at);
CREATE INDEX verification_codes_destination ON verification_codes (destination, created_at);
CREATE INDEX verification_codes_method ON verification_codes (method_id, created_at);
-- A decoy flow keeps the phantom it showed at start (JSON), so that every later step runs on
-- the same person whatever the directory looks like meanwhile.
ALTER TABLE recovery_flows ADD COLUMN phantom TEXT;
