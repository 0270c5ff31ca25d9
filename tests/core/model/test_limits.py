"""The limits every editor, the command line and import share (core/model/limits.py)."""

from __future__ import annotations

import pytest

from mailmanager.core.model import limits
from mailmanager.core.model.accounts import DEFAULT_ROTATE_DAYS, Protocol, Security


@pytest.mark.parametrize("days", [0, 7, 90, 730, 3650])
def test_allowed_reminders(days: int) -> None:
    assert limits.rotate_days_allowed(days)
    assert limits.validate_rotate_days(days) == days


@pytest.mark.parametrize("days", [-1, 1, 6, 3651, 36500, 10**30])
def test_refused_reminders_say_the_limits(days: int) -> None:
    assert not limits.rotate_days_allowed(days)
    with pytest.raises(limits.LimitError) as caught:
        limits.validate_rotate_days(days)
    error = caught.value
    assert (error.value, error.low, error.high) == (days, 7, 3650)
    assert str(error) == "Remind to replace the code after 7 to 3650 days, or enter 0 for never."
    assert error.message == limits.MSG_ROTATE_DAYS  # the translatable source, %1 and %2 kept
    assert "%1" in error.message and "%2" in error.message


def test_the_default_is_allowed() -> None:
    assert limits.rotate_days_allowed(DEFAULT_ROTATE_DAYS)


@pytest.mark.parametrize(
    ("days", "nearest"), [(-5, 0), (0, 0), (1, 7), (6, 7), (7, 7), (3650, 3650), (36500, 3650)]
)
def test_nearest_reminder(days: int, nearest: int) -> None:
    assert limits.nearest_rotate_days(days) == nearest


def test_default_ports() -> None:
    assert {(p.value, s.value): limits.default_port(p, s) for p in Protocol for s in Security} == {
        ("imap", "ssl"): 993,
        ("imap", "starttls"): 143,
        ("imap", "plain"): 143,
        ("smtp", "ssl"): 465,
        ("smtp", "starttls"): 587,
        ("smtp", "plain"): 25,
    }
    assert limits.default_port("smtp", "starttls") == 587  # the wizard's field values work too
