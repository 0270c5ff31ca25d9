"""Status badges: a rounded pill with an icon and a label, in the list and in the details pane.

Colour never carries the meaning alone: every severity has its own icon shape (check, dash,
triangle, cross) and the label names the state. Colours come from ``badge_style`` in a light or
dark variant chosen from the palette of the widget being painted. The list cell's tooltip (from
the model) lists every state that applies with its explanation.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mailmanager.core.model import status
from mailmanager.core.model.status import Severity, State
from mailmanager.ui import formatting, icons
from mailmanager.ui.account_model import AccountRoles
from mailmanager.ui.badge_style import badge_colors
from mailmanager.ui.list_delegates import paint_row_focus

Index = QModelIndex | QPersistentModelIndex

PAD_X = 9  # inside the pill, left of the icon and right of the text
GAP = 6  # between icon and text
PAD_Y = 4  # above and below the text
MARGIN = 6  # between the cell's edge and the pill


def badge_size(metrics: QFontMetrics, label: str) -> QSize:
    """The pill's size for ``label`` in a font with ``metrics``."""
    icon = metrics.height() - 2
    width = PAD_X + icon + GAP + metrics.horizontalAdvance(label) + PAD_X + 2
    return QSize(width, metrics.height() + 2 * PAD_Y)


def paint_badge(
    painter: QPainter,
    rect: QRect,
    severity: Severity,
    label: str,
    palette: QPalette,
    dpr: float,
) -> None:
    """Paint a badge left-aligned and vertically centred in ``rect`` (elided when too narrow)."""
    metrics = painter.fontMetrics()
    wanted = badge_size(metrics, label)
    width = min(wanted.width(), rect.width())
    height = min(wanted.height(), rect.height())
    pill = QRectF(rect.left(), rect.top() + (rect.height() - height) / 2, width, height)
    colours = badge_colors(severity, palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colours.border)
    painter.setBrush(colours.fill)
    radius = pill.height() / 2
    painter.drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    icon_size = metrics.height() - 2
    pixmap = icons.status_pixmap(severity, icon_size, dpr, colours.icon, colours.fill)
    icon_top = pill.top() + (pill.height() - icon_size) / 2
    painter.drawPixmap(round(pill.left() + PAD_X), round(icon_top), pixmap)
    text_left = pill.left() + PAD_X + icon_size + GAP
    text_rect = QRectF(text_left, pill.top(), pill.right() - PAD_X - text_left + 2, pill.height())
    painter.setPen(colours.text)
    shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(text_rect.width()))
    painter.drawText(
        text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
    )
    painter.restore()


class StatusDelegate(QStyledItemDelegate):
    """Paints the status column: the badge of the row's worst state."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # Cheap, as the text cells (list_delegates): no initStyleOption, only the panel.
        opt = QStyleOptionViewItem(option)
        opt.state &= ~_CELL_FOCUS  # the list selects whole rows: no frame around one cell
        label = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        severity = Severity(int(index.data(AccountRoles.SeverityRole) or 0))
        rect = opt.rect.adjusted(MARGIN, 2, -MARGIN, -2)
        dpr = icons.device_ratio(painter, widget)
        painter.save()
        painter.setFont(opt.font)
        paint_badge(painter, rect, severity, label, opt.palette, dpr)
        painter.restore()
        paint_row_focus(painter, opt, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        size = badge_size(QFontMetrics(opt.font), opt.text)
        return QSize(size.width() + 2 * MARGIN, size.height() + 8)


class StatusBadge(QWidget):
    """A standalone badge (details pane header) showing one state, with every state as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: State = status.worst([])
        self._label = formatting.state_label(self._state)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_states(self, states: list[State]) -> None:
        self._state = status.worst(states)
        self._label = formatting.state_label(self._state)
        self.setToolTip(formatting.states_tooltip(states))
        self.setAccessibleName(self._label)
        self.updateGeometry()
        self.update()

    def state(self) -> State:
        return self._state

    def text(self) -> str:
        return self._label

    def sizeHint(self) -> QSize:
        return badge_size(self.fontMetrics(), self._label)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_badge(
            painter,
            self.rect(),
            status.info(self._state).severity,
            self._label,
            self.palette(),
            self.devicePixelRatioF(),
        )
        painter.end()


_CELL_FOCUS = QStyle.StateFlag.State_HasFocus
