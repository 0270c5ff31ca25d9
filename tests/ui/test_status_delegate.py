"""Badges: icon, label and colours painted in light and dark palettes, readable in both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from mailmanager.core.model.status import Severity
from mailmanager.ui.account_filter import AccountFilterModel
from mailmanager.ui.account_model import AccountModel, Column
from mailmanager.ui.badge_style import badge_colors, is_dark
from mailmanager.ui.status_delegate import StatusBadge, StatusDelegate, paint_badge
from tests.helpers.sample_accounts import fixed_clock


def palette(dark: bool) -> QPalette:
    pal = QPalette()
    base, text = ("#1e1f22", "#e8e8e8") if dark else ("#ffffff", "#1b1b1b")
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        pal.setColor(role, QColor(base))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        pal.setColor(role, QColor(text))
    return pal


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours_in(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}


def near(found: set[int], colour: QColor, tolerance: int = 12) -> bool:
    for rgb in found:
        c = QColor.fromRgb(rgb)
        if (
            abs(c.red() - colour.red()) <= tolerance
            and abs(c.green() - colour.green()) <= tolerance
            and abs(c.blue() - colour.blue()) <= tolerance
        ):
            return True
    return False


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("severity", list(Severity))
def test_label_contrast_is_readable(severity: Severity, dark: bool) -> None:
    pal = palette(dark)
    assert is_dark(pal) is dark
    colours = badge_colors(severity, pal)
    assert contrast(colours.text, colours.fill) >= 4.5
    assert contrast(colours.icon, colours.fill) >= 2.5  # icons: non-text contrast (WCAG 1.4.11)


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("severity", [Severity.GOOD, Severity.ERROR])
def test_badge_paints_fill_icon_and_text(qapp, severity: Severity, dark: bool) -> None:
    pal = palette(dark)
    colours = badge_colors(severity, pal)
    image = QImage(200, 32, QImage.Format.Format_ARGB32)
    image.fill(pal.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    paint_badge(painter, QRect(4, 0, 190, 32), severity, "Normal", pal, 1.0)
    painter.end()
    found = colours_in(image)
    assert near(found, colours.fill, 2)
    assert near(found, colours.icon, 20)  # the icon's shape is drawn in its colour
    assert near(found, colours.text, 40)  # the label's glyphs


def test_text_is_elided_not_clipped(qapp) -> None:
    pal = palette(False)
    image = QImage(60, 28, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_badge(painter, QRect(0, 0, 60, 28), Severity.WARNING, "A very long label", pal, 1.0)
    painter.end()
    assert near(colours_in(image), badge_colors(Severity.WARNING, pal).fill, 2)


@pytest.mark.parametrize("dark", [False, True])
def test_delegate_in_a_view(qtbot, summaries, dark: bool) -> None:
    from PySide6.QtWidgets import QTreeView

    model = AccountModel(clock=fixed_clock)
    model.set_summaries(summaries)
    proxy = AccountFilterModel()
    proxy.setSourceModel(model)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setPalette(palette(dark))
    view.setModel(proxy)
    view.setItemDelegateForColumn(Column.STATUS, StatusDelegate(view))
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    found = colours_in(image)
    for severity in (Severity.ERROR, Severity.WARNING, Severity.NEUTRAL, Severity.GOOD):
        assert near(found, badge_colors(severity, view.palette()).fill, 2), severity


def test_standalone_badge_lists_every_state_in_its_tooltip(qtbot) -> None:
    from mailmanager.core.model.status import ConnectionStatus, DueState

    badge = StatusBadge()
    qtbot.addWidget(badge)
    badge.set_states([ConnectionStatus.AUTH_FAILED, DueState.EXPIRING_SOON])
    assert badge.text() == "Code rejected"
    assert "Code rejected" in badge.toolTip() and "Expiring soon" in badge.toolTip()
    assert badge.sizeHint().width() > badge.fontMetrics().horizontalAdvance("Code rejected")
