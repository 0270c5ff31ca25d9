"""The filter box's and the side list's proxy over the account list.

Shows the rows of the side list's scope (``ui.list_scope``: a group or a built-in filter) that
match the filter box. Filters on the text ``AccountRoles.FilterRole`` gives (address, display
name, code label, provider name and state labels, case-insensitively, then the scope marks of
``account_cells.scope_marks``), with one regular expression that Qt applies in C++: no Python
call per row, and none at all while neither a text nor a scope is chosen. Sorting is passed on
to ``AccountModel``, which keeps its rows in order itself with precomputed keys: a proxy sorting
ten thousand rows calls back into Python for every comparison.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QObject,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)

from mailmanager.ui.account_cells import ATTENTION_MARK, UNCHECKED_MARK, group_mark
from mailmanager.ui.account_model import AccountModel, AccountRoles, Column
from mailmanager.ui.list_scope import ALL, Scope, ScopeKind


class AccountFilterModel(QSortFilterProxyModel):
    """Filters on the text the filter box holds; keeps the source model's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(AccountRoles.FilterRole)
        self.setFilterKeyColumn(Column.MAILBOX)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self._scope = ALL
        self._text = ""

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
        wanted = []
        if self._text:
            wanted.append(QRegularExpression.escape(self._text))
        scope = self._scope
        if scope.kind is ScopeKind.GROUP:
            # A group is matched as written: "Client A" and "client a" are two groups.
            wanted.append("(?-i:" + QRegularExpression.escape(group_mark(scope.group)) + ")")
        elif scope.kind is ScopeKind.ATTENTION:
            wanted.append(QRegularExpression.escape(ATTENTION_MARK))
        elif scope.kind is ScopeKind.UNCHECKED:
            wanted.append(QRegularExpression.escape(UNCHECKED_MARK))
        source = self.sourceModel()
        if isinstance(source, AccountModel):
            source.rows_filtered = bool(wanted)
        if not wanted:
            self.setFilterRegularExpression(QRegularExpression())
            return
        pattern = "^" + "".join(f"(?=.*{part})" for part in wanted)
        options = (
            QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.DotMatchesEverythingOption
        )
        self.setFilterRegularExpression(QRegularExpression(pattern, options))

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        before = self.sourceModel()
        if isinstance(before, AccountModel):
            before.relativeTimesChanged.disconnect(self._relative_times_changed)
        super().setSourceModel(source)
        if isinstance(source, AccountModel):
            source.relativeTimesChanged.connect(self._relative_times_changed)
            source.rows_filtered = bool(self.filterRegularExpression().pattern())

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
