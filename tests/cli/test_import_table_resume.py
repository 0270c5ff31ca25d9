"""A half-finished `import-table` run, run again, picks up where it stopped (issue 20, item 5).

The first run proves four rows against scripted loopback servers, then the keyring locks in the
middle of the save (as when the desktop's unlock prompt is dismissed): two rows are saved, the
third fails whole (no account without its code), the fourth stays proven but not saved. The
same command run again finds the saved rows "unchanged" and sends nothing for them, and proves
and saves the other two.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.secrets import SecretStore
from tests.helpers import scripted_server as ss
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.memory_keyring import MemoryKeyring

CODE = "ResumeCode-4Kp8"
ADDRESSES = [f"r{n}@example.com" for n in range(4)]


class LockingKeyring(MemoryKeyring):
    """The in-memory keyring that locks itself after ``allowed`` writes (until unlocked)."""

    def __init__(self) -> None:
        super().__init__()
        self.allowed: int | None = None
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        if self.allowed is not None:
            if self.allowed == 0:
                self.locked = True
                self._check()
            self.allowed -= 1
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        super().delete_password(service, username)


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


@pytest.fixture
def locking_keyring() -> Iterator[LockingKeyring]:
    previous = keyring.get_keyring()
    backend = LockingKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    status = main(["--json", *argv])
    captured = capsys.readouterr()
    assert CODE not in captured.out and CODE not in captured.err
    assert "Traceback" not in captured.err
    return status, json.loads(captured.out), captured.err


@pytest.mark.expected_warnings(
    "keyring call failed", "unfinished save of r2@example.com"
)  # the lock, and the registry's record of the save it interrupted (cleared by the next run)
def test_a_run_stopped_by_the_keyring_mid_save_resumes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    locking_keyring: LockingKeyring,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with (
        ss.ScriptedServer(ss.imap_script(password=CODE), host="127.0.0.1") as imap,
        ss.ScriptedServer(ss.smtp_script(password=CODE), host="127.0.0.2") as smtp,
    ):
        path = tmp_path / "boxes.csv"
        lines = ["email,code,imap_host,imap_port,smtp_host,smtp_port,security"] + [
            f"{a},{CODE},{imap.host},{imap.port},{smtp.host},{smtp.port},plain" for a in ADDRESSES
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        argv = [
            "import-table", str(path),
            "--trust-server", imap.host, "--trust-server", smtp.host,
            "--allow-plain", f"{imap.host}:{imap.port}",
            "--allow-plain", f"{smtp.host}:{smtp.port}",
        ]  # fmt: skip

        locking_keyring.allowed = 2
        status, rows, err = run(capsys, *argv)
        assert status == 1, err
        assert [r["result"] for r in rows] == ["saved", "saved", "failed", "failed"]
        assert "not saved:" in rows[2]["reason"]
        assert "proved, but not saved" in rows[3]["reason"]
        assert rows[3]["imap"]["status"] == "ok"  # it was proven; only the save stopped
        logins = [user for user, _secret in imap.auth_attempts]
        assert sorted(logins) == ADDRESSES
        # Each row is whole or absent: the store holds exactly the two saved mailboxes.
        _, listed, _ = run(capsys, "list")
        assert sorted(r["address"] for r in listed) == ADDRESSES[:2]

        locking_keyring.locked, locking_keyring.allowed = False, None
        status, rows, err = run(capsys, *argv)
        assert status == 0, err
        assert [r["result"] for r in rows] == ["unchanged", "unchanged", "saved", "saved"]
        assert [r["imap"] for r in rows[:2]] == [None, None]  # nothing sent for saved rows
        logins = [user for user, _secret in imap.auth_attempts]
        assert sorted(logins) == sorted(ADDRESSES + ADDRESSES[2:])
        assert sorted(u for u, _s in smtp.auth_attempts) == sorted(ADDRESSES + ADDRESSES[2:])
    _, listed, _ = run(capsys, "list")
    assert sorted(r["address"] for r in listed) == ADDRESSES
    codes = SecretStore(paths.resolve())
    assert all(codes.get(a) == CODE for a in ADDRESSES)
