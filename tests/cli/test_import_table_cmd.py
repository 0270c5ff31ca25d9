"""`mailmanager-cli import-table`: options, JSON, exit codes, and what servers received.

Real servers where a code is proven (Dovecot over IMAPS, aiosmtpd over implicit TLS, with the
test CA through ``--ca-file``), scripted loopback servers for counting what an untrusted row
sent (nothing). Afterwards the codes are searched for in the home folder (store, logs), the
output and the error output: zero hits.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.secrets import SecretStore
from tests.helpers import scripted_server as ss
from tests.helpers.dovecot import Dovecot
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.smtp_server import aiosmtpd_server

HEADER = "email,code,imap_host,imap_port,smtp_host,smtp_port,security"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def sheet(tmp_path: Path, text: str, name: str = "boxes.csv", encoding: str = "utf-8") -> str:
    folder = tmp_path / "sheets"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def hits(folder: Path, secrets: list[str]) -> list[str]:
    """Files under ``folder`` holding any of ``secrets`` (as UTF-8 bytes)."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path}: {s}" for s in secrets if s.encode() in data]
    return found


@pytest.mark.dovecot
def test_real_servers_prove_save_and_report_every_row(
    dovecot: Dovecot,
    tmp_path: Path,
    app_home: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    alice = dovecot.users["alice@example.org"]
    wrong = "WrongCodeXyz98765"
    evil_code = "EVILCODEABCDEFGH"
    foreign_code = "FOREIGNCODEABCDE"
    before = dovecot.password_mismatches("bob@example.org")
    with (
        aiosmtpd_server(dovecot.pki, mode="ssl", password=alice) as smtp,
        ss.ScriptedServer(ss.smtp_script(), host="127.0.0.3") as foreign,
    ):
        imap = f"{dovecot.host},{dovecot.imaps_port}"
        out_smtp = f"127.0.0.1,{smtp.port}"
        text = "\n".join(
            [
                HEADER,
                f"alice@example.org,{alice},{imap},{out_smtp},ssl",
                f"bob@example.org,{wrong},{imap},{out_smtp},ssl",
                f"zhang@163.com,{evil_code},imap.163.com,993,smtp.evil.example,465,",
                f"li@163.com,{foreign_code},imap.163.com,993,127.0.0.3,{foreign.port},ssl",
                "",
                f"not-an-address,{wrong},{imap},{out_smtp},ssl",
                f"carol@example.org,{wrong},{dovecot.host},1234,127.0.0.1,465,",
                f"ALICE@example.org,{alice},{imap},{out_smtp},ssl",
            ]
        )
        path = sheet(tmp_path, text + "\n")
        status, out, err = run(
            capsys,
            "--json", "import-table", path, "--group", "Client A",
            "--ca-file", dovecot.pki.ca_file, "--trust-server", "127.0.0.1",
        )  # fmt: skip
        smtp_attempts = list(smtp.recorder.auth_attempts)
    assert status == 1, err
    rows: list[dict[str, Any]] = json.loads(out)
    assert [(r["row"], r["address"], r["result"]) for r in rows] == [
        (2, "alice@example.org", "saved"),
        (3, "bob@example.org", "failed"),
        (4, "zhang@163.com", "untrusted"),
        (5, "li@163.com", "untrusted"),
        (7, "", "invalid"),
        (8, "carol@example.org", "invalid"),
        (9, "ALICE@example.org", "duplicate"),
    ]
    assert set(rows[0]) == {"row", "address", "result", "reason", "imap", "smtp"}
    assert rows[0]["imap"]["status"] == "ok" and rows[0]["smtp"]["status"] == "ok"
    assert rows[1]["imap"]["status"] == "auth_failed" and rows[1]["smtp"]["status"] == "auth_failed"
    assert "--trust-server smtp.evil.example" in rows[2]["reason"]
    assert rows[2]["imap"] is None and rows[3]["smtp"] is None
    assert "1234" in rows[5]["reason"]
    # The rejected code reached each server exactly once; the foreign host got nothing.
    assert dovecot.password_mismatches("bob@example.org") == before + 1
    assert len([a for a in smtp_attempts if a[1] == "bob@example.org"]) == 1
    assert foreign.connections == 0
    # Saved with its group and a dated label, the code in the keyring only.
    saved = SecretStore(paths.resolve())
    assert saved.get("alice@example.org") == alice
    assert saved.get("bob@example.org") is None
    status, listed, _ = run(capsys, "--json", "list")
    assert [r["address"] for r in json.loads(listed)] == ["alice@example.org"]
    codes = [alice, wrong, evil_code, foreign_code]
    assert hits(app_home, codes) == []
    assert not [c for c in codes if c in out + err + listed]
    # Run again: the saved row is unchanged, nothing is sent for it.
    text2 = f"{HEADER}\nalice@example.org,{alice},{imap},{out_smtp},ssl\n"
    path2 = sheet(tmp_path, text2, "again.csv")
    status, out, err = run(capsys, "--json", "import-table", path2, "--trust-server", "127.0.0.1")
    assert status == 0, err
    assert json.loads(out)[0]["result"] == "unchanged"


@pytest.fixture
def scripted() -> Iterator[tuple[ss.ScriptedServer, ss.ScriptedServer]]:
    with (
        ss.ScriptedServer(ss.imap_script(password="right-code"), host="127.0.0.1") as imap,
        ss.ScriptedServer(ss.smtp_script(password="right-code"), host="127.0.0.2") as smtp,
    ):
        yield imap, smtp


def consent_for(imap: ss.ScriptedServer, smtp: ss.ScriptedServer) -> list[str]:
    return [
        "--trust-server", imap.host, "--trust-server", smtp.host,
        "--allow-plain", f"{imap.host}:{imap.port}", "--allow-plain", f"{smtp.host}:{smtp.port}",
    ]  # fmt: skip


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_dry_run_proves_and_saves_nothing(
    scripted: tuple[ss.ScriptedServer, ss.ScriptedServer],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
    encoding: str,
) -> None:
    imap, smtp = scripted
    text = (
        "邮箱,授权码,收信服务器,收信端口,发信服务器,发信端口,加密方式,分组\n"
        f"wang@example.com,right-code,{imap.host},{imap.port},{smtp.host},{smtp.port},plain,客户乙\n"
    )
    path = sheet(tmp_path, text, encoding=encoding)
    status, out, err = run(
        capsys, "--json", "import-table", path, "--dry-run", *consent_for(imap, smtp)
    )
    assert status == 0, err
    assert [r["result"] for r in json.loads(out)] == ["proved"]
    assert memory_keyring.entries == {}
    status, listed, _ = run(capsys, "--json", "list")
    assert json.loads(listed) == []


def test_xlsx_with_mapped_headers_and_a_sheet(
    scripted: tuple[ss.ScriptedServer, ss.ScriptedServer],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    imap, smtp = scripted
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Notes"
    boxes = book.create_sheet("Boxes")
    boxes.append(["Mailbox", "Secret sauce", "in", "in port", "out", "out port", "enc", "Team"])
    boxes.append(["x@example.com", "right-code", imap.host, imap.port, smtp.host, smtp.port,
                  "plain", "Sales"])  # fmt: skip
    folder = tmp_path / "sheets"
    folder.mkdir()
    path = folder / "boxes.xlsx"
    book.save(path)
    status, _, err = run(capsys, "import-table", str(path), "--sheet", "Boxes")
    assert status == 2 and "no column was recognised as code" in err
    maps = [
        "Mailbox=address", "Secret sauce=code", "in=imap_host", "in port=imap_port",
        "out=smtp_host", "out port=smtp_port", "enc=security", "Team=group",
    ]  # fmt: skip
    argv = [arg for m in maps for arg in ("--map", m)]
    status, out, err = run(
        capsys, "import-table", str(path), "--sheet", "Boxes", *argv, *consent_for(imap, smtp)
    )
    assert status == 0, err
    assert "row 2 x@example.com: saved" in out
    status, listed, _ = run(capsys, "--json", "list")
    assert json.loads(listed)[0]["address"] == "x@example.com"


def test_unreadable_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "import-table", str(tmp_path / "nothing.csv"))
    assert status == 2 and "cannot open nothing.csv" in err
    path = sheet(tmp_path, "email,code\n", "x.csv")
    status, _, err = run(capsys, "import-table", path, "--map", "broken")
    assert status == 2 and "COLUMN=FIELD" in err
    status, _, err = run(capsys, "import-table", path, "--sheet", "A")
    assert status == 2 and ".xlsx" in err
    assert "Traceback" not in err
