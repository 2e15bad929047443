"""The peer: Django's built-in password reset (bench/django_peer/), served by gunicorn with 2
sync workers, seeded with the same users and hash, sending to the same SMTP sink.

A complete reset there: POST the email to PasswordResetView → the link arrives by email → GET
it (PasswordResetConfirmView keeps the token in the session and redirects to the form) → GET
the form → POST the new password twice.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import aiohttp

from . import procs, seed, stats, wrk
from .smtp_sink import SmtpSink, link_in
from .sspr import Failed, Users, fmt_wrk, new_password, self_cpu

PEER_DIR = Path(__file__).resolve().parent.parent / "django_peer"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class Peer:
    def __init__(self, workdir: Path, backend: str, database: str, smtp_port: int, workers: int):
        self.workdir, self.backend, self.database = workdir, backend, database
        self.port = procs.free_port()
        self.workers = workers
        venv_bin = Path(sys.executable).parent
        self.python = sys.executable
        self.gunicorn = str(venv_bin / "gunicorn")
        self.env = {
            "PATH": f"{venv_bin}:/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "peer.settings",
            "PEER_SECRET_KEY": secrets.token_urlsafe(40),
            "PEER_DATABASE": database,
            "PEER_SMTP_PORT": str(smtp_port),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.process: procs.Process | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def migrate(self) -> None:
        subprocess.run(
            [self.python, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=PEER_DIR, env=self.env, check=True,
        )

    async def start(self) -> None:
        argv = [
            self.gunicorn,
            "--workers", str(self.workers),
            "--worker-class", "sync",
            "--bind", f"127.0.0.1:{self.port}",
            "--log-level", "warning",
            "peer.wsgi:application",
        ]
        self.process = procs.Process(f"django ({self.backend})", argv, self.env, self.workdir / f"django-{self.backend}.log", PEER_DIR)
        self.process.start()
        await self.process.wait_http(self.url + "/password_reset/")

    def stop(self) -> None:
        if self.process:
            self.process.stop()

    def cpu(self) -> float:
        return procs.tree_cpu_seconds(self.process.pid) if self.process else 0.0


async def reset_once(http: aiohttp.ClientSession, base: str, sink: SmtpSink, i: int, password: str) -> None:
    addr = seed.address(i)
    mail = sink.expect(addr, lambda raw: b"/reset/" in raw)
    async with http.post(base + "/password_reset/", data={"email": addr}, allow_redirects=False) as r:
        await r.read()
        if r.status != 302:
            sink.forget(addr, mail)
            raise Failed("request", r.status)
    try:
        raw = await asyncio.wait_for(mail, 60)
    except asyncio.TimeoutError:
        sink.forget(addr, mail)
        raise Failed("email", "timeout")
    link = link_in(raw)
    if not link:
        raise Failed("email", "no link")
    async with http.get(base + link, allow_redirects=False) as r:
        await r.read()
        session = r.cookies.get("sessionid")
        if r.status != 302 or session is None:
            raise Failed("link", r.status)
        form = r.headers["Location"]
    cookie = {"Cookie": f"sessionid={session.value}"}
    async with http.get(base + form, headers=cookie, allow_redirects=False) as r:
        await r.read()
        if r.status != 200:
            raise Failed("form", r.status)
    data = {"new_password1": password, "new_password2": password}
    async with http.post(base + form, data=data, headers=cookie, allow_redirects=False) as r:
        await r.read()
        if r.status != 302:
            raise Failed("password", r.status)


async def run_backend(args, backend: str, workdir: Path, sink: SmtpSink, log) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    pg_url = None
    if backend == "sqlite":
        database = str(workdir / "django.db")
    else:
        pg_url = database = seed.recreate_postgres_database(args.postgres, args.pg_database + "_peer")
    peer = Peer(workdir, backend, database, sink.port, args.peer_workers)
    result: dict = {"backend": backend, "users": args.users, "workers": args.peer_workers}
    rng = random.Random(secrets.randbits(64))
    users = Users(args.users)
    try:
        log(f"  django {backend}: migrate, then seeding {args.users:,} users")
        peer.migrate()
        t0 = time.monotonic()
        phc = seed.seed_hash()
        if backend == "sqlite":
            seed.django_sqlite(Path(database), args.users, phc)
        else:
            seed.django_postgres(database, args.users, phc)
        result["seed_seconds"] = time.monotonic() - t0
        await peer.start()
        http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0),
            timeout=aiohttp.ClientTimeout(total=120),
            cookie_jar=aiohttp.DummyCookieJar(),
        )
        try:
            await reset_once(http, peer.url, sink, 0, new_password(rng))
            log(f"  django {backend}: a seeded user reset their password over HTTP; measuring")

            # 1. Reset requests (the email form), each for another person.
            people = users.take(min(args.users - 1, int(args.wrk_seconds * args.peer_request_rate_hint)))
            lines = [
                wrk.request_line("POST", "/password_reset/", "email=" + quote(seed.address(i)), FORM)
                for i in people
            ]
            sink.clear()
            r = await wrk_phase(peer, workdir / "peer-request.requests", lines, args, cycle=True)
            result["request"] = r
            log(f"  django {backend}: reset request {fmt_wrk(r)}")

            # 2. Following the emailed links (the token check), from the mail the first phase sent.
            links = [link_in(raw) for raw in sink.last.values()]
            lines = [wrk.request_line("GET", link) for link in links if link]
            sink.clear()
            if lines:
                r = await wrk_phase(peer, workdir / "peer-link.requests", lines, args, cycle=True)
                r["distinct_links"] = len(lines)
                result["link"] = r
                log(f"  django {backend}: reset link {fmt_wrk(r)}")

            # 3. Complete resets.
            r = await reset_phase(peer, http, sink, users, rng, args.reset_seconds, args.reset_concurrency)
            result["reset"] = r
            log(
                f"  django {backend}: complete resets {r['resets_per_second']:.1f}/s, p50 {r['p50_ms'] or 0:.0f} ms, "
                f"p99 {r['p99_ms'] or 0:.0f} ms, {r['failed']} failed {r['errors'] or ''}"
            )
            result["users_wrapped"] = users.wrapped
        finally:
            await http.close()
    finally:
        peer.stop()
        if peer.process:
            result["log_tail"] = peer.process.tail(20)
        if pg_url and not args.keep:
            seed.drop_postgres_database(args.postgres, args.pg_database + "_peer")
    return result


async def wrk_phase(peer: Peer, path: Path, lines: list[str], args, cycle: bool) -> dict:
    wrk.write_requests(path, lines)
    async with seed.AutoAnalyze(peer.database if peer.backend == "postgres" else None, seed.DJANGO_GROWING):
        cpu0 = peer.cpu()
        r = await wrk.run(peer.url, path, args.wrk_seconds, args.connections, cycle=cycle)
        cpu = peer.cpu() - cpu0
    r["prepared"] = len(lines)
    r["server_cpu_s"] = cpu
    r["server_cpu_ms_per_request"] = cpu * 1000 / r["requests"] if r["requests"] else None
    path.unlink()
    return r


async def reset_phase(peer: Peer, http, sink: SmtpSink, users: Users, rng, seconds: float, concurrency: int) -> dict:
    durations, errors = [], {}
    started = deadline = last_end = 0.0  # set when the phase starts, below

    async def person():
        nonlocal last_end
        while time.monotonic() < deadline:
            (i,) = users.take(1)
            t0 = time.monotonic()
            try:
                await reset_once(http, peer.url, sink, i, new_password(rng))
                durations.append(time.monotonic() - t0)
            except Failed as e:
                errors[f"{e.stage}:{e.status}"] = errors.get(f"{e.stage}:{e.status}", 0) + 1
            except (aiohttp.ClientError, asyncio.TimeoutError) as e:
                errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
            last_end = time.monotonic()

    async with seed.AutoAnalyze(peer.database if peer.backend == "postgres" else None, seed.DJANGO_GROWING):
        started = time.monotonic()
        deadline = started + seconds
        last_end = started
        cpu0, me0 = peer.cpu(), self_cpu()
        await asyncio.gather(*(person() for _ in range(concurrency)))
    elapsed = last_end - started
    done = len(durations)
    cpu = peer.cpu() - cpu0
    return {
        "concurrency": concurrency,
        "seconds": elapsed,
        "completed": done,
        "failed": sum(errors.values()),
        "errors": errors,
        "resets_per_second": done / elapsed if elapsed else None,
        "ok_ratio": done / (done + sum(errors.values())) if done + sum(errors.values()) else None,
        "server_cpu_s": cpu,
        "server_cpu_ms_per_request": cpu * 1000 / done if done else None,
        "driver_cpu_s": self_cpu() - me0,
        **stats.latency_summary(durations),
    }
