"""The registry's code inventory intents (issue 19): add, revoke, invalidate, make own, audit,
with the keyring and the store changing together."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import keyring.errors
import pytest

from mailmanager import paths
from mailmanager.core.checking.proof import Unproven, make_proof
from mailmanager.core.checking.result import AccountCheck, ProbeResult
from mailmanager.core.model.accounts import Account, Protocol
from mailmanager.core.model.codes import CodeRecord, CodeRecordError, CodeState, LabelError
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.registry import CheckFailedError, Registry
from mailmanager.core.secrets import SecretsLocked, SecretStore, code_entry
from mailmanager.core.store.account_store import AccountStore, DuplicateLabelError
from tests.helpers.factories import make_account
from tests.helpers.memory_keyring import MemoryKeyring

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
OWN = "OwnCodeAbcd1234"
FOXMAIL = "FoxmailCodeWxyz5678"


def check(status: ConnectionStatus) -> AccountCheck:
    return AccountCheck(
        imap=ProbeResult(Protocol.IMAP, status, ""), smtp=ProbeResult(Protocol.SMTP, status, "")
    )


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def registry(tmp_path: Path, backend: MemoryKeyring) -> Iterator[Registry]:
    with AccountStore.open(tmp_path / "store.sqlite3", clock=lambda: T0) as store:
        yield Registry(store, SecretStore(paths.resolve(), backend=backend), clock=lambda: T0)


@pytest.fixture
def mailbox(registry: Registry) -> Account:
    account = make_account(credential_label="", code_created=date(2026, 9, 1))
    return registry.add(account, Unproven(OWN, "test"))


def values(backend: MemoryKeyring) -> set[str]:
    return {password for (_service, _user), password in backend.entries.items()}


def test_a_kept_client_code_gets_its_own_entry(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    proof = make_proof(FOXMAIL, check(ConnectionStatus.OK), mailbox)
    code = registry.add_code(mailbox.id, "  Foxmail ", proof, keep=True)
    assert (code.label, code.kept, code.own, code.created) == (
        "Foxmail",
        True,
        False,
        date(2026, 12, 1),
    )
    assert code.last_proven == T0
    assert registry.code_secret(code) == FOXMAIL
    assert registry.secrets.get(code_entry(mailbox.id, code.id or 0)) == FOXMAIL
    assert registry.secrets.get(mailbox.address) == OWN  # the own entry is untouched
    own = registry.store.own_code(mailbox.id)
    assert own is not None and registry.code_secret(own) == OWN


def test_a_code_neither_kept_nor_checked_is_only_a_record(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    before = dict(backend.entries)
    code = registry.add_code(mailbox.id, "the sending platform", expires=date(2027, 6, 1))
    assert not code.kept and code.last_proven is None and code.expires == date(2027, 6, 1)
    assert registry.code_secret(code) is None
    assert backend.entries == before


def test_labels_are_required_and_unique(registry: Registry, mailbox: Account) -> None:
    assert mailbox.id is not None
    with pytest.raises(LabelError):
        registry.add_code(mailbox.id, "   ")
    registry.add_code(mailbox.id, "Foxmail")
    with pytest.raises(DuplicateLabelError):
        registry.add_code(mailbox.id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    with pytest.raises(DuplicateLabelError):
        registry.add_code(mailbox.id, "mailmanager")  # the own code's label


def test_a_failed_check_records_nothing(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    proof = make_proof(FOXMAIL, check(ConnectionStatus.AUTH_FAILED), mailbox)
    with pytest.raises(CheckFailedError):
        registry.add_code(mailbox.id, "Foxmail", proof, keep=True)
    assert len(registry.store.codes(mailbox.id)) == 1
    assert FOXMAIL not in values(backend)


@pytest.mark.expected_warnings("keyring call failed")
def test_a_keyring_failure_records_nothing(
    registry: Registry, mailbox: Account, backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert mailbox.id is not None

    def refuse(service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    monkeypatch.setattr(backend, "set_password", refuse)
    with pytest.raises(SecretsLocked):
        registry.add_code(mailbox.id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    assert [c.label for c in registry.store.codes(mailbox.id)] == ["mailmanager"]


def test_revoking_records_the_day_and_forgets_the_value(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    code = registry.add_code(mailbox.id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    revoked = registry.revoke_code(registry.code_by_label(mailbox.id, "foxmail"))
    assert (revoked.state, revoked.revoked, revoked.kept) == (
        CodeState.REVOKED,
        date(2026, 12, 1),
        False,
    )
    assert FOXMAIL not in values(backend)
    assert registry.code_secret(revoked) is None
    assert registry.secrets.get(mailbox.address) == OWN
    assert code.id == revoked.id


def test_revoking_the_own_code_leaves_the_mailbox_needing_one(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    own = registry.store.own_code(mailbox.id)
    assert own is not None
    registry.revoke_code(own)
    assert registry.store.get_account(mailbox.id).needs_code
    assert OWN not in values(backend)


def test_a_password_change_invalidates_every_code_and_pauses(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    registry.add_code(mailbox.id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    registry.add_code(mailbox.id, "old phone")
    registry.revoke_code(registry.code_by_label(mailbox.id, "old phone"))
    saved = registry.invalidate_codes(mailbox.id)
    assert saved.paused and saved.needs_code
    states = {c.label: c.state for c in registry.store.codes(mailbox.id)}
    assert states == {
        "mailmanager": CodeState.INVALIDATED,
        "Foxmail": CodeState.INVALIDATED,
        "old phone": CodeState.REVOKED,  # already dead: stays as it was
    }
    assert not values(backend) & {OWN, FOXMAIL}
    # The new code replaces the dead one, gets a dated label and resumes checks.
    renewed = registry.restore_code(saved, Unproven("NewCodeQrst9999", "test"))
    assert renewed.credential_label == "mailmanager 2026-12" and not renewed.paused
    codes = registry.store.codes(mailbox.id)
    first = codes[0]
    assert (first.label, first.own, first.state) == (
        "mailmanager 2026-12",
        True,
        CodeState.IN_USE,
    )


def test_a_kept_client_code_can_become_the_own_one(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    code = registry.add_code(
        mailbox.id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True, expires=date(2027, 3, 1)
    )
    saved = registry.make_own(code)
    assert (saved.credential_label, saved.code_expires) == ("Foxmail", date(2027, 3, 1))
    assert registry.secrets.get(mailbox.address) == FOXMAIL
    assert registry.secrets.get(code_entry(mailbox.id, code.id or 0)) is None
    assert OWN not in values(backend)
    codes = {c.label: c for c in registry.store.codes(mailbox.id)}
    assert codes["Foxmail"].own and codes["Foxmail"].kept
    assert not codes["mailmanager"].own and not codes["mailmanager"].kept


def test_removing_a_mailbox_forgets_its_kept_codes(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    registry.add_code(mailbox.id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    registry.remove(mailbox.id)
    assert not values(backend)


def test_a_bulk_removal_forgets_their_kept_codes(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    registry.add_code(mailbox.id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    registry.remove_many([mailbox.id])
    assert not values(backend)


def test_audit_done_and_interval(registry: Registry, mailbox: Account) -> None:
    assert mailbox.id is not None
    assert registry.store.code_audit(mailbox.id).audited_on is None
    registry.set_audit_interval(mailbox.id, 30)
    audit = registry.record_audit(mailbox.id)
    assert (audit.interval_days, audit.audited_on) == (30, date(2026, 12, 1))


def test_an_import_restores_the_inventory_without_values(
    registry: Registry, backend: MemoryKeyring
) -> None:
    from mailmanager.core.store import export_file

    source = make_account("li.na@163.com", credential_label="Thunderbird", id=3)
    codes = {
        3: [
            CodeRecord(3, "Thunderbird", date(2026, 9, 1), own=True, kept=True, note="desk"),
            CodeRecord(3, "Foxmail", date(2026, 5, 1), state=CodeState.REVOKED),
            CodeRecord(3, "platform", date(2026, 6, 1), kept=True),
        ]
    }
    parsed = export_file.loads(export_file.dumps([source], codes=codes))
    (imported,), _ = registry.import_accounts(parsed.accounts, parsed.codes)
    assert imported.id is not None
    found = {c.label: c for c in registry.store.codes(imported.id)}
    assert found["Thunderbird"].own and found["Thunderbird"].state is CodeState.UNKNOWN
    assert found["Thunderbird"].note == "desk"
    assert found["Foxmail"].state is CodeState.REVOKED
    assert found["platform"].state is CodeState.IN_USE
    assert not any(c.kept for c in found.values())
    assert backend.entries == {}


def test_editing_a_client_codes_record(
    registry: Registry, mailbox: Account, backend: MemoryKeyring
) -> None:
    assert mailbox.id is not None
    code = registry.add_code(mailbox.id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    registry.add_code(mailbox.id, "phone")
    before = dict(backend.entries)
    saved = registry.edit_code(
        code, label="  Foxmail   laptop ", note=" the work laptop ", expires=date(2027, 6, 30)
    )
    assert (saved.label, saved.note, saved.expires) == ("Foxmail laptop", "the work laptop",
                                                         date(2027, 6, 30))  # fmt: skip
    assert registry.store.get_code(code.id or 0) == saved
    assert saved.kept and backend.entries == before  # the value is untouched
    # Unique per mailbox (ignoring case), never empty, never expiring before it was made.
    with pytest.raises(DuplicateLabelError):
        registry.edit_code(saved, label="PHONE", note="", expires=None)
    with pytest.raises(LabelError):
        registry.edit_code(saved, label="  ", note="", expires=None)
    with pytest.raises(CodeRecordError, match="before the code was created"):
        registry.edit_code(saved, label="Foxmail", note="", expires=date(2026, 1, 1))
    assert registry.store.get_code(code.id or 0) == saved  # nothing half-changed
    # Same label in another case is the code itself, not a duplicate; None: no expiry.
    again = registry.edit_code(saved, label="FOXMAIL LAPTOP", note="", expires=None)
    assert (again.label, again.note, again.expires) == ("FOXMAIL LAPTOP", "", None)


def test_editing_the_own_code_edits_the_mailbox(registry: Registry, mailbox: Account) -> None:
    assert mailbox.id is not None
    own = registry.store.own_code(mailbox.id)
    assert own is not None and own.label == "mailmanager"
    saved = registry.edit_code(own, label="desktop", note="this PC", expires=date(2027, 3, 1))
    account = registry.store.get_account(mailbox.id)
    assert (account.credential_label, account.code_expires) == ("desktop", date(2027, 3, 1))
    assert saved.own and (saved.label, saved.note) == ("desktop", "this PC")
    assert registry.store.own_code(mailbox.id) == saved
