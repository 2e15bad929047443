"""Driving sspr: its process, its API, the pre-built requests for wrk, and the phases.

How a reset is driven over HTTP (as api/tests/api/recovery.rs does): solve a built-in CAPTCHA
(`GET /api/v1/captcha/challenge`, find n with sha256(salt + n) == challenge), `POST
/api/v1/recovery/flows`, `POST …/challenges` (the code goes out by email in the background), read
the code from the SMTP sink, `POST …/verify`, `POST …/password` with the new flow token.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import random
import resource
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from . import procs, seed, stats, wrk
from .smtp_sink import SmtpSink, code_in

ADMIN = "admin"
ADMIN_PASSWORD = "bench bootstrap administrator passphrase"
CAPTCHA_DIFFICULTY = 1000
JSON = {"Content-Type": "application/json"}

WORDS = (
    "amber basil cedar delta ember fjord glade harbor iris juniper kestrel lagoon meadow nectar "
    "onyx pebble quartz raven sierra thistle umber velvet willow yonder zephyr anchor bramble "
    "canyon dune falcon granite heron indigo jasper kelp lichen marble nimbus orchid prairie "
    "quill ripple saffron tundra upland vortex walnut yarrow"
).split()


def new_password(rng: random.Random) -> str:
    """A passphrase every rule of the default policy accepts (length, zxcvbn, not common)."""
    return " ".join(rng.sample(WORDS, 4)) + f" {rng.randrange(100, 1000)}"


def solve(challenge: dict) -> str:
    """The built-in ALTCHA proof of work, as the browser widget solves it."""
    salt, target = challenge["salt"], bytes.fromhex(challenge["challenge"])
    base = hashlib.sha256(salt.encode())
    for n in range(challenge["maxnumber"] + 1):
        h = base.copy()
        h.update(str(n).encode())
        if h.digest() == target:
            break
    else:
        raise RuntimeError("unsolvable CAPTCHA")
    payload = {k: challenge[k] for k in ("algorithm", "challenge", "salt", "signature")}
    payload["number"] = n
    return base64.b64encode(json.dumps(payload).encode()).decode()


class ClientAddresses:
    """Client addresses for `X-Forwarded-For`, from 198.18.0.0/15 (RFC 2544's benchmarking
    range; a header value only, no traffic goes there). The service believes the header from
    127.0.0.1 (SSPR_TRUSTED_PROXIES), as it would from a load balancer, so each flow start
    comes from its own client and the per-address start limit keeps its default."""

    def __init__(self, single: bool) -> None:
        self.single = single
        self.n = 0

    def next(self) -> dict[str, str]:
        if self.single:
            return {}
        self.n += 1
        v = (198 << 24) + (18 << 16) + (self.n % (1 << 17))
        return {"X-Forwarded-For": f"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}"}


class Users:
    """Hands out seeded user numbers, each phase its own (a new flow supersedes the person's
    older ones, so prepared flows must not share a person). Wraps around only when a small
    development directory runs out."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.cursor = 1  # user 0 is the sanity check's
        self.wrapped = False

    def take(self, n: int) -> list[int]:
        out = []
        for _ in range(n):
            if self.cursor >= self.count:
                self.cursor = 1
                self.wrapped = True
            out.append(self.cursor)
            self.cursor += 1
        return out


@dataclass
class Server:
    binary: Path
    workdir: Path
    backend: str
    database_url: str
    smtp_port: int
    single_ip: bool
    port: int = field(default_factory=procs.free_port)
    process: procs.Process | None = None
    # Settings beyond the bench's own (a directory's).
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/root"),
            "RUST_LOG": "warn",
            "SSPR_LOG_FORMAT": "json",
            "SSPR_BIND": f"127.0.0.1:{self.port}",
            "SSPR_PUBLIC_URL": self.url,
            "SSPR_DATABASE_URL": self.database_url,
            "SSPR_DATA_DIR": str(self.workdir / "data"),
            "SSPR_BOOTSTRAP_ADMIN_USERNAME": ADMIN,
            "SSPR_BOOTSTRAP_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "SSPR_SMTP_URL": f"smtp://127.0.0.1:{self.smtp_port}",
            "SSPR_SMTP_FROM": "Bench <no-reply@example.com>",
            "SSPR_CAPTCHA_DIFFICULTY": str(CAPTCHA_DIFFICULTY),
        }
        env.update(changed_settings(self.single_ip))
        env.update(self.extra)
        return env

    async def start(self) -> None:
        self.process = procs.Process(
            f"sspr ({self.backend})", [str(self.binary)], self.env(), self.workdir / f"sspr-{self.backend}.log"
        )
        self.process.start()
        await self.process.wait_http(self.url + "/api/v1/health/ready")

    def stop(self) -> None:
        if self.process:
            self.process.stop()

    def cpu(self) -> float:
        return procs.cpu_seconds(self.process.pid) if self.process else 0.0


def changed_settings(single_ip: bool) -> dict[str, str]:
    """Settings the bench changes beyond the set-up ones (listed in docs/PERFORMANCE.md)."""
    if single_ip:
        # Everything from 127.0.0.1: the per-address start limit (30 per 15 minutes) would stop
        # the bench after 30 requests.
        return {"SSPR_FLOW_STARTS_PER_IP": "1000000000"}
    return {"SSPR_TRUSTED_PROXIES": "127.0.0.1/32"}


class Api:
    def __init__(self, base: str, timeout: float = 60.0, connections: int = 0) -> None:
        self.base = base
        self.http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=connections, keepalive_timeout=3),
            timeout=aiohttp.ClientTimeout(total=timeout),
            cookie_jar=aiohttp.DummyCookieJar(),
        )

    async def close(self) -> None:
        await self.http.close()

    async def call(self, method: str, path: str, body=None, token: str | None = None, headers=None):
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        async with self.http.request(method, self.base + path, json=body, headers=h) as r:
            text = await r.text()
            try:
                data = json.loads(text) if text else None
            except ValueError:
                data = text
            return r.status, data, r.headers

    async def captcha(self) -> str:
        status, body, _ = await self.call("GET", "/api/v1/captcha/challenge")
        if status != 200:
            raise RuntimeError(f"captcha challenge: {status} {body}")
        return solve(body)

    async def admin_token(self) -> str:
        status, body, _ = await self.call("POST", "/api/v1/auth/sign-in", {"username": ADMIN, "password": ADMIN_PASSWORD})
        if status != 200:
            raise RuntimeError(f"admin sign-in: {status} {body}")
        return body["access_token"]

    async def open_policy(self, token: str | None = None, **changes) -> None:
        """Everyone in scope, email enabled, one method required (the rest as shipped), as the
        bootstrap administrator or the holder of `token`."""
        token = token or await self.admin_token()
        status, policy, headers = await self.call("GET", "/api/v1/admin/policy", token=token)
        if status != 200:
            raise RuntimeError(f"policy: {status} {policy}")
        policy.update({"scope": "all", "group_ids": [], "methods_enabled": ["email"], "methods_required": 1, **changes})
        status, body, _ = await self.call(
            "PUT", "/api/v1/admin/policy", policy, token=token, headers={"If-Match": headers["ETag"]}
        )
        if status != 200:
            raise RuntimeError(f"policy PUT: {status} {body}")

    async def start(self, username: str, captcha: str, client: dict):
        body = {"username": username, "purpose": "reset_password", "captcha": captcha}
        return await self.call("POST", "/api/v1/recovery/flows", body, headers=client)

    async def step(self, flow_id: str, token: str, step: str, body, client: dict):
        return await self.call("POST", f"/api/v1/recovery/flows/{flow_id}/{step}", body, token=token, headers=client)


class Failed(Exception):
    def __init__(self, stage: str, status, body=None):
        super().__init__(f"{stage}: {status} {str(body)[:200]}")
        self.stage, self.status = stage, status


async def start_and_send(api: Api, sink: SmtpSink, i: int, client: dict, code_timeout: float = 60.0,
                         captcha: str | None = None):
    """Start a flow for user i, send the email code, read it: (flow_id, token, method_id, code).
    `captcha`: a solution prepared beforehand (else one is fetched and solved now)."""
    captcha = captcha or await api.captcha()
    status, flow, _ = await api.start(seed.username(i), captcha, client)
    if status != 201:
        raise Failed("start", status, flow)
    method_id = flow["methods"][0]["method_id"]
    addr = seed.address(i)
    mail = sink.expect(addr, lambda raw: b"verification code" in raw)
    status, body, _ = await api.step(flow["flow_id"], flow["flow_token"], "challenges", {"method_id": method_id}, client)
    if status != 202:
        sink.forget(addr, mail)
        raise Failed("challenge", status, body)
    try:
        raw = await asyncio.wait_for(mail, code_timeout)
    except asyncio.TimeoutError:
        sink.forget(addr, mail)
        raise Failed("email", "timeout")
    code = code_in(raw)
    if not code:
        raise Failed("email", "no code", raw[:200])
    return flow["flow_id"], flow["flow_token"], method_id, code


async def reset_once(api: Api, sink: SmtpSink, i: int, client: dict, password: str,
                     captcha: str | None = None) -> None:
    flow_id, token, method_id, code = await start_and_send(api, sink, i, client, captcha=captcha)
    status, body, _ = await api.step(flow_id, token, "verify", {"method_id": method_id, "code": code}, client)
    if status != 200:
        raise Failed("verify", status, body)
    status, body, _ = await api.step(flow_id, body["flow_token"], "password", {"new_password": password}, client)
    if status != 200:
        raise Failed("password", status, body)


async def in_parallel(items, worker, concurrency: int):
    """Runs worker(item) over items with `concurrency` tasks; returns (results, errors)."""
    queue = list(reversed(list(items)))
    results, errors = [], {}

    async def run():
        while queue:
            item = queue.pop()
            try:
                results.append(await worker(item))
            except Failed as e:
                key = f"{e.stage}:{e.status}"
                errors[key] = errors.get(key, 0) + 1
            except (aiohttp.ClientError, asyncio.TimeoutError) as e:
                key = f"http:{type(e).__name__}"
                errors[key] = errors.get(key, 0) + 1

    await asyncio.gather(*(run() for _ in range(concurrency)))
    return results, errors


def self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# --- the phases ---------------------------------------------------------------------------


@dataclass
class Context:
    """What every phase of one backend needs."""

    server: Server
    api: Api
    sink: SmtpSink
    users: Users
    clients: ClientAddresses
    workdir: Path
    pg_url: str | None
    rng: random.Random


async def sanity(c: Context) -> None:
    """Before measuring: a seeded user signs in with the seeded hash and resets over HTTP."""
    status, body, _ = await c.api.call(
        "POST", "/api/v1/auth/sign-in", {"username": seed.username(0), "password": seed.SEED_PASSWORD}
    )
    if status != 200:
        raise RuntimeError(f"a seeded user cannot sign in ({status} {body}): the seeding is wrong")
    await reset_once(c.api, c.sink, 0, c.clients.next(), new_password(c.rng))


async def measured(c: Context, run) -> dict:
    """Runs a phase and adds the server's CPU time and, on PostgreSQL, database counters."""
    async with seed.AutoAnalyze(c.pg_url):
        cpu0, me0 = c.server.cpu(), self_cpu()
        pg0 = seed.pg_counters(c.pg_url) if c.pg_url else None
        result = await run()
        cpu1, me1 = c.server.cpu(), self_cpu()
    result["server_cpu_s"] = cpu1 - cpu0
    result["driver_cpu_s"] = me1 - me0
    done = result.get("requests") or result.get("completed") or 0
    result["server_cpu_ms_per_request"] = (cpu1 - cpu0) * 1000 / done if done else None
    if pg0 is not None:
        await asyncio.sleep(2.0)  # PostgreSQL publishes a backend's counters within a second or so
        pg1 = seed.pg_counters(c.pg_url)
        result["postgres_per_request"] = {k: (pg1[k] - pg0[k]) / done if done else None for k in pg0}
    return result


async def prepare_starts(c: Context, n: int, concurrency: int = 8) -> list[str]:
    """n flow starts for wrk: each its own person and its own solved, single-use CAPTCHA."""
    people = c.users.take(n)

    async def one(i):
        client = c.clients.next()
        body = {"username": seed.username(i), "purpose": "reset_password", "captcha": await c.api.captcha()}
        return wrk.request_line("POST", "/api/v1/recovery/flows", json.dumps(body), {**JSON, **client})

    lines, errors = await in_parallel(people, one, concurrency)
    if errors:
        print(f"    preparing starts: {errors}")
    return lines


async def prepare_verifies(c: Context, n: int, concurrency: int = 32) -> tuple[list[str], dict]:
    """n code verifications for wrk: flows started and challenged, codes read from the sink."""
    people = c.users.take(n)

    async def one(i):
        client = c.clients.next()
        flow_id, token, method_id, code = await start_and_send(c.api, c.sink, i, client)
        body = json.dumps({"method_id": method_id, "code": code})
        headers = {**JSON, "Authorization": f"Bearer {token}", **client}
        return wrk.request_line("POST", f"/api/v1/recovery/flows/{flow_id}/verify", body, headers)

    return await in_parallel(people, one, concurrency)


async def wrk_phase(c: Context, name: str, lines: list[str], seconds: float, connections: int) -> dict:
    path = c.workdir / f"{name}.requests"
    wrk.write_requests(path, lines)

    async def run():
        r = await wrk.run(c.server.url, path, seconds, connections)
        r["prepared"] = len(lines)
        return r

    result = await measured(c, run)
    path.unlink()
    return result


async def prepare_captchas(c: Context, n: int, concurrency: int = 8) -> list[str]:
    """n CAPTCHA solutions, fetched and solved before a timed phase: solving is the driver's
    work, and on a shared machine it would take cores from the service being measured."""
    solved, errors = await in_parallel(range(n), lambda _: c.api.captcha(), concurrency)
    if errors:
        print(f"    preparing CAPTCHAs: {errors}")
    return solved


async def reset_phase(c: Context, seconds: float, concurrency: int, password=new_password,
                      captchas: list[str] | None = None) -> dict:
    """Complete resets by `concurrency` people at a time, for `seconds`; `password(rng)` makes
    each new password; `captchas` are solutions prepared beforehand (when they run out, each
    reset solves its own, and the result says how many did)."""
    captchas = list(captchas or [])
    prepared = len(captchas)
    durations, errors = [], {}
    started = time.monotonic()
    deadline = started + seconds
    last_end = started

    async def person():
        nonlocal last_end
        while time.monotonic() < deadline:
            (i,) = c.users.take(1)
            t0 = time.monotonic()
            try:
                captcha = captchas.pop() if captchas else None
                await reset_once(c.api, c.sink, i, c.clients.next(), password(c.rng), captcha)
                durations.append(time.monotonic() - t0)
            except Failed as e:
                errors[f"{e.stage}:{e.status}"] = errors.get(f"{e.stage}:{e.status}", 0) + 1
            except (aiohttp.ClientError, asyncio.TimeoutError) as e:
                errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
            last_end = time.monotonic()

    async def run():
        await asyncio.gather(*(person() for _ in range(concurrency)))
        elapsed = last_end - started
        done = len(durations)
        return {
            "concurrency": concurrency,
            "captchas_prepared": prepared,
            "captchas_solved_during": max(0, done + sum(errors.values()) - prepared),
            "seconds": elapsed,
            "completed": done,
            "failed": sum(errors.values()),
            "errors": errors,
            "resets_per_second": done / elapsed if elapsed else None,
            "ok_ratio": done / (done + sum(errors.values())) if done + sum(errors.values()) else None,
            **stats.latency_summary(durations),
        }

    return await measured(c, run)


async def probe_loop(api: Api, kind: str, items: list, seconds: float, interval: float, out: list) -> None:
    """One kind of probe, one request at a time, every `interval` seconds: (latency, ok) pairs."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and (kind == "health" or items):
        t0 = time.monotonic()
        try:
            if kind == "health":
                status, _, _ = await api.call("GET", "/api/v1/health")
                ok = status == 200
            elif kind == "start":
                username, captcha, client = items.pop()
                status, _, _ = await api.start(username, captcha, client)
                ok = status == 201
            else:
                flow_id, token, method_id, code, client = items.pop()
                status, _, _ = await api.step(flow_id, token, "verify", {"method_id": method_id, "code": code}, client)
                ok = status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError):
            status, ok = "error", False
        out.append((time.monotonic() - t0, ok, status))
        await asyncio.sleep(max(0.0, interval - (time.monotonic() - t0)))


def probe_summary(samples: list) -> dict:
    oks = [s for s in samples if s[1]]
    statuses: dict = {}
    for _, _, st in samples:
        statuses[str(st)] = statuses.get(str(st), 0) + 1
    return {
        **stats.latency_summary([s[0] for s in samples]),
        "ok": len(oks),
        "ok_ratio": len(oks) / len(samples) if samples else None,
        "statuses": statuses,
    }


async def probes(api: Api, starts: list, verifies: list, seconds: float, interval: float) -> dict:
    samples = {"health": [], "start": [], "verify": []}
    await asyncio.gather(
        probe_loop(api, "health", [], seconds, interval, samples["health"]),
        probe_loop(api, "start", starts, seconds, interval, samples["start"]),
        probe_loop(api, "verify", verifies, seconds, interval, samples["verify"]),
    )
    return {k: probe_summary(v) for k, v in samples.items()}


async def overload_phase(c: Context, seconds: float, quiet_seconds: float, connections: int, interval: float) -> dict:
    """A flood of wrong-password sign-ins (real usernames, `connections` clients without pause)
    while probes check that health, flow start and code verification still answer."""
    per_kind = int((seconds + quiet_seconds) / interval) + 10
    starts = []
    for i in c.users.take(per_kind):
        starts.append((seed.username(i), await c.api.captcha(), c.clients.next()))
    verify_items, errors = await in_parallel(
        c.users.take(per_kind),
        lambda i: _verify_item(c, i),
        8,
    )
    if errors:
        print(f"    preparing probes: {errors}")
    # The flood: many people, each a few wrong tries at most (10 in a row lock an account, and a
    # locked account still costs a hash, so the lockout does not change the load).
    flood_people = c.users.take(min(c.users.count - 1, 5000))
    lines = [
        wrk.request_line(
            "POST",
            "/api/v1/auth/sign-in",
            json.dumps({"username": seed.username(i), "password": f"not the password {i}"}),
            JSON,
        )
        for i in flood_people
    ]
    path = c.workdir / "flood.requests"
    wrk.write_requests(path, lines)
    probe_api = Api(c.server.url, timeout=30.0)
    try:
        async with seed.AutoAnalyze(c.pg_url):
            quiet = await probes(probe_api, starts, verify_items, quiet_seconds, interval)
            cpu0 = c.server.cpu()
            flood_task = asyncio.create_task(wrk.run(c.server.url, path, seconds, connections, cycle=True))
            await asyncio.sleep(1.0)  # let the queue fill
            loaded = await probes(probe_api, starts, verify_items, max(1.0, seconds - 2.0), interval)
            flood = await flood_task
            cpu1 = c.server.cpu()
    finally:
        await probe_api.close()
        path.unlink(missing_ok=True)
    shed = flood["statuses"].get(503, 0)
    refused = flood["statuses"].get(401, 0)
    return {
        "flood": {
            **flood,
            "connections": connections,
            "shed_503": shed,
            "shed_503_with_retry_after": flood["retry_after"],
            "hashed_401": refused,
            "hashed_per_second": refused / flood["seconds"] if flood["seconds"] else None,
            "other": {k: v for k, v in flood["statuses"].items() if k not in (401, 503)},
            "server_cpu_s": cpu1 - cpu0,
        },
        "probes_quiet": quiet,
        "probes_flood": loaded,
        "probe_interval_s": interval,
    }


async def _verify_item(c: Context, i: int):
    client = c.clients.next()
    flow_id, token, method_id, code = await start_and_send(c.api, c.sink, i, client)
    return (flow_id, token, method_id, code, client)


async def run_backend(args, backend: str, workdir: Path, sink: SmtpSink, binary: Path, log) -> dict:
    """Every sspr phase on one backend, on a freshly seeded directory."""
    workdir.mkdir(parents=True, exist_ok=True)
    pg_url = None
    if backend == "sqlite":
        db_url = f"sqlite://{workdir / 'sspr.db'}"
    else:
        pg_url = db_url = seed.recreate_postgres_database(args.postgres, args.pg_database)
    server = Server(binary, workdir, backend, db_url, sink.port, args.single_ip)
    result: dict = {"backend": backend, "users": args.users, "settings": changed_settings(args.single_ip)}
    if pg_url:
        result["postgres"] = seed.pg_facts(pg_url)
    rng = random.Random(secrets.randbits(64))
    try:
        log(f"  {backend}: first start (migrations), then seeding {args.users:,} users")
        await server.start()
        server.stop()
        t0 = time.monotonic()
        phc = seed.seed_hash()
        if backend == "sqlite":
            seed.sspr_sqlite(workdir / "sspr.db", args.users, phc)
        else:
            seed.sspr_postgres(db_url, args.users, phc)
        result["seed_seconds"] = time.monotonic() - t0
        await server.start()
        api = Api(server.url)
        c = Context(server, api, sink, Users(args.users), ClientAddresses(args.single_ip), workdir, pg_url, rng)
        try:
            await api.open_policy()
            await sanity(c)
            log(f"  {backend}: a seeded user reset their password over HTTP; measuring")

            n = args.start_requests or int(args.wrk_seconds * args.start_rate_hint)
            t0 = time.monotonic()
            lines = await prepare_starts(c, n)
            prep = time.monotonic() - t0
            r = await wrk_phase(c, "start", lines, args.wrk_seconds, args.connections)
            r["prepare_seconds"] = prep
            result["start"] = r
            log(f"  {backend}: flow start {fmt_wrk(r)}")

            n = args.verify_requests or int(args.wrk_seconds * args.verify_rate_hint)
            n = min(n, args.users - 1)
            t0 = time.monotonic()
            lines, errors = await prepare_verifies(c, n)
            prep = time.monotonic() - t0
            r = await wrk_phase(c, "verify", lines, args.wrk_seconds, args.connections)
            r["prepare_seconds"], r["prepare_errors"] = prep, errors
            result["verify"] = r
            log(f"  {backend}: code verification {fmt_wrk(r)}")

            captchas = await prepare_captchas(c, int(args.reset_seconds * args.reset_rate_hint))
            r = await reset_phase(c, args.reset_seconds, args.reset_concurrency, captchas=captchas)
            result["reset"] = r
            log(
                f"  {backend}: complete resets {r['resets_per_second']:.1f}/s, p50 {r['p50_ms'] or 0:.0f} ms, "
                f"p99 {r['p99_ms'] or 0:.0f} ms, {r['failed']} failed {r['errors'] or ''}"
            )

            r = await overload_phase(
                c, args.overload_seconds, args.probe_quiet_seconds, args.flood_connections, args.probe_interval
            )
            result["overload"] = r
            f = r["flood"]
            log(
                f"  {backend}: overload: {f['requests']:,} sign-ins, {f['shed_503']:,} shed (503, "
                f"{f['shed_503_with_retry_after']:,} with Retry-After), {f['hashed_401']:,} hashed; probes p99 "
                + ", ".join(f"{k} {v['p99_ms'] or 0:.0f} ms ({(v['ok_ratio'] or 0) * 100:.0f}% ok)" for k, v in r["probes_flood"].items())
            )
            result["users_wrapped"] = c.users.wrapped
            result["peak_rss_mib"] = procs.peak_rss_mib(server.process.pid) if server.process else None
        finally:
            await api.close()
    finally:
        server.stop()
        if server.process and server.process.log.exists():
            result["log_tail"] = server.process.tail(20)
    return result


def fmt_wrk(r: dict) -> str:
    dry = " (all prepared requests sent)" if r.get("threads_exhausted") else ""
    return (
        f"{r['requests_per_second']:.0f} req/s, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, "
        f"{r['ok']:,}/{r['requests']:,} ok in {r['seconds']:.1f} s{dry}; statuses {r['statuses']}"
    )
