ALTER TABLE recovery_flows DROP COLUMN language;
