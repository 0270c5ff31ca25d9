"""The code inventory: every authorization code a mailbox has issued (never a value).

Providers advise one authorization code per client ("1 for the sending platform, 1 for
Foxmail, 1 for Thunderbird, for precise invalidation"; seed 000), so a mailbox may have many
codes at once. mailmanager checks with exactly one of them (``own``); the others are records
the user keeps to know which client holds which code, when it was made and whether it was
revoked. Their values are in the keyring only when the user chose to keep them (``kept``).

The own code's label and dates are the account's (``Account.credential_label``,
``code_created``, ``code_expires``): the store writes them into the own code's record whenever
it writes the account, so the inventory and every reader of the account agree.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

# What an own code without a label is called (codes saved before labels were asked for).
OWN_DEFAULT_LABEL = "mailmanager"
DEFAULT_AUDIT_DAYS = 90
MAX_LABEL_LENGTH = 100
MAX_NOTE_LENGTH = 500


class CodeState(StrEnum):
    """What the user knows about a code.

    ``in_use``: issued and not known to be dead; ``revoked``: the user disabled it in the
    web settings; ``invalidated``: a web-password change or IMAP switched off killed it
    (seed 000: all codes stop working then); ``expired``: past its expiry date (shown from
    the date: see ``core.rules.policy.code_state``); ``unknown``: restored from an export,
    nobody has said.
    """

    IN_USE = "in_use"
    REVOKED = "revoked"
    INVALIDATED = "invalidated"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CodeRecord:
    """One authorization code of one mailbox.

    Attributes:
        account_id: the mailbox.
        label: the client the code was made for; unique per mailbox, never empty.
        created / expires: calendar dates as the provider shows them (expires None: never).
        last_proven: the last successful login with this code.
        state: see ``CodeState`` (the stored one; ``policy.code_state`` adds expiry).
        revoked: the day the user revoked it.
        kept: its value is in the keyring.
        own: the code mailmanager checks with (exactly one per mailbox).
        note: the user's note.
    """

    account_id: int
    label: str
    created: date | None = None
    expires: date | None = None
    last_proven: datetime | None = None
    state: CodeState = CodeState.IN_USE
    revoked: date | None = None
    kept: bool = False
    own: bool = False
    note: str = ""
    id: int | None = None

    def replace(self, **changes: object) -> CodeRecord:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CodeAudit:
    """When a mailbox's inventory was last compared with the provider's list of clients."""

    account_id: int
    interval_days: int = DEFAULT_AUDIT_DAYS
    audited_on: date | None = None


class CodeRecordError(ValueError):
    """A value a code's record cannot take; ``str()`` is a one-line message for the user."""


class LabelError(CodeRecordError):
    """A code label that cannot be used; ``str()`` is a one-line message for the user."""


def clean_label(label: str) -> str:
    """The label as kept: trimmed, one line; ``LabelError`` when empty or too long."""
    cleaned = " ".join(label.split())
    if not cleaned:
        raise LabelError("A label is required (the client the code is for).")
    if len(cleaned) > MAX_LABEL_LENGTH:
        raise LabelError(f"A label has at most {MAX_LABEL_LENGTH} characters.")
    return cleaned


def clean_note(note: str) -> str:
    """The note as kept: trimmed; ``CodeRecordError`` when too long."""
    cleaned = note.strip()
    if len(cleaned) > MAX_NOTE_LENGTH:
        raise CodeRecordError(f"A note has at most {MAX_NOTE_LENGTH} characters.")
    return cleaned


def check_dates(created: date | None, expires: date | None) -> None:
    """``CodeRecordError`` for a code that would expire before it was made."""
    if created is not None and expires is not None and expires < created:
        raise CodeRecordError(
            f"The expiry date {expires.isoformat()} is before the code was created "
            f"({created.isoformat()})."
        )


def own_label(credential_label: str) -> str:
    """The own code's label in the inventory: the account's, or ``mailmanager``."""
    return " ".join(credential_label.split()) or OWN_DEFAULT_LABEL


_DATED = re.compile(r"\s+[0-9]{4}-[0-9]{2}(\s+\([0-9]+\))?$")


def label_taken(label: str, labels: Iterable[str]) -> bool:
    """Whether ``label`` names one of ``labels`` (case ignored): the one rule for "this mailbox
    already has a code of that name", used by the dialogs and the default labels; the store
    holds the same rule as its unique index."""
    folded = label.casefold()
    return any(folded == other.casefold() for other in labels)


def dated_label(today: date, taken: set[str], base: str = OWN_DEFAULT_LABEL) -> str:
    """A default label for a new code, dated so that old and new can be told apart in the
    revoke reminder ("mailmanager 2026-12", "laptop 2026-12" for the code replacing
    "laptop 2026-03"); a counter is added when that is taken."""
    base = _DATED.sub("", base.strip()) or OWN_DEFAULT_LABEL
    label = f"{base} {today:%Y-%m}"
    number = 2
    candidate = label
    while label_taken(candidate, taken):
        candidate = f"{label} ({number})"
        number += 1
    return candidate
