"""Date-driven reminders for an account's code: expiring soon, expired, rotation due, inactive.

Pure functions with an injected ``today`` so that tests (and the scheduler) control the clock;
nothing here reads the system time. The thresholds are the app's defaults from the foundation
issue; the monitoring work (issue 6) may tune them, but the UI and the CLI both go through these
functions, so a badge and ``mailmanager-cli list`` never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from mailmanager.core.accounts import Account
from mailmanager.core.status import DueState

# A code that expires within this many days (today included) is "expiring soon".
EXPIRY_WARNING_DAYS = 14
# For providers that recycle unused mailboxes, warn this many days before their limit
# (NetEase recycles after 90 days without a web login: the warning starts at 80).
INACTIVITY_MARGIN_DAYS = 10


@dataclass(frozen=True)
class DueItem:
    """One due state with the date it refers to (the expiry date, the rotation date...)."""

    state: DueState
    date: date


def expiry_state(expires: date | None, today: date) -> DueItem | None:
    """``expired`` once ``today`` is past ``expires``; ``expiring_soon`` within the warning."""
    if expires is None:
        return None
    if today > expires:
        return DueItem(DueState.EXPIRED, expires)
    if (expires - today).days <= EXPIRY_WARNING_DAYS:
        return DueItem(DueState.EXPIRING_SOON, expires)
    return None


def rotation_date(account: Account) -> date | None:
    """The day a rotation reminder starts, or None without a creation date or interval."""
    if account.code_created is None or account.rotate_days <= 0:
        return None
    return account.code_created + timedelta(days=account.rotate_days)


def rotation_state(account: Account, today: date) -> DueItem | None:
    """``rotation_due`` once the code has reached its rotation interval."""
    due = rotation_date(account)
    if due is None or today < due:
        return None
    return DueItem(DueState.ROTATION_DUE, due)


def inactivity_state(account: Account, today: date, recycle_days: int | None) -> DueItem | None:
    """``inactive`` when the provider recycles mailboxes after ``recycle_days`` without a web
    login and the last confirmed web login (or the day the account was bound) is close to it."""
    if not recycle_days or recycle_days <= INACTIVITY_MARGIN_DAYS:
        return None
    last = account.last_web_login or account.created_at.date()
    warn_from = last + timedelta(days=recycle_days - INACTIVITY_MARGIN_DAYS)
    if today < warn_from:
        return None
    return DueItem(DueState.INACTIVE, last + timedelta(days=recycle_days))


def due_items(account: Account, today: date, *, recycle_days: int | None = None) -> list[DueItem]:
    """Every due state that applies to ``account`` on ``today``, worst first."""
    found = [
        expiry_state(account.code_expires, today),
        inactivity_state(account, today, recycle_days),
        rotation_state(account, today),
    ]
    order = {DueState.EXPIRED: 0, DueState.INACTIVE: 1, DueState.EXPIRING_SOON: 2}
    items = [item for item in found if item is not None]
    return sorted(items, key=lambda item: order.get(item.state, 3))
