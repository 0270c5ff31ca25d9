"""`mailmanager-cli codes`: the code inventory from scripts (issue 19). Codes are proven
against the real Dovecot and aiosmtpd; a kept code is found nowhere on disk, in the logs or in
the output, only in the keyring."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.secrets import SecretStore, code_entry
from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.store.export_file import VERSION
from tests.helpers.dovecot import Dovecot
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.smtp_server import aiosmtpd_server

OWN = "own-code-abcdefgh"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


def run(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def add_163(capsys, monkeypatch, address: str = "zhang.wei@163.com") -> None:
    status, _out, err = run(
        capsys, monkeypatch, "add", address, "--password-stdin", "--no-check", "--offline",
        "--code-created", "2026-09-01", stdin=OWN + "\n",
    )  # fmt: skip
    assert status == 0, err


def codes_json(capsys, monkeypatch, address: str = "zhang.wei@163.com") -> list[dict[str, object]]:
    status, out, err = run(capsys, monkeypatch, "codes", address, "--json")
    assert status == 0, err
    value: list[dict[str, object]] = json.loads(out)
    return value


def files_containing(folder: Path, text: str) -> list[Path]:
    needle = text.encode()
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.is_file() and needle in path.read_bytes():
                found.append(path)
    return found


@pytest.mark.dovecot
def test_a_kept_code_is_proven_and_found_only_in_the_keyring(
    dovecot: Dovecot, capsys, monkeypatch, memory_keyring: MemoryKeyring, caplog
) -> None:
    caplog.set_level("DEBUG", logger="mailmanager")
    foxmail = dovecot.users["alice@example.org"]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=foxmail) as smtp:
        status, _out, err = run(
            capsys, monkeypatch, "add", "alice@example.org", "--password-stdin", "--no-check",
            "--imap", f"{dovecot.host}:{dovecot.imaps_port}:ssl",
            "--smtp", f"127.0.0.1:{smtp.port}:ssl", "--ca-file", dovecot.pki.ca_file,
            stdin=OWN + "\n",
        )  # fmt: skip
        assert status == 0, err
        status, out, err = run(
            capsys, monkeypatch, "codes", "add", "alice@example.org", "--label", "Foxmail",
            "--password-stdin", "--keep", stdin=foxmail + "\n",
        )  # fmt: skip
        assert status == 0, err
        assert "login checked" in out and "kept in the keyring" in out
        assert len(smtp.recorder.auth_attempts) == 1
        # A wrong code for another client: one login each, nothing recorded.
        status, out, err = run(
            capsys, monkeypatch, "codes", "add", "alice@example.org", "--label", "phone",
            "--password-stdin", stdin="WrongCode12345678\n",
        )  # fmt: skip
        assert status == 1 and "Not added" in out
        assert len(smtp.recorder.auth_attempts) == 2
    listed = codes_json(capsys, monkeypatch, "alice@example.org")
    assert [(c["label"], c["own"], c["kept"], c["state"]) for c in listed] == [
        ("mailmanager", True, True, "in_use"),
        ("Foxmail", False, True, "in_use"),
    ]
    assert listed[1]["last_proven"] is not None and listed[0]["last_proven"] is None
    assert set(listed[1]) == {
        "label", "own", "state", "created", "expires", "revoked", "last_proven", "kept"
    }  # fmt: skip
    # The value is in the keyring under its own entry, and nowhere else.
    with AccountStore.open(paths.resolve().database) as store:
        account = store.find_by_address("alice@example.org")
        assert account is not None and account.id is not None
        code = store.find_code(account.id, "Foxmail")
        assert code is not None and code.id is not None
    assert SecretStore(paths.resolve()).get(code_entry(account.id, code.id)) == foxmail
    home = paths.resolve().home
    assert home is not None
    assert files_containing(Path(home), foxmail) == []
    assert files_containing(Path(home), OWN) == []
    assert foxmail not in out + err
    assert caplog.records and foxmail not in caplog.text and OWN not in caplog.text
    logs = [p for p in Path(home).rglob("*.log*")]
    assert logs, "the CLI's log file is among the files searched"


def test_records_without_values_revoke_and_limit(capsys, monkeypatch) -> None:
    add_163(capsys, monkeypatch)
    # Neither kept nor checked: no code needed at all.
    status, out, err = run(
        capsys, monkeypatch, "codes", "add", "zhang.wei@163.com", "--label", "Foxmail",
        "--no-check", "--code-expires", "2027-06-01",
    )  # fmt: skip
    assert status == 0, err
    assert "not proven" in out and "value not kept" in out and err == ""
    # NetEase allows 2 codes at a time (a limit the catalogue marks unconfirmed): warn, go on.
    status, out, err = run(
        capsys, monkeypatch, "codes", "add", "zhang.wei@163.com", "--label", "the platform",
        "--no-check",
    )  # fmt: skip
    assert status == 0, err
    assert "already has 2 active code(s)" in err and "not confirmed" in err
    status, out, err = run(capsys, monkeypatch, "codes", "revoke", "zhang.wei@163.com", "foxmail")
    assert status == 0, err
    assert "Revoked" in out
    listed = {c["label"]: c for c in codes_json(capsys, monkeypatch)}
    assert listed["Foxmail"]["state"] == "revoked" and listed["Foxmail"]["revoked"] is not None
    assert listed["the platform"]["last_proven"] is None
    status, out, _err = run(capsys, monkeypatch, "codes", "zhang.wei@163.com")
    assert "not proven" in out and "mailmanager checks with it" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("codes", "add", "zhang.wei@163.com", "--no-check"), "needs --label"),
        (("codes", "add", "zhang.wei@163.com", "--label", " ", "--no-check"), "label is required"),
        (("codes", "add", "zhang.wei@163.com", "--label", "x", "--keep", "--no-check"),
         "needs --password-stdin"),
        (("codes", "add", "zhang.wei@163.com", "--label", "x"), "needs --password-stdin"),
        (("codes", "add", "zhang.wei@163.com", "--label", "MAILMANAGER", "--no-check"),
         "already has a code labelled mailmanager"),
        (("codes", "revoke", "zhang.wei@163.com", "nothing"), "no code labelled nothing"),
        (("codes", "revoke", "zhang.wei@163.com"), "usage: codes revoke ADDRESS LABEL"),
        (("codes", "zhang.wei@163.com", "--done"), "--done belongs to codes audit"),
        (("codes", "edit", "zhang.wei@163.com", "mailmanager"), "needs --label, --note or"),
        (("codes", "edit", "zhang.wei@163.com"), "usage: codes edit ADDRESS LABEL"),
        (("codes", "edit", "zhang.wei@163.com", "nothing", "--note", "n"),
         "no code labelled nothing"),
        (("codes", "edit", "zhang.wei@163.com", "mailmanager", "--expires", "2027-13-01"),
         "invalid --expires '2027-13-01'"),
        (("codes", "edit", "zhang.wei@163.com", "mailmanager", "--expires", "2026-01-01"),
         "before the code was created"),
        (("codes", "edit", "zhang.wei@163.com", "mailmanager", "--label", " "),
         "label is required"),
        (("codes", "edit", "zhang.wei@163.com", "mailmanager", "--label", "Foxmail"),
         "already has a code labelled Foxmail"),
        (("codes", "edit", "zhang.wei@163.com", "mailmanager", "--note", "x" * 501),
         "at most 500"),
        (("codes", "zhang.wei@163.com", "--note", "n"), "--note belongs to codes edit"),
        (("codes", "revoke", "zhang.wei@163.com", "x", "--label", "y"),
         "--label belongs to codes add and codes edit"),
        (("codes", "nobody@163.com"), "nobody@163.com"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line(capsys, monkeypatch, argv: tuple[str, ...], message: str) -> None:
    add_163(capsys, monkeypatch)
    if argv[1] == "edit":  # another code, whose label an edit may not take
        status, _out, err = run(
            capsys, monkeypatch, "codes", "add", "zhang.wei@163.com", "--label", "Foxmail",
            "--no-check",
        )  # fmt: skip
        assert status == 0, err
    before = codes_json(capsys, monkeypatch)
    status, _out, err = run(capsys, monkeypatch, *argv)
    assert status == 2, err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert codes_json(capsys, monkeypatch) == before  # nothing lost, nothing half-changed


def test_edit_a_codes_record(capsys, monkeypatch) -> None:
    add_163(capsys, monkeypatch)
    status, _out, err = run(
        capsys, monkeypatch, "codes", "add", "zhang.wei@163.com", "--label", "Foxmail",
        "--no-check", "--code-expires", "2027-06-01",
    )  # fmt: skip
    assert status == 0, err
    status, out, err = run(
        capsys, monkeypatch, "codes", "edit", "zhang.wei@163.com", "foxmail", "--label",
        "Foxmail laptop", "--note", "the work laptop", "--expires", "2027-09-30",
    )  # fmt: skip
    assert status == 0, err
    assert "Saved the code 'Foxmail laptop'" in out and "2027-09-30" in out
    listed = {c["label"]: c for c in codes_json(capsys, monkeypatch)}
    assert "Foxmail" not in listed and listed["Foxmail laptop"]["expires"] == "2027-09-30"
    status, out, err = run(
        capsys, monkeypatch, "codes", "edit", "zhang.wei@163.com", "Foxmail laptop",
        "--expires", "none", "--json",
    )  # fmt: skip
    assert status == 0, err
    assert json.loads(out)["code"]["expires"] is None
    # The own code's label is the mailbox's.
    status, _out, err = run(
        capsys, monkeypatch, "codes", "edit", "zhang.wei@163.com", "mailmanager", "--label",
        "desktop",
    )  # fmt: skip
    assert status == 0, err
    own = [c for c in codes_json(capsys, monkeypatch) if c["own"]]
    assert [c["label"] for c in own] == ["desktop"]


def test_audit_beside_the_web_settings(capsys, monkeypatch) -> None:
    add_163(capsys, monkeypatch)
    status, out, _err = run(capsys, monkeypatch, "codes", "audit", "zhang.wei@163.com")
    assert status == 0
    assert "https://mail.163.com" in out and "Never audited" in out
    status, out, _err = run(capsys, monkeypatch, "codes", "audit", "zhang.wei@163.com", "--done")
    assert status == 0 and "Audit recorded" in out
    status, out, _err = run(capsys, monkeypatch, "--json", "codes", "audit", "zhang.wei@163.com")
    audit = json.loads(out)
    assert audit["audited_on"] is not None and audit["interval_days"] == 90 and not audit["due"]


def test_export_and_import_carry_the_records(capsys, monkeypatch, tmp_path: Path) -> None:
    add_163(capsys, monkeypatch)
    run(
        capsys, monkeypatch, "codes", "add", "zhang.wei@163.com", "--label", "Foxmail", "--no-check"
    )
    target = tmp_path / "export.json"
    status, _out, err = run(capsys, monkeypatch, "export", str(target))
    assert status == 0, err
    document = json.loads(target.read_text())
    assert document["version"] == VERSION
    assert [c["label"] for c in document["accounts"][0]["codes"]] == ["mailmanager", "Foxmail"]
    assert OWN not in target.read_text()
    monkeypatch.setenv("MAILMANAGER_HOME", str(tmp_path / "other-home"))
    status, _out, err = run(capsys, monkeypatch, "import", str(target))
    assert status == 0, err
    listed = codes_json(capsys, monkeypatch)
    assert [(c["label"], c["state"], c["kept"]) for c in listed] == [
        ("mailmanager", "unknown", False),
        ("Foxmail", "in_use", False),
    ]


def test_the_list_warns_about_any_clients_code(capsys, monkeypatch) -> None:
    add_163(capsys, monkeypatch)
    today = datetime.now().astimezone().date()
    status, _out, err = run(
        capsys, monkeypatch, "codes", "add", "zhang.wei@163.com", "--label", "Foxmail",
        "--no-check", "--code-expires", (today + timedelta(days=3)).isoformat(),
    )  # fmt: skip
    assert status == 0, err
    status, out, err = run(capsys, monkeypatch, "--json", "list")
    (row,) = json.loads(out)
    assert "expiring_soon" in row["states"]
    assert row["code_expires"] is None  # the code mailmanager checks with never expires


@pytest.mark.dovecot
def test_checks_use_the_own_code_only(dovecot: Dovecot, capsys, monkeypatch) -> None:
    """A kept client code that works is never used by a check of the mailbox: the check logs
    in with mailmanager's own code (here a wrong one) and nothing else."""
    good = dovecot.users["alice@example.org"]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=good) as smtp:
        status, _out, err = run(
            capsys, monkeypatch, "add", "alice@example.org", "--password-stdin", "--no-check",
            "--imap", f"{dovecot.host}:{dovecot.imaps_port}:ssl",
            "--smtp", f"127.0.0.1:{smtp.port}:ssl", "--ca-file", dovecot.pki.ca_file,
            stdin="WrongOwnCode1234\n",
        )  # fmt: skip
        assert status == 0, err
        status, _out, err = run(
            capsys, monkeypatch, "codes", "add", "alice@example.org", "--label", "Foxmail",
            "--password-stdin", "--keep", "--no-check", stdin=good + "\n",
        )  # fmt: skip
        assert status == 0, err
        status, _out, _err = run(capsys, monkeypatch, "check", "alice@example.org")
        assert status == 1
        assert [ok for _mechanism, _user, ok in smtp.recorder.auth_attempts] == [False]
    listed = {c["label"]: c for c in codes_json(capsys, monkeypatch, "alice@example.org")}
    assert listed["Foxmail"]["last_proven"] is None and listed["mailmanager"]["last_proven"] is None
