"""The account export file: odd but well-formed input is either read faithfully or refused as a
problem of its entry (or of the whole file), never a crash later.

Found in review (the command line's side, one line and no traceback for each, is in
tests/cli/test_accounts_cmds.py):

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

import json
from datetime import date, timedelta
from typing import Any

import pytest

from mailmanager.core.model.codes import CodeRecord, CodeState
from mailmanager.core.rules.schedule import ScheduleSettings, interval_for
from mailmanager.core.store import export_file
from tests.helpers.factories import make_account

GOOD: dict[str, Any] = {
    "address": "good@example.org",
    "imap": {"host": "imap.example.org", "port": 993, "security": "ssl", "username": ""},
    "smtp": {"host": "smtp.example.org", "port": 465, "security": "ssl", "username": ""},
}


def document(*entries: dict[str, Any]) -> str:
    return json.dumps({"format": "mailmanager-accounts", "version": 1, "accounts": list(entries)})


def test_never_remind_survives_export_and_import() -> None:
    account = make_account("a@example.org", username="", rotate_days=0)
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


@pytest.mark.parametrize(("days", "read"), [(0, 0), (3, 7), (3650, 3650), (36500, 3650)])
def test_a_reminder_an_earlier_version_allowed_comes_back_within_the_limits(
    days: int, read: int
) -> None:
    """Versions before the limits of core/model/limits.py stored 1-6 and 3651-36,500 days
    (command line, edit form): their backups still restore every mailbox."""
    parsed = export_file.loads(document({**GOOD, "rotate_days": days}))
    assert parsed.problems == []
    assert [a.rotate_days for a in parsed.accounts] == [read]


def test_beyond_what_any_version_wrote_is_an_entry_problem() -> None:
    parsed = export_file.loads(document({**GOOD, "rotate_days": 36501}))
    assert parsed.accounts == [] and "rotate_days" in parsed.problems[0][1]


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


def test_group_survives_export_and_import_and_older_files_have_none() -> None:
    account = make_account("a@example.org", username="").replace(group="客户 A")
    parsed = export_file.loads(export_file.dumps([account]))
    assert [a.group for a in parsed.accounts] == ["客户 A"]
    # Spaces and control characters are cleaned as the app keeps names; version 1 has no group.
    parsed = export_file.loads(document({**GOOD, "group": "  Client\t A "}, GOOD))
    assert [a.group for a in parsed.accounts] == ["Client A", ""]


def test_version_4_carries_the_code_inventory_never_a_value() -> None:
    account = make_account("zhang.wei@163.com", id=7, credential_label="Thunderbird")
    codes = {
        7: [
            CodeRecord(7, "Thunderbird", date(2026, 9, 1), own=True, kept=True),
            CodeRecord(
                7, "Foxmail", date(2026, 5, 1), state=CodeState.REVOKED, revoked=date(2026, 11, 2)
            ),
        ]
    }
    text = export_file.dumps([account], codes=codes)
    document = json.loads(text)
    assert document["version"] == 4
    entry = document["accounts"][0]["codes"]
    assert entry[1] == {
        "label": "Foxmail",
        "own": False,
        "state": "revoked",
        "created": "2026-05-01",
        "expires": None,
        "revoked": "2026-11-02",
        "last_proven": None,
        "note": "",
    }
    assert "kept" not in entry[0]
    parsed = export_file.loads(text)
    (own, foxmail) = parsed.codes["zhang.wei@163.com"]
    assert own.own and not own.kept and own.label == "Thunderbird"
    assert foxmail.state is CodeState.REVOKED and foxmail.revoked == date(2026, 11, 2)


def test_code_records_are_checked_and_a_repeated_label_left_out() -> None:
    entry = json.loads(export_file.dumps([make_account("a@163.com")]))["accounts"][0]
    entry["codes"] = [{"label": "Foxmail"}, {"label": "foxmail ", "state": "revoked"}]
    parsed = export_file.loads(document(entry))
    assert [c.label for c in parsed.codes["a@163.com"]] == ["Foxmail"]
    entry["codes"] = [{"label": " "}]
    parsed = export_file.loads(document(entry))
    assert parsed.accounts == [] and "label" in parsed.problems[0][1]
    entry["codes"] = [{"label": "x", "state": "stolen"}]
    assert "state" in export_file.loads(document(entry)).problems[0][1]
