"""Review findings on `import` and `add --rotate-days`: odd but well-formed input must either be
imported faithfully or be refused in one line, never crash later or print a traceback.

* An account with ``rotate_days = 0`` ("never remind", allowed by the edit form and schema 2)
  was exported fine but refused on import ("must be a positive whole number"): the backup
  silently lost it.
* Integers beyond SQLite's 64 bits (``rotate_days``) or beyond ``timedelta`` (a huge
  ``check_interval_hours``, which the scheduler turns into a timedelta) were accepted: import
  then died with OverflowError, or the stored value broke the scheduler later.
* JSON that Python's parser refuses with something other than JSONDecodeError (an integer of
  5,000 digits: ValueError; deep nesting: RecursionError) gave a traceback.
* A ``\\udcff`` escape in a text field gave a lone surrogate that SQLite cannot encode:
  UnicodeEncodeError traceback.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.rules.schedule import ScheduleSettings, interval_for
from mailmanager.core.store import export_file
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.logging_state import preserved_app_logger

GOOD: dict[str, Any] = {
    "address": "good@example.org",
    "imap": {"host": "imap.example.org", "port": 993, "security": "ssl", "username": ""},
    "smtp": {"host": "smtp.example.org", "port": 465, "security": "ssl", "username": ""},
}


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


def cli(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = "") -> tuple[int, str, str]:
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


def document(*entries: dict[str, Any]) -> str:
    return json.dumps({"format": "mailmanager-accounts", "version": 1, "accounts": list(entries)})


def test_never_remind_survives_export_and_import() -> None:
    account = Account(
        address="a@example.org",
        imap=Endpoint("imap.example.org", 993, Security.SSL),
        smtp=Endpoint("smtp.example.org", 465, Security.SSL),
        rotate_days=0,
    )
    parsed = export_file.loads(export_file.dumps([account]))
    assert parsed.problems == []
    assert [a.rotate_days for a in parsed.accounts] == [0]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rotate_days", 10**30),
        ("rotate_days", 99_999_999_999),
        ("rotate_days", -1),
        ("check_interval_hours", 10**12),
        ("check_interval_hours", 0),
    ],
)
def test_out_of_range_numbers_are_entry_problems(field: str, value: int) -> None:
    parsed = export_file.loads(document({**GOOD, field: value}))
    assert parsed.accounts == []
    assert len(parsed.problems) == 1 and field in parsed.problems[0][1]


def test_accepted_numbers_are_usable_by_the_scheduler() -> None:
    parsed = export_file.loads(
        document({**GOOD, "rotate_days": 3650, "check_interval_hours": 24 * 366})
    )
    assert parsed.problems == []
    assert interval_for(parsed.accounts[0], ScheduleSettings()) == timedelta(days=366)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '{"format": "mailmanager-accounts", "version": 1, "accounts": [' + "1" * 5000 + "]}",
    ],
    ids=["deep", "long-int"],
)
def test_json_the_parser_refuses_is_a_format_error(text: str) -> None:
    with pytest.raises(export_file.ExportFormatError):
        export_file.loads(text)


def test_lone_surrogates_are_entry_problems() -> None:
    text = document({**GOOD, "display_name": "x"}).replace('"x"', '"\\udcff"')
    parsed = export_file.loads(text)
    assert parsed.accounts == []
    assert "display_name" in parsed.problems[0][1]


def test_import_cli_is_one_line_for_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    code, _out, err = cli(capsys, "import", str(deep))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    odd = tmp_path / "odd.json"
    odd.write_text(
        document(
            {**GOOD, "address": "a@example.org", "rotate_days": 10**30},
            {**GOOD, "address": "b@example.org", "display_name": "x"},
            {**GOOD, "address": "c@example.org", "rotate_days": 0},
        ).replace('"x"', '"\\udcff"')
    )
    code, out, err = cli(capsys, "import", str(odd))
    assert code == 1, err
    assert "Traceback" not in err
    assert "Imported c@example.org" in out
    with AccountStore.open(paths.resolve().database) as store:
        assert [a.address for a in store.list_accounts()] == ["c@example.org"]


def test_add_refuses_a_rotation_interval_beyond_reason(capsys: pytest.CaptureFixture[str]) -> None:
    servers = ["--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"]
    for days in ("99999999999", str(10**30)):
        code, _out, err = cli(
            capsys, "add", "a@example.org", "--password-stdin", "--no-check", *servers,
            "--rotate-days", days, stdin="Code12345678\n",
        )  # fmt: skip
        assert code == 2 and len(err.strip().splitlines()) == 1, err
    code, out, _err = cli(capsys, "--json", "list")
    assert code == 0 and json.loads(out) == []
