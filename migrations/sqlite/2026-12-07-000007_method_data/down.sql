ALTER TABLE methods ADD COLUMN destination TEXT;
ALTER TABLE methods ADD COLUMN extension TEXT;
ALTER TABLE methods ADD COLUMN secret TEXT;
ALTER TABLE methods ADD COLUMN last_totp_step BIGINT;
UPDATE methods SET
    destination = json_extract(data, '$.address'),
    extension = json_extract(data, '$.extension'),
    secret = json_extract(data, '$.sealed_seed'),
    last_totp_step = json_extract(data, '$.last_step');
ALTER TABLE methods DROP COLUMN data;
