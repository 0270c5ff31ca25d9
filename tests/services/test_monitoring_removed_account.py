"""The app's recording path (issue 14, item 3): a mailbox removed while the Monitor checks it
ends that check with one log line, no traceback anywhere. Real store, real keyring calls (the
in-memory backend), real sockets: the server accepts, the account is removed, then the server
hangs up so the check ends."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mailmanager import paths
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.store.errors import REMOVED_DURING_CHECK
from mailmanager.services.monitoring import Monitor
from tests.helpers.silent_server import SilentServer

# The checker runs its checks as asyncio tasks on qasync's loop, as in the app.
pytestmark = pytest.mark.usefixtures("qloop")


class Sink:
    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        return True


def test_a_mailbox_removed_during_a_check_is_one_log_line(
    qtbot: QtBot, app_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app_paths = paths.resolve()
    app_paths.ensure()
    server = SilentServer()
    store = AccountStore.open(app_paths.database)
    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    monitor = Monitor(
        lambda: AccountStore.open(app_paths.database), SecretStore(app_paths), None,
        settings, Sink(), start_schedule=False,
    )  # fmt: skip
    try:
        address = "gone@example.org"
        where = Endpoint("127.0.0.1", server.port, Security.PLAIN, address)
        account = store.add_account(Account(address, where, where))
        assert account.id is not None
        SecretStore(app_paths).set(address, "MonitorCode12345")
        caplog.set_level(logging.INFO, logger="mailmanager")
        with qtbot.wait_signal(monitor.checker.allFinished, timeout=30_000):
            monitor.check_ids([account.id])
            # The check starts on qasync's loop, which runs while Qt's does.
            qtbot.waitUntil(server.both_connected.is_set, timeout=20_000)
            store.remove_account(account.id)
            server.hang_up()
    finally:
        monitor.shutdown()
        store.close()
        server.close()
    assert f"{address}: {REMOVED_DURING_CHECK}" in caplog.text
    assert "Traceback" not in caplog.text
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_mailbox_removed_while_its_check_is_being_prepared_is_not_checked(
    qtbot: QtBot, app_home: Path
) -> None:
    """check_ids reads the accounts off the GUI thread first; removing one meanwhile (the
    window's "removing" signal calls cancel_ids) means it is never checked: its servers
    receive nothing, its code is never read."""
    from tests.helpers import scripted_server as ss
    from tests.helpers.factories import make_account

    app_paths = paths.resolve()
    app_paths.ensure()
    store = AccountStore.open(app_paths.database)
    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    asked: list[str] = []

    class Secrets:
        def get(self, address: str) -> str | None:
            asked.append(address)
            return "c0de"

    monitor = Monitor(
        lambda: AccountStore.open(app_paths.database), Secrets(), None, settings, Sink(),
        start_schedule=False,
    )  # fmt: skip
    try:
        with (
            ss.running(ss.imap_script(password="c0de")) as imap,
            ss.running(ss.smtp_script(password="c0de")) as smtp,
        ):
            account = store.add_account(make_account("going@example.org", servers=(imap, smtp)))
            assert account.id is not None
            monitor.check_ids([account.id])
            monitor.cancel_ids([account.id])  # before the read is back (same turn of the loop)
            qtbot.waitUntil(lambda: not monitor._tasks.busy)
            assert not monitor.checker.isBusy()
            assert imap.received == [] and smtp.received == []
    finally:
        monitor.shutdown()
        store.close()
    assert asked == []
