"""The main list's light rows: the store's ``list_entries`` says what ``summaries`` says."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from mailmanager.core.model.accounts import CheckRecord, Protocol
from mailmanager.core.model.list_entry import entry_from_summary
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.rules.badges import account_states, mailbox_states
from mailmanager.core.store.account_store import AccountStore
from tests.core.store.test_account_store import T0, make_account


def fill(store: AccountStore) -> None:
    """Mailboxes in every shape the list meets: never checked, one protocol, both, paused,
    waiting for a code, with and without dates, an unknown provider."""
    checked = store.add_account(make_account("a@163.com"))
    store.record_check(
        CheckRecord(checked.id or 0, T0, Protocol.IMAP, ConnectionStatus.OK, elapsed_ms=120)
    )
    store.record_check(
        CheckRecord(
            checked.id or 0,
            T0 + timedelta(minutes=1),
            Protocol.SMTP,
            ConnectionStatus.AUTH_FAILED,
            hint_id="netease_535",
            server_message="535 Error: authentication failed",
        )
    )
    half = store.add_account(
        make_account("b@qq.com", provider_id="qq", code_expires=date(2026, 11, 10))
    )
    store.record_check(CheckRecord(half.id or 0, T0, Protocol.SMTP, ConnectionStatus.TIMEOUT))
    store.add_account(make_account("c@example.org", provider_id=None, display_name="", paused=True))
    store.add_account(
        make_account("d@126.com", needs_code=True, code_created=None, last_web_login=T0.date())
    )


def test_entries_match_the_full_summaries(tmp_path: Path) -> None:
    with AccountStore.open(tmp_path / "s.sqlite3", clock=lambda: T0) as store:
        fill(store)
        entries = sorted(store.list_entries())
        summaries = store.summaries()
    assert entries == sorted(entry_from_summary(s) for s in summaries)
    today = T0.date() + timedelta(days=20)
    by_id = sorted(summaries, key=lambda s: s.account.id or 0)
    for entry, summary in zip(entries, by_id, strict=True):
        assert entry.last_checked == summary.last_checked
        assert entry.connection_statuses == summary.connection_statuses
        assert [(c.protocol, c.status, c.checked_at) for c in entry.latest()] == [
            (r.protocol, r.status, r.checked_at)
            for r in (summary.last_imap, summary.last_smtp)
            if r is not None
        ]
        for recycle_days in (None, 90):
            assert mailbox_states(
                entry, entry.connection_statuses, today, recycle_days=recycle_days
            ) == account_states(summary, today, recycle_days=recycle_days)


def test_an_unknown_status_in_the_file_reads_as_a_protocol_error(tmp_path: Path) -> None:
    """A newer version (or a damaged row) may have written a status this one does not know."""
    path = tmp_path / "s.sqlite3"
    with AccountStore.open(path, clock=lambda: T0) as store:
        fill(store)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE latest_check SET status = 'from_the_future'")
    with AccountStore.open(path, clock=lambda: T0) as store:
        statuses = {e.address: e.connection_statuses for e in store.list_entries()}
    assert statuses["a@163.com"] == [ConnectionStatus.PROTOCOL_ERROR] * 2


def test_entries_are_read_again_only_after_a_change(tmp_path: Path) -> None:
    """The list, the scheduler and the alerts share one read per change: a change through
    this connection or any other one is seen at once; without one, the rows are reused."""
    path = tmp_path / "s.sqlite3"
    with AccountStore.open(path, clock=lambda: T0) as store:
        fill(store)
        first = store.list_entries()
        again = store.list_entries()
        assert again == first and again is not first
        assert all(a is b for a, b in zip(again, first, strict=True))  # not read again
        again.clear()  # a caller's list is its own
        assert len(store.list_entries()) == 4
        # A change through this connection.
        account = store.find_by_address("b@qq.com")
        assert account is not None
        store.update_account(account.replace(paused=True))
        assert {e.address: e.paused for e in store.list_entries()}["b@qq.com"] is True
        # A change through another connection (the CLI, the checker's thread).
        with AccountStore.open(path, clock=lambda: T0) as other:
            other.record_check(
                CheckRecord(account.id or 0, T0 + timedelta(hours=1), Protocol.IMAP,
                            ConnectionStatus.OK)
            )  # fmt: skip
        entry = {e.address: e for e in store.list_entries()}["b@qq.com"]
        assert entry.imap_status is ConnectionStatus.OK
        assert store.list_entries() == store.read_list_entries()


def test_rows_of_a_rolled_back_transaction_are_not_kept(tmp_path: Path) -> None:
    """A rollback moves neither data_version nor total_changes: a read made inside a
    transaction must not be what the next caller gets."""
    with AccountStore.open(tmp_path / "s.sqlite3", clock=lambda: T0) as store:
        store.add_account(make_account("a@163.com"))
        assert [e.address for e in store.list_entries()] == ["a@163.com"]
        try:
            with store.transaction():
                store.add_account(make_account("b@163.com"))
                assert len(store.list_entries()) == 2  # the transaction sees its own rows
                raise RuntimeError("the import failed half-way")
        except RuntimeError:
            pass
        assert [e.address for e in store.list_entries()] == ["a@163.com"]


def test_a_closed_store_says_so_in_its_own_error(tmp_path: Path) -> None:
    """Timers may still ask after shutdown closed the store: they catch StoreError only."""
    import pytest

    from mailmanager.core.store.account_store import StoreError

    store = AccountStore.open(tmp_path / "s.sqlite3", clock=lambda: T0)
    store.close()
    with pytest.raises(StoreError):
        store.list_entries()
