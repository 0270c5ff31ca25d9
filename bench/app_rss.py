"""bench_memory's child for the app: the real start-up, then resident memory when idle.

Runs ``mailmanager.app.main(["--smoke-test", "--home", H])`` unchanged: the store opens, the
main window is built and painted, and the background side (``BackgroundControls`` and its
``Monitor``: checker, alerts, tray decision; no schedule in smoke-test mode, so nothing touches
the network) starts. Just before ``main`` shuts that down again, this script lets the event
loop idle for a moment and prints ``rss_kb`` and ``hwm_kb``; that hook (wrapping
``BackgroundControls.shutdown`` in this process only) is the one thing it adds.

Run by bench_memory: ``python bench/app_rss.py HOME``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    from bench.rss import idle_then_rss_kb, status_kb
    from mailmanager import app
    from mailmanager.ui.background_controls import BackgroundControls

    original = BackgroundControls.shutdown

    def measure_then_shutdown(self: BackgroundControls) -> None:
        sys.stdout.write(f"rss_kb={idle_then_rss_kb()}\nhwm_kb={status_kb('VmHWM')}\n")
        sys.stdout.flush()
        original(self)

    BackgroundControls.shutdown = measure_then_shutdown  # type: ignore[method-assign]
    return app.main(["--smoke-test", "--home", sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
