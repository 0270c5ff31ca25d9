"""Saving a mailbox against a real Secret Service: the first save of a process, cold and warm.

Issue 18, item 3: the wizard's Save used to take 4-7 s, about 2 s of it the keyring library
importing itself and finding its backend at the first use. The app now warms the keyring
gateway up when it starts (``services.keyring_status`` -> ``secrets_gateway.warm_up``, on the
keyring thread, after the first paint), so Save pays only for the save itself: the registry's
pending row, the keyring write and read-back, and the row marked complete.

Each run starts a private D-Bus session with gnome-keyring (tests/helpers/secret_service) and a
fresh process (save_child.py) that makes the first save of its life, timed from the call to
the saved account, exactly what the done page's job does:

* ``cold``: nothing warmed up before (the old behaviour);
* ``warm``: ``warm_up`` ran first and finished, as at app start.

Target: warm under 500 ms. Run: ``python -m bench.bench_save [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.stats import Figure, machine_line
from tests.helpers.secret_service import missing_binaries, secret_service

REPO = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "save_child.py"


def _one(mode: str) -> float:
    if missing_binaries():
        raise SystemExit(f"bench_save needs {', '.join(missing_binaries())}")
    with tempfile.TemporaryDirectory() as root, secret_service(Path(root)) as service:
        env = {**service.env, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
        env["DBUS_SESSION_BUS_ADDRESS"] = service.address
        env.pop("PYTHON_KEYRING_BACKEND", None)
        home = Path(root) / "home-app"
        out = subprocess.run(
            [sys.executable, str(CHILD), mode, str(home)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if out.returncode != 0:
            raise SystemExit(f"save_child {mode} failed: {out.stderr.strip()[-400:]}")
        return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(machine_line())
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(args.runs):  # alternated, so machine load affects both alike
        cold.append(_one("cold"))
        warm.append(_one("warm"))
    cold_fig = Figure("first save, nothing warmed up", tuple(cold))
    warm_fig = Figure("first save after the app's warm-up", tuple(warm))
    print(cold_fig.line())
    print(warm_fig.line())
    verdict = "met" if warm_fig.median < 500 else "NOT met"
    print(f"target: warm save under 500 ms: {verdict} ({warm_fig.median:.0f} ms)")


if __name__ == "__main__":
    main()
