"""Guards against known-broken Qt for Python releases.

PySide6-Essentials 6.12.0 drops a reference to ``True`` on every ``Signal.emit()``; after a few
hundred emits the interpreter aborts with "bool_dealloc". The app emits signals constantly, so
a release with that bug must never be installed: this test fails on it (in a child process,
since the failure is an abort).
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    fired = Signal(int)
emitter = Emitter()
seen = []
emitter.fired.connect(seen.append)
before = sys.getrefcount(True)
for n in range(2000):
    emitter.fired.emit(n)
print(sys.getrefcount(True) - before, len(seen))
"""


def test_signal_emit_keeps_reference_counts() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    delta, seen = done.stdout.split()
    assert seen == "2000"
    assert abs(int(delta)) < 50
