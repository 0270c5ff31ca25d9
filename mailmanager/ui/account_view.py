"""The account list's view: a flat tree view with the badge and two-line delegates.

A ``QTreeView`` rather than a table: whole-row selection, a header that users can resize and
sort by, and no grid lines, which reads calmer with two-line rows.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from mailmanager.ui.account_model import DEFAULT_SORT, Column
from mailmanager.ui.list_delegates import MailboxDelegate, TwoLineDelegate
from mailmanager.ui.status_delegate import StatusDelegate

# Starting widths; the code column takes the rest. The user's own widths are restored over these.
COLUMN_WIDTHS = {Column.MAILBOX: 280, Column.STATUS: 150, Column.LAST_CHECKED: 140}
MIN_COLUMN_WIDTH = 96


class AccountView(QTreeView):
    """Shows the (proxy) account model, sorted worst badge first by default."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountView")
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(*DEFAULT_SORT)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAllColumnsShowFocus(True)
        self.setMouseTracking(True)
        self.setItemDelegateForColumn(Column.MAILBOX, MailboxDelegate(self))
        self.setItemDelegateForColumn(Column.STATUS, StatusDelegate(self))
        self.setItemDelegateForColumn(Column.LAST_CHECKED, TwoLineDelegate(self))
        self.setItemDelegateForColumn(Column.CODE, TwoLineDelegate(self))
        header = self.header()
        header.setObjectName("accountHeader")
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(MIN_COLUMN_WIDTH)
        header.setSectionsMovable(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
