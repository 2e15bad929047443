DROP TABLE outbox;
DROP TABLE verification_codes;
DROP TABLE security_answers;
DROP TABLE methods;
ALTER TABLE users DROP COLUMN methods_confirmed_at;
