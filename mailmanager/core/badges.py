"""Which states apply to an account, and which one its badge shows.

The one combination of connection results, lifecycle and due dates that the main window's badge,
its tooltip, the details pane and ``mailmanager-cli list`` all use, so that they never disagree.
Qt-free; ``today`` is injected.
"""

from __future__ import annotations

from datetime import date

from mailmanager.core import policy
from mailmanager.core.accounts import AccountSummary
from mailmanager.core.status import LifecycleState, State, ordered, worst


def account_states(
    summary: AccountSummary,
    today: date,
    *,
    checking: bool = False,
    recycle_days: int | None = None,
) -> list[State]:
    """All states that apply to ``summary``'s account on ``today``, worst first.

    * the status of the latest IMAP and SMTP checks, or ``never_checked`` without any;
    * ``paused`` and ``needs_code`` from the account, ``checking`` while a check runs;
    * the due states from :mod:`mailmanager.core.policy`.

    ``recycle_days`` is the provider's inactivity limit (NetEase: 90), None where there is none.
    """
    account = summary.account
    states: list[State] = list(summary.connection_statuses)
    if not states:
        states.append(LifecycleState.NEVER_CHECKED)
    if account.paused:
        states.append(LifecycleState.PAUSED)
    if account.needs_code:
        states.append(LifecycleState.NEEDS_CODE)
    if checking:
        states.append(LifecycleState.CHECKING)
    states.extend(
        item.state for item in policy.due_items(account, today, recycle_days=recycle_days)
    )
    return ordered(states)


def badge_state(states: list[State]) -> State:
    """The state a badge shows: the worst of ``states`` (``never_checked`` for none)."""
    return worst(states)
