"""Notifications: one per transition, remembered across restarts; real D-Bus delivery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from mailmanager.core.model.accounts import CheckRecord, Protocol
from mailmanager.core.model.status import ConnectionStatus as S
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.notifier import AlertService, FreedesktopSink
from tests.helpers.factories import make_account
from tests.helpers.secret_service import missing_binaries, private_bus

# The alerts read the store in qasync's executor: the tests wait until it is done (evaluate).
pytestmark = pytest.mark.usefixtures("qloop")

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


class RecordingSink:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, bool]] = []

    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        self.sent.append((title, body, urgent))
        return True


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AccountStore]:
    with AccountStore.open(tmp_path / "s.sqlite3", clock=lambda: NOW - timedelta(days=1)) as s:
        yield s


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def add(store: AccountStore, address: str, **changes: Any) -> int:
    return store.add_account(make_account(address, domain="163.com", **changes)).id or 0


def check(store: AccountStore, account_id: int, smtp: S, minutes: int = 0) -> None:
    at = NOW + timedelta(minutes=minutes)
    store.record_check(CheckRecord(account_id, at, Protocol.IMAP, S.OK))
    store.record_check(CheckRecord(account_id, at, Protocol.SMTP, smtp))


def opener(store: AccountStore) -> Callable[[], AccountStore]:
    """Opens the test's store file on the executor's thread, as the app's Monitor does."""
    return lambda: AccountStore.open(store.path)


def service(store, settings, sink, qtbot) -> AlertService:
    return AlertService(
        opener(store), settings, sink, clock=lambda: NOW, tz=UTC, calm_window=timedelta(0)
    )


def evaluate(alerts: AlertService, qtbot) -> None:
    """Evaluate, and wait until it is done (the store is read in the executor)."""
    alerts.evaluate()
    qtbot.waitUntil(lambda: not alerts.busy)


def test_one_notification_per_transition(store, settings, qtbot) -> None:
    sink = RecordingSink()
    aid = add(store, "zhang@163.com")
    alerts = service(store, settings, sink, qtbot)
    check(store, aid, S.OK)
    evaluate(alerts, qtbot)
    assert sink.sent == []
    check(store, aid, S.AUTH_FAILED, 1)
    with qtbot.wait_signal(alerts.alertRaised) as raised:
        evaluate(alerts, qtbot)
    assert raised.args == [aid, "zhang@163.com", "failing"]
    assert len(sink.sent) == 1 and "zhang@163.com" in sink.sent[0][0] and sink.sent[0][2]
    check(store, aid, S.AUTH_FAILED, 2)
    evaluate(alerts, qtbot)
    evaluate(alerts, qtbot)
    assert len(sink.sent) == 1  # still failing: no repeat
    check(store, aid, S.OK, 3)
    evaluate(alerts, qtbot)
    check(store, aid, S.TIMEOUT, 4)
    evaluate(alerts, qtbot)
    assert len(sink.sent) == 2  # failing again after a recovery: announced again


def test_due_states_are_announced_once_even_after_a_restart(store, settings, qtbot) -> None:
    sink = RecordingSink()
    add(store, "li@qiye.example.cn", code_expires=date(2026, 12, 1), code_created=date(2026, 11, 1))
    evaluate(service(store, settings, sink, qtbot), qtbot)
    assert [t for t, _b, _u in sink.sent] == ["The code of li@qiye.example.cn expires soon"]
    assert "2026-12-01" in sink.sent[0][1]
    restarted = service(store, settings, sink, qtbot)
    evaluate(restarted, qtbot)
    assert len(sink.sent) == 1


def test_attention_count(store, settings, qtbot) -> None:
    sink = RecordingSink()
    a = add(store, "a@163.com")
    add(store, "b@163.com", paused=True)
    alerts = service(store, settings, sink, qtbot)
    with qtbot.wait_signal(alerts.attentionChanged) as changed:
        check(store, a, S.SERVICE_DISABLED)
        evaluate(alerts, qtbot)
    assert changed.args == [1]


@pytest.mark.skipif(
    bool(missing_binaries()) and os.environ.get("CI") != "true", reason="dbus-daemon missing"
)
def test_freedesktop_notification_reaches_the_daemon(
    tmp_path: Path, monkeypatch, qloop, qtbot
) -> None:
    out = tmp_path / "notifications.jsonl"
    with private_bus(tmp_path / "bus") as bus:
        daemon = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.notification_daemon", str(out)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=dict(bus.env, PYTHONPATH=str(REPO)),
        )
        try:
            assert daemon.stdout is not None
            assert daemon.stdout.readline().strip() == "ready"
            monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
            sink = FreedesktopSink()
            assert sink.available()
            assert sink.notify("张伟@163.com 无法登录", "打开 mailmanager 查看原因", urgent=True)
            qtbot.waitUntil(sink.sent.is_set, timeout=10_000)  # sent on the loop's executor
            deadline = time.monotonic() + 10
            while not out.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
            lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            assert lines == [
                ["mailmanager", "张伟@163.com 无法登录", "打开 mailmanager 查看原因", 2]
            ]
        finally:
            daemon.kill()
            daemon.wait(10)
            assert daemon.stdout is not None
            daemon.stdout.close()


def test_freedesktop_sink_without_a_bus(monkeypatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert FreedesktopSink().notify("t", "b", urgent=False) is False


def test_settings_are_written_only_when_the_alerts_change(store, settings, tmp_path, qtbot) -> None:
    """Evaluation runs after every change to the store; rewriting the settings file each time
    (with thousands of mailboxes) would be needless disk work."""
    aid = add(store, "zhang@163.com")
    alerts = service(store, settings, RecordingSink(), qtbot)
    check(store, aid, S.AUTH_FAILED)
    evaluate(alerts, qtbot)
    path = tmp_path / "settings.ini"
    assert "failing" in path.read_text()
    path.unlink()
    check(store, aid, S.AUTH_FAILED, 1)  # still failing: nothing new to remember
    evaluate(alerts, qtbot)
    assert not path.exists()
    check(store, aid, S.OK, 2)  # recovered: the remembered alert is dropped
    evaluate(alerts, qtbot)
    assert path.exists() and "failing" not in path.read_text()


def test_alerts_follow_the_day_and_the_row_though_results_are_reused(
    store, settings, qtbot
) -> None:
    """Evaluation reuses an account's alerts while its row and the day are the same; a new
    day (a code nearing expiry) or a changed row (paused, a new result) still counts."""
    now = [NOW]
    sink = RecordingSink()
    alerts = AlertService(
        opener(store), settings, sink, clock=lambda: now[0], tz=UTC, calm_window=timedelta(0)
    )
    aid = add(store, "zhang@163.com", code_expires=(NOW + timedelta(days=20)).date())
    check(store, aid, S.OK)
    evaluate(alerts, qtbot)
    evaluate(alerts, qtbot)
    assert sink.sent == [] and alerts.attention == 0
    now[0] = NOW + timedelta(days=7)  # 13 days left: expiring soon
    evaluate(alerts, qtbot)
    assert len(sink.sent) == 1 and alerts.attention == 1
    check(store, aid, S.AUTH_FAILED, 1)
    evaluate(alerts, qtbot)
    assert len(sink.sent) == 2 and sink.sent[1][2]  # failing, urgent
    account = store.find_by_address("zhang@163.com")
    assert account is not None
    store.update_account(account.replace(paused=True))  # paused: failing is not an alert
    evaluate(alerts, qtbot)
    assert alerts.attention == 1  # only the expiry is left


def test_several_failures_within_the_window_make_one_summary(store, settings, qtbot) -> None:
    now = [NOW]
    sink = RecordingSink()
    ids = [add(store, f"m{n:02d}@163.com") for n in range(12)]
    for aid in ids:
        check(store, aid, S.OK)
    alerts = AlertService(
        opener(store),
        settings,
        sink,
        clock=lambda: now[0],
        tz=UTC,
        calm_window=timedelta(seconds=20),
    )
    evaluate(alerts, qtbot)  # all fine: nothing to say
    for aid in ids:
        check(store, aid, S.AUTH_FAILED, 1)
    now[0] = NOW + timedelta(minutes=1)
    evaluate(alerts, qtbot)
    assert sink.sent == []  # held for the window
    now[0] += timedelta(seconds=20)
    alerts.flush()
    assert len(sink.sent) == 1
    title, body, urgent = sink.sent[0]
    assert title == "12 mailbox(es) cannot connect" and urgent
    assert "m00@163.com" in body and " and 9 more" in body


def test_what_changed_while_closed_is_one_notification(store, settings, qtbot) -> None:
    sink = RecordingSink()
    a, b, c = (add(store, f"{name}@163.com") for name in ("a", "b", "c"))
    check(store, a, S.AUTH_FAILED)
    first = service(store, settings, sink, qtbot)
    evaluate(first, qtbot)
    assert [t for t, _b, _u in sink.sent] == ["a@163.com stopped working"]
    # The app closes; meanwhile (the CLI, another computer) a recovers and b, c fail.
    check(store, a, S.OK, 1)
    check(store, b, S.TIMEOUT, 1)
    check(store, c, S.AUTH_FAILED, 1)
    sink.sent.clear()
    evaluate(service(store, settings, sink, qtbot), qtbot)
    assert len(sink.sent) == 1
    title, body, urgent = sink.sent[0]
    assert title == "Since mailmanager was last open" and urgent
    assert body.splitlines() == [
        "2 mailbox(es) cannot connect",
        "1 mailbox(es) no longer need attention",
    ]
