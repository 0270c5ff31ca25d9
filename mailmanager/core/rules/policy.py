"""Date rules for codes and mailboxes, as pure functions of an injected "today".

* A code whose expiry date is within 14 days is *expiring soon*; after its expiry date it is
  *expired* (a code is valid through the day shown as its expiry).
* A code older than its rotation interval is *rotation due*.
* For a provider that recycles mailboxes nobody logs into on the web (NetEase: 90 days, per the
  seed guide 004_f8bf88a9f7eb880e.txt), a mailbox is *inactive* 10 days before that point,
  counted from the last web login the user confirmed (the day it was bound counts as the
  first). Background IMAP logins are not assumed to count.

"Today" is a calendar date in the user's time zone: ``local_today(now, tz)`` turns an injected
clock reading into one, so DST changes and time zones cannot shift a reminder by a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Protocol

from mailmanager.core.model.codes import CodeRecord, CodeState
from mailmanager.core.model.status import ALL_STATES, DueState

EXPIRY_WARNING_DAYS = 14
INACTIVITY_MARGIN_DAYS = 10


class CodeDates(Protocol):
    """What the date rules read of a mailbox: an ``Account``, or the main list's ``ListEntry``."""

    @property
    def code_created(self) -> date | None: ...
    @property
    def code_expires(self) -> date | None: ...
    @property
    def rotate_days(self) -> int: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def last_web_login(self) -> date | None: ...


@dataclass(frozen=True, order=True)
class DueItem:
    """A due state with the date it is about.

    ``date`` is the deadline the state refers to: the code's expiry (expiring_soon, expired), the
    day rotation became due (rotation_due), or the day the provider may recycle the mailbox
    (inactive).
    """

    state: DueState
    date: date


def local_today(now: datetime, tz: tzinfo | None = None) -> date:
    """The calendar date of ``now`` in ``tz`` (the system's local zone when None)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(tz).date()


def _plus_days(day: date, days: int) -> date | None:
    """``day`` + ``days``, or None past the end of the calendar (year 9999): a date typed or
    imported as 9999-12-31, or a huge interval, means "never" rather than a crash."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def expiry_state(code_expires: date | None, today: date) -> DueItem | None:
    if code_expires is None:
        return None
    if today > code_expires:
        return DueItem(DueState.EXPIRED, code_expires)
    if (code_expires - today).days <= EXPIRY_WARNING_DAYS:
        return DueItem(DueState.EXPIRING_SOON, code_expires)
    return None


def rotation_date(account: CodeDates) -> date | None:
    """The day a rotation reminder starts, or None without a creation date or interval."""
    if account.code_created is None or account.rotate_days <= 0:
        return None
    return _plus_days(account.code_created, account.rotate_days)


def rotation_state(code_created: date | None, rotate_days: int, today: date) -> DueItem | None:
    if code_created is None or rotate_days <= 0:
        return None
    due = _plus_days(code_created, rotate_days)
    return DueItem(DueState.ROTATION_DUE, due) if due is not None and today >= due else None


def recycle_date(last_web_login: date, recycle_days: int) -> date:
    """The first day a provider may recycle a mailbox last used on the web on ``last_web_login``."""
    return last_web_login + timedelta(days=recycle_days)


def inactivity_state(
    last_web_login: date | None, bound_on: date, recycle_days: int | None, today: date
) -> DueItem | None:
    if not recycle_days:
        return None
    base = max(last_web_login, bound_on) if last_web_login else bound_on
    warn_from = _plus_days(base, max(recycle_days - INACTIVITY_MARGIN_DAYS, 0))
    recycled = _plus_days(base, recycle_days)
    if warn_from is not None and recycled is not None and today >= warn_from:
        return DueItem(DueState.INACTIVE, recycled)
    return None


def due_items(
    account: CodeDates, today: date, *, recycle_days: int | None = None, tz: tzinfo | None = None
) -> list[DueItem]:
    """Every due state of ``account`` on ``today``, worst first.

    ``recycle_days`` is the provider's inactivity rule (None where it has none); ``tz`` is the
    zone in which the account's creation time is turned into the day it was bound.
    """
    items = _code_due(account.code_expires, account.code_created, account.rotate_days, today)
    if recycle_days:  # the binding day costs a time-zone conversion: only when it matters
        bound_on = local_today(account.created_at, tz)
        inactive = _inactivity(account.last_web_login, bound_on, recycle_days, today)
        if inactive is not None:
            return sorted((*items, inactive), key=_due_rank)
    return list(items)


@lru_cache(maxsize=8192)
def _code_due(
    code_expires: date | None, code_created: date | None, rotate_days: int, today: date
) -> tuple[DueItem, ...]:
    """The expiry and rotation states of a code's dates, worst first. Kept per dates: the
    main list asks for ten thousand mailboxes at a time, which share a few hundred days."""
    found = [
        item
        for item in (
            expiry_state(code_expires, today),
            rotation_state(code_created, rotate_days, today),
        )
        if item is not None
    ]
    found.sort(key=_due_rank)
    return tuple(found)


# Kept per inputs too (mailboxes bound on the same day share them).
_inactivity = lru_cache(maxsize=8192)(inactivity_state)

_DUE_RANK = {state: ALL_STATES.index(state) for state in DueState}


def _due_rank(item: DueItem) -> int:
    return _DUE_RANK[item.state]


# -- per code (the inventory, issue 19) -------------------------------------------------------

LIVE_CODE_STATES = frozenset({CodeState.IN_USE, CodeState.UNKNOWN})
# A code not proven for this long is suggested for revocation at the audit.
UNPROVEN_SUGGEST_DAYS = 180


def code_state(code: CodeRecord, today: date) -> CodeState:
    """The state shown for ``code`` on ``today``: a live code past its expiry is expired."""
    if code.state in LIVE_CODE_STATES and code.expires is not None and today > code.expires:
        return CodeState.EXPIRED
    return code.state


def code_due_items(code: CodeRecord, rotate_days: int, today: date) -> list[DueItem]:
    """The due states of one code (none for a revoked or invalidated one), worst first."""
    if code.state not in LIVE_CODE_STATES:
        return []
    found = [expiry_state(code.expires, today), rotation_state(code.created, rotate_days, today)]
    items = [item for item in found if item is not None]
    return sorted(items, key=_due_rank)


def worst_code_due(codes: list[CodeRecord], rotate_days: int, today: date) -> list[DueItem]:
    """The mailbox's due states from all its live codes: each state once, with the date of
    the code it is most urgent for (the earliest), worst first."""
    best: dict[DueState, DueItem] = {}
    for code in codes:
        for item in code_due_items(code, rotate_days, today):
            if item.state not in best or item.date < best[item.state].date:
                best[item.state] = item
    return sorted(best.values(), key=_due_rank)


def due_code(
    codes: list[CodeRecord], state: DueState, rotate_days: int, today: date
) -> tuple[CodeRecord, date] | None:
    """The live code that puts the mailbox in the due ``state`` (the one ``worst_code_due``
    takes its date from: the earliest; the own code on a tie) and that date, so that a
    description can name the code it is about; None when no code is in that state."""
    found: tuple[CodeRecord, date] | None = None
    for code in sorted(codes, key=lambda c: not c.own):
        for item in code_due_items(code, rotate_days, today):
            if item.state is state and (found is None or item.date < found[1]):
                found = (code, item.date)
    return found


def live_code_dates(codes: list[CodeRecord]) -> tuple[date | None, date | None]:
    """The earliest creation and the earliest expiry among the live codes: the dates whose
    rotation and expiry states are the mailbox's worst (the main list reads the same from the
    store, ``core.model.list_entry``)."""
    live = [code for code in codes if code.state in LIVE_CODE_STATES]
    created = [code.created for code in live if code.created is not None]
    expires = [code.expires for code in live if code.expires is not None]
    return (min(created) if created else None, min(expires) if expires else None)


def audit_due_date(audited_on: date | None, interval_days: int, since: date) -> date | None:
    """The day the inventory falls due for comparison with the provider's list of clients:
    ``interval_days`` after the last audit, or after ``since`` (the day the mailbox was bound)
    when it was never audited; None: never (past the end of the calendar)."""
    return _plus_days(audited_on or since, interval_days)


def audit_due(audited_on: date | None, interval_days: int, since: date, today: date) -> bool:
    """Whether the inventory is due for comparison with the provider's list of clients
    (``audit_due_date`` is today or past)."""
    due = audit_due_date(audited_on, interval_days, since)
    return due is not None and today >= due


def suggest_revoking(code: CodeRecord, today: date) -> bool:
    """Whether the audit suggests revoking ``code``: a live code other than the own one that
    nobody proved for ``UNPROVEN_SUGGEST_DAYS`` (counted from its creation when never proven)."""
    if code.own or code.state not in LIVE_CODE_STATES:
        return False
    since = code.last_proven.date() if code.last_proven is not None else code.created
    return since is not None and (today - since).days >= UNPROVEN_SUGGEST_DAYS
