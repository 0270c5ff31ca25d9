"""Review finding: dates at the end of the calendar must not crash the due-state rules.

``--code-created 9999-12-30`` (or an imported ``last_web_login`` of 9999-12-31, or a huge
``rotate_days``) was accepted and stored; afterwards every ``list`` (and every paint of the
main window's list) died with OverflowError while adding the rotation interval.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from mailmanager.core.model.accounts import Account, Endpoint
from mailmanager.core.model.accounts import Security as Sec
from mailmanager.core.rules.policy import due_items, inactivity_state, rotation_date, rotation_state


def account(**changes: object) -> Account:
    base = Account(
        address="a@163.com",
        imap=Endpoint("imap.163.com", 993, Sec.SSL),
        smtp=Endpoint("smtp.163.com", 465, Sec.SSL),
        created_at=datetime(2026, 8, 1, 2, 0, tzinfo=UTC),
    )
    return base.replace(**changes)


TODAY = date(2026, 9, 1)


def test_rotation_past_the_calendar_is_never_due() -> None:
    late = account(code_created=date(9999, 12, 30), rotate_days=90)
    assert rotation_date(late) is None
    assert rotation_state(date(9999, 12, 30), 90, TODAY) is None
    huge = account(code_created=date(2026, 1, 1), rotate_days=99_999_999_999)
    assert rotation_date(huge) is None
    assert rotation_state(date(2026, 1, 1), 99_999_999_999, TODAY) is None
    assert due_items(late, TODAY) == []
    assert due_items(huge, TODAY) == []


def test_inactivity_past_the_calendar_is_not_reported() -> None:
    assert inactivity_state(date(9999, 12, 31), date(2026, 8, 1), 90, TODAY) is None
    late = account(last_web_login=date(9999, 12, 31))
    assert due_items(late, TODAY, recycle_days=90) == []
