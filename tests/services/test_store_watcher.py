"""The store watcher: changes made elsewhere, and a store it cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailmanager.core.store.account_store import AccountStore, StoreError
from mailmanager.services.store_watcher import StoreWatcher
from tests.helpers.sample_accounts import sample_account


@pytest.mark.expected_warnings("store poll failed")
def test_a_change_elsewhere_is_seen_and_a_failed_read_is_handed_over_typed(
    tmp_path: Path, qtbot
) -> None:
    database = tmp_path / "accounts.sqlite3"
    store = AccountStore.open(database)
    failures: list[StoreError] = []
    watcher = StoreWatcher(store, interval_ms=60_000, on_failure=failures.append)
    watcher.start()
    assert not watcher.poll()
    with AccountStore.open(database) as other:  # another process's connection
        other.add_account(sample_account("elsewhere@163.com"))
    with qtbot.waitSignal(watcher.changed):
        assert watcher.poll()
    store.close()  # the file can no longer be read through it
    assert not watcher.poll()
    assert len(failures) == 1 and isinstance(failures[0], StoreError)
    assert watcher.is_active()  # polling goes on: a lock is usually gone at the next tick
    watcher.stop()
