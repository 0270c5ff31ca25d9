"""AccountModel.set_checking: called twice per check (started, ended), so it touches only the
rows whose flag changes, and stays right when rows move, arrive or leave between calls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from mailmanager.core.model.accounts import AccountSummary
from mailmanager.core.model.list_diff import ListChanges
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.ui.account_model import AccountModel, AccountRoles, Column
from tests.helpers.sample_accounts import fixed_clock


def checking(model: AccountModel) -> set[int]:
    """The ids whose rows say a check is running."""
    return {
        model.entry_at(r).id
        for r in range(model.rowCount())
        if model.index(r, 0).data(AccountRoles.CheckingRole)
    }


def changed_rows(model: AccountModel, ids: list[int]) -> list[int]:
    """set_checking(ids); the rows it announced as changed."""
    rows: list[int] = []
    model.dataChanged.connect(lambda first, _last, _roles: rows.append(first.row()))
    model.set_checking(ids)
    model.dataChanged.disconnect()
    return rows


def test_only_the_rows_whose_flag_changes_are_announced(
    summaries: list[AccountSummary],
) -> None:
    model = AccountModel(clock=fixed_clock)
    model.sort(Column.STATUS)
    model.set_summaries(summaries)
    ids = [model.entry_at(r).id for r in range(model.rowCount())]
    position = {account_id: r for r, account_id in enumerate(ids)}
    assert changed_rows(model, ids[:1]) == [0]
    assert changed_rows(model, ids[:2]) == [1]  # the first one is still being checked
    assert changed_rows(model, ids[1:2]) == [0]
    assert changed_rows(model, ids[1:2]) == []
    assert checking(model) == {ids[1]}
    assert changed_rows(model, []) == [position[ids[1]]]
    assert checking(model) == set()


def test_the_flags_stay_right_when_rows_move_arrive_and_leave(
    summaries: list[AccountSummary],
) -> None:
    model = AccountModel(clock=fixed_clock)
    model.sort(Column.STATUS)
    first, *others = summaries
    model.set_summaries(others)
    ids = [model.entry_at(r).id for r in range(model.rowCount())]
    model.set_checking(ids[:2])
    # The order turns round (rows move), and one more mailbox arrives meanwhile.
    model.sort(Column.MAILBOX, Qt.SortOrder.DescendingOrder)
    model.set_summaries(summaries)
    new_id = first.account.id
    assert new_id is not None
    model.set_checking([*ids[1:2], new_id])
    assert checking(model) == {ids[1], new_id}
    # The checked mailbox is removed, then the checks end.
    model.set_summaries([s for s in summaries if s.account.id != ids[1]])
    model.set_checking([new_id])
    assert checking(model) == {new_id}
    model.set_checking([])
    assert checking(model) == set()


def test_results_arriving_while_checks_run_keep_their_rows_until_the_last_check_ends(
    summaries: list[AccountSummary], qtmodeltester: Any
) -> None:
    """During "Check all" the rows stay where they are as results come in (no jumping list,
    no repaint of every row per result); the last check's end sorts them once."""
    model = AccountModel(clock=fixed_clock)
    qtmodeltester.check(model)
    model.sort(Column.MAILBOX)
    model.set_summaries(summaries)
    ids = [model.entry_at(r).id for r in range(model.rowCount())]
    model.sort(Column.STATUS)
    order = [model.entry_at(r).id for r in range(model.rowCount())]
    model.set_checking(order)
    # The last row's mailbox now fails and the first one's recovers: by status, they would
    # swap ends.
    last, first = model.entry_at(len(order) - 1), model.entry_at(0)
    worse = last._replace(imap_status=ConnectionStatus.AUTH_FAILED)
    better = first._replace(imap_status=ConnectionStatus.OK, smtp_status=ConnectionStatus.OK)
    moved: list[str] = []
    model.layoutChanged.connect(lambda *_: moved.append("layout"))
    model.rowsInserted.connect(lambda *_: moved.append("inserted"))
    model.apply_changes(ListChanges([worse, better], [], frozenset()))
    assert [model.entry_at(r).id for r in range(model.rowCount())] == order
    assert moved == []
    assert model.entry_at(len(order) - 1).imap_status is ConnectionStatus.AUTH_FAILED
    model.set_checking(order[:1])  # others end; one still runs: still held
    assert [model.entry_at(r).id for r in range(model.rowCount())] == order
    model.set_checking([])
    now = [model.entry_at(r).id for r in range(model.rowCount())]
    assert now != order and sorted(now) == sorted(ids)
    fresh = AccountModel(clock=fixed_clock)
    fresh.sort(Column.STATUS)
    fresh.set_entries(model.entries())
    assert now == [fresh.entry_at(r).id for r in range(fresh.rowCount())]
