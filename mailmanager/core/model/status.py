"""The one status vocabulary of the whole app.

Three families of states describe a mailbox:

* ``ConnectionStatus``: the outcome of the last IMAP/SMTP check (from the checker's diagnosis).
* ``LifecycleState``: where the account is in its life (never checked, being checked, paused,
  waiting for a code to be entered after an import).
* ``DueState``: date-driven reminders from the policy (code expiring or expired, rotation due,
  the mailbox at risk of being recycled for inactivity).

A badge shows the worst state that applies (``worst``); its tooltip lists all of them. Labels are
English source strings marked for Qt's translator in the ``Status`` context; the UI translates
them (``ok`` reads 正常 / Normal).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from mailmanager.core.i18n import QT_TRANSLATE_NOOP


class ConnectionStatus(StrEnum):
    """Outcome of one protocol check, as diagnosed from the server's replies."""

    OK = "ok"
    AUTH_FAILED = "auth_failed"
    SERVICE_DISABLED = "service_disabled"
    IP_DENIED = "ip_denied"
    UNSAFE_LOGIN = "unsafe_login"
    SERVER_NOT_FOUND = "server_not_found"
    CONNECTION_FAILED = "connection_failed"
    TIMEOUT = "timeout"
    TLS_ERROR = "tls_error"
    INSECURE_REFUSED = "insecure_refused"
    TEMPORARY_FAILURE = "temporary_failure"
    PROTOCOL_ERROR = "protocol_error"


class LifecycleState(StrEnum):
    """Where an account stands apart from any check result."""

    NEVER_CHECKED = "never_checked"
    CHECKING = "checking"
    PAUSED = "paused"
    # An account restored from an export has no code in the keyring until the user enters it.
    NEEDS_CODE = "needs_code"


class DueState(StrEnum):
    """Date-driven reminders computed by the policy."""

    EXPIRING_SOON = "expiring_soon"
    EXPIRED = "expired"
    ROTATION_DUE = "rotation_due"
    INACTIVE = "inactive"


State = ConnectionStatus | LifecycleState | DueState


class Severity(IntEnum):
    """How a badge is painted. Higher is worse; colour always comes with an icon and text."""

    GOOD = 0
    NEUTRAL = 1
    WARNING = 2
    ERROR = 3


@dataclass(frozen=True)
class StateInfo:
    """Presentation facts of one state: its severity, English label and one-line explanation."""

    severity: Severity
    label: str
    description: str


# Ordered worst first: the order decides which state a badge shows when several apply.
_INFO: dict[State, StateInfo] = {
    ConnectionStatus.AUTH_FAILED: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Code rejected"),
        QT_TRANSLATE_NOOP("Status", "The server rejected the authorization code or password."),
    ),
    ConnectionStatus.SERVICE_DISABLED: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Service off"),
        QT_TRANSLATE_NOOP("Status", "IMAP or SMTP is not enabled in the mailbox's web settings."),
    ),
    ConnectionStatus.IP_DENIED: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "IP blocked"),
        QT_TRANSLATE_NOOP("Status", "The administrator does not allow logins from this network."),
    ),
    ConnectionStatus.UNSAFE_LOGIN: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Unsafe login"),
        QT_TRANSLATE_NOOP("Status", "The server refused to open the mailbox for this client."),
    ),
    DueState.EXPIRED: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Code expired"),
        QT_TRANSLATE_NOOP("Status", "The authorization code is past its expiry date."),
    ),
    LifecycleState.NEEDS_CODE: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Needs code"),
        QT_TRANSLATE_NOOP("Status", "No authorization code is stored for this mailbox yet."),
    ),
    ConnectionStatus.INSECURE_REFUSED: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Insecure, refused"),
        QT_TRANSLATE_NOOP(
            "Status", "The server did not offer encryption, so the code was not sent."
        ),
    ),
    ConnectionStatus.TLS_ERROR: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Certificate error"),
        QT_TRANSLATE_NOOP("Status", "The secure connection failed or the certificate is wrong."),
    ),
    ConnectionStatus.SERVER_NOT_FOUND: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Server not found"),
        QT_TRANSLATE_NOOP("Status", "The server name could not be found."),
    ),
    ConnectionStatus.CONNECTION_FAILED: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Cannot connect"),
        QT_TRANSLATE_NOOP("Status", "The server could not be reached."),
    ),
    ConnectionStatus.PROTOCOL_ERROR: StateInfo(
        Severity.ERROR,
        QT_TRANSLATE_NOOP("Status", "Protocol error"),
        QT_TRANSLATE_NOOP("Status", "The server answered in a way that was not understood."),
    ),
    ConnectionStatus.TIMEOUT: StateInfo(
        Severity.WARNING,
        QT_TRANSLATE_NOOP("Status", "Timed out"),
        QT_TRANSLATE_NOOP("Status", "The server did not answer in time."),
    ),
    ConnectionStatus.TEMPORARY_FAILURE: StateInfo(
        Severity.WARNING,
        QT_TRANSLATE_NOOP("Status", "Temporary failure"),
        QT_TRANSLATE_NOOP("Status", "The server reported a temporary problem; it will be retried."),
    ),
    DueState.INACTIVE: StateInfo(
        Severity.WARNING,
        QT_TRANSLATE_NOOP("Status", "Log in on web"),
        QT_TRANSLATE_NOOP(
            "Status", "Log in on the web soon, or the provider may recycle the mailbox."
        ),
    ),
    DueState.EXPIRING_SOON: StateInfo(
        Severity.WARNING,
        QT_TRANSLATE_NOOP("Status", "Expiring soon"),
        QT_TRANSLATE_NOOP("Status", "The authorization code expires within 14 days."),
    ),
    DueState.ROTATION_DUE: StateInfo(
        Severity.WARNING,
        QT_TRANSLATE_NOOP("Status", "Rotation due"),
        QT_TRANSLATE_NOOP("Status", "The code is older than its rotation interval."),
    ),
    LifecycleState.CHECKING: StateInfo(
        Severity.NEUTRAL,
        QT_TRANSLATE_NOOP("Status", "Checking"),
        QT_TRANSLATE_NOOP("Status", "A check is running now."),
    ),
    LifecycleState.PAUSED: StateInfo(
        Severity.NEUTRAL,
        QT_TRANSLATE_NOOP("Status", "Paused"),
        QT_TRANSLATE_NOOP("Status", "Automatic checks are paused for this mailbox."),
    ),
    LifecycleState.NEVER_CHECKED: StateInfo(
        Severity.NEUTRAL,
        QT_TRANSLATE_NOOP("Status", "Not checked"),
        QT_TRANSLATE_NOOP("Status", "This mailbox has not been checked yet."),
    ),
    ConnectionStatus.OK: StateInfo(
        Severity.GOOD,
        QT_TRANSLATE_NOOP("Status", "Normal"),
        QT_TRANSLATE_NOOP("Status", "Receiving and sending logins work."),
    ),
}

_RANK: dict[State, int] = {state: rank for rank, state in enumerate(_INFO)}

ALL_STATES: tuple[State, ...] = tuple(_INFO)


def info(state: State) -> StateInfo:
    """Presentation facts of ``state``."""
    return _INFO[state]


def parse_state(value: str) -> State:
    """The state named ``value`` (e.g. ``"auth_failed"``); ValueError for an unknown name."""
    for family in (ConnectionStatus, LifecycleState, DueState):
        try:
            return family(value)
        except ValueError:
            continue
    raise ValueError(f"unknown status {value!r}")


def ordered(states: Iterable[State]) -> list[State]:
    """``states`` without duplicates, worst first."""
    return sorted(set(states), key=_RANK.__getitem__)


def worst(states: Iterable[State]) -> State:
    """The state a badge shows: the worst of ``states``, or never_checked when there is none."""
    found = ordered(states)
    return found[0] if found else LifecycleState.NEVER_CHECKED


def is_failure(status: ConnectionStatus) -> bool:
    """True for every connection status except ok."""
    return status is not ConnectionStatus.OK
