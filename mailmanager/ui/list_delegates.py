"""Delegates for the account list's text columns: a mailbox cell with the provider's mark, and
cells with a main line and a quieter second line.

Two lines per row keep the list scannable without extra columns: the address with the provider
and display name under it; "expires in 12 days" with "created 40 days ago" under it. Long
addresses are elided in the middle so that the domain stays visible.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mailmanager.ui import icons
from mailmanager.ui.account_model import AccountRoles
from mailmanager.ui.provider_info import ProviderLook

Index = QModelIndex | QPersistentModelIndex


class _Fonts(NamedTuple):
    """A cell's fonts and their metrics, kept while the view's font stays the same."""

    font: QFont
    main_metrics: QFontMetrics
    main_height: int
    small: QFont
    small_metrics: QFontMetrics
    small_height: int


PAD_X = 6
MARK_SIZE = 30
LINE_GAP = 2
PAD_Y = 7


def secondary_font(font: QFont) -> QFont:
    smaller = QFont(font)
    if font.pointSizeF() > 0:
        smaller.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    else:
        smaller.setPixelSize(max(9, font.pixelSize() - 1))
    return smaller


def row_height(font: QFont) -> int:
    """The height of a list row: a main line and a smaller second line, or the provider mark."""
    lines = QFontMetrics(font).height() + LINE_GAP + QFontMetrics(secondary_font(font)).height()
    return max(lines, MARK_SIZE) + 2 * PAD_Y


def muted(palette: QPalette, selected: bool) -> QColor:
    """A quieter text colour that still reads on the list's background (or the selection)."""
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    # Two thirds of the way from the background to the text keeps contrast above 4.5:1.
    return QColor(
        round(base.red() + (text.red() - base.red()) * 0.68),
        round(base.green() + (text.green() - base.green()) * 0.68),
        round(base.blue() + (text.blue() - base.blue()) * 0.68),
    )


def paint_row_focus(painter: QPainter, opt: QStyleOptionViewItem, index: Index) -> None:
    """Frame the current row when it is not selected (e.g. after Ctrl+click cleared the
    selection), so the keyboard's place stays visible: each cell draws its part of one frame
    around the whole row. The view says which row is current (``AccountView.is_current_row``)."""
    is_current = getattr(opt.widget, "is_current_row", None)
    if is_current is None or opt.state & QStyle.StateFlag.State_Selected or not is_current(index):
        return
    rect = opt.rect.adjusted(0, 0, -1, -1)
    painter.save()
    painter.setPen(opt.palette.color(QPalette.ColorRole.Highlight))
    painter.drawLine(rect.topLeft(), rect.topRight())
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    if index.column() == 0:
        painter.drawLine(rect.topLeft(), rect.bottomLeft())
    if index.column() == index.model().columnCount() - 1:
        painter.drawLine(rect.topRight(), rect.bottomRight())
    painter.restore()


class TwoLineDelegate(QStyledItemDelegate):
    """A main line (DisplayRole) and an optional muted second line (SecondaryTextRole)."""

    elide = Qt.TextElideMode.ElideRight

    def text_left(self, opt: QStyleOptionViewItem) -> int:
        return opt.rect.left() + PAD_X

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The whole visible list is painted again whenever rows move (every reload while a
        # "Check all" runs), so this stays cheap: no initStyleOption (it asks the model for a
        # dozen roles this model does not answer; the text is all it gives here), and the
        # fonts, metrics and muted colour are reused while the view's font and palette are.
        opt = QStyleOptionViewItem(option)
        opt.state &= ~_CELL_FOCUS  # the list selects whole rows: no frame around one cell
        main = str(index.data(_DISPLAY) or "")
        second = str(index.data(AccountRoles.SecondaryTextRole) or "")
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # CE_ItemViewItem without text, icon or check box draws only this panel.
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        self.paint_extra(painter, opt, index)
        left = self.text_left(opt)
        width = opt.rect.right() - PAD_X - left
        fonts = self._fonts_for(opt.font)
        main_metrics, small, small_metrics = fonts.main_metrics, fonts.small, fonts.small_metrics
        main_height = fonts.main_height
        block = main_height + (LINE_GAP + fonts.small_height if second else 0)
        top = opt.rect.top() + (opt.rect.height() - block) // 2
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setFont(opt.font)
        painter.setPen(palette.color(text_role))
        painter.drawText(
            QRect(left, top, width, main_height),
            _LEFT_CENTRED,
            main_metrics.elidedText(main, self.elide, width),
        )
        if second:
            painter.setFont(small)
            painter.setPen(self._muted_for(palette, selected))
            painter.drawText(
                QRect(left, top + main_height + LINE_GAP, width, fonts.small_height),
                _LEFT_CENTRED,
                small_metrics.elidedText(second, Qt.TextElideMode.ElideRight, width),
            )
        painter.restore()
        paint_row_focus(painter, opt, index)

    def _fonts_for(self, font: QFont) -> _Fonts:
        known = self.__dict__.get("_fonts")
        if known is None or known.font != font:
            small = secondary_font(font)
            main_metrics, small_metrics = QFontMetrics(font), QFontMetrics(small)
            known = _Fonts(
                QFont(font),
                main_metrics,
                main_metrics.height(),
                small,
                small_metrics,
                small_metrics.height(),
            )
            self.__dict__["_fonts"] = known
        return known

    def _muted_for(self, palette: QPalette, selected: bool) -> QColor:
        key = (palette.cacheKey(), selected)
        known = self.__dict__.get("_muted")
        if known is None or known[0] != key:
            known = (key, muted(palette, selected))
            self.__dict__["_muted"] = known
        return known[1]

    def paint_extra(self, painter: QPainter, opt: QStyleOptionViewItem, index: Index) -> None:
        """Subclasses paint decorations (the provider mark) here."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        main_metrics = QFontMetrics(opt.font)
        small_metrics = QFontMetrics(secondary_font(opt.font))
        second = str(index.data(AccountRoles.SecondaryTextRole) or "")
        width = max(
            main_metrics.horizontalAdvance(opt.text),
            small_metrics.horizontalAdvance(second),
        )
        return QSize(self.text_left_offset() + width + PAD_X, row_height(opt.font))

    def text_left_offset(self) -> int:
        return PAD_X


class MailboxDelegate(TwoLineDelegate):
    """The mailbox cell: provider mark, address (elided in the middle), provider and name."""

    elide = Qt.TextElideMode.ElideMiddle

    def text_left(self, opt: QStyleOptionViewItem) -> int:
        return opt.rect.left() + self.text_left_offset()

    def text_left_offset(self) -> int:
        return PAD_X + MARK_SIZE + 10

    def paint_extra(self, painter: QPainter, opt: QStyleOptionViewItem, index: Index) -> None:
        look = index.data(AccountRoles.ProviderRole)
        if not isinstance(look, ProviderLook):
            return
        dpr = icons.device_ratio(painter, opt.widget)
        pixmap = icons.provider_mark(look.mark_text, look.mark_color, MARK_SIZE, dpr)
        top = opt.rect.top() + (opt.rect.height() - MARK_SIZE) // 2
        painter.drawPixmap(opt.rect.left() + PAD_X, top, pixmap)


_CELL_FOCUS = QStyle.StateFlag.State_HasFocus
_DISPLAY = Qt.ItemDataRole.DisplayRole
_LEFT_CENTRED = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
