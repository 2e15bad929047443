# Everyday commands. `make run` starts the service on SQLite with no configuration;
# `make test` runs every test (SQLite always; PostgreSQL at SSPR_TEST_DATABASE_URL).

SSPR_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
export SSPR_TEST_DATABASE_URL

.PHONY: run test test-rust lint openapi fmt clean

run:
	cargo run --release -p sspr-api --bin sspr

test: test-rust

test-rust:
	cargo clippy --locked --all-targets -- -D warnings
	cargo test --locked --workspace

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings

# Regenerate the committed OpenAPI document after an API change (the drift test says when).
openapi:
	cargo run -q -p sspr-api --bin sspr -- openapi > openapi/openapi.json

fmt:
	cargo fmt --all

clean:
	cargo clean
