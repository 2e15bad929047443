-- API keys (issue 17): named credentials with scopes for portals and automation. The secret is
-- shown once at creation; only its MAC is kept (`mac`). `scopes` and `allowed_addresses` are
-- JSON arrays (no address list: any client address). A revoked key keeps its row (the audit
-- log names it) and frees its name.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    mac TEXT NOT NULL,
    scopes TEXT NOT NULL,
    allowed_addresses TEXT NOT NULL,
    expires_at TIMESTAMP,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    last_used_from TEXT,
    revoked_at TIMESTAMP
);
CREATE UNIQUE INDEX api_keys_live_name ON api_keys (name) WHERE revoked_at IS NULL;
