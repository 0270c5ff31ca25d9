"""Offline instead of broken: when every server of a round times out, the Monitor says
"offline" once, keeps the mailboxes' last results, stops the schedule and resumes when the
network is back. Real checks against loopback servers that accept and never answer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager

import pytest
from PySide6.QtCore import QSettings

from mailmanager import paths
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.model.accounts import Endpoint, Security
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.monitoring import Monitor
from tests.helpers import scripted_server as ss
from tests.helpers.factories import make_account
from tests.helpers.silent_server import SilentServer
from tests.services.test_monitoring import DictSecrets
from tests.services.test_notifier import RecordingSink

# The checker runs its checks as asyncio tasks on qasync's loop (issue 16).
pytestmark = pytest.mark.usefixtures("qloop")

CODE = "c0de"


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


def _silent_account(address: str, host: str, port: int) -> object:
    imap = Endpoint(host, port, Security.PLAIN, address)
    smtp = Endpoint(host, port, Security.PLAIN, address)
    return make_account(address, imap=imap, smtp=smtp)


def offline(monitor: Monitor) -> bool:
    """(Read through a call: mypy would keep an attribute narrowed between the asserts.)"""
    return monitor.offline


def _monitor(store: AccountStore, app_paths: paths.AppPaths, sink: RecordingSink) -> Monitor:
    def opener() -> AbstractContextManager[AccountStore]:
        return AccountStore.open(app_paths.database)

    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    secrets = DictSecrets({"a@example.org": CODE, "b@example.org": CODE, "c@example.org": CODE})
    return Monitor(
        opener,
        secrets,
        Catalogue.load(),
        settings,
        sink,
        start_schedule=False,
        check_timeout=0.5,
    )


@pytest.mark.expected_warnings("no mail server answered: offline")
def test_every_server_timing_out_means_offline_not_broken(
    qtbot, store: AccountStore, app_paths: paths.AppPaths, silent: SilentServer
) -> None:
    ids = []
    for address, host in (("a@example.org", "127.0.0.1"), ("b@example.org", "localhost")):
        saved = store.add_account(_silent_account(address, host, silent.port))  # type: ignore[arg-type]
        assert saved.id is not None
        ids.append(saved.id)
    sink = RecordingSink()
    monitor = _monitor(store, app_paths, sink)
    monitor.scheduler._timer.start()  # the schedule runs, as in the app
    changes: list[bool] = []
    monitor.offlineChanged.connect(changes.append)
    try:
        with qtbot.waitSignal(monitor.offlineChanged, timeout=15_000):
            monitor.scheduler.checksDue.emit(ids)  # what the schedule asks when they fall due
        assert changes == [True] and offline(monitor)
        assert not monitor.scheduler._timer.isActive()  # no more checks until the network
        # Nothing was kept: the mailboxes are not marked broken.
        assert all(store.recent_checks(i, limit=5) == [] for i in ids)
        assert [title for title, _b, _u in sink.sent] == ["Offline: checks paused"]
        # A second offline round says nothing new.
        with qtbot.waitSignal(monitor.checker.allFinished, timeout=15_000):
            monitor.check_ids(ids)
        assert changes == [True] and len(sink.sent) == 1
        # The system reports the network back: checking resumes.
        monitor._schedule_running = True
        monitor.scheduler.networkBack.emit()
        assert changes == [True, False] and not offline(monitor)
        assert monitor.scheduler._timer.isActive()
    finally:
        monitor.shutdown()


def test_one_server_timing_out_is_that_mailbox_s_problem(
    qtbot, store: AccountStore, app_paths: paths.AppPaths, silent: SilentServer
) -> None:
    with (
        ss.running(ss.imap_script(password=CODE)) as imap,
        ss.running(ss.smtp_script(password=CODE)) as smtp,
    ):
        ok = store.add_account(make_account("c@example.org", servers=(imap, smtp)))
        slow = store.add_account(_silent_account("a@example.org", "127.0.0.1", silent.port))  # type: ignore[arg-type]
        assert ok.id is not None and slow.id is not None
        monitor = _monitor(store, app_paths, RecordingSink())
        try:
            with qtbot.waitSignal(monitor.checker.allFinished, timeout=15_000):
                monitor.check_ids([ok.id, slow.id])
            qtbot.waitUntil(lambda: len(store.recent_checks(slow.id or 0, limit=5)) == 2)
        finally:
            monitor.shutdown()
    assert not monitor.offline
    statuses = {r.status for r in store.recent_checks(slow.id, limit=5)}
    assert statuses == {ConnectionStatus.TIMEOUT}
