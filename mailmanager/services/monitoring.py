"""The app's background side, wired together: checks, schedule, alerts and history upkeep.

Each part lives in its own module and is tested there:

* ``services.checker.CheckerService`` runs checks off the GUI thread. Codes are read from the
  keyring on the runner's threads; results are recorded through a store connection opened on
  that thread (SQLite connections belong to one thread).
* ``services.scheduler.CheckScheduler`` asks for checks when accounts fall due.
* ``services.notifier.AlertService`` announces each new problem once through a notification
  sink (the tray, the desktop's notification service, or the log: the UI chooses).

``Monitor`` only connects them. It is handed what it uses (a way to open a store on a worker
thread, the keyring, the catalogue, the settings, the sink) instead of building them, so one
app has one of each and tests can hand in their own. Nothing here reads the store on the GUI
thread: each part reads it in the loop's executor (``services.operations``). It knows nothing of
widgets: the main window follows it through signals (``runningChanged``, ``refreshWanted``,
``accountNotChecked``) and the window's own controls (tray, Settings menu) live in
``ui.background_controls``.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol as TypingProtocol

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.checking.runner import DEFAULT_TIMEOUT, AccountCheck
from mailmanager.core.model.accounts import Account, Protocol, utcnow
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.registry import Registry
from mailmanager.core.rules.alerts import OFFLINE_STATUSES, looks_offline
from mailmanager.core.rules.schedule import ScheduleSettings
from mailmanager.core.store.account_store import StoreError, UnknownAccountError
from mailmanager.core.store.errors import REMOVED_DURING_CHECK
from mailmanager.services.checker import CheckerService
from mailmanager.services.notifier import AlertService, NotificationSink
from mailmanager.services.operations import KeptStore, StoreOpener, Tasks, run_blocking
from mailmanager.services.scheduler import CheckScheduler

log = logging.getLogger("mailmanager.monitoring")

INTERVAL_KEY = "checks/intervalHours"
INTERVAL_CHOICES = (1, 3, 6, 12, 24)
DEFAULT_INTERVAL_HOURS = 6
# Finished checks refresh the list at most this often: reloading every summary after each of
# 200 results kept the GUI thread busy for most of a "Check all" (stalls of ~100 ms).
REFRESH_COALESCE_MS = 200

# While offline, one mailbox is checked this often to see whether the network is back (where
# the system cannot tell: no network information backend).
OFFLINE_RETRY_MS = 5 * 60_000

__all__ = ["Monitor", "SecretReader", "StoreOpener"]


def _checkable(open_store: StoreOpener, account_ids: Sequence[int]) -> list[Account]:
    """The accounts of ``account_ids`` that can be checked (saved, with a code), for the
    executor (a store connection of this thread's own)."""
    accounts: list[Account] = []
    with open_store() as store:
        for account_id in account_ids:
            try:
                account = store.get_account(account_id)
            except StoreError:
                continue  # removed meanwhile
            if not account.needs_code:
                accounts.append(account)
    return accounts


def _first_checkable(open_store: StoreOpener) -> int | None:
    """An account the offline probe can check (active, with a code), for the executor."""
    with open_store() as store:
        entries = store.list_entries()
    return next((e.id for e in entries if not e.paused and not e.needs_code), None)


class SecretReader(TypingProtocol):
    """What the monitor needs of the keyring: read one account's code (``SecretStore``)."""

    def get(self, address: str) -> str | None: ...


class Monitor(QObject):
    """Runs checks (on demand and on schedule), records them, and raises alerts.

    Signals:
        runningChanged(list): the ids of the accounts being checked right now.
        refreshWanted(): results were recorded; views should reload (coalesced).
        accountNotChecked(str, str): an account's address and why it could not be checked at
            all (``checker.NO_CODE`` or another reason for the log); the UI says it on screen.
        offlineChanged(bool): every server of a round of checks timed out or could not be
            resolved (True: checks stop, the results are not kept), or the network is back.
    """

    runningChanged = Signal(list)
    refreshWanted = Signal()
    accountNotChecked = Signal(str, str)
    offlineChanged = Signal(bool)

    def __init__(
        self,
        open_store: StoreOpener,
        secrets: SecretReader,
        catalogue: Catalogue | None,
        settings: QSettings,
        sink: NotificationSink,
        *,
        start_schedule: bool = True,
        check_timeout: float = DEFAULT_TIMEOUT,
        offline_retry_ms: int = OFFLINE_RETRY_MS,
        clock: Callable[[], datetime] = utcnow,
        database: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._open_store = open_store
        # The scheduler and the alerts read the store after every change: given the file,
        # each keeps a connection of its own open between its jobs (``KeptStore``), so they
        # read only the mailboxes changed since (the change log), not every row each time.
        self._kept = [KeptStore(database), KeptStore(database)] if database is not None else []
        plan_store: StoreOpener = self._kept[0] if self._kept else open_store
        alert_store: StoreOpener = self._kept[1] if self._kept else open_store
        self._secrets = secrets

        def recycle_days(provider_id: str | None) -> int | None:
            provider = catalogue.get(provider_id) if catalogue and provider_id else None
            inactivity = provider.inactivity if provider is not None else None
            return inactivity.days if inactivity is not None else None

        self.checker = CheckerService(
            self._secret_for, self._record, timeout=check_timeout, parent=self
        )
        self.scheduler = CheckScheduler(
            plan_store, self, settings=self._schedule_settings(), watch_network=start_schedule
        )
        self.alerts = AlertService(
            alert_store, settings, sink, self, recycle_days_for=recycle_days, clock=clock
        )
        self._running: set[int] = set()
        # The ids of each check_ids whose accounts are being read; a removal takes its id out.
        self._reading: dict[int, set[int]] = {}
        self._evaluate_soon = self._timer(500, self.alerts.evaluate)
        self._refresh_soon = self._timer(REFRESH_COALESCE_MS, self.refreshWanted.emit)
        # The schedule is re-planned in an event of its own after the store changed, not in
        # the same one as the list's reload: together they stalled the GUI for ~50 ms.
        self._replan_soon = self._timer(0, self.scheduler.refresh)
        self._daily = self._timer(3_600_000, self.alerts.evaluate, single=False)
        # Raw checks older than 90 days are folded into daily counts once a day, on the loop's
        # executor with a connection of its own (a year of history takes a moment to fold).
        self._tasks = Tasks()
        self._compact_timer = self._timer(24 * 3_600_000, self.compact_history, single=False)
        # "Offline" (core.rules.alerts.looks_offline): a round's results that say nothing about
        # the mailboxes (no server answered) are held back until the round ends; when every
        # result of the round is such, they are dropped and checking stops until the network
        # is back, instead of marking every mailbox broken.
        self.offline = False
        self._round_lock = threading.Lock()  # _record runs on the checker's worker threads
        self._round: list[tuple[str, ConnectionStatus]] = []
        self._held: list[tuple[Account, AccountCheck]] = []
        self._schedule_running = start_schedule
        self._retry_offline = self._timer(offline_retry_ms, self._probe_network, single=False)
        self.checker.allFinished.connect(self._round_ended)
        self.scheduler.networkBack.connect(self._network_back)
        self.scheduler.checksDue.connect(self.check_ids)
        self.checker.accountStarted.connect(self._started)
        self.checker.accountFinished.connect(lambda account_id, _check: self._ended(account_id))
        self.checker.accountFailed.connect(self._failed)
        if start_schedule:
            self.scheduler.start()
            self._daily.start()
            self._compact_timer.start()
            QTimer.singleShot(2000, self.alerts.evaluate)
            QTimer.singleShot(60_000, self.compact_history)

    def _timer(
        self, interval_ms: int, slot: Callable[[], object], *, single: bool = True
    ) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    # -- requests --------------------------------------------------------------------------------

    def store_changed(self) -> None:
        """The store changed (this process or another): re-plan and re-evaluate, soon."""
        self._replan_soon.start()
        self._evaluate_soon.start()

    def check_ids(self, account_ids: list[int]) -> None:
        """Start checks of these accounts (from a button, the tray or the schedule), once
        their accounts are read off the GUI thread."""
        wanted = set(account_ids)
        self._reading[id(wanted)] = wanted  # here, not in the task: cancel_ids may come first
        self._tasks.start(self._check_ids(list(account_ids), wanted))

    async def _check_ids(self, account_ids: list[int], wanted: set[int]) -> None:
        try:
            accounts = await run_blocking(_checkable, self._open_store, account_ids)
        except StoreError as exc:
            log.warning("checks could not start: %s", exc)
            return
        finally:
            del self._reading[id(wanted)]
        accounts = [a for a in accounts if a.id in wanted]  # not removed while read
        if accounts:
            self.checker.check(accounts)

    def cancel_ids(self, account_ids: list[int]) -> None:
        """These accounts are being removed: cancel their checks, also those whose accounts
        are still being read."""
        for wanted in self._reading.values():
            wanted.difference_update(account_ids)
        self.checker.cancel_ids(account_ids)

    def _started(self, account_id: int) -> None:
        self._running.add(account_id)
        self.runningChanged.emit(sorted(self._running))

    def _ended(self, account_id: int) -> None:
        self._running.discard(account_id)
        self.runningChanged.emit(sorted(self._running))
        self.scheduler.checkFinished(account_id)
        # Not restarted while pending: under a steady stream of results the list still
        # refreshes every REFRESH_COALESCE_MS instead of waiting for the last one.
        if not self._refresh_soon.isActive():
            self._refresh_soon.start()
        self._evaluate_soon.start()

    def _failed(self, account_id: int, reason: str) -> None:
        log.warning("account %s could not be checked: %s", account_id, reason)
        account = self.checker.account(account_id)  # still known while its signal runs
        self._ended(account_id)
        if account is not None:
            self.accountNotChecked.emit(account.address, reason)

    # -- worker-thread callbacks (never touch Qt objects of the GUI thread here) ----------------

    def _secret_for(self, account: Account) -> str | None:
        return self._secrets.get(account.address)

    def _record(self, account: Account, check: AccountCheck) -> None:
        if account.id is None or check.cancelled:
            return
        results = [
            (account.imap.host if r.protocol is Protocol.IMAP else account.smtp.host, r.status)
            for r in check.results()
            if not r.cancelled
        ]
        with self._round_lock:
            self._round.extend(results)
            if results and all(status in OFFLINE_STATUSES for _host, status in results):
                self._held.append((account, check))  # kept or dropped when the round ends
                return
        self._keep(account, check)

    def _keep(self, account: Account, check: AccountCheck) -> None:
        assert account.id is not None
        # Through the registry, as every check is kept (it needs no keyring for that).
        try:
            with self._open_store() as store:
                Registry(store).record_check(account.id, check)
        except UnknownAccountError:
            # Removed (in the window, or with the CLI) while it was being checked: one line.
            log.info("%s: %s", account.address, REMOVED_DURING_CHECK)
        except StoreError as exc:
            log.warning("the check of %s was not recorded: %s", account.address, exc)

    # -- offline ---------------------------------------------------------------------------------

    def _round_ended(self) -> None:
        """Every queued check has ended: keep the held results, or go offline."""
        with self._round_lock:
            round_results, self._round = self._round, []
            held, self._held = self._held, []
        if looks_offline(round_results):
            if not self.offline:
                log.warning("no mail server answered: offline, checks paused")
                self.offline = True
                self.scheduler.stop()
                self._retry_offline.start()
                self.alerts.announce_offline()
                self.offlineChanged.emit(True)
            return
        if held:
            self._tasks.start(self._keep_held(held))
        if self.offline and any(status not in OFFLINE_STATUSES for _h, status in round_results):
            self._network_back()  # a server answered

    async def _keep_held(self, held: list[tuple[Account, AccountCheck]]) -> None:
        """Record the results held back during the round (it was not offline after all)."""

        def keep_all() -> None:
            for account, check in held:
                self._keep(account, check)

        await run_blocking(keep_all)
        self._refresh_soon.start()
        self._evaluate_soon.start()

    def _probe_network(self) -> None:
        """Offline: check one mailbox to see whether the servers answer again."""
        if not self.offline or self._running:
            return
        self._tasks.start(self._probe())

    async def _probe(self) -> None:
        try:
            account_id = await run_blocking(_first_checkable, self._open_store)
        except StoreError:
            return
        if account_id is not None and self.offline and not self._running:
            self.check_ids([account_id])

    def _network_back(self) -> None:
        if not self.offline:
            return
        log.info("servers answer again: back online, checks resume")
        self.offline = False
        self._retry_offline.stop()
        if self._schedule_running:
            self.scheduler.start()
        self.offlineChanged.emit(False)

    def compact_history(self) -> asyncio.Task[int]:
        """Fold old history off the GUI thread; the task (returned for tests) ends with how
        many checks were folded."""
        return self._tasks.start(self._compact_history())

    async def _compact_history(self) -> int:
        open_store = self._open_store

        def fold() -> int:
            with open_store() as store:
                return store.compact_history(utcnow())

        try:
            folded = await run_blocking(fold)
        except StoreError as exc:
            log.warning("history could not be compacted: %s", exc)
            return 0
        log.info("history: %d old checks folded into daily counts", folded)
        return folded

    # -- settings --------------------------------------------------------------------------------

    def interval_hours(self) -> int:
        """The check interval chosen in Settings (hours), or the default."""
        try:
            value = int(str(self.settings.value(INTERVAL_KEY, DEFAULT_INTERVAL_HOURS)))
        except ValueError:
            value = DEFAULT_INTERVAL_HOURS
        return value if value > 0 else DEFAULT_INTERVAL_HOURS

    def set_interval_hours(self, hours: int) -> None:
        """Keep a new check interval and re-plan every account's next check with it."""
        self.settings.setValue(INTERVAL_KEY, int(hours))
        self.scheduler.settings = self._schedule_settings()
        self.scheduler.refresh()

    def _schedule_settings(self) -> ScheduleSettings:
        return ScheduleSettings(interval=timedelta(hours=self.interval_hours()))

    def shutdown(self) -> None:
        """Stop every timer, cancel running checks and reads (the app is quitting)."""
        self.scheduler.shutdown()
        self.alerts.shutdown()
        for timer in (
            self._daily,
            self._compact_timer,
            self._refresh_soon,
            self._replan_soon,
            self._retry_offline,
        ):
            timer.stop()
        self._evaluate_soon.stop()
        self._tasks.cancel_all()
        self.checker.shutdown()
        for kept in self._kept:
            kept.close()
