"""The crash handler: redacted reports, the log, the hooks, and delivery to the GUI thread.

The handler is called directly with real exceptions where pytest-qt's own exception capture
would otherwise get in the way; the end-to-end tests switch that capture off for themselves.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from mailmanager import __version__, logs, paths
from mailmanager.core import redact
from mailmanager.services.crash_handler import CrashHandler, build_report

SECRET = "abcdEFGHijkl9876"


@pytest.fixture
def secret() -> Iterator[str]:
    redact.register(SECRET)
    yield SECRET
    redact.forget(SECRET)


@pytest.fixture
def log_file(app_home: Path) -> Path:
    app_paths = paths.resolve(app_home)
    logs.setup(app_paths)
    return app_paths.log_file


@pytest.fixture
def handler(qtbot: QtBot) -> Iterator[tuple[CrashHandler, list[tuple[str, bool]]]]:
    shown: list[tuple[str, bool]] = []

    def presenter(report: str) -> None:
        shown.append((report, threading.current_thread() is threading.main_thread()))

    h = CrashHandler(presenter)
    yield h, shown
    h.uninstall()


def caught(secret: str) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    def login(code: str) -> None:
        raise RuntimeError(f"server said: AUTH PLAIN {code} rejected")

    try:
        login(secret)
    except RuntimeError:
        exc_type, exc, tb = sys.exc_info()
        assert exc_type is not None and exc is not None
        return exc_type, exc, tb
    raise AssertionError("unreachable")


def test_report_has_versions_platform_and_traceback_but_not_the_secret(secret: str) -> None:
    report = build_report(*caught(secret), thread_name="worker-1")
    assert f"mailmanager {__version__}" in report
    assert "Python 3." in report
    assert "Qt 6." in report and "PySide6 6." in report
    assert "Platform: " in report
    assert "Thread: worker-1" in report
    assert "Traceback (most recent call last)" in report
    assert "in login" in report
    assert "RuntimeError: server said: AUTH PLAIN ******** rejected" in report
    assert secret not in report


@pytest.mark.expected_warnings("uncaught exception")
def test_handle_logs_the_redacted_report_and_presents_it_on_the_gui_thread(
    qtbot: QtBot, secret: str, log_file: Path, handler
) -> None:
    h, shown = handler
    with qtbot.waitSignal(h.reported, timeout=2000):
        report = h.handle(*caught(secret))
    assert shown == [(report, True)]
    text = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in text and "RuntimeError: server said" in text
    assert secret not in text
    assert h.reports == 1


@pytest.mark.qt_no_exception_capture
@pytest.mark.expected_warnings("uncaught exception")
def test_exception_in_a_slot_reaches_the_presenter_and_the_app_goes_on(
    qtbot: QtBot, secret: str, log_file: Path, handler
) -> None:
    h, shown = handler
    h.install()
    after: list[bool] = []

    def broken_slot() -> None:
        raise ValueError(f"bad code {secret}")

    QTimer.singleShot(0, broken_slot)
    QTimer.singleShot(5, lambda: after.append(True))  # the event loop keeps running
    qtbot.waitUntil(lambda: bool(shown) and bool(after), timeout=2000)
    report, on_gui_thread = shown[0]
    assert on_gui_thread
    assert "ValueError: bad code ********" in report and "in broken_slot" in report
    assert secret not in log_file.read_text(encoding="utf-8")


@pytest.mark.expected_warnings("uncaught exception")
def test_exception_in_a_thread_is_delivered_to_the_gui_thread(
    qtbot: QtBot, secret: str, log_file: Path, handler
) -> None:
    h, shown = handler
    h.install()

    def work() -> None:
        raise OSError(f"keyring said {secret}")

    worker = threading.Thread(target=work, name="checker-3")
    worker.start()
    worker.join(timeout=5)
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    report, on_gui_thread = shown[0]
    assert on_gui_thread
    assert "Thread: checker-3" in report and "OSError: keyring said ********" in report
    assert secret not in log_file.read_text(encoding="utf-8")


def test_keyboard_interrupt_goes_to_the_previous_hook(handler, monkeypatch) -> None:
    h, _shown = handler
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(t))
    h.install()
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    h.uninstall()  # before monkeypatch restores the real hook
    assert seen == [KeyboardInterrupt]
    assert h.reports == 0


def test_install_and_uninstall_restore_the_hooks(handler) -> None:
    h, _ = handler
    before, before_thread = sys.excepthook, threading.excepthook
    h.install()
    h.install()  # idempotent
    assert sys.excepthook != before and threading.excepthook != before_thread
    h.uninstall()
    assert sys.excepthook == before and threading.excepthook == before_thread


@pytest.mark.expected_warnings("uncaught exception", "could not show the crash report")
def test_a_failing_presenter_is_logged_and_does_not_recurse(
    qtbot: QtBot, secret: str, log_file: Path
) -> None:
    calls: list[str] = []

    def presenter(report: str) -> None:
        calls.append(report)
        raise RuntimeError("the dialog broke")

    h = CrashHandler(presenter)
    with qtbot.waitSignal(h.reported, timeout=2000):
        h.handle(*caught(secret))
    assert len(calls) == 1
    assert "could not show the crash report" in log_file.read_text(encoding="utf-8")


@pytest.mark.expected_warnings("uncaught exception")
def test_asyncio_exception_handler_reports_a_failed_task(
    qtbot: QtBot, secret: str, log_file: Path, handler
) -> None:
    import asyncio

    h, shown = handler

    async def orphan() -> None:
        raise LookupError(f"lost {secret}")

    loop = asyncio.new_event_loop()
    try:
        loop.set_exception_handler(h.handle_asyncio)
        h.handle_asyncio(
            loop, {"message": "Task exception was never retrieved", "exception": _raised(orphan)}
        )
    finally:
        loop.close()
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    assert "LookupError: lost ********" in shown[0][0]
    assert secret not in log_file.read_text(encoding="utf-8")


def _raised(coroutine_function) -> BaseException:
    import asyncio

    try:
        asyncio.run(coroutine_function())
    except Exception as exc:
        return exc
    raise AssertionError("did not raise")
