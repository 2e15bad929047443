-- Passkeys (issue 15): the state of a WebAuthn ceremony (the challenge and what it allows)
-- between the options handed to the browser and the credential it returns. Short-lived, one
-- per owner (a flow, a session) and method, and taken by a conditional delete when the answer
-- comes, so that an answer can be checked against it once only. Never in a token.
CREATE TABLE ceremonies (
    owner TEXT NOT NULL,
    method_id TEXT NOT NULL,
    state TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (owner, method_id)
);
CREATE INDEX ceremonies_expiry ON ceremonies (expires_at);
