"""One row of an import and what became of it: the vocabulary the CLI, the app and tests share.

A row's ``result`` is one of the seven the issue names (saved, proved, unchanged, failed,
untrusted, invalid, duplicate); while the batch runs, ``stage`` says where it is. Reasons are
English source texts in the ``TableImport`` context with %1, %2 filled from ``arguments``, so
the app shows them translated and the CLI prints them as they are. The code travels with the
row (``secret``, never in its repr) from the file to the registry, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from mailmanager.core.catalogue.model import Provider
from mailmanager.core.checking.proof import Proof
from mailmanager.core.checking.result import AccountCheck, ProbeResult
from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.model.accounts import Account
from mailmanager.core.trust import Refusal

CONTEXT = "TableImport"

NOT_SAVED = QT_TRANSLATE_NOOP("TableImport", "proved, but not saved (the save stopped before it)")


class Result(StrEnum):
    SAVED = "saved"
    PROVED = "proved"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    UNTRUSTED = "untrusted"
    INVALID = "invalid"
    DUPLICATE = "duplicate"


# Results that leave nothing for the user to do (exit code 0 when every row has one).
GOOD_RESULTS = frozenset({Result.SAVED, Result.PROVED, Result.UNCHANGED})


class Stage(StrEnum):
    """Where a row that may be checked stands in the batch."""

    WAITING = "waiting"
    CHECKING = "checking"
    PROVED = "proved"
    FAILED = "failed"
    NOT_CHECKED = "not_checked"  # cancelled or paused before its turn
    SAVED = "saved"


@dataclass(frozen=True)
class Reason:
    """A translatable reason: ``template`` (context ``TableImport``) and its %1, %2 values."""

    template: str
    arguments: tuple[str, ...] = ()

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        text = translate(self.template) if translate is not None else self.template
        for index, value in enumerate(self.arguments, start=1):
            text = text.replace(f"%{index}", value)
        return text


@dataclass(eq=False)
class ImportRow:
    """One data row of the table, from its cells to its result.

    Attributes:
        number: the row number Excel shows (the header is row 1).
        address: the address as read (normalised when it is valid).
        account: the candidate mailbox, None for an invalid row.
        secret: the code from the row ("" for an invalid row); never shown.
        provider: the catalogue provider of the address, if any.
        result: decided before the batch (invalid, duplicate, unchanged, untrusted) or after.
        reason: why the row has its result (or stage).
        refusals: what the trust rule refuses for this row (empty: the code may go).
        stage: the batch's progress for a row that may be checked.
        proof: the checker's proof, once the row was checked.
    """

    number: int
    address: str
    account: Account | None = None
    secret: str = field(default="", repr=False)
    provider: Provider | None = None
    result: Result | None = None
    reason: Reason | None = None
    refusals: list[Refusal] = field(default_factory=list)
    stage: Stage = Stage.WAITING
    proof: Proof | None = None
    step: str = ""

    @property
    def check(self) -> AccountCheck | None:
        return self.proof.check if self.proof is not None else None

    @property
    def checkable(self) -> bool:
        """Whether the batch may send this row's code (valid, new, trusted)."""
        return self.result is None and self.account is not None and not self.refusals

    def final(self, *, dry_run: bool = False) -> Result:
        """The row's result once the batch ended (a row never checked counts as failed)."""
        if self.result is not None:
            return self.result
        if self.stage is Stage.PROVED:
            return Result.PROVED if dry_run else Result.FAILED
        if self.stage is Stage.SAVED:
            return Result.SAVED
        return Result.FAILED

    def to_json(self, *, dry_run: bool = False) -> dict[str, Any]:
        """The CLI's JSON object for the row (English reason; the checker's per-protocol
        objects, or None for a protocol that was not checked)."""
        check = self.check
        reason = self.reason
        if reason is None and self.result is None and self.stage is Stage.PROVED and not dry_run:
            reason = Reason(NOT_SAVED)
        return {
            "row": self.number,
            "address": self.address,
            "result": self.final(dry_run=dry_run).value,
            "reason": reason.text() if reason is not None else "",
            "imap": _probe_json(check.imap) if check is not None else None,
            "smtp": _probe_json(check.smtp) if check is not None else None,
        }


def _probe_json(result: ProbeResult) -> dict[str, Any]:
    return result.to_json()
