"""The account list's view: a table without grid lines, with the badge and two-line delegates.

A ``QTableView`` styled as a list (whole-row selection, no grid, no row numbers, a header users
can resize and sort by) rather than a ``QTreeView``: a tree lays out every row whenever the
list changes, asking the model about each one, which with ten thousand mailboxes cost some
40 ms per change (``bench/bench_scale.py``); a table with fixed row heights only asks about the
rows it paints.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from mailmanager.ui.account_model import DEFAULT_SORT, Column
from mailmanager.ui.list_delegates import MailboxDelegate, TwoLineDelegate, row_height
from mailmanager.ui.status_delegate import StatusDelegate

# Starting widths; the code column takes the rest. The user's own widths are restored over these.
COLUMN_WIDTHS = {Column.MAILBOX: 280, Column.STATUS: 150, Column.LAST_CHECKED: 140}
MIN_COLUMN_WIDTH = 96


class AccountView(QTableView):
    """Shows the (proxy) account model, sorted worst badge first by default."""

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
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
