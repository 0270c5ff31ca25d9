"""Run one blocking job (detection, a login check, a save) off the GUI thread.

Why not the services' thread pools: the wizard's jobs are one-offs that the user can abandon at
any moment (Cancel, Back, closing the window). A job gets its own daemon thread and a
``threading.Event`` to watch; when the user cancels, the event is set and the task stops
listening at once, so the window never waits for a socket to time out. Results come back to the
GUI thread through queued signals; a job that ends after it was abandoned is dropped silently.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger("mailmanager.ui.wizard")

# job(cancel, report) -> result; ``report(value)`` sends a progress value to the GUI thread.
Job = Callable[[threading.Event, Callable[[object], None]], Any]


class BackgroundTask(QObject):
    """One job on a daemon thread, reporting through signals on the GUI thread.

    Signals:
        progress(object): a value the job reported.
        finished(object): the job's result (not emitted after ``cancel``).
        failed(object): the exception the job raised (not emitted after ``cancel``).
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    # Internal: (kind, value) from the worker thread, delivered on this object's thread.
    _deliver = Signal(object)

    def __init__(self, job: Job, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._name = name
        self.cancel_event = threading.Event()
        self._done = False
        self._thread: threading.Thread | None = None
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self._thread is not None and not self._done and not self.cancel_event.is_set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop and stop listening to it: nothing more is emitted."""
        self.cancel_event.set()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the thread (tests and shutdown only; never on the GUI path)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _post(self, kind: str, value: object) -> None:
        # RuntimeError: the QObject is gone because the window was closed.
        with contextlib.suppress(RuntimeError):
            self._deliver.emit((kind, value))

    def _run(self) -> None:
        try:
            result = self._job(self.cancel_event, lambda value: self._post("progress", value))
        except BaseException as exc:  # reported to the GUI, never raised in the thread
            self._post("failed", exc)
            return
        self._post("finished", result)

    @Slot(object)
    def _on_deliver(self, payload: tuple[str, object]) -> None:
        kind, value = payload
        if self.cancel_event.is_set() or self._done:
            return
        if kind == "progress":
            self.progress.emit(value)
            return
        self._done = True
        if kind == "finished":
            self.finished.emit(value)
        else:
            log.info("%s failed: %s", self._name, type(value).__name__)
            self.failed.emit(value)
