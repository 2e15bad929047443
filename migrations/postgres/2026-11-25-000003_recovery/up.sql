-- A reset or unlock flow. The row holds the truth; the flow token only names the row and the
-- step it was issued at. Decoy flows (unknown or ineligible usernames) have no user.
CREATE TABLE recovery_flows (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    username_key TEXT NOT NULL,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL,
    step BIGINT NOT NULL,
    methods_required INTEGER NOT NULL,
    methods_offered TEXT NOT NULL,
    methods_passed TEXT NOT NULL,
    questions_asked TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
CREATE INDEX recovery_flows_user ON recovery_flows (user_id, status);
CREATE INDEX recovery_flows_username ON recovery_flows (username_key, created_at);

-- Generic counters for limits that must hold across replicas: one row per event in a bucket
-- (`flow-start-ip:203.0.113.7`, `recovery-failure:alice`, …), counted over a window.
CREATE TABLE rate_events (
    id TEXT PRIMARY KEY NOT NULL,
    bucket TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX rate_events_bucket ON rate_events (bucket, at);

-- CAPTCHA solutions already used (each works once), kept until the challenge expires.
CREATE TABLE captcha_uses (
    challenge TEXT PRIMARY KEY NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

-- Previous password hashes, for the policy's "no reuse of the last N".
CREATE TABLE password_history (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, created_at);
