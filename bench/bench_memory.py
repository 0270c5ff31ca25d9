"""Resident memory with 1,000 accounts and 30 days of their history, against a bare window.

Target (issue 8, item 3): at most the bare-window baseline plus 60 MB. The store holds 1,000
accounts and 30 days of history (4 checks a day on each of the 2 protocols: 240,000 rows);
the app should load what it shows (the list's latest results, one account's details), not
the history.

Every figure comes from a fresh child process: ``bench/bare_window.py --rss`` (an empty
QMainWindow, shown and painted) and ``bench/app_rss.py HOME`` (the app's real ``--smoke-test``
start-up, window and background side up), each of which idles for 1.5 s after the paint and
prints VmRSS and VmHWM from /proc/self/status. Runs are interleaved; compiled bytecode as in
bench_startup.

Run: ``python -m bench.bench_memory`` (options: ``--runs N``, ``--accounts N``, ``--days N``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.bench_startup import child_env
from bench.seed import seed
from bench.stats import Figure, machine_line

REPO = Path(__file__).resolve().parent.parent
TARGET_MB = 60.0


def run_child(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(VmRSS MB, VmHWM MB) printed by the child."""
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed ({done.returncode}): {done.stderr[-2000:]}")
    values = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    return int(values["rss_kb"]) / 1024, int(values["hwm_kb"]) / 1024


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args(
        argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else []
    )
    with tempfile.TemporaryDirectory(prefix="mm-bench-memory-") as folder:
        root = Path(folder)
        empty, full = root / "home-0", root / "home-full"
        started = time.perf_counter()
        seed(empty, 0)
        seed(full, args.accounts, days=args.days)
        seeded_s = time.perf_counter() - started
        db_mb = sum(f.stat().st_size for f in (full / "data").rglob("*") if f.is_file()) / 2**20
        env = child_env(str(root / "pycache"))
        label = f"mailmanager, {args.accounts} accounts + {args.days} days of history"
        cases = {
            "bare PySide6 window": [
                sys.executable,
                str(REPO / "bench" / "bare_window.py"),
                "--rss",
            ],
            "mailmanager, 0 accounts": [
                sys.executable,
                str(REPO / "bench" / "app_rss.py"),
                str(empty),
            ],
            label: [sys.executable, str(REPO / "bench" / "app_rss.py"), str(full)],
        }
        load_before = os.getloadavg()[0]
        for command in cases.values():
            run_child(command, env)  # warm-up (bytecode cache)
        rss: dict[str, list[float]] = {name: [] for name in cases}
        hwm: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, command in cases.items():
                now, peak = run_child(command, env)
                rss[name].append(now)
                hwm[name].append(peak)
    rows = args.accounts * args.days * 4 * 2
    print(f"bench_memory (offscreen Qt, {args.runs} interleaved runs per case, idle 1.5 s)")
    print(machine_line())
    print(f"load average: {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(
        f"store: {args.accounts} accounts, {rows} history rows, {db_mb:.1f} MB on disk "
        f"(seeded through AccountStore in {seeded_s:.1f} s)"
    )
    base = Figure("bare PySide6 window: VmRSS", tuple(rss["bare PySide6 window"]), "MB")
    for name in cases:
        figure = Figure(f"{name}: VmRSS", tuple(rss[name]), "MB")
        print(figure.line())
        print("  " + Figure(f"{name}: VmHWM (peak)", tuple(hwm[name]), "MB").line())
        if name != "bare PySide6 window":
            extra = figure.median - base.median
            print(f"  above the baseline (median): {extra:+.1f} MB (target <= +{TARGET_MB:.0f} MB)")


if __name__ == "__main__":
    main()
