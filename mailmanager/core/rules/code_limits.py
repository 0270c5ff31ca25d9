"""A provider's limit on active codes (issue 19): whether one more code goes past it.

The limit is the catalogue's (``Credential.count_limit``, 0 where none is known), and it may be
one the catalogue marks unconfirmed (NetEase's 2 is contradicted elsewhere): the warning then
says so rather than asserting it. Adding past the limit is never refused: the provider decides,
mailmanager only warns. Every live code counts, mailmanager's own included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mailmanager.core.catalogue.model import Provider
from mailmanager.core.model.codes import CodeRecord
from mailmanager.core.rules.policy import LIVE_CODE_STATES

LIMIT_PATH = "credential.count_limit"


@dataclass(frozen=True)
class CodeLimit:
    """The provider's limit, how many live codes the mailbox has, and whether the limit is one
    the catalogue could not confirm."""

    limit: int
    active: int
    unconfirmed: bool


def active_count(codes: Iterable[CodeRecord]) -> int:
    return sum(1 for code in codes if code.state in LIVE_CODE_STATES)


def past_limit(provider: Provider | None, codes: Iterable[CodeRecord]) -> CodeLimit | None:
    """The limit one more code would go past, or None (no known limit, or room left)."""
    if provider is None or provider.credential.count_limit <= 0:
        return None
    active = active_count(codes)
    if active + 1 <= provider.credential.count_limit:
        return None
    return CodeLimit(provider.credential.count_limit, active, provider.is_unconfirmed(LIMIT_PATH))


def limit_message(found: CodeLimit) -> str:
    """The warning in English (the command line's; the app words its own)."""
    note = " (a limit not confirmed by the provider)" if found.unconfirmed else ""
    return (
        f"this mailbox already has {found.active} active code(s); the provider allows "
        f"{found.limit} at a time{note}"
    )
