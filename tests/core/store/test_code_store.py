"""The code inventory's tables (issue 19): the migration from one code per mailbox, the own
code kept in step with its account, labels unique per mailbox, proofs and audits."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mailmanager.core.model.accounts import CheckRecord, Protocol
from mailmanager.core.model.codes import CodeAudit, CodeRecord, CodeState
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import (
    AccountStore,
    DuplicateLabelError,
)
from mailmanager.core.store.schema import SCHEMA_VERSION
from tests.helpers.factories import make_account
from tests.helpers.memory_keyring import MemoryKeyring

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path):
    with AccountStore.open(tmp_path / "store.sqlite3", clock=lambda: T0) as s:
        yield s


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_migration_makes_todays_code_the_first_entry(
    tmp_path: Path, version: int, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.entries[("mailmanager", "zhang.wei@163.com")] = "TheOwnCode1234"
    before = dict(memory_keyring.entries)
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / f"store_v{version}.sqlite3", db)
    with AccountStore.open(db) as store:
        accounts = {a.address: a for a in store.list_accounts()}
        codes = {address: store.codes(a.id or 0) for address, a in accounts.items()}
    assert all(len(found) == 1 and found[0].own for found in codes.values())
    zhang = codes["zhang.wei@163.com"][0]
    assert (zhang.label, zhang.created, zhang.expires) == ("Thunderbird", date(2026, 9, 1), None)
    assert zhang.state is CodeState.IN_USE and zhang.kept
    # The last successful check with it (IMAP on 1 Oct, SMTP on 2 Oct) is its last proof.
    assert zhang.last_proven == datetime(2026, 10, 2, 9, 0, tzinfo=UTC)
    li = codes["li.na@corp.example.cn"][0]
    assert (li.label, li.created, li.expires) == (
        "办公室电脑",
        date(2026, 8, 15),
        date(2027, 2, 15),
    )
    assert li.last_proven is None
    if version >= 2:
        # An empty label becomes "mailmanager"; the account keeps its own as it was.
        assert codes["wang@example.cn"][0].label == "mailmanager"
        assert accounts["wang@example.cn"].credential_label == ""
    assert memory_keyring.entries == before  # no migration touches the keyring


def test_own_code_follows_its_account(store: AccountStore) -> None:
    saved = store.add_account(make_account(credential_label="", code_created=date(2026, 10, 1)))
    assert saved.id is not None
    (own,) = store.codes(saved.id)
    assert (own.label, own.created, own.own, own.kept) == (
        "mailmanager",
        date(2026, 10, 1),
        True,
        True,
    )
    store.update_account(saved.replace(credential_label="Foxmail", code_expires=date(2027, 1, 1)))
    (own,) = store.codes(saved.id)
    assert (own.label, own.expires) == ("Foxmail", date(2027, 1, 1))


def test_imported_mailbox_code_is_unknown_until_it_has_one(store: AccountStore) -> None:
    saved = store.add_account(make_account(needs_code=True))
    assert saved.id is not None
    assert store.own_code(saved.id) == store.codes(saved.id)[0]
    own = store.own_code(saved.id)
    assert own is not None and own.state is CodeState.UNKNOWN and not own.kept
    store.update_account(saved.replace(needs_code=False))
    own = store.own_code(saved.id)
    assert own is not None and own.state is CodeState.IN_USE and own.kept


def test_labels_are_unique_per_mailbox(store: AccountStore) -> None:
    first = store.add_account(make_account("a@163.com", credential_label="Thunderbird"))
    second = store.add_account(make_account("b@163.com", credential_label="Thunderbird"))
    assert first.id is not None and second.id is not None
    store.add_code(CodeRecord(first.id, "Foxmail"))
    with pytest.raises(DuplicateLabelError, match="foxmail"):
        store.add_code(CodeRecord(first.id, "foxmail"))
    with pytest.raises(DuplicateLabelError):
        store.add_code(CodeRecord(first.id, "Thunderbird"))
    with pytest.raises(DuplicateLabelError):
        store.update_account(first.replace(credential_label="Foxmail"))
    store.add_code(CodeRecord(second.id, "Foxmail"))  # another mailbox: fine
    assert [c.label for c in store.codes(first.id)] == ["Thunderbird", "Foxmail"]


def test_a_successful_check_proves_the_own_code_only(store: AccountStore) -> None:
    saved = store.add_account(make_account())
    assert saved.id is not None
    other = store.add_code(CodeRecord(saved.id, "Foxmail"))
    at = T0 + timedelta(hours=1)
    store.record_check(CheckRecord(saved.id, at, Protocol.IMAP, ConnectionStatus.AUTH_FAILED))
    assert store.own_code(saved.id).last_proven is None  # type: ignore[union-attr]
    store.record_check(CheckRecord(saved.id, at, Protocol.SMTP, ConnectionStatus.OK))
    assert store.own_code(saved.id).last_proven == at  # type: ignore[union-attr]
    assert store.get_code(other.id or 0).last_proven is None


def test_removing_a_mailbox_removes_its_codes_and_audit(store: AccountStore) -> None:
    saved = store.add_account(make_account())
    assert saved.id is not None
    store.add_code(CodeRecord(saved.id, "Foxmail"))
    store.set_code_audit(CodeAudit(saved.id, 30, date(2026, 10, 1)))
    assert store.code_audit(saved.id) == CodeAudit(saved.id, 30, date(2026, 10, 1))
    store.remove_account(saved.id)
    assert store.codes(saved.id) == []
    assert store.code_audit(saved.id).audited_on is None


def test_the_list_shows_the_worst_live_code(store: AccountStore) -> None:
    saved = store.add_account(
        make_account(code_created=date(2026, 10, 1), code_expires=date(2027, 6, 1))
    )
    assert saved.id is not None
    store.add_code(CodeRecord(saved.id, "Foxmail", date(2026, 5, 1), date(2026, 12, 1)))
    store.add_code(
        CodeRecord(
            saved.id, "old phone", date(2025, 1, 1), date(2025, 6, 1), state=CodeState.REVOKED
        )
    )
    (entry,) = store.read_list_entries()
    assert (entry.code_created, entry.code_expires) == (date(2026, 5, 1), date(2026, 12, 1))
    # Both dates are Foxmail's, and the entry says so (the revoked code counts for nothing).
    assert (entry.created_label, entry.expires_label) == ("Foxmail", "Foxmail")
    # The own code's dates, when they are the worst (or tie), carry no label.
    store.update_account(
        store.get_account(saved.id).replace(
            code_created=date(2026, 5, 1), code_expires=date(2026, 11, 30)
        )
    )
    (entry,) = store.read_list_entries()
    assert (entry.code_created, entry.code_expires) == (date(2026, 5, 1), date(2026, 11, 30))
    assert (entry.created_label, entry.expires_label) == ("", "")


def test_the_code_a_due_state_comes_from() -> None:
    from mailmanager.core.model.status import DueState
    from mailmanager.core.rules.policy import due_code

    today = date(2026, 12, 1)
    own = CodeRecord(1, "mailmanager", date(2026, 11, 1), date(2027, 1, 20), own=True, id=1)
    foxmail = CodeRecord(1, "Foxmail", date(2026, 11, 1), date(2026, 12, 5), id=2)
    gone = CodeRecord(1, "phone", date(2026, 11, 1), date(2026, 12, 2), state=CodeState.REVOKED)
    assert due_code([own, foxmail, gone], DueState.EXPIRING_SOON, 180, today) == (
        foxmail,
        date(2026, 12, 5),
    )
    assert due_code([own, gone], DueState.EXPIRING_SOON, 180, today) is None
    tie = foxmail.replace(expires=own.expires)
    later = today + timedelta(days=45)
    assert due_code([tie, own], DueState.EXPIRING_SOON, 180, later) == (own, own.expires)
