"""The filter box's proxy over the account list.

Filters on the text ``AccountRoles.FilterRole`` gives (address, display name, code label,
provider name and state labels), case-insensitively. Sorting is passed on to ``AccountModel``,
which keeps its rows in order itself with precomputed keys: a proxy sorting ten thousand rows
calls back into Python for every comparison.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from mailmanager.ui.account_model import AccountModel, AccountRoles, Column


class AccountFilterModel(QSortFilterProxyModel):
    """Filters on the text the filter box holds; keeps the source model's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(AccountRoles.FilterRole)
        self.setFilterKeyColumn(Column.MAILBOX)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, AccountModel):
            source.sort(column, order)

    def account_id_at(self, proxy_row: int) -> int:
        return int(self.index(proxy_row, 0).data(AccountRoles.AccountIdRole))
