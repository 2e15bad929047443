# Everyday commands. `make run` builds the web app and starts the service on SQLite with no
# configuration; `make test` runs every test (SQLite always; PostgreSQL at SSPR_TEST_DATABASE_URL).

SSPR_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
export SSPR_TEST_DATABASE_URL
NPM ?= npm --no-audit --no-fund

.PHONY: run web setup test test-rust test-contract test-web test-e2e lint openapi client fmt clean

run: web
	cargo run --release -p sspr-api --bin sspr

# The web app, built into web-ui/dist (served by the API at /).
web:
	cd web-ui && $(NPM) ci && $(NPM) run build

# What a fresh Debian machine lacks for the tests (packages, PostgreSQL started, its `test`
# database), installed when missing and nothing otherwise; as another user than root it stops at
# once and prints the one command to run.
setup:
	bash scripts/setup

test: setup test-rust test-contract test-web test-e2e

test-rust:
	cargo clippy --locked --all-targets -- -D warnings
	cargo test --locked --workspace

# The document passes openapi-spec-validator, Spectral (spectral:oas) and openapi-python-client,
# whose client then runs a reset (contract/lint.sh); then schemathesis against the served document, on SQLite and PostgreSQL,
# every check, one minute each (contract/run.sh; SSPR_CONTRACT_SECONDS to change).
test-contract:
	cargo build --locked -p sspr-api --bin sspr
	contract/lint.sh
	contract/run.sh

# Type check (fails when the generated client no longer matches openapi/openapi.json), lint,
# unit tests, and a production build.
test-web:
	cd web-ui && $(NPM) ci && $(NPM) run typecheck && $(NPM) run lint && $(NPM) test && $(NPM) run build

# Browser journeys: the real API (debug build) serving the app built by test-web, in Debian's
# Chromium, on SQLite and PostgreSQL; one on OpenLDAP and one on Active Directory, whose servers
# the slapd_fixture and samba_fixture examples (the integration tests' own fixtures) start.
test-e2e:
	cargo build --locked -p sspr-api --bin sspr --example slapd_fixture --example samba_fixture
	# Bounded: a stuck journey fails the run in minutes instead of holding CI to its limit.
	cd e2e && $(NPM) ci && timeout -k 10 1200 $(NPM) test

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

# Performance, not part of `make test`: installs wrk and the bench venv (bench/setup.sh), builds
# the release binary and the argon2 floor example, seeds 100,000 users on SQLite and PostgreSQL,
# measures sspr and Django's built-in password reset, and writes docs/PERFORMANCE.md (about 15
# minutes on 2 cores; see bench/README.md). Options go in BENCH_ARGS, e.g.
#   make bench BENCH_ARGS="--users 2000 --seconds 5 --doc /tmp/PERFORMANCE.md"
#   make bench BENCH_ARGS="--binary /var/tmp/baseline/sspr --skip-peer"
BENCH_VENV ?= /var/tmp/sspr-bench-venv
BENCH_ARGS ?=
.PHONY: bench
bench:
	BENCH_VENV=$(BENCH_VENV) bash bench/setup.sh
	BENCH_COMMAND='make bench$(if $(strip $(BENCH_ARGS)), BENCH_ARGS="$(BENCH_ARGS)")' $(BENCH_VENV)/bin/python bench/run.py $(BENCH_ARGS)

# Two builds back to back on the same data, each figure as new/old (bench/compare.py): OLD is
# a release binary of the build before, e.g. built from an older commit with
#   git worktree add /var/tmp/old <commit> && (cd /var/tmp/old && CARGO_TARGET_DIR=/var/tmp/old-target cargo build --release --bin sspr)
#   make bench-compare OLD=/var/tmp/old-target/release/sspr BENCH_ARGS="--users 20000 --seconds 10"
OLD ?=
.PHONY: bench-compare
bench-compare:
	@test -n "$(OLD)" || { echo "make bench-compare OLD=/path/to/the/old/release/sspr"; exit 2; }
	BENCH_VENV=$(BENCH_VENV) bash bench/setup.sh
	BENCH_COMMAND='make bench-compare OLD=$(OLD)$(if $(strip $(BENCH_ARGS)), BENCH_ARGS="$(BENCH_ARGS)")' $(BENCH_VENV)/bin/python bench/compare.py --old $(OLD) $(BENCH_ARGS)
