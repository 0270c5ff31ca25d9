"""Policy rules with an injected clock, including time-zone and DST edges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from mailmanager.core.model.accounts import AccountSummary, CheckRecord, Protocol
from mailmanager.core.model.status import ConnectionStatus, DueState, LifecycleState
from mailmanager.core.rules.badges import account_states
from mailmanager.core.rules.policy import (
    DueItem,
    due_items,
    expiry_state,
    inactivity_state,
    local_today,
    rotation_date,
    rotation_state,
)
from tests.helpers.factories import make_account

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")


#: A mailbox bound at a fixed moment (2026-08-01 02:00 UTC), with no code dates unless given.
account = partial(
    make_account, "a@163.com", username="", created_at=datetime(2026, 8, 1, 2, 0, tzinfo=UTC)
)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 16), None),  # 15 days left
        (date(2026, 11, 17), DueState.EXPIRING_SOON),  # 14 days left
        (date(2026, 12, 1), DueState.EXPIRING_SOON),  # last valid day
        (date(2026, 12, 2), DueState.EXPIRED),
    ],
)
def test_expiry(today: date, expected: DueState | None) -> None:
    item = expiry_state(date(2026, 12, 1), today)
    assert (item.state if item else None) is expected
    if item:
        assert item.date == date(2026, 12, 1)


def test_no_expiry_date_never_expires() -> None:
    assert expiry_state(None, date(2099, 1, 1)) is None


def test_rotation() -> None:
    created = date(2026, 8, 1)
    assert rotation_state(created, 90, date(2026, 10, 29)) is None
    assert rotation_state(created, 90, date(2026, 10, 30)) == DueItem(
        DueState.ROTATION_DUE, date(2026, 10, 30)
    )
    assert rotation_state(None, 90, date(2030, 1, 1)) is None


def test_inactivity_counts_from_binding_then_from_web_login() -> None:
    bound = date(2026, 8, 1)
    assert inactivity_state(None, bound, 90, date(2026, 10, 19)) is None  # day 79
    assert inactivity_state(None, bound, 90, date(2026, 10, 20)) == DueItem(  # day 80
        DueState.INACTIVE, date(2026, 10, 30)
    )
    # A confirmed web login resets the count.
    assert inactivity_state(date(2026, 10, 15), bound, 90, date(2026, 10, 20)) is None
    # Providers without the rule never report it.
    assert inactivity_state(None, bound, None, date(2030, 1, 1)) is None


def test_local_today_follows_the_users_zone() -> None:
    # 2026-11-30 17:30 UTC is already 1 December in Shanghai (UTC+8).
    now = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)
    assert local_today(now, SHANGHAI) == date(2026, 12, 1)
    assert local_today(now, UTC) == date(2026, 11, 30)
    assert expiry_state(date(2026, 11, 30), local_today(now, SHANGHAI)) is not None
    assert expiry_state(date(2026, 11, 30), local_today(now, SHANGHAI)).state is DueState.EXPIRED  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="aware"):
        local_today(datetime(2026, 1, 1))


@pytest.mark.parametrize(
    "now",
    [
        # Around the spring-forward gap in Berlin (02:00 -> 03:00 on 2026-03-29).
        datetime(2026, 3, 29, 0, 59, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        # Around the autumn fall-back (03:00 -> 02:00 on 2026-10-25): the repeated hour.
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    ],
)
def test_dst_changes_do_not_shift_the_day(now: datetime) -> None:
    today = local_today(now, BERLIN)
    assert today == now.astimezone(BERLIN).date()
    assert today in (date(2026, 3, 29), date(2026, 10, 25))
    # A 90-day rotation across a DST change lands on the same calendar day count.
    created = today - timedelta(days=90)
    assert rotation_state(created, 90, today) == DueItem(DueState.ROTATION_DUE, today)


def test_binding_day_uses_the_local_zone() -> None:
    # Bound at 2026-08-01 02:00 UTC = 10:00 in Shanghai, 23:00 on 31 July in New York.
    acc = account()
    new_york = ZoneInfo("America/New_York")
    items_ny = due_items(acc, date(2026, 10, 19), recycle_days=90, tz=new_york)
    items_sh = due_items(acc, date(2026, 10, 19), recycle_days=90, tz=SHANGHAI)
    assert [i.state for i in items_ny] == [DueState.INACTIVE]  # day 80 from 31 July
    assert items_sh == []  # day 79 from 1 August


def test_due_items_worst_first() -> None:
    acc = account(code_created=date(2026, 1, 1), code_expires=date(2026, 10, 1))
    items = due_items(acc, date(2026, 11, 1), recycle_days=90, tz=UTC)
    assert [i.state for i in items] == [DueState.EXPIRED, DueState.INACTIVE, DueState.ROTATION_DUE]


def test_account_states_combine_everything() -> None:
    acc = account(id=1, paused=True, code_created=date(2026, 10, 1))
    record = CheckRecord(1, datetime(2026, 11, 1, tzinfo=UTC), Protocol.SMTP,
                         ConnectionStatus.AUTH_FAILED)  # fmt: skip
    states = account_states(AccountSummary(acc, None, record), date(2026, 11, 2), tz=UTC)
    assert states == [ConnectionStatus.AUTH_FAILED, LifecycleState.PAUSED]
    fresh = account_states(AccountSummary(account()), date(2026, 8, 2), tz=UTC)
    assert fresh == [LifecycleState.NEVER_CHECKED]
    imported = account_states(AccountSummary(account(needs_code=True)), date(2026, 8, 2), tz=UTC)
    assert imported[0] is LifecycleState.NEEDS_CODE


# -- dates at the end of the calendar must not crash the due-state rules -----------------------
#
# Found in review: ``--code-created 9999-12-30`` (or an imported ``last_web_login`` of
# 9999-12-31, or a huge ``rotate_days``) was accepted and stored; afterwards every ``list`` (and
# every paint of the main window's list) died with OverflowError while adding the rotation
# interval.

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
