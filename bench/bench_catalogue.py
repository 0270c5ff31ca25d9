"""Catalogue load time (start-up cost) and catalogue-only detection time.

Run: ``.venv/bin/python -m bench.bench_catalogue`` (or ``python -m bench`` for every benchmark).
The cold figure is measured in fresh interpreters, so it includes importing the modules and
parsing every TOML file once; the warm figures reuse the per-process cache.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COLD = """
import time
t0 = time.perf_counter()
from mailmanager.core.catalogue.lookup import Catalogue
t1 = time.perf_counter()
Catalogue.load(include_user=False)
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.3f} {(t2 - t1) * 1000:.3f}")
"""


def _cold(runs: int) -> tuple[list[float], list[float]]:
    imports, loads = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
    return imports, loads


def main() -> None:
    from mailmanager.core.catalogue.lookup import Catalogue
    from mailmanager.core.discovery.detector import detect

    imports, loads = _cold(7)
    print(f"import core.providers (cold, median of 7): {statistics.median(imports):.1f} ms")
    print(
        f"first Catalogue.load(), {len(Catalogue.load(include_user=False))} providers "
        f"(cold, median of 7): {statistics.median(loads):.1f} ms"
    )

    started = time.perf_counter()
    for _ in range(1000):
        Catalogue.load(include_user=False)
    print(f"cached Catalogue.load(): {(time.perf_counter() - started):.3f} ms per call")

    catalogue = Catalogue.load(include_user=False)
    addresses = [f"user@{d}" for p in catalogue.all() for d in p.domains]
    started = time.perf_counter()
    for address in addresses:
        detect(address, network=False, catalogue=catalogue)
    per = (time.perf_counter() - started) * 1000 / len(addresses)
    print(f"catalogue detection, {len(addresses)} domains: {per:.3f} ms per address")


if __name__ == "__main__":
    main()
