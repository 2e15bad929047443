-- The directory seam (issue 13): our own `accounts` (our id, which directory, the directory's id
-- for the person, session epoch, must-change flag, registration clock) become the target of
-- every foreign key of ours; `users` is what the built-in directory keeps about people, with
-- its groups and password history. Built-in accounts keep the user's id as both ids.
-- Renaming keeps every foreign key pointing at the renamed table.
ALTER TABLE users RENAME TO accounts;
-- Its indexes keep their names; the new `users` needs them.
ALTER INDEX users_pkey RENAME TO accounts_pkey;
ALTER TABLE accounts DROP CONSTRAINT users_username_key_key;
DROP INDEX users_is_admin;

CREATE TABLE users (
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
INSERT INTO users SELECT id, username, username_key, display_name, email, mobile_phone,
    is_admin, disabled, password_hash, failed_sign_ins, lockouts, locked_until,
    password_changed_at, created_at, updated_at FROM accounts;

CREATE INDEX users_is_admin ON users (is_admin);
ALTER TABLE accounts ADD COLUMN directory TEXT NOT NULL DEFAULT 'builtin';
ALTER TABLE accounts ADD COLUMN directory_ref TEXT;
UPDATE accounts SET directory_ref = id;
ALTER TABLE accounts ALTER COLUMN directory_ref SET NOT NULL;
ALTER TABLE accounts ALTER COLUMN directory DROP DEFAULT;
ALTER TABLE accounts ADD CONSTRAINT accounts_directory_ref UNIQUE (directory, directory_ref);
ALTER TABLE accounts DROP COLUMN username, DROP COLUMN username_key,
    DROP COLUMN display_name, DROP COLUMN email, DROP COLUMN mobile_phone, DROP COLUMN is_admin,
    DROP COLUMN disabled, DROP COLUMN password_hash, DROP COLUMN failed_sign_ins,
    DROP COLUMN lockouts, DROP COLUMN locked_until, DROP COLUMN password_changed_at;

-- Group membership and password history belong to the built-in directory.
ALTER TABLE group_members DROP CONSTRAINT group_members_user_id_fkey;
ALTER TABLE group_members ADD CONSTRAINT group_members_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE password_history DROP CONSTRAINT password_history_user_id_fkey;
ALTER TABLE password_history ADD CONSTRAINT password_history_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
