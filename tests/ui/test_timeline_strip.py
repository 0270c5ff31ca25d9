"""The 30-day strip: counts per outcome, the day under the mouse and its tooltip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint

from mailmanager.core.model.status import ConnectionStatus
from mailmanager.ui.timeline_strip import DAYS, TimelineStrip

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TODAY = NOW.date()


def test_strip_counts_and_tooltips(qtbot) -> None:
    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.resize(DAYS * 10, 22)
    days = {TODAY - timedelta(days=n): ConnectionStatus.OK for n in range(20)}
    days[TODAY - timedelta(days=3)] = ConnectionStatus.TIMEOUT
    days[TODAY - timedelta(days=45)] = ConnectionStatus.OK  # outside the window
    strip.set_days(days, TODAY)
    assert strip.counts() == (19, 1, 10)
    assert strip.day_at(DAYS - 1) == TODAY
    tip = strip.tooltip_at(QPoint(int((DAYS - 4 + 0.5) * 10), 5))
    assert tip.startswith((TODAY - timedelta(days=3)).isoformat()) and "Timed out" in tip
    assert "no check" in strip.tooltip_at(QPoint(2, 5))
    assert not strip.grab().isNull()
