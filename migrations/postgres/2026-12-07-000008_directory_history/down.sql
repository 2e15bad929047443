DELETE FROM password_history WHERE user_id NOT IN (SELECT id FROM users);
ALTER TABLE password_history DROP CONSTRAINT password_history_user_id_fkey;
ALTER TABLE password_history ADD CONSTRAINT password_history_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
