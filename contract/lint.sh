#!/usr/bin/env bash
# The tools API portals run on openapi/openapi.json must accept it: openapi-spec-validator
# (valid OpenAPI 3.1), Spectral's spectral:oas ruleset (no errors) and openapi-python-client,
# which must generate a client without warnings that then drives one whole reset against the
# service (contract/client_reset.py). Each tool from a pinned version.
#
#   contract/lint.sh            # after `cargo build -p sspr-api --bin sspr`
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
venv="${SSPR_LINT_VENV:-$target/openapi-lint-venv}"
binary="${SSPR_BINARY:-$target/debug/sspr}"
# Absolute: the generator runs from a temporary folder.
case "$venv" in /*) ;; *) venv="$PWD/$venv" ;; esac
npm_flags=(--no-audit --no-fund --loglevel=error)

if [ ! -x "$venv/bin/openapi-python-client" ] || ! "$venv/bin/python" -c "import aiosmtpd, standardwebhooks" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r contract/lint-requirements.txt
fi
(cd contract && npm ci "${npm_flags[@]}" >/dev/null)

echo "== openapi-spec-validator"
"$venv/bin/openapi-spec-validator" openapi/openapi.json

echo "== spectral lint (spectral:oas)"
contract/node_modules/.bin/spectral lint --ruleset contract/.spectral.yaml \
    --fail-severity error --display-only-failures openapi/openapi.json

echo "== openapi-python-client generate"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
log="$out/generate.log"
(cd "$out" && PATH="$venv/bin:$PATH" "$venv/bin/openapi-python-client" generate \
    --path "$OLDPWD/openapi/openapi.json" --meta none) >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
if grep -qi "warning\|error" "$log"; then
    echo "openapi-python-client reported problems:" >&2
    cat "$log" >&2
    exit 1
fi
echo "generated $(find "$out" -name '*.py' | wc -l) Python files"

echo "== the generated client runs a reset"
"$venv/bin/python" contract/client_reset.py "$out" "$binary"
