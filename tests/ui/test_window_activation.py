"""bring_forward restores a minimised or hidden main window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from mailmanager.ui.window_activation import bring_forward

# The offscreen platform used by the tests cannot raise windows and says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def test_bring_forward_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_forward(window)
    assert window.isVisible()
    assert not window.isMinimized()


def test_bring_forward_shows_a_hidden_window(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    bring_forward(window)
    assert window.isVisible()
