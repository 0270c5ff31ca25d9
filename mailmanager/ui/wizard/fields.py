"""The wizard's vocabulary: page ids, modes, registered field names and value conversions.

Why a module of its own: the page modules, the wizard, the tests and any automation must agree on
these names, and none of them should have to import a page to learn them. The field names are
public (issue 5 lists them); security fields hold ``ssl`` / ``starttls`` / ``plain``; dates are
``QDate`` values, and an empty expiry is an invalid ``QDate``.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum, StrEnum

from PySide6.QtCore import QDate


class PageId(IntEnum):
    """Page ids in the order a new account walks through them (``nextId`` skips some)."""

    ADDRESS = 0
    PREPARE = 1  # with the code-shown-once warning and acknowledgement, where it applies
    CREDENTIAL = 3
    SERVERS = 4
    CONFIRM = 5  # only when a server or certificate needs the user's consent (core.trust)
    TEST = 6
    DONE = 7


class WizardMode(StrEnum):
    """Why the wizard was opened.

    ADD: a new mailbox. FIX: a saved mailbox whose check fails (prefilled; the user may keep the
    stored code). ROTATE: replace a saved mailbox's code with a new one, proven before it is
    stored.
    """

    ADD = "add"
    FIX = "fix"
    ROTATE = "rotate"


class F:
    """Registered field names (``QWizard.field(F.ADDRESS)``)."""

    ADDRESS = "address"
    DISPLAY_NAME = "displayName"
    PASSWORD = "password"  # noqa: S105 - a field name, not a password
    CODE_ACKNOWLEDGED = "codeAcknowledged"
    CODE_LABEL = "codeLabel"
    CODE_CREATED = "codeCreated"
    CODE_EXPIRES = "codeExpires"
    ROTATE_DAYS = "rotateDays"
    IMAP_HOST = "imapHost"
    IMAP_PORT = "imapPort"
    IMAP_SECURITY = "imapSecurity"
    IMAP_USERNAME = "imapUsername"
    SMTP_HOST = "smtpHost"
    SMTP_PORT = "smtpPort"
    SMTP_SECURITY = "smtpSecurity"
    SMTP_USERNAME = "smtpUsername"
    CA_FILE = "caFile"
    SERVER_GROUP = "serverGroup"


ALL_FIELDS: tuple[str, ...] = tuple(
    value for key, value in vars(F).items() if key.isupper() and isinstance(value, str)
)

SECURITY_VALUES = ("ssl", "starttls", "plain")

DEFAULT_LABEL = "mailmanager"
# The standard ports and the limits of the reminder interval are the core's, for every editor:
# core/model/limits.py.


def to_qdate(value: date | None) -> QDate:
    """``date`` -> ``QDate``; None gives an invalid QDate (an empty expiry)."""
    if value is None:
        return QDate()
    return QDate(value.year, value.month, value.day)


def from_qdate(value: object) -> date | None:
    """``QDate`` (or a ``date``) -> ``date``; an invalid or missing QDate gives None."""
    if isinstance(value, date):
        return value
    if isinstance(value, QDate) and value.isValid():
        return date(value.year(), value.month(), value.day())
    return None
