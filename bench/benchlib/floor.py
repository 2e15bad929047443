"""The hashing floor: raw argon2id hashes per second at m=19456 KiB, t=2, p=1 on every core.

`service()` runs api/examples/argon2_floor.rs (the `argon2` crate the service hashes with);
`peer()` does the same with argon2-cffi (the C reference implementation Django's hasher calls),
one process per core like gunicorn's workers, so that each side's resets can be set against
the floor of its own hashing code.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


async def service(example: Path, seconds: float, threads: int) -> dict:
    proc = await asyncio.create_subprocess_exec(
        str(example), "--seconds", str(seconds), "--threads", str(threads),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{example} failed: {err.decode()}")
    return json.loads(out.decode().strip().splitlines()[-1])


def _hash_for(seconds: float) -> tuple[int, float]:
    import argon2

    from .seed import ARGON2

    hasher = argon2.PasswordHasher(**ARGON2)
    started = time.monotonic()
    n = 0
    while time.monotonic() - started < seconds:
        hasher.hash("correct horse battery staple")
        n += 1
    return n, time.monotonic() - started


async def peer(seconds: float, processes: int) -> dict:
    loop = asyncio.get_running_loop()
    started = time.monotonic()
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, _hash_for, seconds) for _ in range(processes)))
    wall = time.monotonic() - started
    hashes = sum(n for n, _ in results)
    # Rate over each process's own hashing time (the pool's start-up is not hashing).
    per_second = sum(n / t for n, t in results)
    return {
        "implementation": "argon2-cffi",
        "processes": processes,
        "seconds": max(t for _, t in results),
        "wall_s": wall,
        "hashes": hashes,
        "hashes_per_second": per_second,
    }
