"""Small helpers for benchmarks: repeated timing and a uniform way to print figures."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """Repeated measurements of one quantity (seconds, or any unit given)."""

    name: str
    samples: tuple[float, ...]
    unit: str = "ms"

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    def line(self) -> str:
        return (
            f"{self.name}: median {self.median:.1f} {self.unit} "
            f"(min {self.low:.1f}, max {self.high:.1f}, n={len(self.samples)})"
        )


def timed_ms(fn: Callable[[], object], repeat: int = 7, name: str = "") -> Figure:
    """Run ``fn`` ``repeat`` times; return the wall times in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return Figure(name or getattr(fn, "__name__", "run"), tuple(samples))


def machine_line() -> str:
    return f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().machine}"
