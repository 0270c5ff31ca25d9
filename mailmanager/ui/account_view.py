"""The account list's view: a table without grid lines, with the badge and two-line delegates.

A ``QTableView`` styled as a list (whole-row selection, no grid, no row numbers, a header users
can resize and sort by) rather than a ``QTreeView``: a tree lays out every row whenever the
list changes, asking the model about each one, which with ten thousand mailboxes cost some
40 ms per change (``bench/bench_scale.py``); a table with fixed row heights only asks about the
rows it paints.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAccessible, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QHeaderView,
    QTableView,
    QWidget,
)

from mailmanager.ui.account_model import DEFAULT_SORT, Column
from mailmanager.ui.list_delegates import MailboxDelegate, TwoLineDelegate, row_height
from mailmanager.ui.status_delegate import StatusDelegate

# Starting widths; the code column takes the rest. The user's own widths are restored over these.
COLUMN_WIDTHS = {Column.MAILBOX: 270, Column.STATUS: 135, Column.LAST_CHECKED: 115}
MIN_COLUMN_WIDTH = 96


class AccountView(QTableView):
    """Shows the (proxy) account model, sorted worst badge first by default.

    Signals:
        openRequested(): Enter or Return on a mailbox (the window opens it, as on double-click).
    """

    openRequested = Signal()

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountView")
        self.setModel(model)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as in other lists
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(*DEFAULT_SORT)
        # Shift- and Ctrl-click, Shift+arrows and Ctrl+A select several mailboxes (bulk actions).
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setMouseTracking(True)
        self.setItemDelegateForColumn(Column.MAILBOX, MailboxDelegate(self))
        self.setItemDelegateForColumn(Column.STATUS, StatusDelegate(self))
        self.setItemDelegateForColumn(Column.LAST_CHECKED, TwoLineDelegate(self))
        self.setItemDelegateForColumn(Column.CODE, TwoLineDelegate(self))
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_row_height()
        header = self.horizontalHeader()
        header.setObjectName("accountHeader")
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(MIN_COLUMN_WIDTH)
        header.setSectionsMovable(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Keys move between mailboxes, as in a list: Home and End go to the first and last
        one, Left and Right scroll sideways, and the current cell stays in the mailbox column
        (so typing a name finds the mailbox). A table would move between cells instead."""
        if action in (_MOVE_LEFT, _MOVE_RIGHT):
            bar = self.horizontalScrollBar()
            bar.triggerAction(_STEP_BACK if action == _MOVE_LEFT else _STEP_ON)
            return self.currentIndex()
        if action in (_MOVE_HOME, _MOVE_END):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        index = super().moveCursor(action, modifiers)
        return index.siblingAtColumn(0) if index.isValid() else index

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """Repaint only the changed rows that are on screen. Qt repaints the whole viewport
        for any change of more than one cell, so each mailbox whose result arrived (a row of
        cells) repainted every visible row: some 10 ms of delegates painting, several times a
        second during "Check all" (bench_smoothness). With a screen reader active Qt's own
        handling runs, for the accessibility events it sends."""
        if (
            QAccessible.isActive()
            or top_left == bottom_right  # one cell: Qt repaints just that one
            or not (top_left.isValid() and bottom_right.isValid())
        ):
            super().dataChanged(top_left, bottom_right, list(roles))
            return
        viewport = self.viewport()
        height = viewport.height()
        top = self.rowViewportPosition(top_left.row())
        last = bottom_right.row()
        bottom = self.rowViewportPosition(last) + self.rowHeight(last)
        if bottom <= 0 or top >= height:
            return  # scrolled out of sight: painted when it comes back
        top, bottom = max(top, 0), min(bottom, height)
        viewport.update(0, top, viewport.width(), bottom - top)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Typing finds a mailbox by its address, whichever cell was clicked last."""
        current = self.currentIndex()
        if current.isValid() and current.column() != 0:
            self.selectionModel().setCurrentIndex(
                current.siblingAtColumn(0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        super().keyboardSearch(search)

    def is_current_row(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """True for the cells of the current row while the list has the keyboard focus: the
        delegates frame the whole row (a table would frame only the current cell)."""
        return self.hasFocus() and index.row() == self.currentIndex().row()

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        self.viewport().update()  # the row frame spans every cell, not just the current one

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def header(self) -> QHeaderView:
        """The column header (the name tree views and the settings code use)."""
        return self.horizontalHeader()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_row_height()

    def _fit_row_height(self) -> None:
        """Every row is as tall as two lines of text (or the provider mark) need."""
        self.verticalHeader().setDefaultSectionSize(row_height(self.font()))


_MOVE_LEFT = QAbstractItemView.CursorAction.MoveLeft
_MOVE_RIGHT = QAbstractItemView.CursorAction.MoveRight
_MOVE_HOME = QAbstractItemView.CursorAction.MoveHome
_MOVE_END = QAbstractItemView.CursorAction.MoveEnd
_STEP_BACK = QAbstractSlider.SliderAction.SliderSingleStepSub
_STEP_ON = QAbstractSlider.SliderAction.SliderSingleStepAdd
