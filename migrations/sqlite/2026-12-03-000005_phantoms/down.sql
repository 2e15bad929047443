ALTER TABLE recovery_flows DROP COLUMN phantom;
CREATE TABLE verification_codes_old (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
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
INSERT INTO verification_codes_old SELECT * FROM verification_codes
    WHERE user_id IN (SELECT id FROM users);
DROP TABLE verification_codes;
ALTER TABLE verification_codes_old RENAME TO verification_codes;
CREATE INDEX verification_codes_user ON verification_codes (user_id, channel, created_at);
CREATE INDEX verification_codes_destination ON verification_codes (destination, created_at);
CREATE INDEX verification_codes_method ON verification_codes (method_id, created_at);
