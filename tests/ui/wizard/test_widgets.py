"""The wizard's small widgets: the result notice's colours (issue 18, item 4)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from mailmanager.ui.wizard.widgets import Notice


def _rgb(name: str) -> tuple[int, int, int]:
    color = QColor(name)
    return color.red(), color.green(), color.blue()


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):
    original = QApplication.palette()
    if request.param == "dark":
        dark = QPalette(original)
        dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
        dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
        QApplication.setPalette(dark)
    else:
        light = QPalette(original)
        light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        QApplication.setPalette(light)
    yield request.param
    QApplication.setPalette(original)


def test_success_is_green_and_failure_red_whatever_came_before(qtbot, palette) -> None:
    notice = Notice("info")
    qtbot.addWidget(notice)
    # The test page re-tints one notice: running, then passed or failed, then again.
    for kind in ("info", "success", "error", "success", "info", "error"):
        notice.set_kind(kind)
        r, g, b = _rgb(notice.background)
        if kind == "success":
            assert g > r and g > b, (palette, kind, notice.background)
        elif kind == "error":
            assert r > g and r > b, (palette, kind, notice.background)
        fresh = Notice(kind)
        qtbot.addWidget(fresh)
        assert notice.background == fresh.background  # no memory of the previous kind
