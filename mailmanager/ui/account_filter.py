"""The filter box's and the side list's proxy over the account list.

Shows the rows of the side list's scope (``ui.list_scope``: a group or a built-in filter, asked
of the model, which knows each row's group and badge) that match the filter box. Filters on
the text ``AccountRoles.FilterRole`` gives (address, display name, code label,
provider name and state labels), case-insensitively. Sorting is passed on to ``AccountModel``,
which keeps its rows in order itself with precomputed keys: a proxy sorting ten thousand rows
calls back into Python for every comparison.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

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

    @property
    def scope(self) -> Scope:
        return self._scope

    def set_scope(self, scope: Scope) -> None:
        """Show only the rows of ``scope`` (all, a built-in filter or a group)."""
        if scope == self._scope:
            return
        self.beginFilterChange()
        self._scope = scope
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        scope = self._scope
        if scope.kind is not ScopeKind.ALL:
            source = self.sourceModel()
            if isinstance(source, AccountModel) and not source.in_scope(source_row, scope):
                return False
        return super().filterAcceptsRow(source_row, source_parent)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, AccountModel):
            source.sort(column, order)

    def account_id_at(self, proxy_row: int) -> int:
        return int(self.index(proxy_row, 0).data(AccountRoles.AccountIdRole))
