ALTER TABLE methods ADD COLUMN destination TEXT;
ALTER TABLE methods ADD COLUMN extension TEXT;
ALTER TABLE methods ADD COLUMN secret TEXT;
ALTER TABLE methods ADD COLUMN last_totp_step BIGINT;
UPDATE methods SET
    destination = data::jsonb ->> 'address',
    extension = data::jsonb ->> 'extension',
    secret = data::jsonb ->> 'sealed_seed',
    last_totp_step = (data::jsonb ->> 'last_step')::bigint;
ALTER TABLE methods DROP COLUMN data;
