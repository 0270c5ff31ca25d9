"""Uncaught exceptions become a redacted report in the log and a dialog, not a vanished window.

Python's default hook prints a traceback to a console that a double-clicked app does not have,
and an exception in a worker thread is printed and forgotten. ``CrashHandler`` replaces
``sys.excepthook`` and ``threading.excepthook``: it builds a report (app, Python, Qt and
platform versions, the thread, the traceback), passes it through ``redact.redact_text`` so that
an authorization code in an exception message or a local variable's repr never leaves the
process, writes it to the log and hands it to a presenter (the crash dialog) on the GUI thread.

PySide6 calls ``sys.excepthook`` for an exception raised in a slot or a virtual override and then
carries on with the event loop, so the app keeps running; the dialog tells the user that the
last action may not have finished. The handler does not import widgets: the app passes the
presenter in (``mailmanager.ui.crash_host.CrashDialogHost``), which keeps services free of ui.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QObject, Qt, Signal, Slot, qVersion

from mailmanager import __version__
from mailmanager.core import redact

if TYPE_CHECKING:
    import asyncio  # only for a type: importing asyncio costs ~20 ms before the first paint

log = logging.getLogger("mailmanager.crash")

Presenter = Callable[[str], None]
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def build_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    thread_name: str | None = None,
    now: dt.datetime | None = None,
) -> str:
    """A plain-text report for a bug tracker, with every registered secret masked."""
    when = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    frozen = "frozen bundle" if getattr(sys, "frozen", False) else "Python package"
    header = [
        f"mailmanager {__version__} ({frozen})",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"Platform: {platform.platform()}",
        f"Time: {when}",
        f"Thread: {thread_name or threading.current_thread().name}",
        "",
    ]
    body = traceback.format_exception(exc_type, exc, tb)
    return redact.redact_text("\n".join(header) + "".join(body)).rstrip("\n") + "\n"


class CrashHandler(QObject):
    """Installs the exception hooks and routes each report to the log and a presenter.

    Create it on the GUI thread after the QApplication: reports raised on other threads are
    delivered to the presenter through a queued signal, on this object's thread.

    Signals:
        reported(str): a redacted report, emitted once per uncaught exception.

    Attributes:
        reports: how many reports this handler has produced.
    """

    reported = Signal(str)
    # Internal: carries a report from any thread to this object's thread.
    _deliver = Signal(str)

    def __init__(self, presenter: Presenter | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._presenter = presenter
        self._previous_hook: Callable[..., object] | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], object] | None = None
        self._presenting = False
        self.reports = 0
        self._deliver.connect(self._present, Qt.ConnectionType.QueuedConnection)

    def set_presenter(self, presenter: Presenter | None) -> None:
        """Show later reports with ``presenter`` (the main window may not exist at install)."""
        self._presenter = presenter

    def install(self) -> None:
        """Replace ``sys.excepthook`` and ``threading.excepthook`` (idempotent)."""
        if self._previous_hook is not None:
            return
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        """Put the hooks that were there before ``install`` back."""
        if self._previous_hook is None:
            return
        sys.excepthook = self._previous_hook
        if self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook
        self._previous_hook = self._previous_thread_hook = None

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        *,
        thread_name: str | None = None,
    ) -> str:
        """Log a redacted report of the exception and queue it for the presenter."""
        report = build_report(exc_type, exc, tb, thread_name=thread_name)
        self.reports += 1
        # The report is already redacted; logging it as a message (not exc_info) keeps the raw
        # traceback out of the file even if the logging setup were missing its filter.
        log.error("uncaught exception\n%s", report)
        if sys.stderr is not None:  # a windowed app on Windows has no stderr at all
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(report)
        self._deliver.emit(report)
        return report

    def handle_asyncio(self, loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        """An event loop exception handler (``loop.set_exception_handler``).

        qasync's ``@asyncSlot`` already reports through ``sys.excepthook``; this catches the
        rest, such as a task that failed with nobody awaiting it.
        """
        exc = context.get("exception")
        if isinstance(exc, Exception):
            self._handle_safely(type(exc), exc, exc.__traceback__, None)
        else:
            loop.default_exception_handler(context)

    # -- hooks ----------------------------------------------------------------------------

    def _sys_hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            (self._previous_hook or sys.__excepthook__)(exc_type, exc, tb)
            return
        self._handle_safely(exc_type, exc, tb, None)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else None
        self._handle_safely(args.exc_type, args.exc_value, args.exc_traceback, name)

    def _handle_safely(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread_name: str | None,
    ) -> None:
        try:
            self.handle(exc_type, exc, tb, thread_name=thread_name)
        except Exception:  # the handler itself failed: never loop, never lose the original
            with contextlib.suppress(Exception):
                sys.__excepthook__(exc_type, exc, tb)

    @Slot(str)
    def _present(self, report: str) -> None:
        self.reported.emit(report)
        if self._presenter is None or self._presenting:
            return
        self._presenting = True  # an exception inside the presenter must not recurse
        try:
            self._presenter(report)
        except Exception:
            log.exception("could not show the crash report")
        finally:
            self._presenting = False
