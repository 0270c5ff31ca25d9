"""The main list's diff, read on a connection of its own (core.model.list_diff)."""

from __future__ import annotations

from mailmanager.core.model.accounts import CheckRecord, Protocol
from mailmanager.core.model.list_diff import NO_CHANGES, diff_entries, read_changes
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.sample_accounts import NOW, sample_account, seed


def test_the_diff_names_changed_added_and_removed_rows(store: AccountStore) -> None:
    saved = seed(store)
    shown = store.read_list_entries()
    assert not diff_entries(shown, shown)
    assert diff_entries(shown, shown) == NO_CHANGES

    renamed = saved["ok@163.com"].replace(display_name="Renamed")
    store.update_account(renamed)
    rejected = saved["rejected@qq.com"].id
    assert rejected is not None
    store.record_check(CheckRecord(rejected, NOW, Protocol.IMAP, ConnectionStatus.OK))
    added = store.add_account(sample_account("later@163.com"))
    gone = saved["soon@example.com"].id
    assert gone is not None
    store.remove_account(gone)

    changes = read_changes(store.path, shown)  # a connection of its own, as in the executor
    assert sorted(e.address for e in changes.changed) == ["ok@163.com", "rejected@qq.com"]
    assert {e.display_name for e in changes.changed} >= {"Renamed"}
    assert [e.id for e in changes.added] == [added.id]
    assert changes.gone == {gone}
    # Applying the diff to what was shown gives what the store holds.
    by_id = {e.id: e for e in shown}
    for entry in changes.changed + changes.added:
        by_id[entry.id] = entry
    for account_id in changes.gone:
        del by_id[account_id]
    assert sorted(by_id.values()) == sorted(store.read_list_entries())
