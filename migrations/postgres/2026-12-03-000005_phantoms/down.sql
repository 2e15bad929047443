ALTER TABLE recovery_flows DROP COLUMN phantom;
DELETE FROM verification_codes WHERE user_id NOT IN (SELECT id FROM users);
ALTER TABLE verification_codes ADD CONSTRAINT verification_codes_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
