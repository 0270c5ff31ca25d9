"""Due dates and badge combination: the rules the main window and the CLI share."""

from __future__ import annotations

from datetime import UTC, date, datetime

from mailmanager.core import policy
from mailmanager.core.accounts import (
    Account,
    AccountSummary,
    CheckRecord,
    Endpoint,
    Protocol,
    Security,
)
from mailmanager.core.badges import account_states, badge_state
from mailmanager.core.status import ConnectionStatus, DueState, LifecycleState

TODAY = date(2025, 3, 15)


def make(**changes: object) -> Account:
    base = Account(
        address="a@example.com",
        imap=Endpoint("imap.example.com", 993, Security.SSL, "a@example.com"),
        smtp=Endpoint("smtp.example.com", 465, Security.SSL, "a@example.com"),
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
        id=1,
    )
    return base.replace(**changes)


def check(protocol: Protocol, status: ConnectionStatus) -> CheckRecord:
    return CheckRecord(1, datetime(2025, 3, 15, 8, tzinfo=UTC), protocol, status)


def test_expiry_edges() -> None:
    assert policy.expiry_state(None, TODAY) is None
    assert policy.expiry_state(date(2025, 3, 30), TODAY) is None  # 15 days away
    soon = policy.expiry_state(date(2025, 3, 29), TODAY)  # 14 days away
    assert soon == policy.DueItem(DueState.EXPIRING_SOON, date(2025, 3, 29))
    today = policy.expiry_state(TODAY, TODAY)
    assert today is not None and today.state is DueState.EXPIRING_SOON
    past = policy.expiry_state(date(2025, 3, 14), TODAY)
    assert past is not None and past.state is DueState.EXPIRED


def test_rotation_due_on_its_day() -> None:
    account = make(code_created=date(2024, 12, 15), rotate_days=90)
    assert policy.rotation_date(account) == date(2025, 3, 15)
    item = policy.rotation_state(account, TODAY)
    assert item == policy.DueItem(DueState.ROTATION_DUE, date(2025, 3, 15))
    assert policy.rotation_state(account, date(2025, 3, 14)) is None
    assert policy.rotation_state(make(code_created=None), TODAY) is None
    assert policy.rotation_state(make(code_created=TODAY, rotate_days=0), TODAY) is None


def test_inactivity_uses_last_web_login_or_binding_day() -> None:
    bound = make(created_at=datetime(2024, 12, 25, tzinfo=UTC))  # 80 days before TODAY
    item = policy.inactivity_state(bound, TODAY, 90)
    assert item == policy.DueItem(DueState.INACTIVE, date(2025, 3, 25))
    assert policy.inactivity_state(bound, TODAY, None) is None
    assert (
        policy.inactivity_state(bound.replace(last_web_login=date(2025, 1, 1)), TODAY, 90) is None
    )


def test_states_combine_worst_first() -> None:
    summary = AccountSummary(
        make(code_expires=date(2025, 3, 20), paused=True),
        last_imap=check(Protocol.IMAP, ConnectionStatus.OK),
        last_smtp=check(Protocol.SMTP, ConnectionStatus.AUTH_FAILED),
    )
    states = account_states(summary, TODAY)
    assert states == [
        ConnectionStatus.AUTH_FAILED,
        DueState.EXPIRING_SOON,
        LifecycleState.PAUSED,
        ConnectionStatus.OK,
    ]
    assert badge_state(states) is ConnectionStatus.AUTH_FAILED


def test_never_checked_and_lifecycle() -> None:
    assert account_states(AccountSummary(make()), TODAY) == [LifecycleState.NEVER_CHECKED]
    states = account_states(AccountSummary(make(needs_code=True)), TODAY, checking=True)
    assert states == [
        LifecycleState.NEEDS_CODE,
        LifecycleState.CHECKING,
        LifecycleState.NEVER_CHECKED,
    ]
    ok = AccountSummary(make(), last_imap=check(Protocol.IMAP, ConnectionStatus.OK))
    assert badge_state(account_states(ok, TODAY)) is ConnectionStatus.OK
