ALTER TABLE recovery_flows DROP COLUMN is_admin;
ALTER TABLE methods DROP COLUMN held;
ALTER TABLE sessions DROP COLUMN elevated_until;
ALTER TABLE sessions DROP COLUMN began_without_methods;
