"""Sending guidance for a mailbox's age: how much it can send per day without tripping the
provider's risk control (for NetEase and QQ personal mailboxes, per the seed guides).

A mailbox's sending age is counted from the day the user says it began sending; by default
the day it was bound. Week 1 is days 0-6.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mailmanager.core.catalogue.model import SendingGuidance, SendingStage


@dataclass(frozen=True)
class SendingAdvice:
    """Where a mailbox stands: its sending week and the stage that applies (None: no staged
    guidance for this provider)."""

    week: int
    stage: SendingStage | None


def sending_week(since: date, today: date) -> int:
    """1 for the first seven days from ``since`` (and before it), 2 for the next seven..."""
    return max((today - since).days, 0) // 7 + 1


def advice(guidance: SendingGuidance | None, since: date, today: date) -> SendingAdvice | None:
    """The stage of ``guidance`` for a mailbox sending since ``since``; None without guidance."""
    if guidance is None:
        return None
    week = sending_week(since, today)
    for stage in guidance.stages:
        if stage.from_week <= week and (stage.to_week is None or week <= stage.to_week):
            return SendingAdvice(week, stage)
    return SendingAdvice(week, None)
