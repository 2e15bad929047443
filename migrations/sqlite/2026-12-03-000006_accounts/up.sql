-- The directory seam (issue 13): our own `accounts` (our id, which directory, the directory's id
-- for the person, session epoch, must-change flag, registration clock) become the target of
-- every foreign key of ours; `users` is what the built-in directory keeps about people, with
-- its groups and password history. Built-in accounts keep the user's id as both ids.
--
-- SQLite's way to change a referenced table: foreign keys off, rename (which rewrites every
-- reference), rebuild under the same name, check, commit.
PRAGMA foreign_keys = OFF;
BEGIN;
ALTER TABLE users RENAME TO accounts;

CREATE TABLE accounts_new (
    id TEXT PRIMARY KEY NOT NULL,
    directory TEXT NOT NULL,
    directory_ref TEXT NOT NULL,
    session_epoch BIGINT NOT NULL DEFAULT 0,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    methods_confirmed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (directory, directory_ref)
);
INSERT INTO accounts_new SELECT id, 'builtin', id, session_epoch, must_change_password,
    methods_confirmed_at, created_at, updated_at FROM accounts;

CREATE TABLE users_new (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL,
    mobile_phone TEXT,
    is_admin INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    lockouts INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    password_changed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO users_new SELECT id, username, username_key, display_name, email, mobile_phone,
    is_admin, disabled, password_hash, failed_sign_ins, lockouts, locked_until,
    password_changed_at, created_at, updated_at FROM accounts;

DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_is_admin ON users (is_admin);

-- Group membership and password history belong to the built-in directory.
CREATE TABLE group_members_new (
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
INSERT INTO group_members_new SELECT group_id, user_id FROM group_members;
DROP TABLE group_members;
ALTER TABLE group_members_new RENAME TO group_members;
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE password_history_new (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO password_history_new SELECT id, user_id, password_hash, created_at
    FROM password_history;
DROP TABLE password_history;
ALTER TABLE password_history_new RENAME TO password_history;
CREATE INDEX password_history_user ON password_history (user_id, created_at);
COMMIT;
PRAGMA foreign_keys = ON;
