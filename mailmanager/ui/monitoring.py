"""Puts the background side to work for the main window: checks, schedule, alerts, tray.

This is wiring only; each part lives in its own module and is tested there:

* ``services.checker.CheckerService`` runs checks off the GUI thread. Codes are read from the
  keyring on its worker threads; results are recorded through a store connection opened on
  that worker thread (SQLite connections belong to one thread).
* ``services.scheduler.CheckScheduler`` asks for checks when accounts fall due.
* ``services.notifier.AlertService`` announces each new problem once, through the tray where a
  tray exists, else the desktop's notification service over D-Bus.
* ``ui.tray.TrayIcon`` shows the overall state; with a tray, closing the window keeps the app
  running there (a setting), and the first time says so. Without a tray (GNOME by default)
  closing the window quits, so the app never vanishes into an invisible tray.

A Settings menu offers the check interval, keeping the app in the tray, and starting at login.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from mailmanager.core.checking.runner import AccountCheck
from mailmanager.core.model.accounts import Account, Protocol
from mailmanager.core.rules.schedule import ScheduleSettings
from mailmanager.core.store.account_store import AccountStore, StoreError
from mailmanager.paths import AppPaths
from mailmanager.services.autostart import Autostart
from mailmanager.services.checker import NO_CODE, CheckerService
from mailmanager.services.notifier import AlertService, FreedesktopSink, LogSink, NotificationSink
from mailmanager.services.scheduler import CheckScheduler
from mailmanager.ui.tray import TrayIcon, TraySink
from mailmanager.ui.window_activation import bring_forward

if TYPE_CHECKING:
    from mailmanager.ui.main_window import MainWindow

log = logging.getLogger("mailmanager.monitoring")

INTERVAL_KEY = "checks/intervalHours"
CLOSE_TO_TRAY_KEY = "general/closeToTray"
TRAY_HINT_KEY = "general/trayHintShown"
INTERVAL_CHOICES = (1, 3, 6, 12, 24)
DEFAULT_INTERVAL_HOURS = 6
# Finished checks refresh the list at most this often: reloading every summary after each of
# 200 results kept the GUI thread busy for most of a "Check all" (stalls of ~100 ms).
REFRESH_COALESCE_MS = 200


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


class Monitoring(QObject):
    """Owns the checker, scheduler, alerts and tray of one main window."""

    def __init__(
        self,
        window: MainWindow,
        app_paths: AppPaths,
        settings: QSettings,
        *,
        start_schedule: bool = True,
        use_tray: bool | None = None,
        sink: NotificationSink | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.paths = app_paths
        self.settings = settings
        catalogue = window.providers.catalogue()

        def requires_id(account: Account) -> bool | None:
            provider = (
                catalogue.get(account.provider_id) if catalogue and account.provider_id else None
            )
            return True if provider is not None and provider.requires_imap_id else None

        self.checker = CheckerService(
            self._secret_for, self._record, requires_id_for=requires_id, parent=self
        )
        self.scheduler = CheckScheduler(
            window.store, self, settings=self._schedule_settings(), watch_network=start_schedule
        )
        self.tray: TrayIcon | None = None
        tray_wanted = TrayIcon.available() if use_tray is None else use_tray
        if tray_wanted:
            self.tray = TrayIcon(self)
            self.tray.show()
        if sink is None:
            if self.tray is not None:
                sink = TraySink(self.tray)
            elif FreedesktopSink.available():
                sink = FreedesktopSink()
            else:
                sink = LogSink()

        def recycle_days(provider_id: str | None) -> int | None:
            provider = catalogue.get(provider_id) if catalogue and provider_id else None
            inactivity = provider.inactivity if provider is not None else None
            return inactivity.days if inactivity is not None else None

        self.alerts = AlertService(
            window.store, settings, sink, self, recycle_days_for=recycle_days
        )
        self._running: set[int] = set()
        self._evaluate_soon = QTimer(self)
        self._evaluate_soon.setSingleShot(True)
        self._evaluate_soon.setInterval(500)
        self._evaluate_soon.timeout.connect(self.alerts.evaluate)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(REFRESH_COALESCE_MS)
        self._refresh_soon.timeout.connect(window.refresh)
        # The schedule is re-planned in an event of its own after the store changed, not in
        # the same one as the list's reload: together they stalled the GUI for ~50 ms.
        self._replan_soon = QTimer(self)
        self._replan_soon.setSingleShot(True)
        self._replan_soon.setInterval(0)
        self._replan_soon.timeout.connect(self.scheduler.refresh)
        self._daily = QTimer(self)
        self._daily.setInterval(3_600_000)  # date-driven alerts change at midnight
        self._daily.timeout.connect(self.alerts.evaluate)
        self._connect()
        self._build_settings_menu()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(self.tray is None)
        window.installEventFilter(self)
        window.set_check_handler(self.check_ids)
        # Raw checks older than 90 days are folded into daily counts once a day, in a thread
        # of its own with its own connection (a year of history takes a moment to fold).
        self._compact_timer = QTimer(self)
        self._compact_timer.setInterval(24 * 3_600_000)
        self._compact_timer.timeout.connect(self.compact_history)
        if start_schedule:
            self.scheduler.start()
            self._daily.start()
            self._compact_timer.start()
            QTimer.singleShot(2000, self.alerts.evaluate)
            QTimer.singleShot(60_000, self.compact_history)

    # -- wiring ----------------------------------------------------------------------------------

    def _connect(self) -> None:
        w = self.window
        self.scheduler.checksDue.connect(self.check_ids)
        self.checker.accountStarted.connect(self._started)
        self.checker.accountFinished.connect(lambda account_id, _check: self._ended(account_id))
        self.checker.accountFailed.connect(self._failed)
        w.watcher.changed.connect(self._replan_soon.start)
        w.watcher.changed.connect(self._evaluate_soon.start)
        a = w.actions_
        a.quit.triggered.disconnect()
        a.quit.triggered.connect(self.quit)
        if self.tray is not None:
            self.alerts.attentionChanged.connect(self.tray.set_attention)
            self.tray.openRequested.connect(lambda: bring_forward(w))
            self.tray.checkAllRequested.connect(w.check_all)
            self.tray.quitRequested.connect(self.quit)

    def check_ids(self, account_ids: list[int]) -> None:
        """Start checks of these accounts (from a button, the tray or the schedule)."""
        accounts: list[Account] = []
        for account_id in account_ids:
            try:
                account = self.window.store.get_account(account_id)
            except StoreError:
                continue
            if account.needs_code:
                continue
            accounts.append(account)
        if accounts:
            self.checker.check(accounts)

    def _started(self, account_id: int) -> None:
        self._running.add(account_id)
        self.window.model.set_checking(self._running)

    def _ended(self, account_id: int) -> None:
        self._running.discard(account_id)
        self.window.model.set_checking(self._running)
        self.scheduler.checkFinished(account_id)
        # Not restarted while pending: under a steady stream of results the list still
        # refreshes every REFRESH_COALESCE_MS instead of waiting for the last one.
        if not self._refresh_soon.isActive():
            self._refresh_soon.start()
        self._evaluate_soon.start()

    def _failed(self, account_id: int, reason: str) -> None:
        log.warning("account %s could not be checked: %s", account_id, reason)
        self._ended(account_id)
        # Said on screen too: otherwise the list looks as if the check ran and changed nothing.
        try:
            address = self.window.store.get_account(account_id).address
        except StoreError:
            return
        if reason == NO_CODE:
            text = self.tr(
                "Could not check %1: its code is not in the system keyring. Enter it again "
                "with Replace code."
            )
        else:
            text = self.tr("Could not check %1: something went wrong; the log has the details.")
        self.window.statusBar().showMessage(text.replace("%1", address), 15_000)

    # -- worker-thread callbacks (never touch widgets here) ------------------------------------

    def _secret_for(self, account: Account) -> str | None:
        from mailmanager.core.secrets import SecretStore

        return SecretStore(self.paths).get(account.address)

    def _record(self, account: Account, check: AccountCheck) -> None:
        if account.id is None or check.cancelled:
            return
        from mailmanager.core.model.accounts import CheckRecord, utcnow

        now = utcnow()
        with AccountStore.open(self.paths.database) as store, store.transaction():
            for result in check.results():
                store.record_check(
                    CheckRecord(
                        account.id,
                        now,
                        Protocol(result.protocol),
                        result.status,
                        result.hint_id,
                        result.server_message,
                        int(result.elapsed_ms),
                    )
                )

    def compact_history(self) -> threading.Thread:
        """Fold old history in a background thread (returned, so tests can wait for it)."""
        database = self.paths.database

        def work() -> None:
            from mailmanager.core.model.accounts import utcnow

            try:
                with AccountStore.open(database) as store:
                    folded = store.compact_history(utcnow())
                log.info("history: %d old checks folded into daily counts", folded)
            except StoreError as exc:
                log.warning("history could not be compacted: %s", exc)

        thread = threading.Thread(target=work, name="mailmanager-compact", daemon=True)
        thread.start()
        return thread

    # -- settings --------------------------------------------------------------------------------

    def _interval_hours(self) -> int:
        try:
            value = int(str(self.settings.value(INTERVAL_KEY, DEFAULT_INTERVAL_HOURS)))
        except ValueError:
            value = DEFAULT_INTERVAL_HOURS
        return value if value > 0 else DEFAULT_INTERVAL_HOURS

    def _schedule_settings(self) -> ScheduleSettings:
        return ScheduleSettings(interval=timedelta(hours=self._interval_hours()))

    def close_to_tray(self) -> bool:
        return self.tray is not None and _bool(self.settings.value(CLOSE_TO_TRAY_KEY), True)

    def _build_settings_menu(self) -> None:
        bar = self.window.menuBar()
        menu = QMenu(self.tr("&Settings"), bar)
        menu.setObjectName("settingsMenu")
        interval_menu = menu.addMenu(self.tr("Check every"))
        interval_menu.setObjectName("intervalMenu")
        group = QActionGroup(interval_menu)
        current = self._interval_hours()
        self.interval_actions: dict[int, QAction] = {}
        for hours in INTERVAL_CHOICES:
            action = QAction(self.tr("%n hour(s)", "", hours), interval_menu)
            action.setObjectName(f"interval{hours}Action")
            action.setCheckable(True)
            action.setChecked(hours == current)
            action.setData(hours)
            group.addAction(action)
            interval_menu.addAction(action)
            self.interval_actions[hours] = action
        group.triggered.connect(self._interval_chosen)

        self.tray_action = QAction(self.tr("Keep running in the tray when closed"), menu)
        self.tray_action.setObjectName("closeToTrayAction")
        self.tray_action.setCheckable(True)
        self.tray_action.setChecked(self.close_to_tray())
        self.tray_action.setEnabled(self.tray is not None)
        if self.tray is None:
            self.tray_action.setToolTip(self.tr("This desktop has no system tray."))
        self.tray_action.toggled.connect(
            lambda on: self.settings.setValue(CLOSE_TO_TRAY_KEY, bool(on))
        )
        menu.addAction(self.tray_action)

        self.autostart_action = QAction(self.tr("Start mailmanager when I log in"), menu)
        self.autostart_action.setObjectName("autostartAction")
        self.autostart_action.setCheckable(True)
        self.autostart_action.setChecked(self._autostart().is_enabled())
        self.autostart_action.toggled.connect(self._autostart_toggled)
        menu.addAction(self.autostart_action)

        help_menu = next((m for m in bar.findChildren(QMenu) if m.objectName() == "helpMenu"), None)
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        self.settings_menu = menu

    def _interval_chosen(self, action: QAction) -> None:
        self.settings.setValue(INTERVAL_KEY, int(action.data()))
        self.scheduler.settings = self._schedule_settings()
        self.scheduler.refresh()

    def _autostart(self) -> Autostart:
        return Autostart.for_app(self.paths, minimized=self.tray is not None)

    def _autostart_toggled(self, on: bool) -> None:
        try:
            self._autostart().set_enabled(on)
        except OSError as exc:
            log.warning("start at login could not be changed: %s", exc)
            QMessageBox.warning(
                self.window,
                self.tr("mailmanager"),
                self.tr("Starting at login could not be changed: %1").replace("%1", str(exc)),
            )

    # -- closing ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self.close_to_tray():
            assert isinstance(event, QCloseEvent)
            event.ignore()
            self.window.save_layout()
            self.window.hide()
            if not _bool(self.settings.value(TRAY_HINT_KEY), False) and self.tray is not None:
                self.settings.setValue(TRAY_HINT_KEY, True)
                self.tray.icon.showMessage(
                    self.tr("mailmanager keeps running"),
                    self.tr(
                        "Checks go on in the background. Open mailmanager from the tray icon; "
                        "quit it from the tray menu or with Ctrl+Q."
                    ),
                )
            return True
        return super().eventFilter(watched, event)

    def quit(self) -> None:
        """Really quit (the tray menu, Ctrl+Q): close the window for good and stop."""
        self.window.removeEventFilter(self)
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        self.scheduler.stop()
        self._daily.stop()
        self._compact_timer.stop()
        self._refresh_soon.stop()
        self._replan_soon.stop()
        self.checker.shutdown()
        if self.tray is not None:
            self.tray.hide()
