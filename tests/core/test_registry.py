"""Registry: store rows and keyring entries change together, or not at all.

Failures are real ones: a store write fails because another connection holds the database's
write lock (the store gives up after a short busy timeout), and a keyring fails because the
in-memory backend is switched to "locked" (it raises keyring's own KeyringLocked).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

import keyring.errors
import pytest

from mailmanager import paths
from mailmanager.core.checking.proof import Proof, Unproven, make_proof
from mailmanager.core.checking.result import AccountCheck, ProbeResult
from mailmanager.core.model.accounts import Account, CheckRecord, CredentialEventKind, Protocol
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.registry import CheckFailedError, Registry
from mailmanager.core.rules.policy import local_today
from mailmanager.core.secrets import SecretsLocked, SecretStore
from mailmanager.core.store.account_store import (
    AccountStore,
    DuplicateAccountError,
    StoreLockedError,
    UnknownAccountError,
)
from tests.helpers import factories
from tests.helpers.memory_keyring import MemoryKeyring

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
CODE = "FirstCodeAbcd1234"
NEW_CODE = "SecondCodeWxyz5678"


class LockableKeyring(MemoryKeyring):
    """The in-memory keyring that can be locked like a real one."""

    def __init__(self) -> None:
        super().__init__()
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        super().delete_password(service, username)


#: Zhang Wei's NetEase mailbox, with a label and the code's dates to read back.
make_account = partial(
    factories.make_account,
    domain="163.com",
    display_name="张伟",
    provider_id="netease_personal",
    credential_label="Thunderbird",
    code_created=date(2026, 10, 1),
    code_expires=date(2027, 4, 1),
)


def check(imap: ConnectionStatus, smtp: ConnectionStatus, cancelled: bool = False) -> AccountCheck:
    return AccountCheck(
        imap=ProbeResult(Protocol.IMAP, imap, "server said hi"),
        smtp=ProbeResult(Protocol.SMTP, smtp, "server said hi", cancelled=cancelled),
    )


OK = check(ConnectionStatus.OK, ConnectionStatus.OK)
REJECTED = check(ConnectionStatus.AUTH_FAILED, ConnectionStatus.OK)


@pytest.fixture
def backend() -> LockableKeyring:
    return LockableKeyring()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def registry(db: Path, backend: LockableKeyring) -> Iterator[Registry]:
    with AccountStore.open(db, clock=lambda: T0, busy_timeout_ms=50) as store:
        yield Registry(store, SecretStore(paths.resolve(), backend=backend), clock=lambda: T0)


@contextmanager
def write_locked(db: Path) -> Iterator[None]:
    """Another connection holds the database's write lock."""
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def code_of(registry: Registry, address: str) -> str | None:
    return registry.secrets.get(address)


def proven(account: Account, code: str = CODE, result: AccountCheck = OK) -> Proof:
    """What the check runner hands over after checking ``code`` against ``account``."""
    return make_proof(code, result, account)


def unproven(code: str = CODE) -> Unproven:
    return Unproven(code, "--no-check")


def test_add_saves_row_code_event_and_check(registry: Registry) -> None:
    account = make_account(" zhang.wei@163.COM ")
    saved = registry.add(account, proven(account))
    assert saved.id is not None
    assert saved.address == "zhang.wei@163.com"
    assert code_of(registry, "zhang.wei@163.com") == CODE
    events = registry.store.credential_events(saved.id)
    assert [e.kind for e in events] == [CredentialEventKind.CREATED]
    summary = registry.store.summary(saved.id)
    assert summary.connection_statuses == [ConnectionStatus.OK, ConnectionStatus.OK]
    assert summary.last_checked == T0


def test_add_without_check_is_never_checked(registry: Registry) -> None:
    saved = registry.add(make_account(), unproven())
    assert saved.id is not None
    assert registry.store.summary(saved.id).connection_statuses == []


def test_failed_check_saves_nothing_unless_asked(
    registry: Registry, backend: LockableKeyring
) -> None:
    account = make_account()
    failed = proven(account, CODE, REJECTED)
    with pytest.raises(CheckFailedError) as caught:
        registry.add(account, failed)
    assert "imap: auth_failed" in str(caught.value)
    assert registry.store.list_accounts() == []
    assert backend.entries == {}
    saved = registry.add(account, Unproven.after_failed(failed, "save anyway"))
    assert saved.id is not None
    statuses = registry.store.summary(saved.id).connection_statuses
    assert ConnectionStatus.AUTH_FAILED in statuses


def test_a_proof_holds_only_for_the_servers_it_was_made_against(
    registry: Registry, backend: LockableKeyring
) -> None:
    """The code and its check cannot drift apart: a proof made against other servers (or
    another CA) proves nothing here, and an unproven code must say why."""
    account = make_account()
    elsewhere = account.replace(imap=account.imap.with_username("someone-else"))
    with pytest.raises(ValueError, match="other servers"):
        registry.add(elsewhere, proven(account))
    with pytest.raises(ValueError, match="other servers"):
        registry.add(account.replace(ca_pem="-----BEGIN CERTIFICATE-----"), proven(account))
    with pytest.raises(ValueError, match="reason"):
        registry.add(account, Unproven(CODE, ""))
    assert backend.entries == {} and registry.store.list_accounts() == []
    with pytest.raises(TypeError):
        Proof(object(), CODE, OK, account)
    assert CODE not in repr(proven(account)) and CODE not in repr(unproven())


def test_duplicate_never_touches_the_existing_code(registry: Registry) -> None:
    registry.add(make_account(), unproven())
    with pytest.raises(DuplicateAccountError):
        registry.add(make_account("Zhang.Wei@163.com"), unproven(NEW_CODE))
    assert code_of(registry, "zhang.wei@163.com") == CODE
    assert len(registry.store.list_accounts()) == 1


@pytest.mark.expected_warnings("LockableKeyring: KeyringLocked")
def test_keyring_failure_creates_no_row(registry: Registry, backend: LockableKeyring) -> None:
    backend.locked = True
    with pytest.raises(SecretsLocked):
        registry.add(make_account(), unproven())
    assert registry.store.list_accounts() == []
    backend.locked = False
    assert backend.entries == {}


def test_store_failure_removes_the_new_code(
    registry: Registry, backend: LockableKeyring, db: Path
) -> None:
    with write_locked(db), pytest.raises(StoreLockedError):
        registry.add(make_account(), unproven())
    assert backend.entries == {}
    assert registry.store.list_accounts() == []


def test_store_failure_restores_an_earlier_orphan_code(
    registry: Registry, backend: LockableKeyring, db: Path
) -> None:
    # A code left in the keyring with no account (another process raced us, or a crash):
    # a failed add must leave it as it found it.
    registry.secrets.set("zhang.wei@163.com", "OrphanCode0000")
    with write_locked(db), pytest.raises(StoreLockedError):
        registry.add(make_account(), unproven())
    assert code_of(registry, "zhang.wei@163.com") == "OrphanCode0000"


def test_secret_never_reaches_the_database(registry: Registry, db: Path) -> None:
    account = make_account()
    saved = registry.add(account, proven(account))
    assert saved.id is not None
    registry.rotate(saved, proven(saved, NEW_CODE))
    for path in db.parent.glob("store.sqlite3*"):
        data = path.read_bytes()
        assert CODE.encode() not in data
        assert NEW_CODE.encode() not in data


def test_rotate_replaces_code_resets_dates_and_records(registry: Registry) -> None:
    saved = registry.add(make_account(), unproven())
    current = registry.resolve("ZHANG.WEI@163.com").replace(
        credential_label="Foxmail", code_created=None, code_expires=None
    )
    rotated = registry.rotate(current, proven(current, NEW_CODE))
    assert code_of(registry, saved.address) == NEW_CODE
    assert rotated.code_created == local_today(T0)
    assert rotated.code_expires is None
    assert rotated.credential_label == "Foxmail"
    assert saved.id is not None
    kinds = [e.kind for e in registry.store.credential_events(saved.id)]
    assert kinds == [CredentialEventKind.ROTATED, CredentialEventKind.CREATED]
    again = registry.rotate(
        rotated.replace(code_created=date(2026, 11, 2), code_expires=date(2027, 5, 1)),
        unproven("ThirdCodeQrst9999"),
    )
    assert (again.code_created, again.code_expires) == (date(2026, 11, 2), date(2027, 5, 1))
    # The same label twice could not tell old and new apart in the revoke reminder (issue 19).
    assert again.credential_label == "Foxmail 2026-11"
    codes = registry.store.codes(saved.id)
    assert [(c.label, c.own) for c in codes] == [
        ("Foxmail 2026-11", True),
        ("Foxmail", False),
        ("Thunderbird", False),
    ]


def test_rotate_with_failed_check_keeps_the_old_code(registry: Registry) -> None:
    saved = registry.add(make_account(), unproven())
    with pytest.raises(CheckFailedError):
        registry.rotate(saved, proven(saved, NEW_CODE, REJECTED))
    assert code_of(registry, saved.address) == CODE
    assert saved.id is not None
    assert registry.store.get_account(saved.id).code_created == date(2026, 10, 1)


def test_rotate_store_failure_puts_the_old_code_back(registry: Registry, db: Path) -> None:
    saved = registry.add(make_account(), unproven())
    with write_locked(db), pytest.raises(StoreLockedError):
        registry.rotate(saved, proven(saved, NEW_CODE))
    assert code_of(registry, saved.address) == CODE


def test_rotate_unknown_account(registry: Registry) -> None:
    with pytest.raises(UnknownAccountError):
        registry.rotate(make_account("nobody@example.org", id=999), unproven(NEW_CODE))


def test_restore_code_for_imported_account(registry: Registry) -> None:
    imported = registry.store.add_account(make_account(needs_code=True))
    assert imported.id is not None
    done = registry.restore_code(imported, proven(imported))
    assert not done.needs_code
    assert done.code_created == date(2026, 10, 1)  # kept from the export
    assert code_of(registry, imported.address) == CODE
    kinds = [e.kind for e in registry.store.credential_events(imported.id)]
    assert kinds == [CredentialEventKind.CREATED]


def test_change_leaves_the_code(registry: Registry) -> None:
    saved = registry.add(make_account(), unproven())
    updated = registry.change(saved.replace(display_name="Wei", paused=True))
    assert updated.paused
    assert code_of(registry, saved.address) == CODE


@pytest.mark.expected_warnings("LockableKeyring: KeyringLocked")
def test_change_with_a_code_is_one_step(
    registry: Registry, backend: LockableKeyring, db: Path
) -> None:
    """Fix with a new code: the new servers and the new code together, or neither (a failed
    keyring or store write leaves the old servers with the old code)."""
    saved = registry.add(make_account(), unproven())
    fixed = saved.replace(imap=saved.imap.with_username("zhang.wei"), display_name="Wei")
    with pytest.raises(CheckFailedError):
        registry.change(fixed, proven(fixed, NEW_CODE, REJECTED))
    backend.locked = True
    with pytest.raises(SecretsLocked):
        registry.change(fixed, proven(fixed, NEW_CODE))
    backend.locked = False
    with write_locked(db), pytest.raises(StoreLockedError):
        registry.change(fixed, proven(fixed, NEW_CODE))
    assert saved.id is not None
    assert registry.store.get_account(saved.id) == saved
    assert code_of(registry, saved.address) == CODE
    done = registry.change(fixed, proven(fixed, NEW_CODE))
    assert (done.display_name, done.imap.username) == ("Wei", "zhang.wei")
    assert code_of(registry, saved.address) == NEW_CODE
    kinds = [e.kind for e in registry.store.credential_events(saved.id)]
    assert kinds == [CredentialEventKind.ROTATED, CredentialEventKind.CREATED]


def test_change_with_a_check_of_the_stored_code(registry: Registry) -> None:
    saved = registry.add(make_account(), unproven())
    assert saved.id is not None
    with pytest.raises(CheckFailedError):
        registry.change(saved.replace(display_name="Wei"), check=REJECTED)
    assert registry.store.get_account(saved.id).display_name == "张伟"
    kept = registry.change(
        saved.replace(display_name="Wei"), check=REJECTED, keep_failed_check=True
    )
    assert kept.display_name == "Wei"
    assert ConnectionStatus.AUTH_FAILED in registry.store.summary(saved.id).connection_statuses


def test_confirm_web_login_is_kept_with_its_event(registry: Registry) -> None:
    saved = registry.add(make_account(), unproven())
    assert saved.id is not None
    done = registry.confirm_web_login(saved.id, date(2026, 11, 1))
    assert done.last_web_login == date(2026, 11, 1)
    kinds = [e.kind for e in registry.store.credential_events(saved.id)]
    assert kinds[0] is CredentialEventKind.WEB_LOGIN


def test_change_moves_the_code_with_the_address(
    registry: Registry, backend: LockableKeyring
) -> None:
    saved = registry.add(make_account(), unproven())
    moved = registry.change(saved.replace(address="wei.zhang@163.com"))
    assert moved.address == "wei.zhang@163.com"
    assert code_of(registry, "wei.zhang@163.com") == CODE
    assert code_of(registry, "zhang.wei@163.com") is None
    assert len(backend.entries) == 1


def test_change_address_move_fails_cleanly(registry: Registry, db: Path) -> None:
    saved = registry.add(make_account(), unproven())
    registry.add(make_account("other@163.com"), unproven(NEW_CODE))
    with pytest.raises(DuplicateAccountError):
        registry.change(saved.replace(address="other@163.com"))
    with write_locked(db), pytest.raises(StoreLockedError):
        registry.change(saved.replace(address="third@163.com"))
    assert code_of(registry, "zhang.wei@163.com") == CODE
    assert code_of(registry, "other@163.com") == NEW_CODE
    assert code_of(registry, "third@163.com") is None


def test_remove_deletes_row_history_and_code(registry: Registry, backend: LockableKeyring) -> None:
    account = make_account()
    saved = registry.add(account, proven(account))
    assert saved.id is not None
    removed = registry.remove(saved.id)
    assert removed.address == saved.address
    assert registry.store.list_accounts() == []
    assert backend.entries == {}
    with pytest.raises(UnknownAccountError):
        registry.remove(saved.id)


@pytest.mark.expected_warnings("LockableKeyring: KeyringLocked")
def test_remove_with_locked_keyring_removes_nothing(
    registry: Registry, backend: LockableKeyring
) -> None:
    saved = registry.add(make_account(), unproven())
    assert saved.id is not None
    backend.locked = True
    with pytest.raises(SecretsLocked):
        registry.remove(saved.id)
    backend.locked = False
    assert registry.store.get_account(saved.id).address == saved.address
    assert code_of(registry, saved.address) == CODE


@pytest.mark.expected_warnings(
    "LockableKeyring: KeyringLocked",
    "keyring unavailable while removing zhang.wei@163.com (no code stored)",
)
def test_remove_imported_account_without_keyring(
    registry: Registry, backend: LockableKeyring
) -> None:
    imported = registry.store.add_account(make_account(needs_code=True))
    assert imported.id is not None
    backend.locked = True
    registry.remove(imported.id)
    assert registry.store.list_accounts() == []


def test_remove_store_failure_puts_the_code_back(registry: Registry, db: Path) -> None:
    saved = registry.add(make_account(), unproven())
    assert saved.id is not None
    with write_locked(db), pytest.raises(StoreLockedError):
        registry.remove(saved.id)
    assert code_of(registry, saved.address) == CODE
    assert registry.store.get_account(saved.id).address == saved.address


def test_record_check(registry: Registry) -> None:
    saved = registry.add(make_account(), unproven())
    assert saved.id is not None
    results = [
        ProbeResult(Protocol.IMAP, ConnectionStatus.TIMEOUT),
        ProbeResult(Protocol.SMTP, ConnectionStatus.OK),
        ProbeResult(Protocol.SMTP, ConnectionStatus.AUTH_FAILED, cancelled=True),
    ]
    records = registry.record_check(saved.id, results)
    assert [r.status for r in records] == [ConnectionStatus.TIMEOUT, ConnectionStatus.OK]
    summary = registry.store.summary(saved.id)
    assert summary.connection_statuses == [ConnectionStatus.TIMEOUT, ConnectionStatus.OK]
    stray = CheckRecord(saved.id + 1, T0, Protocol.IMAP, ConnectionStatus.OK)
    with pytest.raises(ValueError, match="another account"):
        registry.record_check(saved.id, [stray])
    # The app's checker records without a keyring of its own.
    assert len(Registry(registry.store).record_check(saved.id, OK)) == 2


def test_cancelled_check_proves_nothing(registry: Registry) -> None:
    account = make_account()
    cancelled = proven(account, CODE, check(ConnectionStatus.OK, ConnectionStatus.TIMEOUT, True))
    with pytest.raises(CheckFailedError):
        registry.add(account, cancelled)
    saved = registry.add(account, Unproven.after_failed(cancelled, "save anyway"))
    assert saved.id is not None
    # The cancelled SMTP probe is not kept in the history.
    assert registry.store.summary(saved.id).connection_statuses == [ConnectionStatus.OK]


def test_move_to_group_and_pause_many_in_one_transaction(registry: Registry) -> None:
    ids = []
    for n in range(3):
        saved = registry.add(make_account(f"m{n}@example.org"), unproven())
        assert saved.id is not None
        ids.append(saved.id)
    moved = registry.move_to_group(ids[:2], "  Client   A ")
    assert [a.group for a in moved] == ["Client A", "Client A"]
    assert registry.store.get_account(ids[2]).group == ""
    registry.set_paused(ids, True)
    assert all(registry.store.get_account(i).paused for i in ids)
    # An unknown mailbox among them: none of them changes.
    with pytest.raises(UnknownAccountError):
        registry.move_to_group([ids[0], 9999], "B")
    assert registry.store.get_account(ids[0]).group == "Client A"
    with pytest.raises(ValueError, match="longer than 100"):
        registry.move_to_group(ids, "x" * 101)
    assert code_of(registry, "m0@example.org") == CODE  # the codes are never touched


@pytest.mark.expected_warnings("keyring call failed")
def test_remove_many_is_all_or_none(registry: Registry, backend: LockableKeyring) -> None:
    ids = []
    for n in range(3):
        saved = registry.add(make_account(f"r{n}@example.org"), unproven(f"code-{n}-abcdef"))
        assert saved.id is not None
        ids.append(saved.id)
    # The store refuses (one mailbox is gone meanwhile): every code deleted so far comes back.
    with pytest.raises(UnknownAccountError):
        registry.remove_many([ids[0], ids[1], 9999])
    assert [code_of(registry, f"r{n}@example.org") for n in range(3)] == [
        "code-0-abcdef",
        "code-1-abcdef",
        "code-2-abcdef",
    ]
    backend.locked = True
    with pytest.raises(SecretsLocked):
        registry.remove_many(ids)
    backend.locked = False
    assert len(registry.store.list_accounts()) == 3
    removed = registry.remove_many(ids[:2])
    assert [a.address for a in removed] == ["r0@example.org", "r1@example.org"]
    assert [a.address for a in registry.store.list_accounts()] == ["r2@example.org"]
    assert code_of(registry, "r0@example.org") is None
    assert code_of(registry, "r2@example.org") == "code-2-abcdef"
