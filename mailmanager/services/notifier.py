"""Desktop notifications for accounts that need attention: one per transition, and calm.

``AlertService`` looks at every account's states (the same ``account_states`` the badges use),
turns them into alerts (``core.alerts``), adds the code audit falling due (issue 19: the day
``policy.audit_due_date`` gives), and announces only the new ones, after a short window
(``CalmQueue``) so that alerts arriving together make one summary ("12 mailboxes cannot
connect"); the first evaluation after start says in one notification what changed while the
app was closed; "offline" is one notification too (the monitor decides it); what was announced is
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
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal, Slot

from mailmanager.core.model.accounts import utcnow
from mailmanager.core.model.codes import DEFAULT_AUDIT_DAYS, CodeAudit
from mailmanager.core.model.list_entry import ListEntry
from mailmanager.core.rules.alerts import (
    CALM_WINDOW,
    REMINDERS,
    Alert,
    CalmQueue,
    ChangesSince,
    Notice,
    alerts_for,
    changes_since,
    new_alerts,
)
from mailmanager.core.rules.badges import mailbox_states
from mailmanager.core.rules.policy import audit_due_date, due_items, local_today
from mailmanager.core.store.account_store import StoreError
from mailmanager.services.operations import Coalesced, StoreOpener, Tasks, run_blocking

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


def alert_message(alert: Alert, address: str, when: date | None) -> tuple[str, str]:
    """Title and body of the notification for ``alert`` (translated)."""
    day = when.isoformat() if when else ""
    if alert is Alert.FAILING:
        return (
            QCoreApplication.translate("Notifications", "{address} stopped working").format(
                address=address
            ),
            QCoreApplication.translate(
                "Notifications",
                "The last check failed. Open mailmanager to see why and how to fix it.",
            ),
        )
    if alert is Alert.EXPIRING_SOON:
        return (
            QCoreApplication.translate(
                "Notifications", "The code of {address} expires soon"
            ).format(address=address),
            QCoreApplication.translate(
                "Notifications",
                "It expires on {date}. Make a new code and rotate it in mailmanager.",
            ).format(date=day),
        )
    if alert is Alert.EXPIRED:
        return (
            QCoreApplication.translate("Notifications", "The code of {address} has expired").format(
                address=address
            ),
            QCoreApplication.translate(
                "Notifications",
                "It expired on {date}. Make a new code and rotate it in mailmanager.",
            ).format(date=day),
        )
    if alert is Alert.ROTATION_DUE:
        return (
            QCoreApplication.translate(
                "Notifications", "Time to rotate the code of {address}"
            ).format(address=address),
            QCoreApplication.translate(
                "Notifications", "The code is older than its rotation interval."
            ),
        )
    if alert is Alert.AUDIT_DUE:
        return (
            QCoreApplication.translate(
                "Notifications", "Time to review the codes of {address}"
            ).format(address=address),
            QCoreApplication.translate(
                "Notifications",
                "Due since {date}: compare the authorized clients in the provider's web "
                "settings with the mailbox's codes in mailmanager (Codes…) and disable the "
                "unused ones.",
            ).format(date=day),
        )
    return (
        QCoreApplication.translate("Notifications", "Log in to {address} on the web").format(
            address=address
        ),
        QCoreApplication.translate(
            "Notifications", "The provider may recycle the mailbox after {date} unless you log in."
        ).format(date=day),
    )


SHOWN_ADDRESSES = 3


def _addresses(addresses: tuple[str, ...]) -> str:
    """The first few addresses, and how many more."""
    shown = ", ".join(addresses[:SHOWN_ADDRESSES])
    more = len(addresses) - SHOWN_ADDRESSES
    return (
        shown
        if more <= 0
        else shown + QCoreApplication.translate("Notifications", " and %n more", "", more)
    )


def summary_title(alert: Alert, count: int) -> str:
    """One line for ``count`` mailboxes sharing ``alert`` ("12 mailboxes cannot connect")."""
    if alert is Alert.FAILING:
        return QCoreApplication.translate(
            "Notifications", "%n mailbox(es) cannot connect", "", count
        )
    if alert is Alert.EXPIRED:
        return QCoreApplication.translate("Notifications", "%n code(s) have expired", "", count)
    if alert is Alert.EXPIRING_SOON:
        return QCoreApplication.translate("Notifications", "%n code(s) expire soon", "", count)
    if alert is Alert.ROTATION_DUE:
        return QCoreApplication.translate(
            "Notifications", "%n code(s) are due to be replaced", "", count
        )
    if alert is Alert.AUDIT_DUE:
        return QCoreApplication.translate(
            "Notifications", "%n mailbox(es) are due for a review of their codes", "", count
        )
    return QCoreApplication.translate(
        "Notifications", "%n mailbox(es) need a login on the web", "", count
    )


def notice_message(notice: Notice) -> tuple[str, str]:
    """Title and body of a notice: one mailbox's message, or a summary of several."""
    if not notice.is_summary:
        return alert_message(notice.alert, notice.addresses[0], notice.due)
    title = summary_title(notice.alert, len(notice.addresses))
    body = (
        _addresses(notice.addresses)
        + "\n"
        + QCoreApplication.translate("Notifications", "Open mailmanager to see them.")
    )
    return title, body


def since_message(changes: ChangesSince) -> tuple[str, str]:
    """The one notification about what changed while the app was closed."""
    lines = [summary_title(alert, count) for alert, count in changes.new.items()]
    if changes.cleared:
        lines.append(
            QCoreApplication.translate(
                "Notifications", "%n mailbox(es) no longer need attention", "", changes.cleared
            )
        )
    return QCoreApplication.translate(
        "Notifications", "Since mailmanager was last open"
    ), "\n".join(lines)


def offline_message() -> tuple[str, str]:
    return (
        QCoreApplication.translate("Notifications", "Offline: checks paused"),
        QCoreApplication.translate(
            "Notifications",
            "No mail server could be reached. The mailboxes keep their last results; "
            "mailmanager checks again when the network is back.",
        ),
    )


# What one account's alerts were computed from, its alerts, and its due dates by state name.
_Computed = tuple[tuple[object, ...], set[Alert], dict[str, date]]
# One account's row, its current alerts and their due dates.
_Current = tuple[ListEntry, set[Alert], dict[str, date]]


def current_alerts(
    open_store: StoreOpener,
    today: date,
    known: dict[int, _Computed],
    recycle_days_for: Callable[[str | None], int | None],
    tz: tzinfo | None,
) -> tuple[list[_Current], dict[int, _Computed]]:
    """Every account's alerts now: the blocking half of an evaluation, for the executor (a
    store connection of this thread's own). ``known`` (the last evaluation's results, never
    changed once made) lets unchanged accounts be reused; the new results come back with
    the alerts."""
    with open_store() as store:
        entries = store.list_entries()  # runs after every change: the light rows
        audits = store.code_audits()
    computed: dict[int, _Computed] = {}
    rows: list[_Current] = []
    for account in entries:
        recycle = recycle_days_for(account.provider_id)
        audit = audits.get(account.id)
        current, due_dates = _alerts_of(account, today, recycle, audit, known, computed, tz)
        rows.append((account, current, due_dates))
    return rows, computed


def _alerts_of(
    account: ListEntry,
    today: date,
    recycle: int | None,
    audit: CodeAudit | None,
    known: dict[int, _Computed],
    computed: dict[int, _Computed],
    tz: tzinfo | None,
) -> tuple[set[Alert], dict[str, date]]:
    """The account's current alerts and its due dates; reused from the last evaluation
    while the account's row, the day and its provider's rule are the same (this runs after
    every change to the store, with every mailbox)."""
    inputs = (account, today, recycle, audit)
    last = known.get(account.id)
    if last is not None and last[0] == inputs:
        computed[account.id] = last
        return set(last[1]), last[2]
    due = due_items(account, today, recycle_days=recycle, tz=tz)
    states = mailbox_states(
        account, account.connection_statuses, today, due=due, recycle_days=recycle
    )
    current = alerts_for(states)
    if account.paused:
        current.discard(Alert.FAILING)
    due_dates = {item.state.value: item.date for item in due}
    # The audit: due once its day has come; it stays announced (not repeated daily) until
    # "Audit done" moves the day on.
    interval = audit.interval_days if audit is not None else DEFAULT_AUDIT_DAYS
    audited_on = audit.audited_on if audit is not None else None
    audit_day = audit_due_date(audited_on, interval, local_today(account.created_at, tz))
    if audit_day is not None and today >= audit_day:
        current.add(Alert.AUDIT_DUE)
        due_dates[Alert.AUDIT_DUE.value] = audit_day
    computed[account.id] = (inputs, set(current), due_dates)
    return current, due_dates


def parse_announced(raw: object) -> dict[str, set[Alert]]:
    """The announced alerts as remembered in the settings (by account id), or none."""
    try:
        data = json.loads(str(raw))
        return {
            key: {Alert(a) for a in values if a in Alert._value2member_map_}
            for key, values in data.items()
        }
    except (ValueError, AttributeError, TypeError):
        return {}


@dataclass(frozen=True)
class Evaluation:
    """What one evaluation found: the GUI thread announces it.

    Attributes:
        computed: each account's alerts and what they were computed from (reused next time).
        fresh: the alerts that appeared since they were last announced, one per mailbox.
        attention: how many accounts need attention (reminders do not count).
        since: on the first evaluation after start, what changed while the app was closed.
        remember: the announced alerts to keep in the settings (JSON), None if unchanged.
    """

    computed: dict[int, _Computed]
    fresh: list[Notice]
    attention: int
    since: ChangesSince | None
    remember: str | None


def evaluate_alerts(
    open_store: StoreOpener,
    today: date,
    known: dict[int, _Computed],
    recycle_days_for: Callable[[str | None], int | None],
    tz: tzinfo | None,
    announced: object,
    first: bool,
) -> Evaluation:
    """A whole evaluation but the announcing, for the executor: read the store, compute each
    account's alerts, compare them with those announced before (``announced``: the settings'
    raw value)."""
    rows, computed = current_alerts(open_store, today, known, recycle_days_for, tz)
    before = parse_announced(announced)
    after: dict[str, set[Alert]] = {}
    attention = 0
    fresh: list[Notice] = []
    for account, current, due_dates in rows:
        if current - REMINDERS:
            attention += 1
        key = str(account.id)
        new, after[key] = new_alerts(current, before.get(key, set()))
        for alert in sorted(new):
            fresh.append(Notice(alert, (account.address,), account.id, due_dates.get(alert.value)))
    since = changes_since(before, after, known=after) if first else None
    kept = {key: alerts for key, alerts in after.items() if alerts}
    remember = (
        None
        if kept == before
        else json.dumps(
            {key: sorted(a.value for a in alerts) for key, alerts in kept.items()}, sort_keys=True
        )
    )
    return Evaluation(computed, fresh, attention, since, remember)


class AlertService(QObject):
    """Computes alerts for every account and announces the new ones (see module docstring).

    The store is read, and each account's alerts computed, off the GUI thread
    (``current_alerts`` in the loop's executor, through ``open_store``: a connection of the
    executor thread's own); only the announcing (settings, signals, notifications) runs on the
    GUI thread. Evaluations asked for while one runs make one more after it
    (``services.operations.Coalesced``).
    """

    alertRaised = Signal(int, str, str)
    attentionChanged = Signal(int)

    def __init__(
        self,
        open_store: StoreOpener,
        settings: QSettings,
        sink: NotificationSink,
        parent: QObject | None = None,
        *,
        recycle_days_for: Callable[[str | None], int | None] = lambda _provider: None,
        clock: Callable[[], datetime] = utcnow,
        tz: tzinfo | None = None,
        calm_window: timedelta = CALM_WINDOW,
    ) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self._settings = settings
        self.sink = sink
        self._recycle_days_for = recycle_days_for
        self._clock = clock
        self._tz = tz
        self._attention = -1
        # Per account: what its alerts were computed from, the alerts and the due dates.
        self._computed: dict[int, _Computed] = {}
        # New alerts wait here for others, so that several make one summary (core.rules).
        self.queue = CalmQueue(calm_window)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self.flush)
        self._first_evaluation = True
        self._tasks = Tasks()
        self._evaluation = Coalesced(self._tasks, self._evaluate)

    @Slot()
    def evaluate(self) -> None:
        """Announce the alerts that appeared since the last evaluation, soon (the store is
        read off the GUI thread; see the class docstring)."""
        self._evaluation.request()

    @property
    def busy(self) -> bool:
        """An evaluation is running or waiting (tests wait on this)."""
        return self._evaluation.busy

    @property
    def evaluations(self) -> int:
        """How many evaluations (reads of the store) ran (tests and the bench count them)."""
        return self._evaluation.runs

    def shutdown(self) -> None:
        """Cancel an evaluation still running (the app quits)."""
        self._flush_timer.stop()
        self._tasks.cancel_all()

    async def _evaluate(self) -> None:
        first = self._first_evaluation
        try:
            evaluation = await run_blocking(
                evaluate_alerts,
                self._open_store,
                local_today(self._clock(), self._tz),
                self._computed,
                self._recycle_days_for,
                self._tz,
                self._settings.value(SETTINGS_KEY, "{}"),
                first,
            )
        except StoreError as exc:
            log.warning("cannot evaluate alerts: %s", exc)
            return
        self._first_evaluation = False
        self._announce(evaluation)

    def _announce(self, evaluation: Evaluation) -> None:
        """The GUI thread's half: signals, notifications, the settings."""
        self._computed = evaluation.computed  # accounts gone from the store are dropped with it
        for notice in evaluation.fresh:
            assert notice.account_id is not None
            self.alertRaised.emit(notice.account_id, notice.addresses[0], notice.alert.value)
        since = evaluation.since
        if since is not None and (sum(since.new.values()) > 1 or since.cleared):
            # What happened while the app was closed: one notification, not one per mailbox.
            title, body = since_message(since)
            self.sink.notify(title, body, urgent=Alert.FAILING in since.new)
        else:
            now = self._clock()
            for notice in evaluation.fresh:
                self.queue.add(
                    now,
                    notice.alert,
                    notice.addresses[0],
                    account_id=notice.account_id,
                    due=notice.due,
                )
            self.flush()
        if evaluation.remember is not None:
            # A settings write (and sync) only when something changed.
            self._settings.setValue(SETTINGS_KEY, evaluation.remember)
            self._settings.sync()
        if evaluation.attention != self._attention:
            self._attention = evaluation.attention
            self.attentionChanged.emit(evaluation.attention)

    @Slot()
    def flush(self) -> None:
        """Announce the held alerts once their window has passed (else come back then)."""
        now = self._clock()
        for notice in self.queue.take(now):
            title, body = notice_message(notice)
            self.sink.notify(title, body, urgent=notice.alert in (Alert.FAILING, Alert.EXPIRED))
        due = self.queue.due_at()
        if due is not None and not self._flush_timer.isActive():
            wait = max(0, int((due - now).total_seconds() * 1000))
            self._flush_timer.start(wait + 1)

    def announce_offline(self) -> None:
        """The network is gone (every server timed out or could not be resolved): say it
        once, and drop what was held (it was about this round, which proved nothing)."""
        self.queue.clear()
        title, body = offline_message()
        self.sink.notify(title, body, urgent=False)

    @property
    def attention(self) -> int:
        return max(self._attention, 0)
