"""Start-up: process start to the main window's first paint, against a bare PySide6 window.

Target (issue 8, item 1): at most 1.3 x the baseline, with 0 and with 1,000 accounts.

Each run is a fresh process: ``python -m mailmanager --smoke-test --home H`` (offscreen Qt),
which paints the window once, prints ``startup_ms`` (from the start of ``mailmanager.app`` to
the first paint) and exits; the baseline is ``bench/bare_window.py``, which shows and paints an
empty QMainWindow and prints the same figure. Two figures per case: the wall time of the whole
process (interpreter start to exit, measured here) and the printed ``startup_ms``. Runs are
interleaved (baseline, 0 accounts, 1,000 accounts, baseline, ...) so that a noisy moment hits
every case alike.

Bytecode: this development environment sets PYTHONDONTWRITEBYTECODE=1, so every start would
compile the app's ~100 modules from source (about 100 ms) while an installed wheel or the
frozen bundle has them compiled. The headline figures therefore run with a private bytecode
cache (PYTHONPYCACHEPREFIX in a temporary folder, warmed by one unmeasured run of each case);
``--source`` measures without it, as the environment is.

Run: ``python -m bench.bench_startup`` (options: ``--runs N``, ``--accounts N``, ``--source``).
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

from bench.seed import seed
from bench.stats import Figure, machine_line

REPO = Path(__file__).resolve().parent.parent
TARGET = 1.3


def child_env(pycache: str | None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    env.pop("MAILMANAGER_HOME", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # never the developer's session
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms of the whole process, printed startup_ms)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    wall = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed ({done.returncode}): {done.stderr[-2000:]}")
    for line in done.stdout.splitlines():
        if line.startswith("startup_ms="):
            return wall, float(line.split("=", 1)[1])
    raise RuntimeError(f"{command} printed no startup_ms: {done.stdout!r}")


def app_command(home: Path) -> list[str]:
    return [sys.executable, "-m", "mailmanager", "--smoke-test", "--home", str(home)]


BARE = [sys.executable, str(REPO / "bench" / "bare_window.py")]


def measure(
    cases: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, tuple[Figure, Figure]]:
    for command in cases.values():  # warm-up: bytecode cache, fonts, page cache
        run_once(command, env)
    walls: dict[str, list[float]] = {name: [] for name in cases}
    paints: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, command in cases.items():
            wall, paint = run_once(command, env)
            walls[name].append(wall)
            paints[name].append(paint)
    return {
        name: (
            Figure(f"{name}: process wall time", tuple(walls[name])),
            Figure(f"{name}: startup_ms (to first paint)", tuple(paints[name])),
        )
        for name in cases
    }


def report(title: str, figures: dict[str, tuple[Figure, Figure]]) -> None:
    print(title)
    base_wall, base_paint = figures["bare PySide6 window"]
    for name, (wall, paint) in figures.items():
        print("  " + wall.line())
        print("  " + paint.line())
        if name != "bare PySide6 window":
            print(
                f"    ratio to baseline (median/median): wall {wall.median / base_wall.median:.2f}"
                f", to first paint {paint.median / base_paint.median:.2f} (target <= {TARGET})"
            )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--source", action="store_true", help="also measure without bytecode")
    args = parser.parse_args(
        argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else []
    )
    with tempfile.TemporaryDirectory(prefix="mm-bench-startup-") as folder:
        root = Path(folder)
        empty, full = root / "home-0", root / f"home-{args.accounts}"
        seed(empty, 0)
        seed(full, args.accounts)
        cases = {
            "bare PySide6 window": BARE,
            "mailmanager, 0 accounts": app_command(empty),
            f"mailmanager, {args.accounts} accounts": app_command(full),
        }
        print(f"bench_startup (offscreen Qt, {args.runs} interleaved runs per case)")
        print(machine_line())
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        cached = measure(cases, args.runs, child_env(str(root / "pycache")))
        report("with compiled bytecode (as installed):", cached)
        if args.source:
            report(
                "from source (PYTHONDONTWRITEBYTECODE=1):",
                measure(cases, args.runs, child_env(None)),
            )
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
