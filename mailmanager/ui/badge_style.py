"""Badge colours for each severity, in a light and a dark variant.

A badge is a rounded pill with an icon and a label; the colour only reinforces what the icon's
shape and the text already say. Both variants keep the label's contrast above 4.5:1 against
the pill (WCAG AA for normal text), so badges stay readable in dark themes too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from mailmanager.core.model.status import Severity


@dataclass(frozen=True)
class BadgeColors:
    """The pill's fill and outline, the label's colour and the icon's colour."""

    fill: QColor
    border: QColor
    text: QColor
    icon: QColor


def _c(fill: str, border: str, text: str, icon: str) -> BadgeColors:
    return BadgeColors(QColor(fill), QColor(border), QColor(text), QColor(icon))


_LIGHT = {
    Severity.GOOD: _c("#e6f4ea", "#b5dfc2", "#15603a", "#1e8e4e"),
    Severity.NEUTRAL: _c("#eef1f5", "#d2d8e0", "#3d4652", "#5f6b7a"),
    Severity.WARNING: _c("#fff3d6", "#f0d08e", "#6e4300", "#b86e00"),
    Severity.ERROR: _c("#fdeceb", "#f2bfbb", "#9c1f19", "#d1362c"),
}
_DARK = {
    Severity.GOOD: _c("#173627", "#255a40", "#a3e6bd", "#4cc47f"),
    Severity.NEUTRAL: _c("#2b3139", "#414a56", "#cdd5df", "#9aa5b3"),
    Severity.WARNING: _c("#3b2d0f", "#5d4819", "#f8d68f", "#e9a93a"),
    Severity.ERROR: _c("#42191a", "#6a292a", "#ffb8b2", "#f06a5f"),
}


def is_dark(palette: QPalette) -> bool:
    """True when the palette's base (the list background) is dark."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def badge_colors(severity: Severity, palette: QPalette) -> BadgeColors:
    """The colours for a badge of ``severity`` on a list painted with ``palette``."""
    return (_DARK if is_dark(palette) else _LIGHT)[severity]
