#!/usr/bin/env python3
"""sspr's benchmark: `make bench` (or bench/run.py in the bench venv). See bench/README.md.

Builds the release binary and the argon2 floor example, then, in one run on this machine:
the argon2id floor; on each backend a freshly seeded directory and flow start, code
verification (wrk replaying pre-built requests), complete resets (an asyncio driver) and a
sign-in flood with probes; Django's built-in password reset as the peer; and the floor again.
Writes docs/PERFORMANCE.md and bench/results/<time>.json.

Development: small sizes, e.g. `bench/run.py --users 2000 --seconds 5 --doc /tmp/PERF.md`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_VENV = Path(os.environ.get("BENCH_VENV", "/var/tmp/sspr-bench-venv"))

try:
    import aiohttp  # noqa: F401
except ImportError:
    # Run with the system python: re-run in the bench venv when bench/setup.sh made one.
    venv_python = DEFAULT_VENV / "bin" / "python"
    if venv_python.exists() and Path(sys.executable) != venv_python:
        os.execv(str(venv_python), [str(venv_python), *sys.argv])
    sys.exit("bench/run.py needs its venv: run `bash bench/setup.sh` (or `make bench`) first")

sys.path.insert(0, str(HERE))
from benchlib import directories, floor, peer, procs, report, sspr  # noqa: E402
from benchlib.smtp_sink import SmtpSink  # noqa: E402

FULL = dict(users=100_000, wrk_seconds=20, reset_seconds=30, overload_seconds=20, floor_seconds=10)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = p.add_argument_group("size and duration")
    size.add_argument("--users", type=int, default=FULL["users"], help="seeded users per directory (%(default)s)")
    size.add_argument("--seconds", type=float, help="shorthand: every phase this long (development)")
    size.add_argument("--wrk-seconds", type=float, default=FULL["wrk_seconds"], help="each wrk phase (%(default)s)")
    size.add_argument("--reset-seconds", type=float, default=FULL["reset_seconds"], help="complete resets (%(default)s)")
    size.add_argument("--overload-seconds", type=float, default=FULL["overload_seconds"], help="sign-in flood (%(default)s)")
    size.add_argument("--probe-quiet-seconds", type=float, default=5, help="probes before the flood (%(default)s)")
    size.add_argument("--floor-seconds", type=float, default=FULL["floor_seconds"], help="each argon2 floor run (%(default)s)")
    load = p.add_argument_group("load")
    load.add_argument("--connections", type=int, default=16, help="wrk connections (%(default)s)")
    load.add_argument("--reset-concurrency", type=int, default=16, help="people resetting at once (%(default)s)")
    load.add_argument("--flood-connections", type=int, default=128, help="sign-in flood clients (%(default)s)")
    load.add_argument("--probe-interval", type=float, default=0.1, help="seconds between probes of a kind (%(default)s)")
    load.add_argument("--start-rate-hint", type=float, default=6000,
                      help="flow starts/s to prepare for: wrk phase seconds x this CAPTCHAs are solved (%(default)s)")
    load.add_argument("--verify-rate-hint", type=float, default=2000,
                      help="verifications/s to prepare for (%(default)s); each needs a start, a challenge and an email")
    load.add_argument("--peer-request-rate-hint", type=float, default=1000, help="distinct reset requests for the peer (%(default)s/s)")
    load.add_argument("--reset-rate-hint", type=float, default=100,
                      help="complete resets/s to prepare CAPTCHAs for, solved before the timed phase (%(default)s)")
    load.add_argument("--start-requests", type=int, help="exact number of prepared flow starts")
    load.add_argument("--verify-requests", type=int, help="exact number of prepared verifications")
    load.add_argument("--single-ip", action="store_true",
                      help="every request from 127.0.0.1 with SSPR_FLOW_STARTS_PER_IP raised, instead of X-Forwarded-For clients")
    what = p.add_argument_group("what to run")
    what.add_argument("--backends", default="sqlite,postgres", help="sspr backends (%(default)s)")
    what.add_argument("--peer-backends", help="Django backends (default: --backends)")
    what.add_argument("--skip-peer", action="store_true", help="no Django peer")
    what.add_argument("--directories", default="ldap,active_directory",
                      help="complete resets with people in these directories, started by the test fixtures (%(default)s; '' for none)")
    what.add_argument("--directory-people", type=int, default=256,
                      help="people added to each directory (%(default)s: at most 10 flow starts per account and hour)")
    what.add_argument("--peer-workers", type=int, default=os.cpu_count() or 2, help="gunicorn sync workers (cores: %(default)s)")
    where = p.add_argument_group("binaries and places")
    where.add_argument("--binary", type=Path, default=os.environ.get("SSPR_BENCH_BINARY"),
                       help="sspr binary to measure (e.g. a baseline build of an older commit; env SSPR_BENCH_BINARY)")
    where.add_argument("--no-build", action="store_true", help="do not run cargo build")
    where.add_argument("--target-dir", type=Path, default=Path(os.environ.get("CARGO_TARGET_DIR", "/var/tmp/sspr-target")))
    where.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"),
                       help="a PostgreSQL URL to create the bench databases from (%(default)s)")
    where.add_argument("--pg-database", default="sspr_bench", help="bench database name, dropped at each run (%(default)s)")
    where.add_argument("--doc", type=Path, default=ROOT / "docs" / "PERFORMANCE.md", help="Markdown report (%(default)s)")
    where.add_argument("--results", type=Path, default=HERE / "results", help="JSON results directory (%(default)s)")
    where.add_argument("--workdir", type=Path, default=Path("/var/tmp"), help="where the run's temporary directory goes")
    where.add_argument("--keep", action="store_true", help="keep the temporary directory and databases")
    args = p.parse_args(argv)
    if args.seconds is not None:
        args.wrk_seconds = args.reset_seconds = args.overload_seconds = args.seconds
        args.floor_seconds = min(args.seconds, args.floor_seconds)
        args.probe_quiet_seconds = min(args.seconds, args.probe_quiet_seconds)
    args.backends = [b for b in args.backends.split(",") if b]
    args.peer_backends = [] if args.skip_peer else [b for b in (args.peer_backends or ",".join(args.backends)).split(",") if b]
    for b in args.backends + args.peer_backends:
        if b not in ("sqlite", "postgres"):
            p.error(f"unknown backend {b}")
    args.directories = [d for d in args.directories.split(",") if d]
    for d in args.directories:
        if d not in ("ldap", "active_directory"):
            p.error(f"unknown directory {d}")
    if args.users < 100:
        p.error("--users must be at least 100")
    return args


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def build(args) -> None:
    argv = ["cargo", "build", "--release", "--locked", "-p", "sspr-api", "--bin", "sspr", "--example", "argon2_floor",
            "--example", "slapd_fixture", "--example", "samba_fixture"]
    log(f"building: CARGO_TARGET_DIR={args.target_dir} {' '.join(argv)}")
    subprocess.run(argv, cwd=ROOT, check=True, env={**os.environ, "CARGO_TARGET_DIR": str(args.target_dir)})


def git(*argv: str) -> str:
    return subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


async def failing_soft(backend: str, phases) -> dict:
    """One backend's phases; a failure is reported (and the run goes on with the next one)."""
    try:
        return await phases
    except Exception as e:
        import traceback

        log(f"  {backend} failed: {e}")
        traceback.print_exc()
        return {"backend": backend, "error": f"{type(e).__name__}: {e}"}


async def main() -> int:
    args = parse_args()
    started = time.monotonic()
    run: dict = {
        "command": os.environ.get("BENCH_COMMAND", "").strip() or " ".join(["bench/run.py", *sys.argv[1:]]),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "machine": procs.machine(),
        "uptime_before": procs.uptime(),
        "load_before": procs.load_average(),
        "development_size": args.users < FULL["users"] or args.wrk_seconds < FULL["wrk_seconds"]
        or args.reset_seconds < FULL["reset_seconds"],
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
    }
    log(f"bench: {run['machine']['cores']} cores, {run['uptime_before']}")
    if not args.no_build:
        build(args)
    binary = args.binary or args.target_dir / "release" / "sspr"
    example = args.target_dir / "release" / "examples" / "argon2_floor"
    for needed in (binary, example):
        if not Path(needed).exists():
            sys.exit(f"{needed} does not exist (build it, or drop --no-build)")
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: bash bench/setup.sh (apt-get install wrk)")
    run["binary"] = {"path": str(binary), "sha256": sha256(Path(binary)),
                     "modified": dt.datetime.fromtimestamp(Path(binary).stat().st_mtime, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
    cores = os.cpu_count() or 1

    workdir = Path(tempfile.mkdtemp(prefix="sspr-bench-", dir=args.workdir))
    sink = SmtpSink()
    await sink.start()
    try:
        log(f"argon2 floor ({args.floor_seconds:.0f} s, {cores} threads)")
        run["floor_before"] = await floor.service(example, args.floor_seconds, cores)
        log(f"  {run['floor_before']['hashes_per_second']:.1f} hashes/s")
        run["sspr"] = {}
        for backend in args.backends:
            log(f"sspr on {backend}")
            run["sspr"][backend] = await failing_soft(
                backend, sspr.run_backend(args, backend, workdir / f"sspr-{backend}", sink, binary, log)
            )
        run["directories"] = {}
        for kind in args.directories:
            log(f"sspr on {kind} (SQLite beside it)")
            run["directories"][kind] = await failing_soft(
                kind, directories.run_directory(args, kind, workdir / f"sspr-{kind}", sink, binary, log)
            )
        run["peer"] = {}
        if args.peer_backends:
            log(f"peer floor: argon2-cffi ({args.floor_seconds:.0f} s, {cores} processes)")
            run["peer_floor"] = await floor.peer(args.floor_seconds, cores)
            log(f"  {run['peer_floor']['hashes_per_second']:.1f} hashes/s")
        for backend in args.peer_backends:
            log(f"Django peer on {backend}")
            run["peer"][backend] = await failing_soft(
                backend, peer.run_backend(args, backend, workdir / f"peer-{backend}", sink, log)
            )
        log(f"argon2 floor again ({args.floor_seconds:.0f} s)")
        run["floor_after"] = await floor.service(example, args.floor_seconds, cores)
        log(f"  {run['floor_after']['hashes_per_second']:.1f} hashes/s")
    finally:
        await sink.stop()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            if "postgres" in args.backends:
                try:
                    from benchlib import seed

                    seed.drop_postgres_database(args.postgres, args.pg_database)
                except Exception as e:  # the report matters more than the clean-up
                    print(f"could not drop {args.pg_database}: {e}")
        else:
            log(f"kept {workdir}")
    run["uptime_after"] = procs.uptime()
    run["load_after"] = procs.load_average()
    run["duration_s"] = time.monotonic() - started

    args.results.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    results = args.results / f"{stamp}.json"
    results.write_text(json.dumps(run, indent=2, default=str) + "\n")
    run["results_file"] = str(results.relative_to(ROOT) if results.is_relative_to(ROOT) else results)
    report.write(args.doc, run)
    log(f"done in {run['duration_s'] / 60:.1f} min: {args.doc} and {results}")
    print()
    print(report.summary(run))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
