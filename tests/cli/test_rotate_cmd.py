"""`mailmanager-cli rotate`: the new code is proven against real servers before it replaces
the old one; a failing new code leaves the old one in place."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator

import pytest

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.model.accounts import CredentialEventKind
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.dovecot import Dovecot
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.smtp_server import aiosmtpd_server

pytestmark = pytest.mark.dovecot
OLD = "old-code-abcdefgh"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


def run(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def add_with_old_code(capsys, monkeypatch, dovecot: Dovecot, smtp_port: int) -> None:
    status, _out, err = run(
        capsys, monkeypatch,
        "add", "alice@example.org", "--password-stdin", "--no-check",
        "--imap", f"{dovecot.host}:{dovecot.imaps_port}:ssl",
        "--smtp", f"127.0.0.1:{smtp_port}:ssl",
        "--ca-file", dovecot.pki.ca_file, "--code-created", "2026-01-01",
        stdin=OLD + "\n",
    )  # fmt: skip
    assert status == 0, err


def test_rotate_with_a_working_code(
    dovecot: Dovecot, capsys, monkeypatch, memory_keyring: MemoryKeyring
) -> None:
    new = dovecot.users["alice@example.org"]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=new) as smtp:
        add_with_old_code(capsys, monkeypatch, dovecot, smtp.port)
        status, out, err = run(
            capsys, monkeypatch, "--json", "rotate", "alice@example.org", "--password-stdin",
            "--label", "new laptop", stdin=new + "\n",
        )  # fmt: skip
    assert status == 0, err
    result = json.loads(out)
    assert result["rotated"] is True and result["check"]["imap"]["status"] == "ok"
    # No provider for example.org: no web settings, under the new name and the old one.
    assert result["settings_url"] is None and result["revoke_old_code_at"] is None
    # The reminder names the old code as the provider's list shows it (issue 19).
    assert result["old_code"] == {"label": "mailmanager", "created": "2026-01-01"}
    assert new not in out + err
    assert SecretStore(paths.resolve()).get("alice@example.org") == new
    with AccountStore.open(paths.resolve().database) as store:
        account = store.find_by_address("alice@example.org")
        assert account is not None
        assert account.credential_label == "new laptop"
        assert account.code_created is not None and account.code_created.year >= 2026
        assert str(account.code_created) != "2026-01-01"
        kinds = [e.kind for e in store.credential_events(account.id or 0)]
        assert kinds[0] is CredentialEventKind.ROTATED


def test_a_failing_new_code_keeps_the_old_one(
    dovecot: Dovecot, capsys, monkeypatch, memory_keyring: MemoryKeyring
) -> None:
    with aiosmtpd_server(dovecot.pki, mode="ssl", password="the-right-one") as smtp:
        add_with_old_code(capsys, monkeypatch, dovecot, smtp.port)
        status, out, err = run(
            capsys, monkeypatch, "rotate", "alice@example.org", "--password-stdin",
            stdin="WrongNewCode12345\n",
        )  # fmt: skip
        assert len(smtp.recorder.auth_attempts) == 1
    assert status == 1, err
    assert "Not rotated" in out and "old code is still stored" in out
    assert "revoke" not in out
    assert SecretStore(paths.resolve()).get("alice@example.org") == OLD
    with AccountStore.open(paths.resolve().database) as store:
        account = store.find_by_address("alice@example.org")
        assert account is not None
        kinds = [e.kind for e in store.credential_events(account.id or 0)]
        assert CredentialEventKind.ROTATED not in kinds


def test_rotate_unknown_account(capsys, monkeypatch) -> None:
    status, _out, err = run(
        capsys, monkeypatch, "rotate", "nobody@example.org", "--password-stdin", stdin="x\n"
    )
    assert status == 2
    assert "nobody@example.org" in err and "Traceback" not in err


def test_the_revoke_reminder_names_the_old_code(
    dovecot: Dovecot, capsys, monkeypatch, memory_keyring: MemoryKeyring
) -> None:
    new = dovecot.users["alice@example.org"]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=new) as smtp:
        add_with_old_code(capsys, monkeypatch, dovecot, smtp.port)
        status, out, err = run(
            capsys, monkeypatch, "rotate", "alice@example.org", "--password-stdin",
            stdin=new + "\n",
        )  # fmt: skip
    assert status == 0, err
    assert "Now revoke the old code 'mailmanager', made 2026-01-01" in out
    with AccountStore.open(paths.resolve().database) as store:
        account = store.find_by_address("alice@example.org")
        assert account is not None and account.id is not None
        labels = [(c.label, c.own) for c in store.codes(account.id)]
    # The new code got a dated label of its own; the old one stays until it is revoked.
    assert labels[0][0].startswith("mailmanager 20") and labels[0][1]
    assert labels[1] == ("mailmanager", False)
