"""Small statistics helpers."""

from __future__ import annotations

import math


def percentile(values: list[float], p: float) -> float | None:
    """The p-th percentile (0-100) with linear interpolation between ranks (numpy's default)."""
    if not values:
        return None
    s = sorted(values)
    k = (len(s) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    if lo == hi:
        return s[lo]
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def latency_summary(seconds: list[float]) -> dict:
    """p50/p99/max in milliseconds of a list of durations in seconds."""
    ms = [x * 1000.0 for x in seconds]
    return {
        "count": len(ms),
        "p50_ms": percentile(ms, 50),
        "p90_ms": percentile(ms, 90),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms) if ms else None,
    }


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b
