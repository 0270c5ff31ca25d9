"""Which desktop notifications an account deserves: one per transition, never one per check.

An *alert* is a condition worth interrupting the user for: the mailbox started failing, or its
code is expiring, expired, due for rotation, the mailbox risks being recycled, or its code
inventory is due for comparison with the provider's list of clients (the audit, issue 19).
``new_alerts`` compares the alerts that apply now with those already announced; an alert that
clears is forgotten, so it is announced again if it comes back. The calm rules (batching into
summaries, "offline" instead of broken, what changed since the app was last open) follow below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from mailmanager.core.model.status import ConnectionStatus, DueState, State


class Alert(StrEnum):
    FAILING = "failing"
    EXPIRING_SOON = "expiring_soon"
    EXPIRED = "expired"
    ROTATION_DUE = "rotation_due"
    INACTIVE = "inactive"
    AUDIT_DUE = "audit_due"


_DUE_ALERTS = {
    DueState.EXPIRING_SOON: Alert.EXPIRING_SOON,
    DueState.EXPIRED: Alert.EXPIRED,
    DueState.ROTATION_DUE: Alert.ROTATION_DUE,
    DueState.INACTIVE: Alert.INACTIVE,
}


def alerts_for(states: Iterable[State]) -> set[Alert]:
    """The alerts that apply to an account in ``states``."""
    found: set[Alert] = set()
    for state in states:
        if isinstance(state, ConnectionStatus) and state is not ConnectionStatus.OK:
            found.add(Alert.FAILING)
        elif isinstance(state, DueState):
            found.add(_DUE_ALERTS[state])
    # An expired code is not also "expiring soon".
    if Alert.EXPIRED in found:
        found.discard(Alert.EXPIRING_SOON)
    return found


def new_alerts(current: set[Alert], announced: set[Alert]) -> tuple[set[Alert], set[Alert]]:
    """Return (alerts to announce now, the announced set to remember from now on)."""
    return current - announced, set(current)


# -- calm alerts (issue 21) ------------------------------------------------------------------
#
# Three rules keep a team with hundreds of mailboxes from being flooded:
#
# * Alerts that appear within a short window are announced together: several of one kind make
#   one summary ("12 mailboxes cannot connect") instead of one notification each
#   (``CalmQueue``).
# * When every server of a round of checks timed out or could not be resolved, the likelier
#   story is that this computer is offline, not that every provider broke at once
#   (``looks_offline``): the monitor then says "offline", keeps the mailboxes as they were and
#   stops checking until the network is back.
# * At start, what changed while the app was closed is one summary (``changes_since``).

#: A result that says nothing about the mailbox when every server answers so: no reply in time,
#: or no address for the server's name.
OFFLINE_STATUSES = frozenset({ConnectionStatus.TIMEOUT, ConnectionStatus.SERVER_NOT_FOUND})
#: How many different servers must all fail that way before the network is blamed: one server
#: timing out is that server's problem.
MIN_OFFLINE_SERVERS = 2
#: How long the first new alert waits for others before anything is announced.
CALM_WINDOW = timedelta(seconds=20)
#: From this many alerts of one kind within the window, one summary replaces them.
SUMMARY_FROM = 2


def looks_offline(results: Iterable[tuple[str, ConnectionStatus]]) -> bool:
    """True when every ``(server host, status)`` of a round of checks timed out or could not
    be resolved, across at least ``MIN_OFFLINE_SERVERS`` different servers."""
    hosts: set[str] = set()
    for host, status in results:
        if status not in OFFLINE_STATUSES:
            return False
        hosts.add(host.casefold())
    return len(hosts) >= MIN_OFFLINE_SERVERS


@dataclass(frozen=True)
class Notice:
    """One notification to show: one mailbox's alert, or a summary of several mailboxes'.

    ``due`` is the date the alert is about (expiry, recycling) for a single mailbox."""

    alert: Alert
    addresses: tuple[str, ...]
    account_id: int | None = None
    due: date | None = None

    @property
    def is_summary(self) -> bool:
        return len(self.addresses) > 1


class CalmQueue:
    """Holds new alerts for ``window`` after the first one, then gives them out together.

    Pure: the caller passes the time (``now``) to every call, so tests drive it with a clock
    of their own; the notifier asks ``due_at`` when to come back.
    """

    def __init__(self, window: timedelta = CALM_WINDOW, summary_from: int = SUMMARY_FROM):
        self.window = window
        self.summary_from = summary_from
        self._first: datetime | None = None
        self._held: list[Notice] = []

    def add(
        self,
        now: datetime,
        alert: Alert,
        address: str,
        *,
        account_id: int | None = None,
        due: date | None = None,
    ) -> None:
        if self._first is None:
            self._first = now
        self._held.append(Notice(alert, (address,), account_id, due))

    def due_at(self) -> datetime | None:
        """When the held alerts are to be announced (None: nothing held)."""
        return None if self._first is None else self._first + self.window

    def take(self, now: datetime) -> list[Notice]:
        """The notices to show now: nothing before ``due_at``; then one per mailbox, or one
        summary per kind of alert that ``summary_from`` mailboxes or more share."""
        due = self.due_at()
        if due is None or now < due:
            return []
        held, self._held, self._first = self._held, [], None
        return summarise(held, self.summary_from)

    def clear(self) -> None:
        self._held, self._first = [], None


def summarise(notices: Iterable[Notice], summary_from: int = SUMMARY_FROM) -> list[Notice]:
    """One summary per alert kind that ``summary_from`` or more notices share, else the
    notices themselves; worst kinds first (a failing mailbox before a reminder)."""
    by_alert: dict[Alert, list[Notice]] = {}
    for notice in notices:
        by_alert.setdefault(notice.alert, []).append(notice)
    out: list[Notice] = []
    for alert in sorted(by_alert, key=_ORDER.index):
        group = by_alert[alert]
        if len(group) >= summary_from:
            addresses = tuple(a for n in group for a in n.addresses)
            out.append(Notice(alert, addresses))
        else:
            out.extend(group)
    return out


_ORDER = [
    Alert.FAILING,
    Alert.EXPIRED,
    Alert.EXPIRING_SOON,
    Alert.INACTIVE,
    Alert.ROTATION_DUE,
    Alert.AUDIT_DUE,  # a reminder, the calmest
]

#: Alerts that remind rather than report a problem: announced like the others, but they do
#: not count a mailbox as needing attention (the tray icon stays calm).
REMINDERS = frozenset({Alert.AUDIT_DUE})


@dataclass(frozen=True)
class ChangesSince:
    """What changed while the app was closed: new alerts by kind, and how many mailboxes'
    problems cleared."""

    new: dict[Alert, int]
    cleared: int

    def __bool__(self) -> bool:
        return bool(self.new) or self.cleared > 0


def changes_since(
    before: dict[str, set[Alert]], after: dict[str, set[Alert]], *, known: Iterable[str] = ()
) -> ChangesSince:
    """Compare what was announced when the app was last open (``before``, by account key)
    with the alerts now (``after``). ``known``: the accounts that exist now; an account that
    was removed meanwhile does not count as cleared."""
    present = set(known) or set(after)
    new: dict[Alert, int] = {}
    for key, alerts in after.items():
        for alert in alerts - before.get(key, set()):
            new[alert] = new.get(alert, 0) + 1
    cleared = sum(
        1 for key, alerts in before.items() if alerts and key in present and not after.get(key)
    )
    return ChangesSince(dict(sorted(new.items(), key=lambda i: _ORDER.index(i[0]))), cleared)
