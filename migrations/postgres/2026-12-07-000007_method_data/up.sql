-- A method's own data in one column (JSON, `methods::data::MethodData`) instead of a column per
-- kind: an address or number (with an extension), or an authenticator's sealed seed and the
-- last time step it accepted. Text, not jsonb: the service reads and compares it whole.
ALTER TABLE methods ADD COLUMN data TEXT NOT NULL DEFAULT '{"type":"none"}';
UPDATE methods SET data = (CASE
    WHEN secret IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(
        'type', 'totp', 'sealed_seed', secret, 'last_step', last_totp_step))
    WHEN destination IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(
        'type', 'destination', 'address', destination, 'extension', extension))
    ELSE '{"type":"none"}'::jsonb
END)::text;
ALTER TABLE methods DROP COLUMN destination;
ALTER TABLE methods DROP COLUMN extension;
ALTER TABLE methods DROP COLUMN secret;
ALTER TABLE methods DROP COLUMN last_totp_step;
