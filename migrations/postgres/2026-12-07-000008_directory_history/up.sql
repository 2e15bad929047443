-- LDAP and Active Directory (issue 14): the hashes of passwords set through the service are
-- kept for every account, whatever its directory (the service's own history rule applies to
-- resets, which directories do not check), so the history belongs to `accounts`. Built-in
-- accounts have the same id in both tables: every row stays.
ALTER TABLE password_history DROP CONSTRAINT password_history_user_id_fkey;
ALTER TABLE password_history ADD CONSTRAINT password_history_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES accounts (id) ON DELETE CASCADE;
