"""The code audit as a desktop notification (issue 19): when a mailbox's inventory falls due
for comparison with the provider's list of clients, one notification through the notifier's
calm queue (several due together make one summary), not repeated every day or after a
restart, and again after the next interval once the audit is recorded. The real Monitor (its
scheduler and notifier) with an injected clock; the calm window is passed by moving the clock,
never by waiting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mailmanager.core.model.codes import CodeAudit
from mailmanager.core.rules.alerts import CALM_WINDOW
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.monitoring import Monitor
from mailmanager.services.notifier import AlertService
from tests.helpers.factories import make_account

pytestmark = pytest.mark.usefixtures("qloop")

BOUND = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)  # the day the mailboxes were added
DUE = date(2026, 4, 1)  # 90 days later: the default audit interval


class RecordingSink:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, bool]] = []

    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        self.sent.append((title, body, urgent))
        return True


class NoSecrets:
    """Nothing is checked here: the keyring the Monitor is handed has no code."""

    def get(self, address: str) -> str | None:
        return None


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AccountStore]:
    with AccountStore.open(tmp_path / "s.sqlite3", clock=lambda: BOUND) as opened:
        yield opened


def monitor(store: AccountStore, tmp_path: Path, sink: RecordingSink, clock: Clock) -> Monitor:
    def opener() -> AbstractContextManager[AccountStore]:
        return AccountStore.open(store.path)

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return Monitor(opener, NoSecrets(), None, settings, sink, start_schedule=False, clock=clock)


def add(store: AccountStore, address: str) -> int:
    return store.add_account(make_account(address, created_at=BOUND)).id or 0


def evaluate(alerts: AlertService, qtbot: QtBot) -> None:
    """Evaluate, and wait until it is done (the store is read in the executor)."""
    alerts.evaluate()
    qtbot.waitUntil(lambda: not alerts.busy)


def titles(sink: RecordingSink) -> list[str]:
    return [title for title, _body, _urgent in sink.sent]


def test_audits_falling_due_make_one_calm_notification(
    store: AccountStore, tmp_path: Path, qtbot: QtBot
) -> None:
    a, b = add(store, "a@163.com"), add(store, "b@163.com")
    c = add(store, "c@163.com")
    store.set_code_audit(CodeAudit(c, 365, date(2026, 3, 1)))  # yearly, a month ago: not due
    sink, clock = RecordingSink(), Clock(datetime(2026, 3, 31, 9, 0, tzinfo=UTC))
    mon = monitor(store, tmp_path, sink, clock)
    evaluate(mon.alerts, qtbot)  # the day before: nothing due
    assert sink.sent == []
    # The day comes: both reminders wait in the calm queue, then go out as one summary.
    clock.now = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    evaluate(mon.alerts, qtbot)
    assert sink.sent == []
    clock.now += CALM_WINDOW
    mon.alerts.flush()
    assert titles(sink) == ["2 mailbox(es) are due for a review of their codes"]
    _title, body, urgent = sink.sent[0]
    assert "a@163.com" in body and "b@163.com" in body and "c@163.com" not in body
    assert not urgent
    assert mon.alerts.attention == 0  # a reminder, not a problem: the tray stays calm
    # Not repeated: the next days (the monitor's hourly evaluation), nor after a restart.
    for days in (1, 2, 10):
        clock.now = datetime(2026, 4, 1, 9, 0, tzinfo=UTC) + timedelta(days=days)
        evaluate(mon.alerts, qtbot)
        mon.alerts.flush()
    restarted = monitor(store, tmp_path, sink, clock)
    evaluate(restarted.alerts, qtbot)
    clock.now += CALM_WINDOW
    restarted.alerts.flush()
    assert len(sink.sent) == 1
    # "Audit done" for a: its reminder clears and comes back after the next interval, alone.
    store.set_code_audit(CodeAudit(a, 90, date(2026, 4, 11)))
    evaluate(restarted.alerts, qtbot)
    clock.now = datetime(2026, 7, 10, 9, 0, tzinfo=UTC)  # 90 days after 2026-04-11
    evaluate(restarted.alerts, qtbot)
    clock.now += CALM_WINDOW
    restarted.alerts.flush()
    assert titles(sink)[1:] == ["Time to review the codes of a@163.com"]
    assert "2026-07-10" in sink.sent[1][1] and "Codes…" in sink.sent[1][1]
    assert b  # b stayed due all along: never announced twice
