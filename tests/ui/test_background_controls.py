"""The background side wired to the main window: checks from the buttons against real
servers, alerts once per transition, the settings menu, and closing with and without a tray."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from mailmanager.core.model.accounts import Endpoint, Security
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.monitoring import INTERVAL_KEY
from mailmanager.ui.background_controls import CLOSE_TO_TRAY_KEY, BackgroundControls
from tests.helpers.dovecot import Dovecot
from tests.helpers.sample_accounts import sample_account as make_account
from tests.helpers.smtp_server import aiosmtpd_server

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class RecordingSink:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, bool]] = []

    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        self.sent.append((title, body, urgent))
        return True


@pytest.fixture
def monitored(make_window, app_paths, settings):
    sink = RecordingSink()
    made: list[BackgroundControls] = []

    def build(**kwargs: object):
        window = make_window()
        monitoring = BackgroundControls(
            window, app_paths, settings, SecretStore(app_paths), start_schedule=False,
            use_tray=False, sink=sink, **kwargs,
        )  # fmt: skip
        made.append(monitoring)
        return window, monitoring, sink

    yield build
    for monitoring in made:
        monitoring.shutdown()
    QApplication.instance().setQuitOnLastWindowClosed(True)  # type: ignore[union-attr]


def add_account(store: AccountStore, secrets: SecretStore, dovecot: Dovecot, smtp_port: int,
                address: str, code: str) -> int:  # fmt: skip
    # Dates relative to the real today: the alert service reads the real clock.
    account = make_account(address).replace(
        code_created=date.today(),
        created_at=datetime.now(UTC),
        imap=Endpoint("127.0.0.1", dovecot.imaps_port, Security.SSL, address),
        smtp=Endpoint("127.0.0.1", smtp_port, Security.SSL, address),
        **dovecot.pki.account_ca(),
    )
    secrets.set(address, code)
    return store.add_account(account).id or 0


def test_check_all_runs_real_checks_and_alerts_once(
    monitored, qtbot, store: AccountStore, secret_store: SecretStore, dovecot: Dovecot
) -> None:
    good = dovecot.users["alice@example.org"]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=good) as smtp:
        alice = add_account(store, secret_store, dovecot, smtp.port, "alice@example.org", good)
        bob = add_account(store, secret_store, dovecot, smtp.port, "bob@example.org", "wrong-1")
        window, monitoring, sink = monitored()
        # No calm window here: one alert is announced at once (summaries: test_notifier.py).
        monitoring.monitor.alerts.queue.window = timedelta(0)
        assert window.actions_.check_all.isEnabled()
        with qtbot.wait_signal(monitoring.monitor.checker.allFinished, timeout=20_000):
            window.actions_.check_all.trigger()
        qtbot.waitUntil(lambda: len(sink.sent) == 1, timeout=5000)
        # "Check all" again: the rejected code is not sent again (one attempt per server so far).
        attempts = len(smtp.recorder.auth_attempts)
        assert attempts == 2  # alice's and bob's first checks
        with qtbot.wait_signal(monitoring.monitor.checker.allFinished, timeout=20_000):
            window.actions_.check_all.trigger()
        assert len(smtp.recorder.auth_attempts) == attempts + 1  # alice only
        assert "Skipped 1 mailbox" in window.statusBar().currentMessage()
    assert store.summary(alice).last_imap.status is ConnectionStatus.OK  # type: ignore[union-attr]
    bob_summary = store.summary(bob)
    assert bob_summary.last_imap is not None
    assert bob_summary.last_imap.status is ConnectionStatus.AUTH_FAILED
    title, _body, urgent = sink.sent[0]
    assert "bob@example.org" in title and urgent
    assert "wrong-1" not in repr(sink.sent)
    # The next evaluation does not repeat the alert; the rejected code is not rescheduled.
    monitoring.monitor.alerts.evaluate()
    assert len(sink.sent) == 1
    monitoring.monitor.scheduler.refresh()
    assert monitoring.monitor.scheduler.next_due(bob) is None
    assert monitoring.monitor.scheduler.next_due(alice) is not None


def test_settings_menu(monitored, settings) -> None:
    _window, monitoring, _sink = monitored()
    assert monitoring.settings_menu.objectName() == "settingsMenu"
    monitoring.interval_actions[12].trigger()
    assert int(settings.value(INTERVAL_KEY)) == 12
    assert monitoring.monitor.scheduler.settings.interval.total_seconds() == 12 * 3600
    assert not monitoring.tray_action.isEnabled()  # no tray here


def test_without_a_tray_closing_quits(monitored) -> None:
    window, monitoring, _sink = monitored()
    assert monitoring.tray is None and not monitoring.close_to_tray()
    assert QApplication.instance().quitOnLastWindowClosed()  # type: ignore[union-attr]
    window.close()
    assert not window.isVisible()


@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)
def test_with_a_tray_closing_hides_and_says_so_once(monitored, settings, qtbot) -> None:
    window, monitoring, _sink = monitored()
    # Build one with a tray (offscreen Qt reports none, so ask for it explicitly).
    monitoring.shutdown()
    tray_monitoring = BackgroundControls(window, monitoring.paths, settings,
                                         SecretStore(monitoring.paths), start_schedule=False,
                                         use_tray=True, sink=RecordingSink())  # fmt: skip
    try:
        assert tray_monitoring.close_to_tray()
        window.close()
        assert not window.isVisible()  # hidden, still running
        assert settings.value("general/trayHintShown") in (True, "true")
        settings.setValue(CLOSE_TO_TRAY_KEY, False)
        window.show()
        window.close()
        assert not window.isVisible()
    finally:
        tray_monitoring.shutdown()


def test_history_is_compacted_in_the_background(monitored, store: AccountStore, qtbot) -> None:
    from datetime import timedelta

    from mailmanager.core.model.accounts import CheckRecord, Protocol

    account_id = store.add_account(make_account("old@163.com")).id or 0
    long_ago = datetime.now(UTC) - timedelta(days=200)
    for hours in range(0, 48, 6):
        store.record_check(CheckRecord(account_id, long_ago + timedelta(hours=hours),
                                       Protocol.IMAP, ConnectionStatus.OK))  # fmt: skip
    store.record_check(CheckRecord(account_id, datetime.now(UTC), Protocol.IMAP,
                                   ConnectionStatus.OK))  # fmt: skip
    _window, monitoring, _sink = monitored()
    task = monitoring.monitor.compact_history()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() >= 1
    assert len(store.recent_checks(account_id, limit=100)) == 1
    days = store.daily_history(account_id, (long_ago - timedelta(days=1)).date())
    assert len(days) >= 2


@pytest.mark.expected_warnings("could not be checked: no code is stored for this account")
def test_a_check_without_a_stored_code_says_so_on_screen(
    monitored, qtbot, store: AccountStore
) -> None:
    """The keyring lost the code (a new machine, a reset keyring): nothing is sent, and the
    window says what happened instead of leaving the list as if the check had run."""
    account = store.add_account(make_account("lost@example.org"))
    window, monitoring, _sink = monitored()
    with qtbot.wait_signal(monitoring.monitor.checker.allFinished, timeout=10_000):
        window.actions_.check_all.trigger()
    message = window.statusBar().currentMessage()
    assert "lost@example.org" in message and "keyring" in message
    assert store.recent_checks(account.id or 0, limit=5) == []


def test_removing_a_mailbox_while_it_is_checked_sends_its_code_nowhere(
    monitored, qtbot, store: AccountStore, secret_store: SecretStore
) -> None:
    """The confirmed removal cancels the mailbox's running check first (``removing`` →
    ``cancel_ids``): the servers never receive a login."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from tests.helpers import scripted_server as ss
    from tests.helpers.factories import make_account as account_for

    # The servers hold their greetings until the removal was confirmed: the client is surely
    # before its login then, whatever the machine's load; they answer afterwards.
    gate = threading.Event()
    with (
        ss.ScriptedServer(ss.held(ss.imap_script(), gate)) as imap,
        ss.ScriptedServer(ss.held(ss.smtp_script(), gate)) as smtp,
    ):
        address = "going@example.com"
        saved = store.add_account(account_for(address, servers=(imap, smtp)))
        secret_store.set(address, "GoingCode12345678")
        window, monitoring, _sink = monitored()
        assert saved.id is not None
        window.select_account(saved.id)
        window.actions_.check_now.trigger()
        qtbot.waitUntil(lambda: imap.connections >= 1 and smtp.connections >= 1, timeout=10_000)
        window.actions_.remove.trigger()
        box = window.findChild(QMessageBox, "removeConfirmation")
        with qtbot.wait_signal(monitoring.monitor.checker.allFinished, timeout=10_000):
            box.findChild(QPushButton, "confirmRemoveButton").click()
            gate.set()
        qtbot.waitUntil(lambda: store.find_by_address(address) is None, timeout=10_000)
        assert imap.wait_sessions_ended(1) and smtp.wait_sessions_ended(1)
        assert not imap.lines_matching("LOGIN|AUTHENTICATE")
        assert not smtp.lines_matching("^AUTH")


def test_removing_a_selection_while_it_is_checked_sends_their_codes_nowhere(
    monitored, qtbot, store: AccountStore, secret_store: SecretStore
) -> None:
    """The bulk removal cancels every selected mailbox's running check before its question
    closes (``removing`` per mailbox): servers held before the login never receive one."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from tests.helpers import scripted_server as ss
    from tests.helpers.factories import make_account as account_for

    gate = threading.Event()
    with (
        ss.ScriptedServer(ss.held(ss.imap_script(), gate)) as imap,
        ss.ScriptedServer(ss.held(ss.smtp_script(), gate)) as smtp,
    ):
        for address in ("one@example.com", "two@example.com"):
            store.add_account(account_for(address, servers=(imap, smtp)))
            secret_store.set(address, "BulkGoingCode1234")
        window, monitoring, _sink = monitored()
        window.actions_.check_all.trigger()
        # Two connections to the one host at a time (the per-host limit): which two depends on
        # the race; the rest wait in the queue, and must not start after the removal either.
        qtbot.waitUntil(lambda: imap.connections + smtp.connections >= 2, timeout=10_000)
        window.view.setFocus()
        window.view.selectAll()
        assert len(window.selected_entries()) == 2
        window.remove_selected()
        box = window.findChild(QMessageBox, "removeConfirmation")
        with qtbot.wait_signal(monitoring.monitor.checker.allFinished, timeout=10_000):
            box.findChild(QPushButton, "confirmRemoveButton").click()
            gate.set()
        qtbot.waitUntil(lambda: store.list_accounts() == [], timeout=10_000)
        assert imap.wait_sessions_ended(imap.connections)
        assert smtp.wait_sessions_ended(smtp.connections)
        assert not imap.lines_matching("LOGIN|AUTHENTICATE")
        assert not smtp.lines_matching("^AUTH")
