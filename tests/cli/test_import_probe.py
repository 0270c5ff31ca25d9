"""Attacks on `import-table` (security probe after issues 19-21): a code must never be echoed.

A spreadsheet comes from many hands: a file without a header row, or with its columns shifted
or swapped, puts a code where a header, a port or a security word belongs. Whatever the
command prints then (errors, warnings, JSON reasons) must not hold the code; and nothing may
be sent to a server for such rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailmanager.cli import main
from tests.helpers import scripted_server as ss
from tests.helpers.logging_state import preserved_app_logger

CODE = "QWERTYUIOPASDFGH"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def sheet(tmp_path: Path, text: str) -> str:
    path = tmp_path / "boxes.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_file_without_a_header_row_never_prints_its_first_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], app_home: Path
) -> None:
    path = sheet(tmp_path, f"zhang@example.com,{CODE},imap.example.com\n")
    status, out, err = run(capsys, "import-table", path)
    assert status == 2
    assert CODE not in out + err
    assert "header row" in err and "Traceback" not in err


def test_a_header_less_file_mapped_by_numbers_is_refused_without_echo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Read as names, the first row's mailbox would vanish and its host be "ignored" aloud.
    path = sheet(tmp_path, f"zhang@example.com,{CODE},imap.example.com\n")
    argv = ["--map", "1=address", "--map", "2=code"]
    status, out, err = run(capsys, "import-table", path, *argv)
    assert status == 2 and "header row" in err
    assert CODE not in out + err and "Traceback" not in err


@pytest.mark.parametrize("column", ["security", "imap_port", "imap_security", "smtp_port"])
def test_a_code_in_a_port_or_security_cell_is_never_echoed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    # The columns were swapped by hand: the code cell holds 'ssl', the setting cell the code.
    with ss.ScriptedServer(ss.imap_script()) as imap, ss.ScriptedServer(ss.smtp_script()) as smtp:
        text = (
            f"email,code,imap_host,smtp_host,{column}\n"
            f"zhang@example.com,ssl,{imap.host},{smtp.host},{CODE}\n"
        )
        path = sheet(tmp_path, text)
        for argv in ([], ["--json"]):
            status, out, err = run(capsys, *argv, "import-table", path, "--dry-run")
            assert status == 1
            assert CODE not in out + err
            assert "invalid" in out
    assert imap.auth_attempts == [] and smtp.auth_attempts == []
    assert imap.connections == 0 and smtp.connections == 0


def test_trust_server_covers_one_domain_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 20: "one confirmation may cover every address at one domain". A host trusted for
    # client A's rows must not receive client B's code because B's row names it too.
    with ss.ScriptedServer(ss.imap_script()) as imap, ss.ScriptedServer(ss.smtp_script()) as smtp:
        servers = f"{imap.host},{imap.port},{smtp.host},{smtp.port},plain"
        text = (
            "email,code,imap_host,imap_port,smtp_host,smtp_port,security\n"
            f"a@client-a.example,right-code,{servers}\n"
            f"b@client-b.example,right-code,{servers}\n"
        )
        path = sheet(tmp_path, text)
        plain = ["--allow-plain", f"{imap.host}:{imap.port}", "--allow-plain",
                 f"{smtp.host}:{smtp.port}"]  # fmt: skip
        status, out, err = run(
            capsys, "import-table", path, "--dry-run", "--trust-server", imap.host, *plain
        )
        assert status == 2 and "client-a.example" in err and "client-b.example" in err
        assert "Traceback" not in err
        assert imap.connections == 0 and smtp.connections == 0
        # Said per domain, it covers that domain's rows only.
        status, out, err = run(
            capsys, "--json", "import-table", path, "--dry-run",
            "--trust-server", f"{imap.host}@client-a.example", *plain,
        )  # fmt: skip
        assert status == 1, err
        results = {r["address"]: r["result"] for r in json.loads(out)}
        assert results == {"a@client-a.example": "proved", "b@client-b.example": "untrusted"}
    assert [user for user, _secret in imap.auth_attempts] == ["a@client-a.example"]
    assert [user for user, _secret in smtp.auth_attempts] == ["a@client-a.example"]
