"""Attacks on `export-table` (security probe after issues 19-21).

Every text column can start a formula (a display name, a group, an address whose local part
begins with '-' or '+'); the file is owner-only whatever the umask; a link planted at the
target is replaced, never followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from mailmanager.core import table_export
from tests.cli import test_accounts_cmds
from tests.cli.test_accounts_cmds import CODE, SERVERS, add
from tests.cli.test_groups_cmd import table

cli = test_accounts_cmds.cli


def test_every_text_column_is_neutralised(cli: Any, tmp_path: Path) -> None:
    dashed = cli(
        "add", "--password-stdin", "--no-check", *SERVERS, "--display-name", "+SUM(1)",
        "--group", "=ops", "--", "-cmd@example.org", stdin=CODE + "\n",
    )  # fmt: skip
    assert dashed.code == 0, dashed.err
    assert add(cli, "+x@example.org", "--display-name", "@A1", "--group", "-1").code == 0
    out = tmp_path / "platform.csv"
    assert cli("export-table", str(out)).code == 0
    rows = {r["from_email"]: r for r in table(out)}
    assert set(rows) == {"'-cmd@example.org", "'+x@example.org"}
    first = rows["'-cmd@example.org"]
    assert (first["from_name"], first["group"]) == ("'+SUM(1)", "'=ops")
    second = rows["'+x@example.org"]
    assert (second["from_name"], second["group"]) == ("'@A1", "'-1")
    for cells in rows.values():
        for name, value in cells.items():
            assert not value.startswith(table_export.FORMULA_STARTS), (name, value)
    assert CODE not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("start", ["＝", "＋", "－", "＠"])
def test_full_width_formula_starts_are_neutralised(start: str) -> None:
    # Excel in East Asian locales reads the full-width signs as their ASCII forms.
    assert table_export.neutralise(start + "HYPERLINK(1)") == "'" + start + "HYPERLINK(1)"


def test_owner_only_whatever_the_umask_and_a_link_is_replaced_not_followed(
    cli: Any, tmp_path: Path
) -> None:
    assert add(cli, "a@example.org").code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    os.chmod(victim, 0o644)
    out = tmp_path / "platform.csv"
    out.symlink_to(victim)
    previous = os.umask(0)
    try:
        assert cli("export-table", str(out)).code == 0
    finally:
        os.umask(previous)
    assert victim.read_text() == "keep me"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert not out.is_symlink()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".platform")] == []
