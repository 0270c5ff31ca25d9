"""`mailmanager-cli add` checks the login against real servers before saving anything.

Dovecot (IMAPS) and aiosmtpd (implicit TLS) on loopback, both with a private CA passed through
``--ca-file``. A right code is saved with its check in the history; a wrong one saves nothing
and reaches each server exactly once (no automatic retry of a rejected credential).
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.secrets import SecretStore
from tests.helpers.dovecot import Dovecot
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.smtp_server import aiosmtpd_server

pytestmark = pytest.mark.dovecot


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def servers(dovecot: Dovecot, smtp_port: int) -> list[str]:
    return [
        "--imap", f"{dovecot.host}:{dovecot.imaps_port}:ssl",
        "--smtp", f"127.0.0.1:{smtp_port}:ssl",
        "--ca-file", dovecot.pki.ca_file,
    ]  # fmt: skip


def test_add_with_a_working_code(
    dovecot: Dovecot,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    code = dovecot.users["alice@example.org"]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=code) as smtp:
        status, out, err = run(
            capsys, monkeypatch,
            "--json", "add", "alice@example.org", "--password-stdin", *servers(dovecot, smtp.port),
            stdin=code + "\n",
        )  # fmt: skip
    assert status == 0, err
    result: dict[str, Any] = json.loads(out)
    assert result["saved"] is True
    assert result["check"]["imap"]["status"] == "ok"
    assert result["check"]["smtp"]["status"] == "ok"
    assert SecretStore(paths.resolve()).get("alice@example.org") == code
    status, out, _ = run(capsys, monkeypatch, "list", "--json", stdin="")
    row = json.loads(out)[0]
    assert row["badge"] == "ok"
    assert row["last_checked"] is not None
    assert code not in out


def test_add_with_a_wrong_code_saves_nothing_and_does_not_retry(
    dovecot: Dovecot,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    wrong = "WrongCodeXyz98765"
    before = dovecot.password_mismatches("bob@example.org")
    sessions_before = len(dovecot.failed_logins("bob@example.org"))
    with aiosmtpd_server(dovecot.pki, mode="ssl", password="b0b-code-2") as smtp:
        status, out, err = run(
            capsys, monkeypatch,
            "add", "bob@example.org", "--password-stdin", *servers(dovecot, smtp.port),
            stdin=wrong + "\n",
        )  # fmt: skip
        attempts = list(smtp.recorder.auth_attempts)
    assert status == 1, err
    assert "Not saved" in out
    assert "auth_failed" in out
    assert wrong not in out + err
    assert memory_keyring.entries == {}
    # Dovecot logs the end of the login session once the client has hung up, with the number of
    # attempts it made; a second connection would add a session of its own.
    sessions = dovecot.wait_for_failed_logins("bob@example.org", sessions_before + 1)
    assert len(sessions) == sessions_before + 1
    assert "auth failed, 1 attempts" in sessions[-1]
    assert dovecot.password_mismatches("bob@example.org") == before + 1
    assert len(attempts) == 1
    _, out, _ = run(capsys, monkeypatch, "--json", "list", stdin="")
    assert json.loads(out) == []
