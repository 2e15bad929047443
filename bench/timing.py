#!/usr/bin/env python3
"""Does a flow start take longer for a real person than for an unknown username? (SECURITY.md 2)

On each backend, with a small seeded directory: `--samples` pairs of starts, one for a seeded
person (a real flow: offered methods from the database) and one for a username nobody has (a
decoy), in random order within each pair, one request at a time, each with its own solved
CAPTCHA, from its own client address. Reported: the mean and the median of the per-pair
difference (real − unknown) with a 95 % confidence interval of the mean. An interval that holds
0 means this many samples cannot tell the two apart; the tests check the answers are the same,
this checks the time.

    bench/timing.py --samples 300
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import seed  # noqa: E402
from benchlib.smtp_sink import SmtpSink  # noqa: E402
from benchlib.sspr import Api, ClientAddresses, Server  # noqa: E402

USERS = 2000


async def timed_start(api: Api, username: str, client: dict) -> float:
    captcha = await api.captcha()
    t0 = time.perf_counter()
    status, body, _ = await api.start(username, captcha, client)
    elapsed = time.perf_counter() - t0
    if status != 201:
        raise RuntimeError(f"start {username}: {status} {body}")
    return elapsed * 1000


async def measure(binary: Path, backend: str, samples: int, postgres: str) -> dict:
    sink = SmtpSink()
    await sink.start()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if backend == "sqlite":
            url = f"sqlite://{work / 'sspr.db'}"
        else:
            url = seed.recreate_postgres_database(postgres, "sspr_bench_timing")
        server = Server(binary, work, backend, url, sink.port, False)
        try:
            await server.start()
            server.stop()
            if backend == "sqlite":
                seed.sspr_sqlite(work / "sspr.db", USERS, seed.seed_hash())
            else:
                seed.sspr_postgres(url, USERS, seed.seed_hash())
            await server.start()
            api = Api(server.url)
            clients = ClientAddresses(False)
            rng = random.Random(20261201)
            try:
                await api.open_policy()
                for i in range(20):  # warm-up: pool, caches, plans
                    await timed_start(api, seed.username(i + 1), clients.next())
                    await timed_start(api, f"nobody{i:06d}", clients.next())
                diffs, real, unknown = [], [], []
                for i in range(samples):
                    person = seed.username(100 + i % (USERS - 100))
                    stranger = f"stranger{i:06d}.{rng.randrange(10**6)}"
                    order = [("real", person), ("unknown", stranger)]
                    rng.shuffle(order)
                    got = {}
                    for kind, name in order:
                        got[kind] = await timed_start(api, name, clients.next())
                    real.append(got["real"])
                    unknown.append(got["unknown"])
                    diffs.append(got["real"] - got["unknown"])
            finally:
                await api.close()
        finally:
            server.stop()
            await sink.stop()
    mean = statistics.fmean(diffs)
    half = 1.96 * statistics.stdev(diffs) / len(diffs) ** 0.5
    return {
        "backend": backend,
        "samples": samples,
        "real_median_ms": statistics.median(real),
        "unknown_median_ms": statistics.median(unknown),
        "diff_mean_ms": mean,
        "diff_ci95_ms": half,
        "diff_median_ms": statistics.median(diffs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="/var/tmp/sspr-target/release/sspr", type=Path)
    parser.add_argument("--samples", default=300, type=int)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    print("| backend | pairs | real, median | unknown, median | real − unknown: mean ± 95 % CI | median |")
    print("|---|---|---|---|---|---|")
    for backend in args.backends.split(","):
        r = asyncio.run(measure(args.binary, backend, args.samples, args.postgres))
        print(
            f"| {r['backend']} | {r['samples']} | {r['real_median_ms']:.2f} ms | {r['unknown_median_ms']:.2f} ms "
            f"| {r['diff_mean_ms']:+.2f} ± {r['diff_ci95_ms']:.2f} ms | {r['diff_median_ms']:+.2f} ms |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
