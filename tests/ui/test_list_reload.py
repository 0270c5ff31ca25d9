"""The main list's reload after a store change: read off the GUI thread, applied as a diff,
coalesced (ui.list_reload, AccountModel.apply_changes)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel

from mailmanager.core.model import list_diff
from mailmanager.core.model.accounts import Account, CheckRecord, Protocol
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui import list_reload
from mailmanager.ui.account_model import AccountModel, Column
from tests.helpers.sample_accounts import NOW, fixed_clock, sample_account, seed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def other(store: AccountStore) -> Iterator[AccountStore]:
    """A second connection, as the CLI or the keyring thread writes through."""
    opened = AccountStore.open(store.path)
    yield opened
    opened.close()


def selected_addresses(window) -> set[str]:
    proxy = window.proxy
    return {
        window.model.entry_at(proxy.mapToSource(index).row()).address
        for index in window.view.selectionModel().selectedRows()
    }


def current_address(window) -> str:
    index = window.proxy.mapToSource(window.view.currentIndex())
    return str(window.model.entry_at(index.row()).address)


def id_of(account: Account) -> int:
    assert account.id is not None
    return account.id


def shown_order(window) -> list[str]:
    model = window.model
    return [model.entry_at(r).address for r in range(model.rowCount())]


def reload_and_wait(window, qtbot) -> None:
    window.reload_soon()
    qtbot.waitUntil(lambda: not window.list_reload.busy, timeout=10_000)


def test_changed_added_and_removed_rows_keep_the_selection_and_current_row(
    make_window, qtbot, qtmodeltester, store: AccountStore, other: AccountStore
) -> None:
    saved = seed(store)
    window = make_window()
    window.watcher.stop()  # the reload is asked for here, once
    qtmodeltester.check(window.model)
    window.select_account(saved["ok@163.com"].id)
    paused = window.proxy.mapFromSource(
        window.model.index(window.model.row_of(saved["paused@126.com"].id), 0)
    )
    window.view.selectionModel().select(
        QItemSelection(paused, paused),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert selected_addresses(window) == {"ok@163.com", "paused@126.com"}
    reset = []
    window.model.modelReset.connect(lambda: reset.append(True))

    # The selected, current row changes and moves (a failed check ranks it near the top).
    other.update_account(saved["ok@163.com"].replace(display_name="Renamed"))
    for protocol in (Protocol.IMAP, Protocol.SMTP):
        other.record_check(
            CheckRecord(id_of(saved["ok@163.com"]), NOW, protocol, ConnectionStatus.TIMEOUT)
        )
    before = shown_order(window).index("ok@163.com")
    # A new result moves "rejected" from the top (worst first) down among the OK ones.
    rejected = id_of(saved["rejected@qq.com"])
    for protocol in (Protocol.IMAP, Protocol.SMTP):
        other.record_check(CheckRecord(rejected, NOW, protocol, ConnectionStatus.OK))
    other.add_account(sample_account("later@163.com"))  # added
    other.remove_account(id_of(saved["soon@example.com"]))  # removed
    reload_and_wait(window, qtbot)

    assert sorted(shown_order(window)) == sorted(
        ["ok@163.com", "rejected@qq.com", "paused@126.com", "new@example.org", "later@163.com"]
    )
    row = window.model.row_of(saved["ok@163.com"].id)
    assert window.model.entry_at(row).display_name == "Renamed"
    assert shown_order(window).index("ok@163.com") != before
    assert selected_addresses(window) == {"ok@163.com", "paused@126.com"}
    assert current_address(window) == "ok@163.com"
    assert not reset  # in place: rows changed, inserted and removed, never a reset
    # The order is the one a fresh model sorts the same rows into.
    fresh = AccountModel(clock=fixed_clock)
    fresh.sort(Column.STATUS)
    fresh.set_entries(store.read_list_entries())
    assert shown_order(window) == [fresh.entry_at(r).address for r in range(fresh.rowCount())]
    # Two selected: the pane says what can be done with both, not one mailbox's details.
    assert window.details.several.isVisible() and "2 mailbox(es)" in window.details.several.text()


def test_a_burst_of_requests_makes_one_read(make_window, qtbot, store, other) -> None:
    saved = seed(store)
    window = make_window()
    window.watcher.stop()
    other.update_account(saved["new@example.org"].replace(display_name="Once"))
    refreshed = []
    window.refreshed.connect(lambda: refreshed.append(True))
    for _ in range(5):
        window.reload_soon()
    qtbot.waitUntil(lambda: not window.list_reload.busy, timeout=10_000)
    assert window.list_reload.reads == 1
    assert refreshed == [True]
    assert (
        window.model.entry_at(window.model.row_of(saved["new@example.org"].id)).display_name
        == "Once"
    )


def test_requests_during_a_read_make_one_more_read_and_a_stale_read_is_dropped(
    make_window, qtbot, store, other, monkeypatch
) -> None:
    saved = seed(store)
    window = make_window()
    window.watcher.stop()
    gate = threading.Event()

    def held_read(database, shown, since):  # the real read, once the test lets it go on
        assert gate.wait(10)
        return list_diff.read_changes(database, shown, since)

    monkeypatch.setattr(list_reload, "read_changes", held_read)
    account = saved["new@example.org"]
    other.update_account(account.replace(display_name="Older"))
    window.reload_soon()
    qtbot.waitUntil(lambda: window.list_reload.reads == 1, timeout=10_000)
    # While that read waits: newer rows are shown through the GUI's own refresh, and more
    # changes ask for reloads; the held read's result is older than what is shown.
    other.update_account(account.replace(display_name="Newer"))
    window.refresh()
    for _ in range(3):
        window.reload_soon()
    gate.set()
    qtbot.waitUntil(lambda: not window.list_reload.busy, timeout=10_000)
    assert window.list_reload.reads == 2
    assert window.model.entry_at(window.model.row_of(account.id)).display_name == "Newer"


def test_the_watcher_reloads_a_change_made_elsewhere(make_window, qtbot, store, other) -> None:
    saved = seed(store)
    window = make_window()
    other.remove_account(saved["paused@126.com"].id)
    qtbot.waitUntil(lambda: window.model.row_of(saved["paused@126.com"].id) < 0, timeout=10_000)
    assert "Mailboxes: 4" in window.summary_label.text()


@pytest.mark.parametrize("column", list(Column))
@pytest.mark.parametrize("descending", [False, True])
def test_applied_changes_keep_any_sort_order(
    qtmodeltester, store: AccountStore, column: Column, descending: bool
) -> None:
    from PySide6.QtCore import Qt

    saved = seed(store)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model = AccountModel(clock=fixed_clock)
    model.sort(column, order)
    model.set_entries(store.read_list_entries())
    qtmodeltester.check(model)
    shown = model.entries()
    for protocol in (Protocol.IMAP, Protocol.SMTP):
        store.record_check(
            CheckRecord(id_of(saved["rejected@qq.com"]), NOW, protocol, ConnectionStatus.OK)
        )
        store.record_check(
            CheckRecord(id_of(saved["ok@163.com"]), NOW, protocol, ConnectionStatus.TIMEOUT)
        )
    store.add_account(sample_account("a-first@163.com"))
    store.add_account(sample_account("z-last@163.com"))
    assert model.apply_changes(list_diff.read_changes(store.path, shown))
    fresh = AccountModel(clock=fixed_clock)
    fresh.sort(column, order)
    fresh.set_entries(store.read_list_entries())
    assert model.entries() == fresh.entries()
    assert not model.apply_changes(list_diff.read_changes(store.path, model.entries()))


def test_after_the_window_is_filled_only_changed_mailboxes_are_read(
    make_window, qtbot, store, other, monkeypatch
) -> None:
    saved = seed(store)
    window = make_window()
    window.watcher.stop()
    reads: list[tuple[bool, int | None]] = []  # (read with a mark, rows the store read)
    real = AccountStore.read_list_since

    def counted(self, mark):
        found = real(self, mark)
        reads.append((mark is not None, None if found.ids is None else len(found.entries)))
        return found

    monkeypatch.setattr(AccountStore, "read_list_since", counted)
    reload_and_wait(window, qtbot)  # the window's own fill left its mark: nothing to read
    account = saved["new@example.org"]
    other.update_account(account.replace(display_name="Changed"))
    reload_and_wait(window, qtbot)
    other.remove_account(id_of(saved["paused@126.com"]))
    reload_and_wait(window, qtbot)
    assert reads == [(True, 0), (True, 1), (True, 0)]
    assert window.model.entry_at(window.model.row_of(account.id)).display_name == "Changed"
    assert window.model.row_of(saved["paused@126.com"].id) < 0
    assert sorted(window.model.entries()) == sorted(store.read_list_entries())
