-- Signed webhooks (issue 17): the endpoints administrators register. Each delivery is a row of
-- the outbox (kind `webhook`, recipient the endpoint's id, subject the event type, text body
-- the payload), so it is retried with backoff like any notification. The secret signs the
-- deliveries (Standard Webhooks), so it is kept sealed with the encryption keys, not hashed.
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret_sealed TEXT NOT NULL,
    description TEXT,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
