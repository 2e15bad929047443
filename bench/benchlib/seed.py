"""Seeding a directory of N users straight into the database (hashing N passwords through the API
would take an hour): every user gets the same precomputed argon2id hash and one active email
method. The column formats follow migrations/*/ and api/src/store/: ids are UUID text, flags
integer 0/1, times UTC without zone to the microsecond, `username_key` the lower-case NFKC
username, an email method's `data` its address as JSON (`{"type":"destination","address":…}`,
api/src/methods/data.rs; the address is already lower case here).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import unicodedata
import uuid
from pathlib import Path

import argon2

# OWASP's parameters, the service's defaults (SSPR_ARGON2_*), and the peer's hasher.
ARGON2 = dict(time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16, type=argon2.Type.ID)

SEED_PASSWORD = "orchard lantern basalt quiver 2026"


def seed_hash() -> str:
    """One PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) shared by every seeded user."""
    return argon2.PasswordHasher(**ARGON2).hash(SEED_PASSWORD)


def username(i: int) -> str:
    return f"user{i:06d}"


def address(i: int) -> str:
    return f"user{i:06d}@example.com"


def display_name(i: int) -> str:
    return f"Person {i:06d}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) - dt.timedelta(days=1)


def _ts(t: dt.datetime) -> str:
    # diesel stores NaiveDateTime in SQLite as "%Y-%m-%d %H:%M:%S%.f" text.
    return t.strftime("%Y-%m-%d %H:%M:%S.%f")


def _rows(count: int, phc: str):
    now = _now()
    for i in range(count):
        uid = str(uuid.uuid4())
        name = username(i)
        key = unicodedata.normalize("NFKC", name).lower()
        user = (uid, name, key, display_name(i), address(i), phc, now, now, now)
        account = (uid, "builtin", uid, now, now, now)
        data = json.dumps({"type": "destination", "address": address(i)}, separators=(",", ":"))
        method = (str(uuid.uuid4()), uid, "email", "active", data, now, now, now)
        yield user, account, method


USER_COLUMNS = (
    "id, username, username_key, display_name, email, password_hash, "
    "password_changed_at, created_at, updated_at"
)
# Built-in people have an account under the same id (the directory seam, issue 13).
ACCOUNT_COLUMNS = "id, directory, directory_ref, methods_confirmed_at, created_at, updated_at"
METHOD_COLUMNS = "id, user_id, kind, status, data, created_at, activated_at, updated_at"
# Everything else takes the column default: not an admin, enabled, no lockout, epoch 0.


def sspr_sqlite(path: Path, count: int, phc: str) -> None:
    conn = sqlite3.connect(path)
    try:
        users, accounts, methods = [], [], []
        for u, a, m in _rows(count, phc):
            users.append(u[:6] + tuple(_ts(x) for x in u[6:]))
            accounts.append(a[:3] + tuple(_ts(x) for x in a[3:]))
            methods.append(m[:5] + tuple(_ts(x) for x in m[5:]))
        with conn:
            conn.executemany(f"INSERT INTO accounts ({ACCOUNT_COLUMNS}) VALUES (?,?,?,?,?,?)", accounts)
            conn.executemany(f"INSERT INTO users ({USER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)", users)
            conn.executemany(f"INSERT INTO methods ({METHOD_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", methods)
        # No ANALYZE: the service never runs it, so a long-lived SQLite file has no statistics.
    finally:
        conn.close()


def sspr_postgres(url: str, count: int, phc: str) -> None:
    import psycopg

    with psycopg.connect(url) as conn:
        with conn.cursor() as cur:
            rows = list(_rows(count, phc))
            with cur.copy(f"COPY accounts ({ACCOUNT_COLUMNS}) FROM STDIN") as copy:
                for _, a, _ in rows:
                    copy.write_row(a)
            with cur.copy(f"COPY users ({USER_COLUMNS}) FROM STDIN") as copy:
                for u, _, _ in rows:
                    copy.write_row(u)
            with cur.copy(f"COPY methods ({METHOD_COLUMNS}) FROM STDIN") as copy:
                for _, _, m in rows:
                    copy.write_row(m)
        conn.commit()
    analyze(url)


def analyze(url: str, tables: tuple[str, ...] = ()) -> None:
    """Fresh planner statistics for `tables` (every table by default) of the database at `url`."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE " + ", ".join(f'"{t}"' for t in tables))


# Tables that grow while the bench runs (users and methods are analyzed once, after seeding).
SSPR_GROWING = (
    "rate_events", "recovery_flows", "verification_codes", "captcha_uses", "audit_events",
    "outbox", "sessions", "password_history",
)
DJANGO_GROWING = ("django_session",)


class AutoAnalyze:
    """Stands in for autovacuum's ANALYZE of the growing tables while a phase runs, every
    `interval` seconds.

    A live PostgreSQL's autovacuum keeps planner statistics in step with tables that grow (every
    flow start adds rows to `rate_events`, `recovery_flows`, `captcha_uses`, `audit_events`).
    The PostgreSQL the bench runs on may have autovacuum off (this machine's test server has),
    and then a plan made while a table was nearly empty — a sequential scan of `rate_events` —
    stays cached in the pool's connections while the table grows, which is not what a deployment
    sees. ANALYZE invalidates those plans."""

    def __init__(self, url: str | None, tables: tuple[str, ...] = SSPR_GROWING, interval: float = 2.0) -> None:
        self.url, self.tables, self.interval = url, tables, interval
        self.task = None
        self.runs = 0

    async def __aenter__(self):
        import asyncio

        if self.url:
            await asyncio.to_thread(analyze, self.url, self.tables)

            async def loop():
                while True:
                    await asyncio.sleep(self.interval)
                    await asyncio.to_thread(analyze, self.url, self.tables)
                    self.runs += 1

            self.task = asyncio.create_task(loop())
        return self

    async def __aexit__(self, *exc):
        import asyncio

        if self.task:
            self.task.cancel()
            try:
                await self.task
            except asyncio.CancelledError:
                pass


def django_rows(count: int, phc: str):
    """auth_user rows: Django's argon2 hasher writes `argon2` + the PHC string."""
    joined = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    for i in range(count):
        yield ("argon2" + phc, False, username(i), "Person", f"{i:06d}", address(i), False, True, joined)


DJANGO_COLUMNS = "password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined"


def django_sqlite(path: Path, count: int, phc: str) -> None:
    conn = sqlite3.connect(path)
    try:
        rows = [
            (p, int(su), u, f, l, e, int(st), int(a), j.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f"))
            for p, su, u, f, l, e, st, a, j in django_rows(count, phc)
        ]
        with conn:
            conn.executemany(f"INSERT INTO auth_user ({DJANGO_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    finally:
        conn.close()


def django_postgres(url: str, count: int, phc: str) -> None:
    import psycopg

    with psycopg.connect(url) as conn:
        with conn.cursor() as cur:
            with cur.copy(f"COPY auth_user ({DJANGO_COLUMNS}) FROM STDIN") as copy:
                for row in django_rows(count, phc):
                    copy.write_row(row)
        conn.commit()
    analyze(url)


def recreate_postgres_database(admin_url: str, name: str) -> str:
    """Drops and creates `name`; returns its URL."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin_url.rpartition("/")
    return f"{base}/{name}"


def drop_postgres_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_facts(url: str) -> dict:
    """The server's version and its autovacuum setting (see AutoAnalyze)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        autovacuum = conn.execute("SHOW autovacuum").fetchone()[0]
    return {"server_version": version, "autovacuum": autovacuum}


def pg_counters(url: str) -> dict:
    """This database's transaction and row counters (pg_stat_database), for per-request figures."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted "
            "FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    names = ["xact_commit", "xact_rollback", "tup_returned", "tup_fetched", "tup_inserted", "tup_updated", "tup_deleted"]
    return dict(zip(names, (int(x) for x in row)))
