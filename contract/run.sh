#!/usr/bin/env bash
# Contract tests: schemathesis (from PyPI) against the OpenAPI document the running service
# serves, with real credentials for the admin, signed-in and recovery endpoints (hooks.py), on
# SQLite and — when SSPR_TEST_DATABASE_URL reaches a server — on PostgreSQL. Every check is on:
# no 5xx, every status, header and body as documented, bad input refused, documented methods
# only. Bounded in time: SSPR_CONTRACT_SECONDS per backend (default 60).
#
#   contract/run.sh            # after `cargo build -p sspr-api --bin sspr`
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${SSPR_CONTRACT_SECONDS:-60}"
# A fixed seed: a slower machine runs a prefix of the same cases, so a run that passed here
# does not fail elsewhere by luck. Change it (or set it empty) to explore further.
seed="${SSPR_CONTRACT_SEED:-20261201}"
target="${CARGO_TARGET_DIR:-target}"
binary="${SSPR_BINARY:-$target/debug/sspr}"
venv="${SSPR_CONTRACT_VENV:-$target/contract-venv}"

if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r contract/requirements.txt
fi

work="$(mktemp -d)"
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    [ -n "${pg_db:-}" ] && psql -q "$pg_admin_url" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# run_against NAME DATABASE_URL
run_against() {
    local name="$1" database="$2" port password
    port="$(free_port)"
    password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
    mkdir -p "$work/$name"
    # Budgets the fuzzer would spend for everyone: flow starts and failed sign-ins from one
    # address, and the lockout of one account — the fuzzer also signs in as `admin` with wrong
    # passwords, which locked the administrator the hooks need in the middle of a run.
    env -i PATH="$PATH" HOME="$work" RUST_LOG=warn \
        SSPR_DATA_DIR="$work/$name" SSPR_DATABASE_URL="$database" \
        SSPR_BIND="127.0.0.1:$port" SSPR_PUBLIC_URL="http://127.0.0.1:$port" \
        SSPR_BOOTSTRAP_ADMIN_USERNAME=admin SSPR_BOOTSTRAP_ADMIN_PASSWORD="$password" \
        SSPR_CAPTCHA_DIFFICULTY=1000 SSPR_FLOW_STARTS_PER_IP=1000000 SSPR_METRICS_BIND=off \
        SSPR_SIGNIN_FAILURES_PER_ADDRESS=1000000 SSPR_SIGNIN_FAILURES_GLOBAL=1000000 \
        SSPR_SIGNIN_LOCKOUT_THRESHOLD=100000 \
        "$binary" >"$work/$name.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
        kill -0 "$server" 2>/dev/null || { cat "$work/$name.log"; return 1; }
        sleep 0.2
    done

    echo "== schemathesis on $name (${seconds} s)"
    local status=0
    SSPR_CONTRACT_URL="http://127.0.0.1:$port" SSPR_CONTRACT_ADMIN_PASSWORD="$password" \
        SCHEMATHESIS_HOOKS=hooks PYTHONPATH=contract \
        "$venv/bin/schemathesis" --config-file contract/schemathesis.toml run \
        --max-time "$seconds" --seed "$seed" --no-shrink "http://127.0.0.1:$port/api/v1/openapi.json" || status=$?

    kill "$server" && wait "$server" 2>/dev/null || true
    server=""
    # 5xx answers are schemathesis's to catch; a panic is caught here even if it answered.
    if grep -q "panicked" "$work/$name.log"; then
        echo "the server panicked during the run:" >&2
        grep -A5 "panicked" "$work/$name.log" | head -20 >&2
        status=1
    fi
    return $status
}

failed=0
run_against sqlite "sqlite://$work/sqlite/sspr.db" || failed=1

pg_url="${SSPR_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
pg_admin_url="$pg_url"
if psql -q "$pg_admin_url" -c "SELECT 1" >/dev/null 2>&1; then
    pg_db="contract_$(date +%s)_$$"
    psql -q "$pg_admin_url" -c "CREATE DATABASE $pg_db" >/dev/null
    run_against postgres "${pg_url%/*}/$pg_db" || failed=1
elif [ -n "${CI:-}" ]; then
    echo "PostgreSQL is not reachable at $pg_url (CI is set, so this fails)" >&2
    failed=1
else
    echo "PostgreSQL is not reachable at $pg_url: its contract run is skipped"
fi
exit $failed
