-- LDAP and Active Directory (issue 14): the hashes of passwords set through the service are
-- kept for every account, whatever its directory (the service's own history rule applies to
-- resets, which directories do not check), so the history belongs to `accounts`. Built-in
-- accounts have the same id in both tables: every row stays.
CREATE TABLE password_history_new (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO password_history_new SELECT id, user_id, password_hash, created_at
    FROM password_history;
DROP TABLE password_history;
ALTER TABLE password_history_new RENAME TO password_history;
CREATE INDEX password_history_user ON password_history (user_id, created_at);
