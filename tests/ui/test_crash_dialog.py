"""The crash dialog: shows the redacted report, copies it, continues or quits, and gathers
repeated reports in one window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from mailmanager.ui.crash_dialog import CrashDialog
from mailmanager.ui.crash_host import CrashDialogHost

# The offscreen platform used by the tests cannot pass size hints to a window manager.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REPORT = "mailmanager 0.1.0\nTraceback (most recent call last):\nValueError: bad code ********\n"


def report_widget(dialog: CrashDialog) -> QPlainTextEdit:
    widget = dialog.findChild(QPlainTextEdit, "crashReport")
    assert widget is not None
    return widget


def test_dialog_shows_the_report_read_only_and_copies_it(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CrashDialog(REPORT, tmp_path / "mailmanager.log")
    qtbot.addWidget(dialog)
    text = report_widget(dialog)
    assert text.toPlainText() == REPORT
    assert text.isReadOnly()
    label = dialog.findChild(QLabel, "crashLogFile")
    assert label is not None and str(tmp_path / "mailmanager.log") in label.text()
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == REPORT


def test_continue_closes_and_quit_asks_to_quit(qtbot: QtBot) -> None:
    dialog = CrashDialog(REPORT)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.continue_button.click()
    assert not dialog.isVisible()

    other = CrashDialog(REPORT)
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitSignal(other.quitRequested, timeout=1000):
        other.quit_button.click()
    assert not other.isVisible()


def test_host_keeps_one_dialog_and_appends_later_reports(qtbot: QtBot) -> None:
    quits: list[bool] = []
    host = CrashDialogHost(on_quit=lambda: quits.append(True))
    host(REPORT)
    first = host.dialog
    assert first is not None
    qtbot.addWidget(first)
    assert first.isVisible()
    host(REPORT.replace("ValueError", "KeyError"))
    assert host.dialog is first
    shown = report_widget(first).toPlainText()
    assert "ValueError" in shown and "KeyError" in shown
    first.quit_button.click()
    assert quits == [True]
    qtbot.waitUntil(lambda: host.dialog is None, timeout=1000)  # WA_DeleteOnClose
    host(REPORT)
    assert host.dialog is not None and host.dialog is not first
    qtbot.addWidget(host.dialog)
