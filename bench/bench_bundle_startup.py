"""Start-up of the frozen bundle: process start to the main window's first paint, against a bare
PySide6 window frozen the same way (issue 22, item 3).

The app: ``dist/mailmanager/mailmanager --smoke-test --home H`` (built by
packaging/build_bundle.sh), with an empty home and with 1,000 accounts. The baseline:
bench/bare_window.py frozen by bench/bare_window.spec with the bundle's own rules
(packaging/bundle_rules.py), built into build/bench-bare/ when missing. Each run is a fresh
process; the parent starts its clock just before it spawns the process and stops it when the
``startup_ms=`` line (written and flushed right after the first paint) arrives on the pipe:
"process start to first paint", bootloader and all. Also given: the figure the process prints
(from its own module start, so without the bootloader and interpreter start) and the wall time
to exit. Runs are interleaved (baseline, app, app with 1,000, baseline, ...) so that a noisy
moment hits every case alike; Qt runs offscreen unless ``--platform`` says otherwise (``xcb``
needs a DISPLAY).

Run: ``python -m bench.bench_bundle_startup`` (options: ``--runs N``, ``--accounts N``,
``--bundle DIR``, ``--before DIR`` to add another bundle, e.g. an older build, to the same
interleaved runs, ``--rebuild-bare``, ``--platform NAME``). Without a bundle it says so and
measures nothing.
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
BARE_BUILD = REPO / "build" / "bench-bare"
BARE_EXE = BARE_BUILD / "dist" / "bare_window" / "bare_window"


def build_bare(rebuild: bool) -> Path:
    if BARE_EXE.exists() and not rebuild:
        return BARE_EXE
    print("building the frozen bare window (bench/bare_window.spec) ...", flush=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--log-level", "WARN", "--distpath", str(BARE_BUILD / "dist")]
    command += ["--workpath", str(BARE_BUILD / "work"), str(REPO / "bench" / "bare_window.spec")]
    subprocess.run(
        command,
        check=True,
        cwd=REPO,
    )
    return BARE_EXE


def child_env(platform: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    for name in ("MAILMANAGER_HOME", "DBUS_SESSION_BUS_ADDRESS", "PYTHONPATH", "QT_PLUGIN_PATH"):
        env.pop(name, None)  # never the developer's session or source tree
    return env


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(ms from spawn to the first-paint line, printed startup_ms, ms from spawn to exit)."""
    start = time.perf_counter()
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as proc:
        assert proc.stdout is not None
        to_paint = printed = None
        for line in proc.stdout:
            if line.startswith("startup_ms=") and to_paint is None:
                to_paint = (time.perf_counter() - start) * 1000
                printed = float(line.split("=", 1)[1])
        code = proc.wait(timeout=60)
    wall = (time.perf_counter() - start) * 1000
    if code != 0 or to_paint is None or printed is None:
        raise RuntimeError(f"{command} failed ({code}) or printed no startup_ms")
    return to_paint, printed, wall


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "mailmanager")
    parser.add_argument("--rebuild-bare", action="store_true")
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument(
        "--before", type=Path, help="another bundle folder (e.g. an older build) in the same runs"
    )
    args = parser.parse_args(
        argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else []
    )
    app = args.bundle / "mailmanager"
    if not app.exists():
        print(f"bench_bundle_startup: no bundle at {args.bundle} (packaging/build_bundle.sh)")
        return
    bare = build_bare(args.rebuild_bare)
    env = child_env(args.platform)
    with tempfile.TemporaryDirectory(prefix="mm-bench-bundle-") as folder:
        root = Path(folder)
        empty, full = root / "home-0", root / f"home-{args.accounts}"
        seed(empty, 0)
        seed(full, args.accounts)
        cases = {
            "bare PySide6 window (frozen)": [str(bare)],
            "mailmanager bundle, 0 accounts": [str(app), "--smoke-test", "--home", str(empty)],
            f"mailmanager bundle, {args.accounts} accounts": [
                str(app),
                "--smoke-test",
                "--home",
                str(full),
            ],
        }
        if args.before is not None:
            old = str(args.before / "mailmanager")
            cases["--before bundle, 0 accounts"] = [old, "--smoke-test", "--home", str(empty)]
        print(f"bench_bundle_startup ({args.platform} Qt, {args.runs} interleaved runs per case)")
        print(machine_line())
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        for command in cases.values():  # warm-up: page cache, fonts
            run_once(command, env)
        samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, command in cases.items():
                samples[name].append(run_once(command, env))
        base = Figure("", tuple(s[0] for s in samples["bare PySide6 window (frozen)"]))
        for name, runs in samples.items():
            to_paint = Figure(f"{name}: process start to first paint", tuple(s[0] for s in runs))
            printed = Figure(f"{name}: printed startup_ms", tuple(s[1] for s in runs))
            wall = Figure(f"{name}: process wall time", tuple(s[2] for s in runs))
            print("  " + to_paint.line())
            print("  " + printed.line())
            print("  " + wall.line())
            if not name.startswith("bare"):
                print(f"    ratio to the frozen bare window: {to_paint.median / base.median:.2f}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
