CREATE TABLE password_history_new (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO password_history_new SELECT id, user_id, password_hash, created_at
    FROM password_history WHERE user_id IN (SELECT id FROM users);
DROP TABLE password_history;
ALTER TABLE password_history_new RENAME TO password_history;
CREATE INDEX password_history_user ON password_history (user_id, created_at);
