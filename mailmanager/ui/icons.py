"""The app's icons: the application icon, status icons, toolbar icons and provider marks.

Every icon is a small SVG in resources/icons/ drawn for this app. Status and toolbar icons are
drawn in black (``#000000``) with white (``#ffffff``) cut-outs; they are recoloured when rendered
so that one file serves light and dark palettes. Rendering happens at the screen's device pixel
ratio, so icons stay sharp on HiDPI screens. Provider marks are painted, never logos: a rounded
square in the catalogue's colour with its short text (initials or a short Chinese name).

Toolbar and menu icons are rendered on demand (``_ActionIconEngine``): Qt asks for the size,
mode and pixel ratio it is about to draw, and only that is rendered (and cached). Rendering
every size and state up front cost ~15 ms before the window's first paint.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

from mailmanager import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
from mailmanager.core.model.status import Severity

_SEVERITY_FILE = {
    Severity.GOOD: "status-good",
    Severity.NEUTRAL: "status-neutral",
    Severity.WARNING: "status-warning",
    Severity.ERROR: "status-error",
}


def icon_path(name: str) -> str:
    """The file of icon ``name`` (without ``.svg``)."""
    return str(paths.resources_dir() / "icons" / f"{name}.svg")


@cache
def _svg_source(name: str) -> str:
    return (paths.resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def clear_caches() -> None:
    """Drop the rendered pixmaps (before the QApplication goes away)."""
    _render.cache_clear()
    _mark.cache_clear()


def render_svg(name: str, size: int, dpr: float, ink: str, cutout: str = "#ffffff") -> QPixmap:
    """Icon ``name`` as a ``size``x``size`` (logical pixels) pixmap in colour ``ink``."""
    return _render(name, size, round(dpr * 100), ink.lower(), cutout.lower())


@cache
def _render(name: str, size: int, dpr_percent: int, ink: str, cutout: str) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    dpr = dpr_percent / 100
    source = _svg_source(name).replace("#000000", ink).replace("#ffffff", cutout)
    renderer = QSvgRenderer(QByteArray(source.encode("utf-8")))
    pixels = max(1, round(size * dpr))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(dpr)
    return pixmap


def status_pixmap(
    severity: Severity, size: int, dpr: float, ink: QColor, cutout: QColor
) -> QPixmap:
    """The status icon of ``severity``: check, dash, triangle or cross (shape, not colour alone)."""
    return render_svg(_SEVERITY_FILE[severity], size, dpr, ink.name(), cutout.name())


ACTION_ICON_SIZES = (16, 20, 24, 32)


class _ActionIconEngine(QIconEngine):
    """Draws icon ``action-<name>`` in the palette's ink when Qt first asks for a size.

    Normal and Disabled use their own ink (as the pixmaps rendered up front did); Active and
    Selected are the Normal pixmap passed through the style, as Qt does for an icon that has no
    pixmaps of those modes.
    """

    def __init__(self, name: str, normal: str, disabled: str) -> None:
        super().__init__()
        self._name, self._normal, self._disabled = name, normal, disabled

    def clone(self) -> QIconEngine:
        return _ActionIconEngine(self._name, self._normal, self._disabled)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(size, size) for size in ACTION_ICON_SIZES]

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        disabled = mode == QIcon.Mode.Disabled
        pixmap = render_svg(
            f"action-{self._name}", side, scale, self._disabled if disabled else self._normal
        )
        if mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled):
            return pixmap
        from PySide6.QtWidgets import QApplication, QStyleOption

        option = QStyleOption()
        option.palette = QGuiApplication.palette()
        return QApplication.style().generatedIconPixmap(mode, pixmap, option)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # The application's ratio (the highest of its screens), not painter.device()'s: on a
        # private widget class (the filter box's icon button) PySide resolves device() by
        # building the Python types of dozens of classes, ~5 ms before the first paint.
        app = QGuiApplication.instance()
        scale = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))


def device_ratio(painter: QPainter, widget: QWidget | None) -> float:
    """The pixel ratio to render for: the painted widget's, else the painter's device's.

    A delegate knows its view: asking the view is cheap, while ``painter.device()`` on a Qt-made
    viewport makes PySide build the Python types of dozens of classes (~5 ms, once per run).
    """
    if widget is not None:
        return widget.devicePixelRatioF()
    device = painter.device()
    return device.devicePixelRatioF() if device is not None else 1.0


def action_icon(name: str, palette: QPalette) -> QIcon:
    """Toolbar icon ``action-<name>`` in the palette's text colour, with a greyed disabled form."""
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name()
    return QIcon(_ActionIconEngine(name, normal, disabled))


def app_icon() -> QIcon:
    """The application icon (scalable; Qt's SVG icon engine renders every size)."""
    return QIcon(icon_path("app"))


def app_pixmap(size: int, dpr: float = 1.0) -> QPixmap:
    """The application icon at ``size`` logical pixels, e.g. for the empty state."""
    return _render("app", size, round(dpr * 100), "#000000", "#ffffff")


def domain_initials(domain: str) -> str:
    """Fallback mark text for a domain without a catalogue entry: "example.com" -> "E"."""
    label = domain.strip().lower().split(".")[0] if domain.strip() else ""
    return label[:1].upper() or "?"


def provider_mark(text: str, color: str, size: int, dpr: float) -> QPixmap:
    """A rounded square in ``color`` with ``text`` in white, fitted to the square."""
    return _mark(text, color.lower(), size, round(dpr * 100))


@cache
def _mark(text: str, color: str, size: int, dpr_percent: int) -> QPixmap:
    dpr = dpr_percent / 100
    pixels = max(1, round(size * dpr))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    pixmap.setDevicePixelRatio(dpr)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    rect = QRectF(0, 0, size, size)
    painter.drawRoundedRect(rect, size * 0.24, size * 0.24)
    from PySide6.QtGui import QFont

    font = QFont()
    font.setBold(True)
    # One or two characters fill more of the square than three or four.
    share = {1: 0.52, 2: 0.40}.get(len(text), 0.30)
    font.setPixelSize(max(6, round(size * share)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap
