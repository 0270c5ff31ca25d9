"""The filter box's and the side list's proxy over the account list.

Shows the rows of the side list's scope (``ui.list_scope``: a group or a built-in filter) that
match the filter box: the box's text anywhere in a row's filter text (address, display name,
code label, provider name and state labels, ``account_cells.filter_text``), in any case, and
the scope's mark (``account_cells.scope_marks``) as written. The test runs in Python on the
text the model keeps per row, and a new scope or text is applied as one layout change: Qt's
own regular-expression filter asked the model for each row's text (a call into Python and a
copy per row anyway) and then removed the rows that left run by run, each run handled by the
view, its header and the selection (60-125 ms to choose a group of 200 in 10,000; the layout
change, 26-45 ms). Sorting is passed on to ``AccountModel``, which keeps its rows in order
itself with precomputed keys: a proxy sorting ten thousand rows calls back into Python for
every comparison.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from mailmanager.ui.account_cells import ATTENTION_MARK, UNCHECKED_MARK, group_mark
from mailmanager.ui.account_model import AccountModel, AccountRoles, Column
from mailmanager.ui.list_scope import ALL, Scope, ScopeKind


class AccountFilterModel(QSortFilterProxyModel):
    """Filters on the side list's scope and the filter box's text; keeps the source's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(True)
        self._scope = ALL
        self._text = ""
        # The row test for the current scope and text (None: every row is shown), made once
        # per change (``_apply``): Qt calls it for every row it filters.
        self._accepts: Callable[[int], bool] | None = None

    @property
    def scope(self) -> Scope:
        return self._scope

    def set_scope(self, scope: Scope) -> None:
        """Show only the rows of ``scope`` (all, a built-in filter or a group)."""
        if scope != self._scope:
            self._scope = scope
            self._apply()

    def set_text(self, text: str) -> None:
        """Show only the rows whose filter text holds ``text`` (any case)."""
        if text != self._text:
            self._text = text
            self._apply()

    def _apply(self) -> None:
        self._accepts = self._make_test()
        source = self.sourceModel()
        if isinstance(source, AccountModel):
            source.rows_filtered = self._accepts is not None
        # One layout change: every row filtered again, the view laid out once.
        self.invalidate()

    def _make_test(self) -> Callable[[int], bool] | None:
        source = self.sourceModel()
        if not isinstance(source, AccountModel):
            return None
        scope = self._scope
        if scope.kind is ScopeKind.GROUP:
            # A group is matched as written: "Client A" and "client a" are two groups.
            mark: str | None = group_mark(scope.group)
        elif scope.kind is ScopeKind.ATTENTION:
            mark = ATTENTION_MARK
        elif scope.kind is ScopeKind.UNCHECKED:
            mark = UNCHECKED_MARK
        else:
            mark = None
        typed = self._text.casefold()
        if mark is None and not typed:
            return None
        text_at = source.filter_text_at

        def accepts(row: int) -> bool:
            text = text_at(row)
            return (mark is None or mark in text) and (not typed or typed in text.casefold())

        return accepts

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        accepts = self._accepts
        return True if accepts is None else accepts(source_row)

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        before = self.sourceModel()
        if isinstance(before, AccountModel):
            before.relativeTimesChanged.disconnect(self._relative_times_changed)
        super().setSourceModel(source)
        if isinstance(source, AccountModel):
            source.relativeTimesChanged.connect(self._relative_times_changed)
        self._apply()

    def _relative_times_changed(self) -> None:
        """Repaint the shown rows' relative times: a ``dataChanged`` of the source's would
        make this proxy filter every row again (a call into Python per row)."""
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(
                self.index(0, Column.LAST_CHECKED),
                self.index(rows - 1, Column.LAST_CHECKED),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole],
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, AccountModel):
            source.sort(column, order)

    def account_id_at(self, proxy_row: int) -> int:
        return int(self.index(proxy_row, 0).data(AccountRoles.AccountIdRole))
