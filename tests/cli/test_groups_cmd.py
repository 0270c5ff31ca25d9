"""Groups from the command line (add --group, list --group, set-group) and export-table."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path
from typing import Any

from mailmanager.core import table_export
from tests.cli import test_accounts_cmds
from tests.cli.test_accounts_cmds import CODE, add, assert_one_line_error

cli = test_accounts_cmds.cli  # the same in-process runner

HEADER = (
    "from_name,from_email,smtp_host,smtp_port,smtp_username,smtp_password,smtp_security,"
    "imap_host,imap_port,imap_username,imap_password,imap_security,group"
)


def table(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_add_with_a_group_and_list_by_group(cli: Any) -> None:
    assert add(cli, "a@example.org", "--group", "  Client   A ").code == 0
    assert add(cli, "b@example.org", "--group", "Client B").code == 0
    assert add(cli, "c@example.org").code == 0
    rows = cli("list", "--json").json()
    assert {r["address"]: r["group"] for r in rows} == {
        "a@example.org": "Client A",
        "b@example.org": "Client B",
        "c@example.org": "",
    }
    only_a = cli("list", "--json", "--group", "client a").json()
    assert [r["address"] for r in only_a] == ["a@example.org"]
    no_group = cli("list", "--json", "--group", "").json()
    assert [r["address"] for r in no_group] == ["c@example.org"]
    text = cli("list", "--group", "Client B").out
    assert "b@example.org" in text and "a@example.org" not in text


def test_set_group_moves_all_or_none(cli: Any) -> None:
    for address in ("a@example.org", "b@example.org"):
        assert add(cli, address).code == 0
    result = cli("set-group", "Campaign 7", "a@example.org", "B@example.org")
    assert result.code == 0, result.err
    assert "2 mailbox(es) now in group 'Campaign 7'" in result.out
    groups = {r["address"]: r["group"] for r in cli("list", "--json").json()}
    assert groups == {"a@example.org": "Campaign 7", "b@example.org": "Campaign 7"}
    # One unknown address: nothing moves.
    failed = cli("set-group", "Other", "a@example.org", "nobody@example.org")
    assert_one_line_error(failed, 2, "nobody@example.org")
    assert {r["group"] for r in cli("list", "--json").json()} == {"Campaign 7"}
    # Too long a name: one line, nothing written.
    too_long = cli("set-group", "x" * 101, "a@example.org")
    assert_one_line_error(too_long, 2, "longer than 100")
    cleared = cli("--json", "set-group", "", "a@example.org")
    assert cleared.json() == {"group": "", "addresses": ["a@example.org"]}


def test_export_table_has_no_codes_and_neutralises_formulas(cli: Any, tmp_path: Path) -> None:
    assert add(cli, "a@example.org", "--display-name", "=HYPERLINK(1)", "--group", "@ops").code == 0
    assert add(cli, "b@example.org", "--display-name", "李娜", "--group", "Client B").code == 0
    out = tmp_path / "platform.csv"
    out.write_text("old")
    os.chmod(out, 0o644)
    result = cli("export-table", str(out))
    assert result.code == 0, result.err
    assert "Wrote 2 mailbox(es)" in result.out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    assert CODE not in text
    rows = {r["from_email"]: r for r in table(out)}
    a = rows["a@example.org"]
    assert a["from_name"] == "'=HYPERLINK(1)"
    assert a["group"] == "'@ops"
    assert (a["smtp_host"], a["smtp_port"], a["smtp_security"]) == (
        "smtp.example.org",
        "587",
        "starttls",
    )
    imap = (a["imap_host"], a["imap_port"], a["imap_security"])
    assert imap == ("imap.example.org", "993", "ssl")
    assert a["smtp_password"] == a["imap_password"] == ""
    assert rows["b@example.org"]["from_name"] == "李娜"
    only_b = tmp_path / "b.csv"
    assert cli("export-table", str(only_b), "--group", "client b").code == 0
    assert [r["from_email"] for r in table(only_b)] == ["b@example.org"]


def test_export_table_refuses_bad_places_and_has_no_code_option(cli: Any, tmp_path: Path) -> None:
    assert_one_line_error(cli("export-table", str(tmp_path)), 2, "is a folder")
    assert_one_line_error(cli("export-table", str(tmp_path / "no" / "x.csv")), 2, "does not exist")
    assert cli("export-table", str(tmp_path / "x.csv"), "--with-codes").code == 2
    assert not (tmp_path / "x.csv").exists()


def test_neutralise_keeps_the_text() -> None:
    for cell in ("=1+1", "+86 138", "-x", "@sum", "\tx"):
        assert table_export.neutralise(cell) == "'" + cell
    for cell in ("plain", "a=b", "", "'already"):
        assert table_export.neutralise(cell) == cell
