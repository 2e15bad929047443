-- A method's own data in one column (JSON, `methods::data::MethodData`) instead of a column per
-- kind: an address or number (with an extension), or an authenticator's sealed seed and the
-- last time step it accepted.
ALTER TABLE methods ADD COLUMN data TEXT NOT NULL DEFAULT '{"type":"none"}';
UPDATE methods SET data = CASE
    WHEN secret IS NOT NULL THEN json_object('type', 'totp', 'sealed_seed', secret)
    WHEN destination IS NOT NULL AND extension IS NOT NULL
        THEN json_object('type', 'destination', 'address', destination, 'extension', extension)
    WHEN destination IS NOT NULL THEN json_object('type', 'destination', 'address', destination)
    ELSE '{"type":"none"}'
END;
UPDATE methods SET data = json_set(data, '$.last_step', last_totp_step)
    WHERE secret IS NOT NULL AND last_totp_step IS NOT NULL;
ALTER TABLE methods DROP COLUMN destination;
ALTER TABLE methods DROP COLUMN extension;
ALTER TABLE methods DROP COLUMN secret;
ALTER TABLE methods DROP COLUMN last_totp_step;
