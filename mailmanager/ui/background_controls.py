"""The main window's controls for the background side: tray, Settings menu, closing and quitting.

The background work itself (checks, schedule, alerts) is ``services.monitoring.Monitor``; this
module only gives it a face:

* ``ui.tray.TrayIcon`` shows the overall state; with a tray, closing the window keeps the app
  running there (a setting), and the first time says so. Without a tray (GNOME by default)
  closing the window quits, so the app never vanishes into an invisible tray.
* Alerts go through the tray where a tray exists, else the desktop's notification service over
  D-Bus, else the log.
* A Settings menu offers the check interval, keeping the app in the tray, and starting at login.
* A mailbox that could not be checked at all is said in the status bar, with the fix.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from mailmanager.core.store.account_store import AccountStore
from mailmanager.paths import AppPaths
from mailmanager.services.autostart import Autostart
from mailmanager.services.checker import NO_CODE
from mailmanager.services.monitoring import INTERVAL_CHOICES, Monitor, SecretReader
from mailmanager.services.notifier import FreedesktopSink, LogSink, NotificationSink
from mailmanager.ui.tray import TrayIcon, TraySink
from mailmanager.ui.window_activation import bring_forward

if TYPE_CHECKING:
    from mailmanager.ui.main_window import MainWindow

log = logging.getLogger("mailmanager.monitoring")

CLOSE_TO_TRAY_KEY = "general/closeToTray"
TRAY_HINT_KEY = "general/trayHintShown"


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


class BackgroundControls(QObject):
    """Builds the window's ``Monitor`` and the tray and menu that show and steer it.

    Args:
        secrets: the keyring the checks read codes from (the app's one ``SecretStore``).
        use_tray: force the tray on or off (tests); by default it is used where one exists.
        sink: where alerts go (tests); by default the tray, the desktop's notifications or
            the log, whichever exists.
    """

    def __init__(
        self,
        window: MainWindow,
        app_paths: AppPaths,
        settings: QSettings,
        secrets: SecretReader,
        *,
        start_schedule: bool = True,
        use_tray: bool | None = None,
        sink: NotificationSink | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.paths = app_paths
        self.settings = settings
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
        database = app_paths.database
        self.monitor = Monitor(
            lambda: AccountStore.open(database),
            secrets,
            window.providers.catalogue(),
            settings,
            sink,
            start_schedule=start_schedule,
            database=database,
            parent=self,
        )
        self._connect()
        self._build_settings_menu()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(self.tray is None)
        window.installEventFilter(self)
        window.set_check_handler(self.monitor.check_ids)

    def _connect(self) -> None:
        w = self.window
        m = self.monitor
        m.runningChanged.connect(lambda ids: w.model.set_checking(set(ids)))
        m.refreshWanted.connect(w.reload_soon)
        m.accountNotChecked.connect(self._not_checked)
        m.offlineChanged.connect(self._offline_changed)
        w.watcher.changed.connect(m.store_changed)
        w.removing.connect(lambda account_id: m.cancel_ids([account_id]))
        a = w.actions_
        a.quit.triggered.disconnect()
        a.quit.triggered.connect(self.quit)
        if self.tray is not None:
            m.alerts.attentionChanged.connect(self.tray.set_attention)
            self.tray.openRequested.connect(lambda: bring_forward(w))
            self.tray.checkAllRequested.connect(w.check_all)
            self.tray.quitRequested.connect(self.quit)

    def _not_checked(self, address: str, reason: str) -> None:
        # Said on screen too: otherwise the list looks as if the check ran and changed nothing.
        if reason == NO_CODE:
            text = self.tr(
                "Could not check %1: its code is not in the system keyring. Enter it again "
                "with Replace code."
            )
        else:
            text = self.tr("Could not check %1: something went wrong; the log has the details.")
        self.window.statusBar().showMessage(text.replace("%1", address), 15_000)

    def _offline_changed(self, offline: bool) -> None:
        if offline:
            text = self.tr(
                "Offline: no mail server could be reached. Checks are paused until the network "
                "is back; the mailboxes keep their last results."
            )
            self.window.statusBar().showMessage(text, 0)
        else:
            self.window.statusBar().showMessage(self.tr("Back online: checks resume."), 10_000)

    # -- settings --------------------------------------------------------------------------------

    def close_to_tray(self) -> bool:
        return self.tray is not None and _bool(self.settings.value(CLOSE_TO_TRAY_KEY), True)

    def _build_settings_menu(self) -> None:
        bar = self.window.menuBar()
        menu = QMenu(self.tr("&Settings"), bar)
        menu.setObjectName("settingsMenu")
        interval_menu = menu.addMenu(self.tr("Check every"))
        interval_menu.setObjectName("intervalMenu")
        group = QActionGroup(interval_menu)
        current = self.monitor.interval_hours()
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
        group.triggered.connect(lambda action: self.monitor.set_interval_hours(int(action.data())))

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
        self.monitor.shutdown()
        if self.tray is not None:
            self.tray.hide()
