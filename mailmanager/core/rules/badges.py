"""Which states apply to an account, in one place for the main window, the CLI and the tray.

A badge shows the worst of them (``mailmanager.core.model.status.worst``); its tooltip lists all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo
from typing import Protocol

from mailmanager.core.model.accounts import AccountSummary
from mailmanager.core.model.status import ConnectionStatus, LifecycleState, State, ordered, worst
from mailmanager.core.rules.policy import CodeDates, DueItem, due_items


class MailboxFlags(CodeDates, Protocol):
    """What the states read of a mailbox besides its checks: an Account or a ListEntry."""

    @property
    def paused(self) -> bool: ...
    @property
    def needs_code(self) -> bool: ...


def account_states(
    summary: AccountSummary,
    today: date,
    *,
    recycle_days: int | None = None,
    checking: bool = False,
    tz: tzinfo | None = None,
) -> list[State]:
    """Every state of the account, worst first: connection, lifecycle and due states."""
    return mailbox_states(
        summary.account,
        summary.connection_statuses,
        today,
        recycle_days=recycle_days,
        checking=checking,
        tz=tz,
    )


def mailbox_states(
    account: MailboxFlags,
    connection_statuses: Sequence[ConnectionStatus],
    today: date,
    *,
    recycle_days: int | None = None,
    checking: bool = False,
    tz: tzinfo | None = None,
    due: Sequence[DueItem] | None = None,
) -> list[State]:
    """``account_states`` from the parts: the main list passes a ListEntry and its statuses.
    ``due`` is the account's ``due_items`` when the caller has computed them already."""
    states: list[State] = list(connection_statuses)
    if checking:
        states.append(LifecycleState.CHECKING)
    if account.needs_code:
        states.append(LifecycleState.NEEDS_CODE)
    if account.paused:
        states.append(LifecycleState.PAUSED)
    if not connection_statuses and not checking:
        states.append(LifecycleState.NEVER_CHECKED)
    if due is None:
        due = due_items(account, today, recycle_days=recycle_days, tz=tz)
    if due:
        states.extend([item.state for item in due])
    if len(states) == 1:
        return states  # already in order
    if len(states) == 2 and states[0] is states[1]:
        return states[:1]  # the main list's usual row: "ok" for IMAP and for SMTP
    return ordered(states)


def account_due(
    summary: AccountSummary,
    today: date,
    *,
    recycle_days: int | None = None,
    tz: tzinfo | None = None,
) -> list[DueItem]:
    """The account's due states with their dates (for the CLI's JSON and the details pane)."""
    return due_items(summary.account, today, recycle_days=recycle_days, tz=tz)


def badge_state(states: list[State]) -> State:
    """The state a badge shows: the worst of ``states`` (``never_checked`` for none)."""
    return worst(states)
