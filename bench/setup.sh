#!/usr/bin/env bash
# Installs what bench/run.py needs on a fresh Debian machine: wrk, the build's C dependencies, a
# running PostgreSQL with trust auth on loopback (as .ci/run sets one up), and a Python venv with
# the pinned bench/requirements.txt. Idempotent: on a machine that has it all, it changes nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${BENCH_VENV:-/var/tmp/sspr-bench-venv}"
python="${BENCH_PYTHON:-python3}"

need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v cc >/dev/null || need_apt+=(gcc)
[ -e /usr/include/postgresql/libpq-fe.h ] || need_apt+=(libpq-dev)
command -v pg_ctlcluster >/dev/null || need_apt+=(postgresql)
"$python" -c 'import ensurepip, venv' 2>/dev/null || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "bench/setup.sh: installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [[ " ${need_apt[*]-} " == *" postgresql "* ]]; then
  # A packaged cluster asks for passwords; the bench (like the tests) uses trust on loopback.
  hba="$(ls /etc/postgresql/*/main/pg_hba.conf | head -1)"
  { echo "local all all trust"; echo "host all all 127.0.0.1/32 trust"; echo "host all all ::1/128 trust"; cat "$hba"; } > "$hba.new"
  mv "$hba.new" "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main restart || true
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "bench/setup.sh: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bench/setup.sh: creating $venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"
  echo "$want" > "$stamp"
fi
