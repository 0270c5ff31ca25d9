"""The account model and its sort/filter proxy: Qt's model rules, named roles, badges, texts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from mailmanager.core.model.accounts import AccountSummary, CheckRecord, Protocol
from mailmanager.core.model.status import ConnectionStatus, DueState, LifecycleState, Severity
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.account_filter import AccountFilterModel
from mailmanager.ui.account_model import AccountModel, AccountRoles, Column
from tests.helpers.sample_accounts import NOW, fixed_clock, sample_account


def build(summaries: list[AccountSummary]) -> tuple[AccountModel, AccountFilterModel]:
    model = AccountModel(clock=fixed_clock)
    model.set_summaries(summaries)
    proxy = AccountFilterModel()
    proxy.setSourceModel(model)
    return model, proxy


def by_address(model: AccountModel) -> dict[str, int]:
    return {model.entry_at(r).address: r for r in range(model.rowCount())}


def addresses(model: QAbstractItemModel) -> list[str]:
    return [model.index(r, Column.MAILBOX).data() for r in range(model.rowCount())]


def refresh_from(store: AccountStore, model: AccountModel) -> None:
    """What the window does after the store changed."""
    model.set_entries(store.list_entries())


def change_the_store(store: AccountStore) -> None:
    """One mailbox added, one changed (a new check, a new name), one removed."""
    store.add_account(sample_account("later@163.com", provider_id="netease_personal"))
    rejected = store.find_by_address("rejected@qq.com")
    assert rejected is not None and rejected.id is not None
    store.update_account(rejected.replace(display_name="Renamed"))
    store.record_check(CheckRecord(rejected.id, NOW, Protocol.IMAP, ConnectionStatus.OK))
    soon = store.find_by_address("soon@example.com")
    assert soon is not None and soon.id is not None
    store.remove_account(soon.id)


# Qt's C++ QAbstractItemModelTester (its complaints are Qt warnings, which fail the test) and
# pytest-qt's Python port; both stay connected and check again on every change of the model.
TESTERS = pytest.mark.parametrize("force_py", [False, True], ids=["qt", "python"])


def test_model_passes_qt_model_tests(qtmodeltester, summaries) -> None:
    model, proxy = build(summaries)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


@TESTERS
def test_the_model_with_rows_through_a_refresh_passes_qt_model_tests(
    qtmodeltester, store: AccountStore, summaries, force_py: bool
) -> None:
    model = AccountModel(clock=fixed_clock, loader=store.summary)
    refresh_from(store, model)
    assert model.rowCount() == len(summaries) == 5
    qtmodeltester.check(model, force_py=force_py)
    model.sort(Column.STATUS, Qt.SortOrder.DescendingOrder)
    change_the_store(store)
    refresh_from(store, model)
    assert sorted(addresses(model)) == sorted(
        ["ok@163.com", "rejected@qq.com", "paused@126.com", "new@example.org", "later@163.com"]
    )
    model.refresh_times()
    model.set_checking([model.entry_at(0).id])
    model.sort(Column.MAILBOX, Qt.SortOrder.AscendingOrder)
    assert addresses(model) == sorted(addresses(model), key=str.casefold)
    model.set_checking([])
    model.set_entries([])
    assert model.rowCount() == 0
    refresh_from(store, model)
    assert model.rowCount() == 5


@TESTERS
def test_the_filtered_proxy_through_a_refresh_passes_qt_model_tests(
    qtmodeltester, store: AccountStore, summaries, force_py: bool
) -> None:
    model = AccountModel(clock=fixed_clock, loader=store.summary)
    refresh_from(store, model)
    proxy = AccountFilterModel()
    proxy.setSourceModel(model)
    proxy.set_text("163.com")
    assert addresses(proxy) == ["ok@163.com"]
    qtmodeltester.check(proxy, force_py=force_py)
    proxy.sort(Column.MAILBOX, Qt.SortOrder.DescendingOrder)
    # The store changes under the filter: a matching row arrives, hidden ones change and go.
    change_the_store(store)
    refresh_from(store, model)
    assert addresses(proxy) == ["ok@163.com", "later@163.com"]
    model.refresh_times()
    model.set_checking([model.entry_at(0).id])
    proxy.set_text("paused")
    assert addresses(proxy) == ["paused@126.com"]
    proxy.set_text("nothing-like-this")
    assert proxy.rowCount() == 0
    refresh_from(store, model)  # a refresh while every row is filtered out
    proxy.set_text("")
    assert proxy.rowCount() == model.rowCount() == 5


def test_updates_in_place_stay_consistent(qtmodeltester, summaries) -> None:
    model = AccountModel(clock=fixed_clock)
    qtmodeltester.check(model, force_py=True)  # keeps checking while rows change
    model.set_summaries(summaries)
    assert model.rowCount() == 5
    model.set_summaries(summaries[1:])  # one removed
    assert model.rowCount() == 4
    changed = summaries[1].account.replace(display_name="Changed")
    model.set_summaries([AccountSummary(changed), *summaries[2:], summaries[0]])
    rows = by_address(model)
    assert model.rowCount() == 5
    index = model.index(rows[changed.address], Column.MAILBOX)
    assert "Changed" in index.data(AccountRoles.SecondaryTextRole)
    model.set_checking([changed.id or 0])
    assert model.index(rows[changed.address], 0).data(AccountRoles.CheckingRole) is True
    model.set_summaries([])
    assert model.rowCount() == 0


def test_named_roles_give_badges_and_states(summaries) -> None:
    model, _proxy = build(summaries)
    rows = by_address(model)
    expected = {
        "ok@163.com": ConnectionStatus.OK,
        "rejected@qq.com": ConnectionStatus.AUTH_FAILED,
        "soon@example.com": DueState.EXPIRING_SOON,
        "paused@126.com": LifecycleState.PAUSED,
        "new@example.org": LifecycleState.NEVER_CHECKED,
    }
    for address, state in expected.items():
        index = model.index(rows[address], Column.STATUS)
        assert index.data(AccountRoles.BadgeStateRole) == state
        assert state in index.data(AccountRoles.StatesRole)
        assert index.data(AccountRoles.AccountRole).address == address
    soon = model.index(rows["soon@example.com"], Column.STATUS)
    assert soon.data(AccountRoles.StatesRole) == [DueState.EXPIRING_SOON, ConnectionStatus.OK]
    assert soon.data(AccountRoles.SeverityRole) == Severity.WARNING
    names = model.roleNames()
    assert bytes(names[AccountRoles.BadgeStateRole].data()) == b"badgeStateRole"


def test_cell_texts_and_tooltips(summaries) -> None:
    model, _proxy = build(summaries)
    rows = by_address(model)
    ok_row = rows["ok@163.com"]
    assert model.index(ok_row, Column.MAILBOX).data() == "ok@163.com"
    secondary = model.index(ok_row, Column.MAILBOX).data(AccountRoles.SecondaryTextRole)
    assert "张伟" in secondary
    assert model.index(ok_row, Column.STATUS).data() == "Normal"
    assert "3 minute" in model.index(ok_row, Column.LAST_CHECKED).data()
    assert "2025-03-15" in model.index(ok_row, Column.LAST_CHECKED).data(
        Qt.ItemDataRole.ToolTipRole
    )
    new_row = rows["new@example.org"]
    assert model.index(new_row, Column.LAST_CHECKED).data() == "Never"
    soon_row = rows["soon@example.com"]
    assert "9 day" in model.index(soon_row, Column.CODE).data()
    assert "10 day" in model.index(soon_row, Column.CODE).data(AccountRoles.SecondaryTextRole)
    tooltip = model.index(soon_row, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Expiring soon" in tooltip and "Normal" in tooltip
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mailbox"


def test_sorting_puts_the_worst_first(summaries) -> None:
    _model, proxy = build(summaries)
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert order[0] == "rejected@qq.com"
    assert order[1] == "soon@example.com"
    assert order[-1] == "ok@163.com"
    proxy.sort(Column.MAILBOX, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert order == sorted(order)


def test_filter_matches_address_provider_and_state(summaries) -> None:
    _model, proxy = build(summaries)
    proxy.set_text("QQ.COM")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["rejected@qq.com"]
    proxy.set_text("paused")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["paused@126.com"]
    proxy.set_text("张伟")
    assert proxy.rowCount() == 1
    proxy.set_text("nothing-like-this")
    assert proxy.rowCount() == 0


def test_rows_from_entries_read_the_whole_account_through_the_loader(summaries) -> None:
    """The main window fills the list from light entries; the full account of a row is read
    only when asked for (the selection, an edit), and a gone account reads as None."""
    from mailmanager.core.model.list_entry import entry_from_summary

    whole = {s.account.id: s for s in summaries}
    asked: list[int] = []

    def loader(account_id: int):
        asked.append(account_id)
        return whole.get(account_id)

    model = AccountModel(clock=fixed_clock, loader=loader)
    model.set_entries(entry_from_summary(s) for s in summaries)
    assert model.rowCount() == len(summaries)
    assert asked == []  # filling the list reads nothing more
    row = by_address(model)[summaries[0].account.address]
    assert model.summary_at(row) == summaries[0]
    assert model.index(row, 0).data(AccountRoles.AccountRole) == summaries[0].account
    whole.clear()
    assert model.summary_at(row) is None
    assert model.index(row, 0).data(AccountRoles.AccountRole) is None
    # Same badges as rows built from the whole summaries.
    reference = AccountModel(clock=fixed_clock)
    reference.set_summaries(summaries)
    for r in range(model.rowCount()):
        other = by_address(reference)[model.entry_at(r).address]
        for column in Column:
            for role in (AccountRoles.BadgeStateRole, AccountRoles.SecondaryTextRole):
                assert model.index(r, column).data(role) == reference.index(other, column).data(
                    role
                )
            assert model.index(r, column).data(Qt.ItemDataRole.ToolTipRole) == reference.index(
                other, column
            ).data(Qt.ItemDataRole.ToolTipRole)


def test_a_row_keeps_its_place_in_the_status_order_while_it_is_checked(summaries) -> None:
    """Sorted by status, a mailbox being checked stays where its state puts it: a "Check all"
    refreshes the list every 200 ms, and rows hopping to "Checking" and back repainted the
    whole list each time (the GUI thread's longest stalls in bench_smoothness)."""
    model = AccountModel(clock=fixed_clock)
    model.sort(Column.STATUS)
    model.set_summaries(summaries)
    order = addresses(model)
    model.set_checking([model.entry_at(r).id for r in range(model.rowCount())])
    model.set_summaries(summaries)  # the refresh that follows, while every check runs
    assert addresses(model) == order
    assert all(
        model.index(r, 0).data(AccountRoles.CheckingRole) is True for r in range(model.rowCount())
    )
    model.set_checking([])
    model.set_summaries(summaries)
    assert addresses(model) == order
