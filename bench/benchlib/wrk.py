"""Running wrk (Debian's package) with bench/wrk/replay.lua over a file of pre-built requests."""

from __future__ import annotations

import asyncio
import json
import resource
import time
from pathlib import Path

LUA = Path(__file__).resolve().parent.parent / "wrk" / "replay.lua"


def request_line(method: str, path: str, body: str = "", headers: dict[str, str] | None = None) -> str:
    """One line of the replay file. JSON and form bodies never hold a raw tab or newline."""
    fields = [method, path, body] + [f"{k}: {v}" for k, v in (headers or {}).items()]
    line = "\t".join(fields)
    assert "\n" not in line
    return line


def write_requests(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n")


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


async def run(
    url: str,
    requests_file: Path,
    seconds: float,
    connections: int,
    *,
    threads: int = 1,
    cycle: bool = False,
    timeout_s: int = 30,
) -> dict:
    """Runs wrk and returns its WRK_JSON summary plus rates computed from it."""
    argv = [
        "wrk",
        "-t", str(threads),
        "-c", str(max(connections, threads)),
        "-d", f"{max(1, round(seconds))}s",
        "--timeout", f"{timeout_s}s",
        "-s", str(LUA),
        url,
        "--",
        str(requests_file),
        str(threads),
        "cycle" if cycle else "once",
    ]
    cpu_before = children_cpu()
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await proc.communicate()
    wall = time.monotonic() - started
    text = out.decode(errors="replace")
    line = next((l for l in text.splitlines() if l.startswith("WRK_JSON ")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {' '.join(argv)}\n{text}")
    result = json.loads(line[len("WRK_JSON "):])
    duration = result["duration_us"] / 1e6
    if result["threads_exhausted"] and result["threads_exhausted"] == result["threads"] and result["active_us"] > 0:
        # Every thread sent all it had before -d was up: rate over the time it was busy.
        duration = result["active_us"] / 1e6
    statuses = {int(k): v for k, v in result["statuses"].items()}
    ok = sum(v for k, v in statuses.items() if 200 <= k < 400)
    lat = result["latency_us"]
    result.update(
        {
            "command": " ".join(argv),
            "seconds": duration,
            "statuses": statuses,
            "ok": ok,
            "requests_per_second": result["requests"] / duration if duration else None,
            "ok_per_second": ok / duration if duration else None,
            "ok_ratio": ok / result["requests"] if result["requests"] else None,
            "p50_ms": lat["p50"] / 1000.0,
            "p90_ms": lat["p90"] / 1000.0,
            "p99_ms": lat["p99"] / 1000.0,
            "max_ms": lat["max"] / 1000.0,
            "load_generator_cpu_s": children_cpu() - cpu_before,
            "wall_s": wall,
        }
    )
    return result
