"""Resident memory of this process, read from /proc (no psutil), after a moment of idling.

Used by bench_memory's child processes: each runs its window, lets the event loop idle (timers
fire, deferred work settles), collects garbage, and reads VmRSS (resident now) and VmHWM
(the peak) from /proc/self/status.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

IDLE_MS = 1500


def status_kb(field: str) -> int:
    """A ``kB`` field of /proc/self/status (VmRSS, VmHWM, ...)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def idle_then_rss_kb(app: QCoreApplication | None = None, idle_ms: int = IDLE_MS) -> int:
    """Run the event loop idle for ``idle_ms``, collect garbage, return VmRSS in kB."""
    loop = QEventLoop()
    QTimer.singleShot(idle_ms, loop.quit)
    loop.exec()
    gc.collect()
    return status_kb("VmRSS")
