"""Scheduling rules: spread, back-off, and never retrying a rejected code on its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial

from mailmanager.core.model.status import ConnectionStatus as S
from mailmanager.core.rules.schedule import (
    CheckHistory,
    ScheduleSettings,
    blocked_reason,
    jitter_unit,
    next_check_at,
)
from tests.helpers.factories import make_account

START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SETTINGS = ScheduleSettings()


#: One NetEase mailbox (no login name of its own); tests change what the rule reads.
acc = partial(make_account, "a@163.com", username="")


def test_never_checked_accounts_are_due_soon_after_start_and_spread() -> None:
    times = [
        next_check_at(make_account(f"u{n}@163.com", username=""), CheckHistory(), started_at=START)
        for n in range(50)
    ]
    assert all(t is not None for t in times)
    offsets = sorted((t - START).total_seconds() for t in times if t)
    assert offsets[0] >= SETTINGS.startup_delay.total_seconds()
    assert offsets[-1] <= (SETTINGS.startup_delay + SETTINGS.startup_spread).total_seconds()
    assert len({round(o) for o in offsets}) > 30  # spread, not bunched


def test_regular_interval_with_jitter() -> None:
    last = START - timedelta(hours=1)
    due = next_check_at(acc(), CheckHistory(last, (S.OK, S.OK)), started_at=START)
    assert due is not None
    assert timedelta(hours=5, minutes=42) <= due - last <= timedelta(hours=6, minutes=18)
    per_account = next_check_at(
        acc(check_interval_hours=24), CheckHistory(last, (S.OK, S.OK)), started_at=START
    )
    assert per_account is not None and per_account - last > timedelta(hours=21)


def test_overdue_after_sleep_is_caught_up_soon_not_immediately_all_at_once() -> None:
    last = START - timedelta(days=2)
    due = next_check_at(acc(), CheckHistory(last, (S.OK, S.OK)), started_at=START)
    assert due is not None
    assert START < due <= START + SETTINGS.startup_delay + SETTINGS.startup_spread


def test_paused_and_needs_code_are_never_scheduled() -> None:
    assert next_check_at(acc(paused=True), CheckHistory(), started_at=START) is None
    assert next_check_at(acc(needs_code=True), CheckHistory(), started_at=START) is None


def test_auth_failed_waits_for_a_new_code() -> None:
    failed_at = START - timedelta(hours=7)
    history = CheckHistory(
        failed_at, (S.OK, S.AUTH_FAILED), code_changed_at=START - timedelta(days=9)
    )
    assert blocked_reason(acc(), history) == "auth_failed"
    assert next_check_at(acc(), history, started_at=START + timedelta(days=30)) is None
    rotated = CheckHistory(
        failed_at, (S.OK, S.AUTH_FAILED), code_changed_at=START - timedelta(hours=1)
    )
    assert next_check_at(acc(), rotated, started_at=START) is not None


def test_transient_failures_back_off_exponentially_to_a_cap() -> None:
    last = START
    delays = []
    for failures in range(1, 8):
        due = next_check_at(
            acc(), CheckHistory(last, (S.TIMEOUT, S.OK), failures), started_at=START
        )
        assert due is not None
        delays.append(due - last)
    assert delays == sorted(delays)
    assert delays[0] < timedelta(minutes=12)
    assert delays[-1] <= SETTINGS.retry_cap * (1 + SETTINGS.jitter_fraction)
    assert delays[-1] >= SETTINGS.retry_cap


def test_jitter_is_stable() -> None:
    assert jitter_unit("A@163.com") == jitter_unit("a@163.com")
    assert 0 <= jitter_unit("x@qq.com") < 1


def test_the_end_of_the_calendar_means_check_soon_not_a_crash() -> None:
    """A last check stamped near year 9999 (a clock set far ahead) or a huge interval would
    overflow; the scheduler runs on the GUI thread and must still plan every account."""
    soon_at_most = START + SETTINGS.startup_delay + SETTINGS.startup_spread
    far = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    for history in (
        CheckHistory(last_checked=far, last_statuses=(S.OK,)),
        CheckHistory(last_checked=far, last_statuses=(S.TIMEOUT,), consecutive_transient=3),
    ):
        due = next_check_at(acc(), history, started_at=START)
        assert due is not None and START < due <= soon_at_most
    huge = acc(check_interval_hours=10**12)
    due = next_check_at(huge, CheckHistory(last_checked=START, last_statuses=(S.OK,)),
                        started_at=START)  # fmt: skip
    assert due is not None and due <= soon_at_most
