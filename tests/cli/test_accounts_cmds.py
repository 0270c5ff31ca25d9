"""mailmanager-cli list / add / remove / export / import, in-process and in a child process."""

from __future__ import annotations

import io
import json
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail as fail_backend

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.checking.result import ProbeResult
from mailmanager.core.model.accounts import Protocol
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from tests.core.store.test_export_file import GOOD, document
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.memory_keyring import MemoryKeyring

CODE = "CliSecretAbcd1234"
SERVERS = ["--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:587:starttls"]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    def run(*argv: str, stdin: str = "") -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def assert_one_line_error(result: Result, code: int, words: str) -> None:
    assert result.code == code, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert words in lines[0]
    assert "Traceback" not in result.err


def add(cli: Any, address: str = "li.na@example.org", *extra: str, code: str = CODE) -> Result:
    result: Result = cli(
        "add", address, "--password-stdin", "--no-check", *SERVERS, *extra, stdin=code + "\n"
    )
    return result


def files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


# -- list --------------------------------------------------------------------------------


def test_list_empty(cli: Any) -> None:
    assert cli("list").out.startswith("No mailboxes yet")
    assert cli("--json", "list").json() == []
    assert cli("list", "--json").json() == []


def test_add_then_list(cli: Any, memory_keyring: MemoryKeyring, app_home: Path) -> None:
    result = add(cli, "Li.Na@Example.ORG", "--label", "Thunderbird", "--display-name", "李娜")
    assert result.code == 0, result.err
    assert "Added Li.Na@example.org (not checked)" in result.out
    store = SecretStore(paths.resolve())
    assert store.get("Li.Na@example.org") == CODE
    rows = cli("list", "--json").json()
    assert len(rows) == 1
    row = rows[0]
    expected_keys = {
        "address", "display_name", "provider", "badge", "connection_status", "due",
        "last_checked", "code_created", "code_expires", "paused",
    }  # fmt: skip
    assert expected_keys <= set(row)
    assert row["address"] == "Li.Na@example.org"
    assert row["display_name"] == "李娜"
    assert row["badge"] == "never_checked"
    assert row["connection_status"] is None
    assert row["due"] == []
    assert row["last_checked"] is None
    assert row["code_created"] == date.today().isoformat()
    assert row["paused"] is False
    text = cli("list").out
    assert "Li.Na@example.org" in text
    assert "Not checked" in text
    assert files_containing(app_home, CODE) == []


def test_list_shows_due_states_and_checks(cli: Any) -> None:
    soon = date.today() + timedelta(days=5)
    old = date.today() - timedelta(days=100)
    args = ["--code-created", old.isoformat(), "--code-expires", soon.isoformat()]
    assert add(cli, "a@example.org", *args).code == 0
    with AccountStore.open(paths.resolve().database) as store:
        account = store.find_by_address("a@example.org")
        assert account is not None and account.id is not None
        from mailmanager.core.registry import Registry

        Registry(store, SecretStore(paths.resolve())).record_check(
            account.id,
            [
                ProbeResult(Protocol.IMAP, ConnectionStatus.OK),
                ProbeResult(Protocol.SMTP, ConnectionStatus.TIMEOUT),
            ],
        )
    row = cli("list", "--json").json()[0]
    assert row["connection_status"] == "timeout"
    assert row["badge"] == "timeout"
    due = {d["state"]: d["date"] for d in row["due"]}
    assert due["expiring_soon"] == soon.isoformat()
    assert due["rotation_due"] == (old + timedelta(days=90)).isoformat()
    assert row["last_checked"] is not None
    assert "in 5 days" in cli("list").out


def test_add_uses_the_catalogue(cli: Any) -> None:
    result = cli("add", "wang@163.com", "--password-stdin", "--no-check", stdin=CODE)
    assert result.code == 0, result.err
    with AccountStore.open(paths.resolve().database) as store:
        account = store.find_by_address("wang@163.com")
    assert account is not None
    assert account.provider_id == "netease_personal"
    assert (account.imap.host, account.imap.port) == ("imap.163.com", 993)
    assert account.smtp.username == "wang@163.com"
    row = cli("--json", "list").json()[0]
    assert row["provider"] == "netease_personal"


# -- add: bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["add", "not-an-address", "--password-stdin", "--no-check", *SERVERS], "invalid address"),
        (["add", "x@example.org", "--no-check", *SERVERS], "--password-stdin"),
        (["add", "x@unknown-domain.example", "--password-stdin", "--no-check", "--offline"],
         "could not be found: give --imap and --smtp"),
        (["add", "x@unknown-domain.example", "--password-stdin", "--no-check", "--offline",
          "--imap", "imap.example.org:993:ssl"], "could not be found: give --smtp"),
        (
            ["add", "x@example.org", "--password-stdin", "--no-check", *SERVERS,
             "--code-expires", "2026-13-40"],
            "YYYY-MM-DD",
        ),
        (
            ["add", "x@example.org", "--password-stdin", "--no-check",
             "--imap", "imap.example.org:99999:ssl", "--smtp", "smtp.example.org:465:ssl"],
            "between 1 and 65535",
        ),
        (
            ["add", "x@example.org", "--password-stdin", "--no-check",
             "--imap", "imap.example.org:993:tls", "--smtp", "smtp.example.org:465:ssl"],
            "ssl, starttls or plain",
        ),
        (["add", "x@example.org", "--password-stdin", "--no-check", *SERVERS,
          "--rotate-days", "6"], "after 7 to 3650 days, or enter 0 for never"),
        (["add", "x@example.org", "--password-stdin", "--no-check", *SERVERS,
          "--rotate-days", "3651"], "after 7 to 3650 days"),
    ],
)  # fmt: skip
def test_add_bad_input(cli: Any, argv: list[str], words: str) -> None:
    result = cli(*argv, stdin=CODE + "\n")
    assert_one_line_error(result, 2, words)
    assert CODE not in result.out + result.err
    assert cli("--json", "list").json() == []


def test_add_takes_the_reminder_limits_every_editor_uses(cli: Any) -> None:
    """0 ("never remind") and 7-3650 days, as in the edit dialog, the wizard and import
    (core/model/limits.py); the command line used to refuse 0 and take 1-36,500."""
    for address, days in (("never@example.org", "0"), ("week@example.org", "7"),
                          ("decade@example.org", "3650")):  # fmt: skip
        assert add(cli, address, "--rotate-days", days).code == 0
    exported = json.loads(cli("export").out)
    assert {a["address"]: a["rotate_days"] for a in exported["accounts"]} == {
        "never@example.org": 0,
        "week@example.org": 7,
        "decade@example.org": 3650,
    }


def test_add_empty_stdin(cli: Any) -> None:
    result = cli("add", "x@example.org", "--password-stdin", "--no-check", *SERVERS, stdin="")
    assert_one_line_error(result, 2, "no code on standard input")


def test_add_ipv6_server(cli: Any) -> None:
    result = cli(
        "add", "v6@example.org", "--password-stdin", "--no-check",
        "--imap", "[::1]:993:ssl", "--smtp", "[::1]:465:ssl", stdin=CODE,
    )  # fmt: skip
    assert result.code == 0, result.err
    with AccountStore.open(paths.resolve().database) as store:
        account = store.find_by_address("v6@example.org")
    assert account is not None and account.imap.host == "::1"


def test_add_duplicate(cli: Any, memory_keyring: MemoryKeyring) -> None:
    assert add(cli).code == 0
    result = add(cli, "LI.NA@example.org", code="AnotherCode5678")
    assert_one_line_error(result, 1, "already exists")
    assert SecretStore(paths.resolve()).get("li.na@example.org") == CODE


@pytest.mark.expected_warnings("refusing keyring backend keyring.backends.fail.Keyring")
def test_add_refuses_without_secure_keyring(
    cli: Any, monkeypatch: pytest.MonkeyPatch, app_home: Path
) -> None:
    import keyring

    keyring.set_keyring(fail_backend.Keyring())  # conftest restores the in-memory one
    result = add(cli)
    assert_one_line_error(result, 1, "No secure keyring is available")
    assert CODE not in result.err
    assert cli("--json", "list").json() == []
    assert files_containing(app_home, CODE) == []


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_add_failed_check_saves_nothing(cli: Any, memory_keyring: MemoryKeyring) -> None:
    """The real checker against a loopback port nobody listens on: refused, nothing saved.
    (A passing check against Dovecot and aiosmtpd is in test_accounts_cmds_real_servers.py.)"""
    port = closed_port()
    servers = ["--imap", f"127.0.0.1:{port}:ssl", "--smtp", f"127.0.0.1:{port}:ssl"]
    result = cli("add", "x@example.org", "--password-stdin", *servers, stdin=CODE)
    assert result.code == 1, result.err
    assert "Not saved" in result.out
    assert "connection_failed" in result.out
    assert cli("--json", "list").json() == []
    assert memory_keyring.entries == {}
    result = cli("--json", "add", "x@example.org", "--password-stdin", *servers, stdin=CODE)
    assert result.code == 1
    assert result.json()["saved"] is False
    assert result.json()["check"]["imap"]["status"] == "connection_failed"
    assert CODE not in result.out + result.err


def test_add_bad_ca_file(cli: Any, tmp_path: Path) -> None:
    result = add(cli, "x@example.org", "--ca-file", str(tmp_path / "none.pem"))
    assert_one_line_error(result, 2, "--ca-file")


# -- remove ------------------------------------------------------------------------------


def test_remove(cli: Any, memory_keyring: MemoryKeyring) -> None:
    assert add(cli).code == 0
    result = cli("remove", "li.na@example.org")
    assert result.code == 0, result.err
    assert "revoke" in result.out
    assert memory_keyring.entries == {}
    assert cli("--json", "list").json() == []
    assert_one_line_error(cli("remove", "li.na@example.org"), 2, "no mailbox")
    assert_one_line_error(cli("remove", "bad address"), 2, "invalid address")


def test_remove_json_gives_the_suffixs_own_revoke_link(cli: Any) -> None:
    """A @126.com code is revoked at mail.126.com (issue 17); "revoke_at" is the old name of
    "settings_url", kept for one release."""
    assert cli("add", "wang@126.com", "--password-stdin", "--no-check", stdin=CODE).code == 0
    out = cli("remove", "wang@126.com", "--json").json()
    assert out == {
        "address": "wang@126.com",
        "removed": True,
        "settings_url": "https://mail.126.com/",
        "revoke_at": "https://mail.126.com/",
    }
    assert cli("add", "li@yeah.net", "--password-stdin", "--no-check", stdin=CODE).code == 0
    said = cli("remove", "li@yeah.net")
    assert "https://mail.yeah.net/" in said.out and "mail.163.com" not in said.out


# -- export / import ---------------------------------------------------------------------


def test_export_import_round_trip(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        add(cli, "a@example.org", "--code-expires", "2030-01-01", "--rotate-days", "30").code == 0
    )
    assert add(cli, "b@example.org").code == 0
    exported = cli("export")
    assert exported.code == 0
    document = json.loads(exported.out)
    assert document["format"] == "mailmanager-accounts"
    assert document["version"] == 4  # 2: endpoint sources (issue 13); 3: groups; 4: codes
    assert [a["address"] for a in document["accounts"]] == ["a@example.org", "b@example.org"]
    assert CODE not in exported.out
    target = tmp_path / "backup" / "accounts.json"
    result = cli("export", str(target))
    assert result.code == 0 and "Exported 2" in result.out
    assert CODE not in target.read_text()

    other_home = tmp_path / "other-home"
    monkeypatch.setenv("MAILMANAGER_HOME", str(other_home))
    assert add(cli, "b@example.org", code="KeepThisCode999").code == 0
    result = cli("import", str(target))
    assert result.code == 0, result.err
    assert "Imported a@example.org (needs its code)" in result.out
    assert "Skipped b@example.org" in result.out
    rows = {r["address"]: r for r in cli("--json", "list").json()}
    assert rows["a@example.org"]["badge"] == "needs_code"
    assert rows["a@example.org"]["code_expires"] == "2030-01-01"
    assert rows["b@example.org"]["badge"] == "never_checked"
    assert SecretStore(paths.resolve()).get("b@example.org") == "KeepThisCode999"
    again = cli("--json", "import", str(target)).json()
    assert again["imported"] == []
    assert sorted(again["skipped"]) == ["a@example.org", "b@example.org"]

    # The imported account gets its code through add.
    result = cli("add", "a@example.org", "--password-stdin", "--no-check", stdin="NewCode12345678")
    assert result.code == 0, result.err
    assert "Code stored for a@example.org" in result.out
    rows = {r["address"]: r for r in cli("--json", "list").json()}
    assert rows["a@example.org"]["badge"] == "never_checked"
    assert SecretStore(paths.resolve()).get("a@example.org") == "NewCode12345678"


def test_import_bad_files(cli: Any, tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    assert_one_line_error(cli("import", str(missing)), 2, "cannot read")
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json")
    assert_one_line_error(cli("import", str(garbage)), 2, "not a JSON file")
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}')
    assert_one_line_error(cli("import", str(other)), 2, "not a mailmanager account export")
    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "mailmanager-accounts", "version": 99, "accounts": []}')
    assert_one_line_error(cli("import", str(newer)), 2, "newer than this mailmanager reads")
    assert cli("--json", "list").json() == []


def test_import_keeps_good_entries_of_a_partly_bad_file(cli: Any, tmp_path: Path) -> None:
    good = {
        "address": "good@example.org",
        "imap": {"host": "imap.example.org", "port": 993, "security": "ssl", "username": ""},
        "smtp": {"host": "smtp.example.org", "port": 465, "security": "ssl", "username": ""},
    }
    bad = {**good, "address": "no-at-sign"}
    worse = {**good, "address": "w@example.org", "imap": {"host": "x", "port": 0}}
    document = {"format": "mailmanager-accounts", "version": 1, "accounts": [good, bad, worse]}
    path = tmp_path / "partly.json"
    path.write_text(json.dumps(document))
    result = cli("import", str(path))
    assert result.code == 1
    assert "Imported good@example.org" in result.out
    assert "Entry 2 not imported: invalid address" in result.out
    assert "Entry 3 not imported" in result.out
    assert [r["address"] for r in cli("--json", "list").json()] == ["good@example.org"]


# -- store problems ----------------------------------------------------------------------


@pytest.mark.expected_warnings("mailmanager.sqlite3 is damaged")
def test_damaged_database_is_one_line(cli: Any) -> None:
    db = paths.resolve().database
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    for argv in (["list"], ["export"], ["remove", "a@example.org"]):
        assert_one_line_error(cli(*argv), 1, "damaged")
    assert_one_line_error(add(cli), 1, "damaged")
    assert db.read_bytes() == before


@pytest.mark.expected_warnings("was written by a newer version of mailmanager")
def test_too_new_database_is_one_line(cli: Any) -> None:
    db = paths.resolve().database
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert_one_line_error(cli("list"), 1, "newer version")


# -- a real child process ----------------------------------------------------------------


def run_cli(env: dict[str, str], *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())",
         *argv],
        input=stdin, capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip


def test_in_a_child_process(subprocess_env: dict[str, str], app_home: Path) -> None:
    added = run_cli(
        subprocess_env, "add", "child@example.org", "--password-stdin", "--no-check", *SERVERS,
        stdin=CODE + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = run_cli(subprocess_env, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [r["address"] for r in json.loads(listed.stdout)] == ["child@example.org"]
    bad = run_cli(subprocess_env, "remove", "nobody@example.org")
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "Traceback" not in bad.stderr
    for output in (added, listed, bad):
        assert CODE not in output.stdout + output.stderr
    assert files_containing(app_home, CODE) == []
    assert (app_home / "logs" / "mailmanager.log").exists()


def test_export_never_destroys_what_the_path_names(cli: Any, tmp_path: Path) -> None:
    """A link is followed (the link stays, its target gets the export); a pipe is written
    into, not replaced; an empty name is refused."""
    import os
    import threading

    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert cli("export", str(link)).code == 0
    assert link.is_symlink() and '"accounts"' in real.read_text()

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    assert cli("export", str(fifo)).code == 0
    reader.join(timeout=10)
    assert fifo.exists() and not fifo.is_file()  # still the pipe
    assert received and '"accounts"' in received[0]

    result = cli("export", "")
    assert result.code == 2 and "file name" in result.err


def test_import_takes_a_bom_and_standard_input_and_names_other_encodings(
    cli: Any, tmp_path: Path
) -> None:
    assert add(cli, "a@example.org").code == 0
    exported = cli("export").out
    assert cli("remove", "a@example.org").code == 0
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + exported.encode("utf-8"))
    assert cli("import", str(with_bom)).code == 0
    assert cli("remove", "a@example.org").code == 0
    assert cli("import", "-", stdin=exported).code == 0
    assert "a@example.org" in cli("list").out
    latin = tmp_path / "latin.json"
    latin.write_bytes(exported.replace("example", "exämple").encode("latin-1"))
    result = cli("import", str(latin))
    assert result.code == 2 and "not UTF-8" in result.err
    assert len(result.err.strip().splitlines()) == 1


# -- odd but well-formed input: imported faithfully or refused in one line ---------------------
#
# Found in review: integers beyond SQLite's 64 bits (``rotate_days``) or beyond ``timedelta`` were
# accepted, and JSON that Python's parser refuses with something other than JSONDecodeError (deep
# nesting, a 5,000-digit integer) or a lone surrogate in a text field gave a traceback. What the
# file reader makes of each is in tests/core/store/test_export_file.py.


def run_main(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.stdin = old
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_cli_is_one_line_for_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    code, _out, err = run_main(capsys, "import", str(deep))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    odd = tmp_path / "odd.json"
    odd.write_text(
        document(
            {**GOOD, "address": "a@example.org", "rotate_days": 10**30},
            {**GOOD, "address": "b@example.org", "display_name": "x"},
            {**GOOD, "address": "c@example.org", "rotate_days": 0},
        ).replace('"x"', '"\\udcff"')
    )
    code, out, err = run_main(capsys, "import", str(odd))
    assert code == 1, err
    assert "Traceback" not in err
    assert "Imported c@example.org" in out
    with AccountStore.open(paths.resolve().database) as store:
        assert [a.address for a in store.list_accounts()] == ["c@example.org"]


def test_add_refuses_a_rotation_interval_beyond_reason(capsys: pytest.CaptureFixture[str]) -> None:
    servers = ["--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"]
    for days in ("99999999999", str(10**30)):
        code, _out, err = run_main(
            capsys, "add", "a@example.org", "--password-stdin", "--no-check", *servers,
            "--rotate-days", days, stdin="Code12345678\n",
        )  # fmt: skip
        assert code == 2 and len(err.strip().splitlines()) == 1, err
    code, out, _err = run_main(capsys, "--json", "list")
    assert code == 0 and json.loads(out) == []
