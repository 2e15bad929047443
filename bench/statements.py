#!/usr/bin/env python3
"""SQL statements per request of a complete reset, counted by PostgreSQL itself.

For each binary given, on a fresh PostgreSQL database with `log_statement = 'all'` set for that
database only: seed a few users, run one complete reset to warm the pool, then run a second one
and count, for each request (CAPTCHA challenge, start, challenge, verify, password), the
statements the server sent (`LOG:  statement:` and `LOG:  execute …:` lines of that database in
the server log, BEGIN and COMMIT included). Counting is exact and does not depend on how busy
the machine is, so it gives a before/after that timing cannot:

    bench/statements.py --binary /var/tmp/baseline/sspr --binary target/release/sspr

The outbox sender is slowed to once a minute (the most allowed) so that its polling does not enter the counts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import seed  # noqa: E402
from benchlib.smtp_sink import SmtpSink, code_in  # noqa: E402
from benchlib.sspr import Api, Server  # noqa: E402

STEPS = ["captcha", "start", "challenge", "verify", "password"]


class QuietServer(Server):
    def env(self) -> dict[str, str]:
        env = super().env()
        env["SSPR_OUTBOX_POLL_MS"] = "60000"
        return env


class Log:
    """New lines of the PostgreSQL server log for one database."""

    def __init__(self, path: Path, database: str) -> None:
        self.path, self.tag = path, f"@{database} "
        self.offset = path.stat().st_size

    def statements(self) -> list[str]:
        with self.path.open("rb") as f:
            f.seek(self.offset)
            data = f.read()
        self.offset += len(data)
        lines = data.decode("utf-8", "replace").splitlines()
        return [
            line
            for line in lines
            if self.tag in line and ("LOG:  statement:" in line or "LOG:  execute " in line)
        ]


async def settle() -> None:
    # The log is written by another process; give it a moment.
    await asyncio.sleep(0.5)


async def one_reset(api: Api, sink: SmtpSink, i: int, log: Log | None) -> dict[str, list[str]]:
    counts: dict[str, list[str]] = {}

    async def mark(step: str) -> None:
        if log:
            await settle()
            counts[step] = log.statements()

    client: dict = {}
    if log:
        await settle()
        log.statements()
    captcha = await api.captcha()
    await mark("captcha")
    status, flow, _ = await api.start(seed.username(i), captcha, client)
    assert status == 201, (status, flow)
    await mark("start")
    method_id = flow["methods"][0]["method_id"]
    mail = sink.expect(seed.address(i), lambda raw: b"verification code" in raw)
    status, body, _ = await api.step(flow["flow_id"], flow["flow_token"], "challenges", {"method_id": method_id}, client)
    assert status == 202, (status, body)
    code = code_in(await asyncio.wait_for(mail, 30))
    await mark("challenge")
    status, body, _ = await api.step(flow["flow_id"], flow["flow_token"], "verify", {"method_id": method_id, "code": code}, client)
    assert status == 200, (status, body)
    await mark("verify")
    status, body, _ = await api.step(
        flow["flow_id"], body["flow_token"], "password", {"new_password": f"a fresh passphrase number {i} for the bench"}, client
    )
    assert status == 200, (status, body)
    await mark("password")
    return counts


async def measure(binary: Path, postgres: str, pg_log: Path) -> dict:
    import psycopg

    database = f"sspr_statements_{int(time.time())}"
    url = seed.recreate_postgres_database(postgres, database)
    sink = SmtpSink()
    await sink.start()
    with tempfile.TemporaryDirectory() as tmp:
        server = QuietServer(binary, Path(tmp), "postgres", url, sink.port, True)
        try:
            await server.start()
            server.stop()
            seed.sspr_postgres(url, 10, seed.seed_hash())
            with psycopg.connect(postgres, autocommit=True) as conn:
                conn.execute(f"ALTER DATABASE {database} SET log_statement = 'all'")
            await server.start()
            api = Api(server.url)
            try:
                await api.open_policy()
                await one_reset(api, sink, 1, None)
                log = Log(pg_log, database)
                counts = await one_reset(api, sink, 2, log)
            finally:
                await api.close()
        finally:
            server.stop()
            await sink.stop()
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    return {
        "binary": str(binary),
        "statements": {step: len(counts[step]) for step in STEPS},
        "total": sum(len(counts[step]) for step in STEPS),
        "detail": counts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", action="append", required=True, type=Path)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--pg-log", default="/var/log/postgresql/postgresql-15-main.log", type=Path)
    parser.add_argument("--json", type=Path, help="write the counts (with every statement) here")
    args = parser.parse_args()
    results = [asyncio.run(measure(b, args.postgres, args.pg_log)) for b in args.binary]
    print("| binary | " + " | ".join(STEPS) + " | total |")
    print("|---|" + "---|" * (len(STEPS) + 1))
    for r in results:
        print(f"| `{r['binary']}` | " + " | ".join(str(r["statements"][s]) for s in STEPS) + f" | {r['total']} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
