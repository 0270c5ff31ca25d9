"""The main list's change log (schema 7): what ``read_list_since`` and ``read_changes`` read.

Every write to a table a list row comes from (accounts, latest_check, codes) is logged by
SQLite triggers, whichever connection or program makes it, so a reload reads only the changed
mailboxes; without a usable mark it reads every row.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from mailmanager.core.model.accounts import CheckRecord, Protocol
from mailmanager.core.model.codes import CodeRecord
from mailmanager.core.model.list_diff import ListChanges, read_changes
from mailmanager.core.model.list_entry import ListEntry, ListMark
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.store.schema import SCHEMA_VERSION
from tests.core.store.test_account_store import FIXTURES
from tests.helpers.sample_accounts import NOW, sample_account, seed


def applied(shown: list[ListEntry], changes: ListChanges) -> list[ListEntry]:
    """``shown`` with ``changes`` applied, as the model does it."""
    by_id = {e.id: e for e in shown}
    for entry in changes.changed + changes.added:
        by_id[entry.id] = entry
    for account_id in changes.gone:
        del by_id[account_id]
    return sorted(by_id.values())


def test_the_migration_from_version_6_starts_an_empty_log(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store_v6.sqlite3", db)
    with AccountStore.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store._query("SELECT count(*) FROM list_changes")[0][0] == 0
        first = store.read_list_since(None)
        assert first.ids is None and first.mark.seq == 0 and len(first.mark.token) == 16
        assert len(first.entries) == first.listed == 5
        # The index the list's code dates are read through is there, and used.
        plan = " ".join(
            str(row[3])
            for row in store._query(
                "EXPLAIN QUERY PLAN SELECT min(created) FROM codes "
                "WHERE account_id = 1 AND state IN ('in_use', 'unknown')"
            )
        )
        assert "codes_live" in plan
        # ... and the pending rows' index does not steer the list's read off the table scan.
        whole = [
            str(row[3])
            for row in store._query(
                "EXPLAIN QUERY PLAN SELECT a.id FROM accounts a WHERE a.pending = 0"
            )
        ]
        assert whole == ["SCAN a"]
        # The upgraded file logs its writes from now on.
        store.update_account(store.get_account(1).replace(display_name="Renamed"))
        later = store.read_list_since(first.mark)
        assert later.ids == frozenset({1}) and [e.display_name for e in later.entries] == [
            "Renamed"
        ]


def test_each_store_file_has_its_own_token(tmp_path: Path) -> None:
    with (
        AccountStore.open(tmp_path / "a.sqlite3") as a,
        AccountStore.open(tmp_path / "b.sqlite3") as b,
    ):
        assert a.read_list_since(None).mark.token != b.read_list_since(None).mark.token


def test_a_write_by_another_connection_is_logged(store: AccountStore) -> None:
    saved = seed(store)
    mark = store.read_list_since(None).mark
    ok_id, new_id = saved["ok@163.com"].id, saved["new@example.org"].id
    # The CLI writes through a store of its own; any other program with plain SQL.
    with AccountStore.open(store.path) as cli:
        assert ok_id is not None and new_id is not None
        cli.record_check(CheckRecord(ok_id, NOW, Protocol.IMAP, ConnectionStatus.TIMEOUT))
    with sqlite3.connect(store.path) as raw:
        raw.execute("UPDATE accounts SET group_name = 'clients' WHERE id = ?", (new_id,))
    raw.close()
    found = store.read_list_since(mark)
    assert found.ids == frozenset({ok_id, new_id})
    by_id = {e.id: e for e in found.entries}
    assert by_id[ok_id].imap_status is ConnectionStatus.TIMEOUT
    assert by_id[new_id].group == "clients"
    assert found.mark.seq > mark.seq and found.mark.token == mark.token
    # Nothing since: nothing read.
    again = store.read_list_since(found.mark)
    assert again.ids == frozenset() and again.entries == [] and again.listed == 5


def test_another_clients_code_is_logged_with_its_mailbox(store: AccountStore) -> None:
    saved = store.add_account(sample_account("codes@163.com", code_created=date(2026, 10, 1)))
    assert saved.id is not None
    mark = store.read_list_since(None).mark
    store.add_code(CodeRecord(saved.id, "Foxmail", date(2026, 5, 1), None))
    found = store.read_list_since(mark)
    assert found.ids == frozenset({saved.id})
    (entry,) = found.entries
    assert (entry.code_created, entry.created_label) == (date(2026, 5, 1), "Foxmail")


def test_removed_and_pending_mailboxes_are_gone(store: AccountStore) -> None:
    saved = seed(store)
    shown = store.read_list_entries()
    mark = read_changes(store.path, shown).mark
    assert mark is not None
    removed, hidden = saved["paused@126.com"].id, saved["soon@example.com"].id
    assert removed is not None and hidden is not None
    with AccountStore.open(store.path) as cli:
        cli.remove_account(removed)
        # A save under way elsewhere: a new pending row is not listed yet, and a listed row
        # that turns pending leaves the list.
        waiting = cli.add_account(sample_account("waiting@163.com"), pending=True)
        cli._conn.execute("UPDATE accounts SET pending = 1 WHERE id = ?", (hidden,))
    changes = read_changes(store.path, shown, mark)
    assert changes.gone == {removed, hidden}
    assert changes.added == [] and changes.changed == []
    assert applied(shown, changes) == sorted(store.read_list_entries())
    # The save finishes: the mailbox arrives.
    assert waiting.id is not None
    store.mark_complete(waiting.id)
    later = read_changes(store.path, applied(shown, changes), changes.mark)
    assert [e.address for e in later.added] == ["waiting@163.com"]


def test_without_a_usable_mark_every_row_is_read(store: AccountStore) -> None:
    seed(store)
    first = store.read_list_since(None)
    assert first.ids is None and len(first.entries) == 5
    token, seq = first.mark
    # Another file in the same place (its token differs), or this file put back as it was
    # before the mark (its count is behind the mark): the log cannot say what changed.
    assert store.read_list_since(ListMark("another file", seq)).ids is None
    assert store.read_list_since(ListMark(token, seq + 1)).ids is None
    assert store.read_list_since(ListMark(token, seq)).ids == frozenset()


def test_rows_that_do_not_add_up_are_read_again_in_full(store: AccountStore) -> None:
    seed(store)
    shown = store.read_list_entries()
    mark = read_changes(store.path, shown).mark
    # A list that lost a row the log does not name (it was never shown, say): the count
    # gives it away and every row is compared.
    missing = shown[2]
    changes = read_changes(store.path, shown[:2] + shown[3:], mark)
    assert changes.added == [missing] and not changes.changed and not changes.gone
    assert changes.mark == mark


def test_a_bulk_change_in_one_transaction(store: AccountStore) -> None:
    for n in range(40):
        store.add_account(sample_account(f"user{n:02d}@163.com", code_created=date(2026, 9, 1)))
    shown = store.read_list_entries()
    mark = read_changes(store.path, shown).mark
    with AccountStore.open(store.path) as cli, cli.transaction():
        accounts = cli.list_accounts()
        for account in accounts[:10]:
            cli.update_account(account.replace(group="moved", paused=True))
        for account in accounts[10:15]:
            assert account.id is not None
            cli.remove_account(account.id)
        for account in accounts[15:20]:
            assert account.id is not None
            cli.add_code(CodeRecord(account.id, "Foxmail", date(2026, 1, 1), None))
        cli.add_account(sample_account("late@163.com"))
    changes = read_changes(store.path, shown, mark)
    assert (len(changes.changed), len(changes.added), len(changes.gone)) == (15, 1, 5)
    assert applied(shown, changes) == sorted(store.read_list_entries())


def test_the_stores_kept_rows_follow_the_log(store: AccountStore, monkeypatch) -> None:
    """``list_entries`` (the scheduler's, the alerts' and the window's rows) reads only the
    changed mailboxes after a change, and stays what a whole read returns, in its order."""
    saved = seed(store)
    assert store.list_entries() == store.read_list_entries()
    reads: list[frozenset[int] | None] = []
    real = AccountStore.read_list_since

    def counted(self: AccountStore, mark: ListMark | None):
        found = real(self, mark)
        reads.append(found.ids)
        return found

    monkeypatch.setattr(AccountStore, "read_list_since", counted)
    ok, paused = saved["ok@163.com"], saved["paused@126.com"]
    assert ok.id is not None and paused.id is not None
    with AccountStore.open(store.path) as cli:
        cli.record_check(CheckRecord(ok.id, NOW, Protocol.SMTP, ConnectionStatus.TIMEOUT))
        assert store.list_entries() == store.read_list_entries()
        cli.remove_account(paused.id)
        added = cli.add_account(sample_account("added@163.com"))
        assert store.list_entries() == store.read_list_entries()
    store.update_account(ok.replace(display_name="Mine"))  # through this connection
    assert store.list_entries() == store.read_list_entries()
    assert reads == [frozenset({ok.id}), frozenset({paused.id, added.id}), frozenset({ok.id})]


def test_a_write_during_a_read_is_after_its_mark(store: AccountStore) -> None:
    """The mark and the rows come from one snapshot: a change committed while a read runs is
    not in its rows and not before its mark, so the next read finds it."""
    saved = seed(store)
    ok_id = saved["ok@163.com"].id
    assert ok_id is not None
    mark = store.read_list_since(None).mark
    with AccountStore.open(store.path) as reader, AccountStore.open(store.path) as writer:
        with reader.read_snapshot():
            before = reader.read_list_since(mark)  # the snapshot starts here
            writer.update_account(saved["ok@163.com"].replace(display_name="Meanwhile"))
            during = reader.read_list_since(mark)
        assert during == before and during.ids == frozenset()
        after = reader.read_list_since(during.mark)
    assert after.ids == frozenset({ok_id})
    assert [e.display_name for e in after.entries] == ["Meanwhile"]
