ALTER TABLE methods DROP COLUMN held;
ALTER TABLE sessions DROP COLUMN elevated_until;
ALTER TABLE sessions DROP COLUMN began_without_methods;
