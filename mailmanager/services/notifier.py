"""Desktop notifications for accounts that need attention: one per transition.

``AlertService`` looks at every account's states (the same ``account_states`` the badges use),
turns them into alerts (``core.alerts``) and announces only the new ones; what was announced is
remembered in the settings, so a restart does not repeat it. Delivery goes to a sink: the tray
icon's balloon where a tray exists, else the freedesktop notification service over D-Bus (GNOME
has no tray by default, and notifications must still arrive there), else only the log.

Signals:
    alertRaised(int, str, str): account id, address, alert name: a notification was due.
    attentionChanged(int): how many accounts need attention now (for the tray icon).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal, Slot

from mailmanager.core.model.accounts import utcnow
from mailmanager.core.model.list_entry import ListEntry
from mailmanager.core.rules.alerts import Alert, alerts_for, new_alerts
from mailmanager.core.rules.badges import mailbox_states
from mailmanager.core.rules.policy import due_items, local_today
from mailmanager.core.store.account_store import AccountStore, StoreError
from mailmanager.services.operations import Tasks, run_blocking

log = logging.getLogger("mailmanager.notifier")

SETTINGS_KEY = "alerts/announced"
APP_NAME = "mailmanager"


class NotificationSink(Protocol):
    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        """Show a notification; False when it could not be delivered."""


class LogSink:
    """The last resort: the notification goes to the log only."""

    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        log.info("notification: %s: %s", title, body)
        return False


class FreedesktopSink:
    """org.freedesktop.Notifications over the session bus (jeepney), on the loop's executor.

    The call is fire-and-forget: a missing or slow notification daemon never blocks the GUI.
    """

    def __init__(self, bus_address: str | None = None) -> None:
        self._bus_address = bus_address
        self.sent = threading.Event()  # set after each delivery attempt (tests wait on it)
        self._tasks = Tasks()

    @staticmethod
    def available() -> bool:
        try:
            import jeepney.io.blocking  # noqa: F401
        except ImportError:
            return False
        import os

        return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))

    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        if not self.available():
            return False
        self.sent.clear()
        self._tasks.start(run_blocking(self._send, title, body, urgent))
        return True

    def _send(self, title: str, body: str, urgent: bool) -> None:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        target = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.freedesktop.Notifications",
        )
        hints = {"urgency": ("y", 2 if urgent else 1)}
        message = new_method_call(
            target,
            "Notify",
            "susssasa{sv}i",
            (APP_NAME, 0, "mail-unread", title, body, [], hints, -1),
        )
        try:
            with open_dbus_connection(bus=self._bus_address or "SESSION") as connection:
                connection.send_and_get_reply(message, timeout=5)
        except Exception as exc:  # no daemon, bus gone: notifications are best effort
            log.info("desktop notification not delivered: %s", type(exc).__name__)
        finally:
            self.sent.set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Notifications", text)


def alert_message(alert: Alert, address: str, when: date | None) -> tuple[str, str]:
    """Title and body of the notification for ``alert`` (translated)."""
    day = when.isoformat() if when else ""
    if alert is Alert.FAILING:
        return (
            _tr("{address} stopped working").format(address=address),
            _tr("The last check failed. Open mailmanager to see why and how to fix it."),
        )
    if alert is Alert.EXPIRING_SOON:
        return (
            _tr("The code of {address} expires soon").format(address=address),
            _tr("It expires on {date}. Make a new code and rotate it in mailmanager.").format(
                date=day
            ),
        )
    if alert is Alert.EXPIRED:
        return (
            _tr("The code of {address} has expired").format(address=address),
            _tr("It expired on {date}. Make a new code and rotate it in mailmanager.").format(
                date=day
            ),
        )
    if alert is Alert.ROTATION_DUE:
        return (
            _tr("Time to rotate the code of {address}").format(address=address),
            _tr("The code is older than its rotation interval."),
        )
    return (
        _tr("Log in to {address} on the web").format(address=address),
        _tr("The provider may recycle the mailbox after {date} unless you log in.").format(
            date=day
        ),
    )


# What one account's alerts were computed from, its alerts, and its due dates by state name.
_Computed = tuple[tuple[object, ...], set[Alert], dict[str, date]]


class AlertService(QObject):
    """Computes alerts for every account and announces the new ones (see module docstring)."""

    alertRaised = Signal(int, str, str)
    attentionChanged = Signal(int)

    def __init__(
        self,
        store: AccountStore,
        settings: QSettings,
        sink: NotificationSink,
        parent: QObject | None = None,
        *,
        recycle_days_for: Callable[[str | None], int | None] = lambda _provider: None,
        clock: Callable[[], datetime] = utcnow,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self.sink = sink
        self._recycle_days_for = recycle_days_for
        self._clock = clock
        self._tz = tz
        self._attention = -1
        # Per account: what its alerts were computed from, the alerts and the due dates.
        self._computed: dict[int, _Computed] = {}

    def _load(self) -> dict[str, set[Alert]]:
        raw = self._settings.value(SETTINGS_KEY, "{}")
        try:
            data = json.loads(str(raw))
            return {
                key: {Alert(a) for a in values if a in Alert._value2member_map_}
                for key, values in data.items()
            }
        except (ValueError, AttributeError, TypeError):
            return {}

    def _save(self, announced: dict[str, set[Alert]]) -> None:
        data = {key: sorted(a.value for a in alerts) for key, alerts in announced.items() if alerts}
        self._settings.setValue(SETTINGS_KEY, json.dumps(data, sort_keys=True))
        self._settings.sync()

    @Slot()
    def evaluate(self) -> None:
        """Announce the alerts that appeared since the last evaluation."""
        try:
            entries = self._store.list_entries()  # runs after every change: the light rows
        except StoreError as exc:
            log.warning("cannot evaluate alerts: %s", exc)
            return
        today = local_today(self._clock(), self._tz)
        before = self._load()
        after: dict[str, set[Alert]] = {}
        attention = 0
        computed: dict[int, _Computed] = {}
        for account in entries:
            current, due_dates = self._alerts_of(account, today, computed)
            if current:
                attention += 1
            key = str(account.id)
            fresh, after[key] = new_alerts(current, before.get(key, set()))
            for alert in sorted(fresh):
                title, body = alert_message(alert, account.address, due_dates.get(alert.value))
                urgent = alert in (Alert.FAILING, Alert.EXPIRED)
                self.sink.notify(title, body, urgent=urgent)
                self.alertRaised.emit(account.id, account.address, alert.value)
        self._computed = computed  # accounts gone from the store are dropped with it
        if {key: alerts for key, alerts in after.items() if alerts} != before:
            self._save(after)  # a settings write (and sync) only when something changed
        if attention != self._attention:
            self._attention = attention
            self.attentionChanged.emit(attention)

    def _alerts_of(
        self,
        account: ListEntry,
        today: date,
        computed: dict[int, _Computed],
    ) -> tuple[set[Alert], dict[str, date]]:
        """The account's current alerts and its due dates; reused from the last evaluation
        while the account's row, the day and its provider's rule are the same (this runs after
        every change to the store, with every mailbox)."""
        recycle = self._recycle_days_for(account.provider_id)
        inputs = (account, today, recycle)
        known = self._computed.get(account.id)
        if known is not None and known[0] == inputs:
            computed[account.id] = known
            return set(known[1]), known[2]
        due = due_items(account, today, recycle_days=recycle, tz=self._tz)
        states = mailbox_states(
            account, account.connection_statuses, today, due=due, recycle_days=recycle
        )
        current = alerts_for(states)
        if account.paused:
            current.discard(Alert.FAILING)
        due_dates = {item.state.value: item.date for item in due}
        computed[account.id] = (inputs, set(current), due_dates)
        return current, due_dates

    @property
    def attention(self) -> int:
        return max(self._attention, 0)
