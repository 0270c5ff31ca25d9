"""Which desktop notifications an account deserves: one per transition, never one per check.

An *alert* is a condition worth interrupting the user for: the mailbox started failing, or its
code is expiring, expired, due for rotation, or the mailbox risks being recycled. ``new_alerts``
compares the alerts that apply now with those already announced; an alert that clears is
forgotten, so it is announced again if it comes back.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from mailmanager.core.model.status import ConnectionStatus, DueState, State


class Alert(StrEnum):
    FAILING = "failing"
    EXPIRING_SOON = "expiring_soon"
    EXPIRED = "expired"
    ROTATION_DUE = "rotation_due"
    INACTIVE = "inactive"


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
