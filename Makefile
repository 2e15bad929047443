# Everyday commands. `make run` builds the web app and starts the service on SQLite with no
# configuration; `make test` runs every test (SQLite always; PostgreSQL at SSPR_TEST_DATABASE_URL).

SSPR_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
export SSPR_TEST_DATABASE_URL
NPM ?= npm --no-audit --no-fund

.PHONY: run web test test-rust test-contract test-web test-e2e lint openapi client fmt clean

run: web
	cargo run --release -p sspr-api --bin sspr

# The web app, built into web-ui/dist (served by the API at /).
web:
	cd web-ui && $(NPM) ci && $(NPM) run build

test: test-rust test-contract test-web test-e2e

test-rust:
	cargo clippy --locked --all-targets -- -D warnings
	cargo test --locked --workspace

# schemathesis against the served OpenAPI document, on SQLite and PostgreSQL, every check, one
# minute each (contract/run.sh; SSPR_CONTRACT_SECONDS to change).
test-contract:
	cargo build --locked -p sspr-api --bin sspr
	contract/run.sh

# Type check (fails when the generated client no longer matches openapi/openapi.json), lint,
# unit tests, and a production build.
test-web:
	cd web-ui && $(NPM) ci && $(NPM) run typecheck && $(NPM) run lint && $(NPM) test && $(NPM) run build

# Browser journeys: the real API (debug build) serving the app built by test-web, in Debian's
# Chromium, on SQLite and PostgreSQL.
test-e2e:
	cargo build --locked -p sspr-api --bin sspr
	cd e2e && $(NPM) ci && $(NPM) test

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings

# Regenerate the committed OpenAPI document after an API change (the drift test says when),
# and the web app's typed client from it.
openapi:
	cargo run -q -p sspr-api --bin sspr -- openapi > openapi/openapi.json

client: openapi
	cd web-ui && $(NPM) run gen:api

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf web-ui/dist web-ui/node_modules

