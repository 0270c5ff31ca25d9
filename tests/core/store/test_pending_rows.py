"""Schema 3's pending rows (issue 14, item 6): an unfinished save is never listed."""

from __future__ import annotations

import shutil
from pathlib import Path

from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def account(address: str) -> Account:
    return Account(
        address,
        Endpoint("imap.example.org", 993, Security.SSL, address),
        Endpoint("smtp.example.org", 465, Security.SSL, address),
    )


def test_pending_rows_are_not_listed_until_complete(tmp_path: Path) -> None:
    with AccountStore.open(tmp_path / "s.sqlite3") as store:
        done = store.add_account(account("done@example.org"))
        half = store.add_account(account("half@example.org"), pending=True)
        assert half.id is not None and done.id is not None
        assert [a.address for a in store.list_accounts()] == ["done@example.org"]
        assert [s.account.address for s in store.summaries()] == ["done@example.org"]
        assert [e.address for e in store.read_list_entries()] == ["done@example.org"]
        assert store.count_accounts() == 1
        assert [a.address for a in store.pending_accounts()] == ["half@example.org"]
        assert store.is_pending(half.id) and not store.is_pending(done.id)
        # The address stays taken while pending: a second save of it stops at the insert.
        assert store.find_by_address("HALF@example.org") is not None
        store.mark_complete(half.id)
        assert store.count_accounts() == 2 and store.pending_accounts() == []


def test_version_2_accounts_are_complete_after_the_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store_v2.sqlite3", db)
    with AccountStore.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.pending_accounts() == []
        assert store.count_accounts() == 5
