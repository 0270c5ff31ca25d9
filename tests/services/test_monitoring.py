"""The background side without any widget: the Monitor is handed its store, keyring and
catalogue, checks on request, records results through a worker-thread store, and says when an
account could not be checked at all."""

from __future__ import annotations

from contextlib import AbstractContextManager

import pytest
from PySide6.QtCore import QSettings

from mailmanager import paths
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.checker import NO_CODE
from mailmanager.services.monitoring import INTERVAL_KEY, Monitor
from mailmanager.services.notifier import LogSink
from tests.helpers import scripted_server as ss
from tests.helpers.factories import make_account

# The checker runs its checks as asyncio tasks on qasync's loop, as in the app.
pytestmark = pytest.mark.usefixtures("qloop")


class DictSecrets:
    """A keyring stand-in with the one method the Monitor uses (it is handed, not built)."""

    def __init__(self, codes: dict[str, str]) -> None:
        self.codes = codes
        self.asked: list[str] = []

    def get(self, address: str) -> str | None:
        self.asked.append(address)
        return self.codes.get(address)


def _monitor(store: AccountStore, app_paths: paths.AppPaths, secrets: DictSecrets) -> Monitor:
    def opener() -> AbstractContextManager[AccountStore]:
        return AccountStore.open(app_paths.database)

    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    return Monitor(opener, secrets, Catalogue.load(), settings, LogSink(), start_schedule=False)


def test_checks_on_request_and_records_through_its_own_connection(
    qtbot, store: AccountStore, app_paths: paths.AppPaths
) -> None:
    with (
        ss.running(ss.imap_script(password="c0de")) as imap,
        ss.running(ss.smtp_script(password="c0de")) as smtp,
    ):
        account = store.add_account(make_account("ok@example.org", servers=(imap, smtp)))
        assert account.id is not None
        secrets = DictSecrets({"ok@example.org": "c0de"})
        monitor = _monitor(store, app_paths, secrets)
        running: list[list[int]] = []
        monitor.runningChanged.connect(running.append)
        try:
            with qtbot.waitSignal(monitor.checker.allFinished, timeout=10_000):
                monitor.check_ids([account.id])
            qtbot.waitUntil(lambda: len(store.recent_checks(account.id or 0, limit=5)) == 2)
        finally:
            monitor.shutdown()
    assert secrets.asked == ["ok@example.org"]
    assert [account.id] in running and running[-1] == []
    statuses = {r.status for r in store.recent_checks(account.id, limit=5)}
    assert statuses == {ConnectionStatus.OK}


@pytest.mark.expected_warnings("could not be checked: no code is stored for this account")
def test_an_account_without_a_code_is_reported_not_checked(
    qtbot, store: AccountStore, app_paths: paths.AppPaths
) -> None:
    account = store.add_account(make_account("lost@example.org"))
    assert account.id is not None
    monitor = _monitor(store, app_paths, DictSecrets({}))
    try:
        with qtbot.waitSignal(monitor.accountNotChecked, timeout=10_000) as said:
            monitor.check_ids([account.id])
    finally:
        monitor.shutdown()
    assert said.args == ["lost@example.org", NO_CODE]
    assert store.recent_checks(account.id, limit=5) == []


def test_the_interval_is_kept_and_replans(store: AccountStore, app_paths: paths.AppPaths) -> None:
    monitor = _monitor(store, app_paths, DictSecrets({}))
    try:
        assert monitor.interval_hours() == 6
        monitor.set_interval_hours(12)
        assert monitor.settings.value(INTERVAL_KEY) in (12, "12")
        assert monitor.scheduler.settings.interval.total_seconds() == 12 * 3600
    finally:
        monitor.shutdown()


def test_the_store_is_never_opened_on_the_gui_thread(
    qtbot, store: AccountStore, app_paths: paths.AppPaths
) -> None:
    """Checks, their results, the schedule's re-plans and the alerts read the store in the
    loop's executor, each through a connection of its own (issue 16: the GUI thread stalled
    on these reads after every finished check)."""
    import threading

    with (
        ss.running(ss.imap_script(password="c0de")) as imap,
        ss.running(ss.smtp_script(password="c0de")) as smtp,
    ):
        account = store.add_account(make_account("ok@example.org", servers=(imap, smtp)))
        assert account.id is not None
        opened_on: list[threading.Thread] = []

        def opener() -> AbstractContextManager[AccountStore]:
            opened_on.append(threading.current_thread())
            return AccountStore.open(app_paths.database)

        settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
        monitor = Monitor(
            opener, DictSecrets({"ok@example.org": "c0de"}), Catalogue.load(), settings,
            LogSink(), start_schedule=False,
        )  # fmt: skip
        try:
            with qtbot.waitSignal(monitor.checker.allFinished, timeout=10_000):
                monitor.check_ids([account.id])
            monitor.store_changed()
            monitor.alerts.evaluate()
            qtbot.waitUntil(
                lambda: monitor.scheduler.reads >= 1 and monitor.alerts.evaluations >= 1
            )
            qtbot.waitUntil(lambda: not (monitor.scheduler.busy or monitor.alerts.busy))
            assert monitor.scheduler.next_due(account.id) is not None
        finally:
            monitor.shutdown()
    assert len(opened_on) >= 4  # the accounts, the result, the schedule, the alerts
    assert threading.main_thread() not in opened_on
