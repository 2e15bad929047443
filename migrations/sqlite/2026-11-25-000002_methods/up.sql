-- When the person last registered or confirmed their methods (the reconfirmation clock).
ALTER TABLE users ADD COLUMN methods_confirmed_at TIMESTAMP;

-- Registered verification methods. `destination` is an email address or an E.164 number;
-- `secret` is an authenticator seed, sealed with the encryption key (never in clear).
CREATE TABLE methods (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    destination TEXT,
    extension TEXT,
    secret TEXT,
    last_totp_step BIGINT,
    created_at TIMESTAMP NOT NULL,
    activated_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX methods_user ON methods (user_id, kind);

-- Security question answers, argon2id-hashed after normalisation.
CREATE TABLE security_answers (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    answer_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, question_id)
);

-- One-time codes: only a keyed hash is stored. Rows outlive their method (no foreign key on
-- method_id) because the send limits count them.
CREATE TABLE verification_codes (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    method_id TEXT,
    purpose TEXT NOT NULL,
    channel TEXT NOT NULL,
    destination TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    consumed_at TIMESTAMP,
    superseded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX verification_codes_user ON verification_codes (user_id, channel, created_at);
CREATE INDEX verification_codes_destination ON verification_codes (destination, created_at);
CREATE INDEX verification_codes_method ON verification_codes (method_id, created_at);

-- Notifications waiting to be sent (see delivery/outbox.rs).
CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    claim_token TEXT,
    sent_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);
CREATE INDEX outbox_recipient ON outbox (recipient);
