"""The account model under bulk changes (issue 21, item 5): what it keeps between changes.

A bulk action changes hundreds of rows at once; the model then finds them by an id index,
re-sorts with each row's kept sort key and adjusts the side list's counts row by row instead of
counting every row again. These tests compare what it keeps with what a fresh model computes
from the same entries, after every kind of change, with Qt's model tester attached.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mailmanager.core.model.list_diff import ListChanges
from mailmanager.core.model.list_entry import ListEntry
from mailmanager.core.model.status import ConnectionStatus, Severity, State
from mailmanager.ui.account_filter import AccountFilterModel
from mailmanager.ui.account_model import (
    MASS_CHANGE,
    AccountModel,
    AccountRoles,
    Column,
)
from mailmanager.ui.list_scope import Scope, ScopeCounts, ScopeKind
from tests.helpers.sample_accounts import NOW, TODAY, fixed_clock

GROUPS = ("", "Client A", "客户 乙")
STATUSES = (None, ConnectionStatus.OK, ConnectionStatus.AUTH_FAILED, ConnectionStatus.TIMEOUT)


def entry(n: int) -> ListEntry:
    """Mailbox ``n`` of a varied list: groups, results, codes expiring and paused mailboxes."""
    status = STATUSES[n % len(STATUSES)]
    checked = (NOW - timedelta(minutes=n)).isoformat() if status is not None else None
    return ListEntry(
        id=n,
        address=f"user{n:03d}@example.com",
        display_name="",
        provider_id=None,
        credential_label="",
        code_created=TODAY - timedelta(days=10),
        code_expires=TODAY + timedelta(days=n % 40) if n % 3 == 0 else None,
        rotate_days=180,
        paused=n % 11 == 0,
        needs_code=False,
        last_web_login=None,
        created_text=(NOW - timedelta(days=10)).isoformat(),
        imap_status=status,
        imap_checked_text=checked,
        smtp_status=status,
        smtp_checked_text=checked,
        check_interval_hours=None,
        group=GROUPS[n % len(GROUPS)],
    )


def order(model: AccountModel) -> list[int]:
    return [model.entry_at(r).id for r in range(model.rowCount())]


def fresh(model: AccountModel, clock: Callable[[], datetime] = fixed_clock) -> AccountModel:
    """A new model of the same rows, sorted the same way: what ``model`` must look like."""
    other = AccountModel(clock=clock)
    other.sort(*SORTS[model])
    other.set_entries(model.entries())
    rows = range(model.rowCount())
    other.set_checking(
        [model.entry_at(r).id for r in rows if model.index(r, 0).data(AccountRoles.CheckingRole)]
    )
    return other


# The sort each model of these tests was given (``sorted_by``).
SORTS: dict[AccountModel, tuple[Column, Qt.SortOrder]] = {}


def sorted_by(model: AccountModel, column: Column, order: Qt.SortOrder) -> None:
    SORTS[model] = (column, order)
    model.sort(column, order)


def counted(model: AccountModel) -> ScopeCounts:
    """The side list's counts, counted here from what the rows say."""
    attention = sum(
        1
        for r in range(model.rowCount())
        if model.index(r, 0).data(AccountRoles.SeverityRole) >= int(Severity.WARNING)
    )
    entries = model.entries()
    unchecked = sum(
        1 for e in entries if e.imap_checked_text is None and e.smtp_checked_text is None
    )
    return ScopeCounts(len(entries), attention, unchecked, dict(Counter(e.group for e in entries)))


def assert_kept(model: AccountModel) -> None:
    """Order, counts and the id index are what a fresh model says."""
    assert order(model) == order(fresh(model))
    assert model.scope_counts() == counted(model)
    assert model.attention_count() == counted(model).attention
    for r in range(model.rowCount()):
        assert model.row_of(model.entry_at(r).id) == r
    assert model.row_of(10_000) == -1


@pytest.fixture
def model(qtmodeltester) -> AccountModel:
    model = AccountModel(clock=fixed_clock)
    sorted_by(model, Column.STATUS, Qt.SortOrder.AscendingOrder)
    model.set_entries([entry(n) for n in range(1, 121)])
    qtmodeltester.check(model)
    model.scope_counts()  # counted once: from now on adjusted row by row
    return model


def test_a_bulk_change_of_many_rows_keeps_order_counts_and_index(model: AccountModel) -> None:
    assert_kept(model)
    chosen = [model.entry_at(r) for r in range(0, 120, 2)]  # every other row: many short runs
    assert len(chosen) > MASS_CHANGE
    model.update_rows([e._replace(paused=not e.paused) for e in chosen])
    assert_kept(model)
    moved = model.entries_of([e.id for e in chosen])
    assert [e.id for e in moved] == [e.id for e in chosen]
    model.update_rows([e._replace(group="Client A") for e in moved])
    assert_kept(model)
    model.update_rows([e._replace(group="") for e in moved])  # the group "Client A" may empty
    assert_kept(model)


def test_a_few_changed_rows_moved_by_reinsertion_keep_order_counts_and_index(
    model: AccountModel,
) -> None:
    first, last = model.entry_at(0), model.entry_at(model.rowCount() - 1)

    def like(other: ListEntry) -> dict[str, Any]:  # what the status column sorts by
        fields = ("paused", "code_expires", "imap_status", "smtp_status", "imap_checked_text",
                  "smtp_checked_text")  # fmt: skip
        return {name: getattr(other, name) for name in fields}

    # The worst row and the best one swap their states (and the first its group).
    model.update_rows([first._replace(group="客户 乙", **like(last)), last._replace(**like(first))])
    assert_kept(model)
    assert model.row_of(first.id) > model.row_of(last.id)
    assert model.take_reinserted()  # moved by removal and insertion, not by a layout change


def test_while_filtered_a_quarter_of_the_rows_move_by_removal_and_insertion(
    qtmodeltester,
) -> None:
    model = AccountModel(clock=fixed_clock)
    sorted_by(model, Column.STATUS, Qt.SortOrder.AscendingOrder)
    model.set_entries([entry(n) for n in range(1, 201)])
    qtmodeltester.check(model)
    model.rows_filtered = True  # as the filter proxy says while a group is chosen
    chosen = [model.entry_at(r) for r in range(0, 200, 4)]  # 50: a quarter of the rows
    layouts: list[int] = []
    model.layoutChanged.connect(lambda: layouts.append(1))
    model.update_rows([e._replace(paused=not e.paused) for e in chosen])
    assert_kept(model)
    assert layouts == []
    moved = model.take_reinserted()
    assert moved and set(moved) <= {e.id for e in chosen}
    model.rows_filtered = False  # nothing filtered: so many rows move in a layout change
    model.update_rows([e._replace(paused=not e.paused) for e in model.entries_of(moved)])
    assert_kept(model)
    assert layouts == [1] and model.take_reinserted() == []


def test_rows_left_in_place_move_when_sorted_later_or_with_the_next_change(
    model: AccountModel,
) -> None:
    """A bulk action's rows are shown changed first and moved later (``sort=False``): until
    then they keep their rows; the next sort, of any kind, takes them along."""
    chosen = [model.entry_at(r) for r in range(0, 120, 3)]
    rows_before = [model.row_of(e.id) for e in chosen]
    model.update_rows([e._replace(paused=not e.paused) for e in chosen], sort=False)
    assert [model.row_of(e.id) for e in chosen] == rows_before
    assert order(model) != order(fresh(model))  # out of their places, for now
    assert model.unsorted_ids == {e.id for e in chosen}
    assert [e.paused for e in model.entries_of([e.id for e in chosen])] == [
        not e.paused for e in chosen
    ]
    assert model.sort_pending()
    assert_kept(model)
    assert model.unsorted_ids == frozenset() and not model.sort_pending()
    # Left in place again, then another change arrives first: its sort takes them along (the
    # bisection of a few touched rows would otherwise assume they are in order).
    again = [model.entry_at(r) for r in range(1, 120, 5)]
    model.update_rows([e._replace(paused=not e.paused) for e in again], sort=False)
    assert order(model) != order(fresh(model))
    one = model.entry_at(60)._replace(imap_status=ConnectionStatus.AUTH_FAILED)
    assert model.apply_changes(ListChanges([one], [], frozenset()))
    assert_kept(model)
    assert model.unsorted_ids == frozenset()


def test_rows_left_in_place_while_checks_run_wait_for_the_sort_when_they_end(
    model: AccountModel,
) -> None:
    model.set_checking([model.entry_at(0).id])
    chosen = [model.entry_at(r) for r in range(2, 40)]
    model.update_rows([e._replace(paused=not e.paused) for e in chosen], sort=False)
    result = model.entry_at(70)._replace(smtp_status=ConnectionStatus.TIMEOUT)
    rows_before = [model.row_of(e.id) for e in chosen]
    assert model.apply_changes(ListChanges([result], [], frozenset()))
    assert [model.row_of(e.id) for e in chosen] == rows_before  # checks run: nothing moves
    assert order(model) != order(fresh(model))
    model.set_checking([])
    assert_kept(model)
    assert model.unsorted_ids == frozenset()


def test_a_reload_with_changed_added_and_gone_rows_keeps_order_counts_and_index(
    model: AccountModel,
) -> None:
    changed = [
        model.entry_at(r)._replace(imap_status=ConnectionStatus.AUTH_FAILED) for r in (3, 50)
    ]
    added = [entry(n) for n in (500, 501)]
    assert model.apply_changes(ListChanges(changed, added, frozenset({7, 8, 9})))
    assert_kept(model)
    assert model.row_of(7) == -1 and model.row_of(500) >= 0
    assert not model.apply_changes(ListChanges([], [], frozenset()))
    many = [e._replace(group="") for e in model.entries()[:40]]
    assert model.apply_changes(ListChanges(many, [], frozenset()))
    assert_kept(model)


def test_checking_marks_and_other_sorts_keep_counts_and_index(model: AccountModel) -> None:
    ids = [model.entry_at(r).id for r in range(0, 40)]
    model.set_checking(ids)
    assert_kept(model)
    sorted_by(model, Column.MAILBOX, Qt.SortOrder.DescendingOrder)
    assert_kept(model)
    model.update_rows([e._replace(address="a" + e.address) for e in model.entries_of(ids[:35])])
    assert_kept(model)
    model.set_checking([])
    sorted_by(model, Column.CODE, Qt.SortOrder.AscendingOrder)
    assert_kept(model)
    model.set_entries([entry(n) for n in range(60, 200)])  # a refresh: some gone, some new
    assert_kept(model)


def test_the_clock_tick_on_the_same_day_repaints_only_the_relative_times() -> None:
    now = [NOW]
    model = AccountModel(clock=lambda: now[0])
    sorted_by(model, Column.CODE, Qt.SortOrder.AscendingOrder)
    model.set_entries([entry(n) for n in range(1, 61)])
    proxy = AccountFilterModel()
    proxy.setSourceModel(model)
    proxy.set_scope(Scope(ScopeKind.GROUP, "Client A"))
    assert proxy.rowCount() == 20
    changed: list[tuple[int, int, int, int, list[int]]] = []
    proxied: list[tuple[int, int, int, int, list[int]]] = []
    for signal, seen in ((model.dataChanged, changed), (proxy.dataChanged, proxied)):
        signal.connect(
            lambda first, last, roles, seen=seen: seen.append(
                (first.row(), last.row(), first.column(), last.column(), list(roles))
            )
        )
    computed: list[int] = []
    states = model._states

    def counted_states(entry: ListEntry, *args: Any) -> list[State]:
        computed.append(entry.id)
        return states(entry, *args)

    model._states = counted_states  # type: ignore[method-assign, assignment]
    model.layoutChanged.connect(lambda: computed.append(-1))
    asked: list[int] = []
    text_at = model.filter_text_at

    def counting_text_at(position: int) -> str:
        asked.append(position)
        return text_at(position)

    model.filter_text_at = counting_text_at  # type: ignore[method-assign]
    proxy.set_scope(Scope(ScopeKind.GROUP, "客户 乙"))  # the test made anew: it reads the above
    proxy.set_scope(Scope(ScopeKind.GROUP, "Client A"))
    assert proxy.rowCount() == 20 and len(asked) == 60  # filtered again (lazily), by that test
    asked.clear()
    now[0] = NOW + timedelta(hours=1)
    model.refresh_times()
    relative = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole]
    assert changed == []  # the model says relativeTimesChanged, the proxy repaints its rows
    assert proxied == [(0, 19, Column.LAST_CHECKED, Column.LAST_CHECKED, relative)]
    assert computed == [] and asked == []  # no state computed again, no re-sort, no filtering
    # The next day the states are computed again: a code expiring in 2 days has 1 day left.
    before = {e.id: model.states_at(r) for r, e in enumerate(model.entries())}
    now[0] = NOW + timedelta(days=1)
    model.refresh_times()
    assert changed and changed[0][2:4] == (0, len(Column) - 1)
    assert sorted(set(computed)) == list(range(1, 61))
    after = {e.id: model.states_at(r) for r, e in enumerate(model.entries())}
    assert before != after
    assert order(model) == order(fresh(model, lambda: now[0]))
