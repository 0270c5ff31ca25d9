"""When each account should be checked next: pure rules, an injected clock, no Qt.

The rules respect the providers' risk control as much as the user's wish to know:

* every active account is checked shortly after start-up, then every ``interval`` (6 hours by
  default; an account may set its own);
* accounts are spread with a stable per-account jitter so that they do not all log in at once;
* a paused account, or one without a stored code, is never checked automatically;
* an account whose code was rejected (``auth_failed``) is not checked again automatically until
  its code changes or the user asks: repeated failed logins get real accounts locked;
* temporary failures (timeouts, unreachable servers, 4xx replies) back off exponentially, from
  ``retry_base`` up to ``retry_cap``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from mailmanager.core.model.status import ConnectionStatus

DEFAULT_INTERVAL = timedelta(hours=6)

# Failures that may fix themselves: retried with back-off. Everything else that is not ok
# needs the user (a setting, a code, a certificate) and waits for the normal interval.
TRANSIENT = frozenset(
    {
        ConnectionStatus.TIMEOUT,
        ConnectionStatus.TEMPORARY_FAILURE,
        ConnectionStatus.CONNECTION_FAILED,
        ConnectionStatus.SERVER_NOT_FOUND,
    }
)


class Schedulable(Protocol):
    """What the rules read of a mailbox: an ``Account``, or the store's ``ListEntry``."""

    @property
    def address(self) -> str: ...
    @property
    def paused(self) -> bool: ...
    @property
    def needs_code(self) -> bool: ...
    @property
    def check_interval_hours(self) -> int | None: ...


@dataclass(frozen=True)
class ScheduleSettings:
    interval: timedelta = DEFAULT_INTERVAL
    startup_delay: timedelta = timedelta(seconds=20)
    startup_spread: timedelta = timedelta(minutes=2)
    jitter_fraction: float = 0.1
    retry_base: timedelta = timedelta(minutes=10)
    retry_cap: timedelta = timedelta(hours=2)


@dataclass(frozen=True)
class CheckHistory:
    """What the scheduler needs to know about an account's recent checks.

    Attributes:
        last_checked: when the last check finished, None if never.
        last_statuses: the statuses of that check (one per protocol).
        consecutive_transient: how many checks in a row ended in a transient failure.
        code_changed_at: when the code was last set (created, rotated, entered after import).
    """

    last_checked: datetime | None = None
    last_statuses: tuple[ConnectionStatus, ...] = ()
    consecutive_transient: int = 0
    code_changed_at: datetime | None = None


def jitter_unit(address: str) -> float:
    """A stable number in [0, 1) for ``address``: the same account always lands in the same
    slot, so restarts do not bunch accounts together."""
    digest = hashlib.sha256(address.lower().encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def interval_for(account: Schedulable, settings: ScheduleSettings) -> timedelta:
    if account.check_interval_hours:
        return timedelta(hours=account.check_interval_hours)
    return settings.interval


def blocked_reason(account: Schedulable, history: CheckHistory) -> str | None:
    """Why the account is not checked automatically, or None when it is."""
    if account.paused:
        return "paused"
    if account.needs_code:
        return "needs_code"
    if ConnectionStatus.AUTH_FAILED in history.last_statuses:
        changed = history.code_changed_at
        if changed is None or history.last_checked is None or changed <= history.last_checked:
            return "auth_failed"
    return None


def next_check_at(
    account: Schedulable,
    history: CheckHistory,
    *,
    started_at: datetime,
    settings: ScheduleSettings | None = None,
) -> datetime | None:
    """When ``account`` should next be checked automatically; None for never (see module doc).

    ``started_at`` is when the app (or the scheduler) started: an account that is overdue or
    never checked is due shortly after it, spread over ``startup_spread``.
    """
    settings = settings or ScheduleSettings()
    if blocked_reason(account, history) is not None:
        return None
    unit = jitter_unit(account.address)
    soon = started_at + settings.startup_delay + settings.startup_spread * unit
    if history.last_checked is None:
        return soon
    try:
        if history.consecutive_transient and set(history.last_statuses) & TRANSIENT:
            exponent = min(history.consecutive_transient - 1, 16)
            delay = min(settings.retry_base * (1 << exponent), settings.retry_cap)
            due = history.last_checked + delay * (1 + settings.jitter_fraction * unit)
        else:
            interval = interval_for(account, settings)
            due = history.last_checked + interval * (1 - settings.jitter_fraction / 2 + (
                settings.jitter_fraction * unit))  # fmt: skip
    except OverflowError:
        # Past the end of the calendar: a check stamped near year 9999 by a clock set far
        # ahead, or an absurd interval. Checking soon is safer than planning nothing.
        return soon
    # An account that fell due while the app was closed (or the machine slept) is caught up
    # soon after start, spread like at start-up rather than all at once.
    return max(due, soon) if due < started_at else due
