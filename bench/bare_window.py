"""The baseline for bench_startup and bench_memory: a bare PySide6 window, measured the same way.

It does what the app's ``--smoke-test`` does minus the app: import PySide6, create the
QApplication, show an empty QMainWindow, paint it once, print ``startup_ms=N`` (from the
start of this module to the first paint) and exit. With ``--rss`` it stays idle for a moment
after the paint and prints ``rss_kb=N`` (VmRSS), the memory baseline.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import sys  # noqa: E402


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1120, 700)
    window.show()
    app.processEvents()
    window.repaint()
    sys.stdout.write(f"startup_ms={(time.perf_counter() - _STARTED) * 1000:.0f}\n")
    if "--rss" in sys.argv:
        from pathlib import Path

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from bench.rss import idle_then_rss_kb, status_kb

        sys.stdout.write(f"rss_kb={idle_then_rss_kb(app)}\nhwm_kb={status_kb('VmHWM')}\n")
    sys.stdout.flush()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
