"""Texts the account list and the details pane show, in the UI language.

Relative times ("3 minutes ago" / "3 分钟前"), code ages and expiries, state labels from the
core's vocabulary and security names. Everything goes through Qt's translator: the contexts are
named here so that ``pyside6-lupdate`` finds every string, plural forms use ``%n``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from mailmanager.core.checking.hints import HINT_CONTEXT, hint_text
from mailmanager.core.model import status
from mailmanager.core.model.accounts import CheckRecord, Endpoint, Security
from mailmanager.core.model.status import ConnectionStatus, State
from mailmanager.core.rules import policy


def state_label(state: State) -> str:
    """The short label of ``state`` ("Normal" / "正常")."""
    return QCoreApplication.translate("Status", status.info(state).label)


def state_description(state: State) -> str:
    """The one-line explanation of ``state``."""
    return QCoreApplication.translate("Status", status.info(state).description)


def labelled(label: str, text: str) -> str:
    """``label: text`` with the language's colon (Chinese uses the full-width "：")."""
    return (
        QCoreApplication.translate("Formatting", "%1: %2").replace("%1", label).replace("%2", text)
    )


def states_tooltip(states: list[State]) -> str:
    """Rich text listing every state with its explanation, worst first."""
    if not states:
        states = [status.worst([])]
    items = "".join(
        "<li>"
        + labelled(f"<b>{_escape(state_label(s))}</b>", _escape(state_description(s)))
        + "</li>"
        for s in states
    )
    return f"<ul style='margin:0; -qt-list-indent:1'>{items}</ul>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def relative_time(when: datetime | None, now: datetime) -> str:
    """How long ago ``when`` was: "just now", "3 minutes ago", "2 days ago", or a date."""
    if when is None:
        return QCoreApplication.translate("RelativeTime", "Never")
    seconds = int((now - when).total_seconds())
    if seconds < 60:
        return QCoreApplication.translate("RelativeTime", "Just now")
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("RelativeTime", "%n minute(s) ago", None, minutes)
    hours = minutes // 60
    if hours < 24:
        return QCoreApplication.translate("RelativeTime", "%n hour(s) ago", None, hours)
    days = hours // 24
    if days < 30:
        return QCoreApplication.translate("RelativeTime", "%n day(s) ago", None, days)
    return format_date(when.astimezone().date())


def format_date(value: date) -> str:
    """A calendar date as 2025-03-15: unambiguous in both languages, and what the CLI prints."""
    return value.isoformat()


def format_datetime(value: datetime) -> str:
    """A timestamp in local time, to the minute: 2025-03-15 14:07."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def days_from_today(value: date, today: date) -> str:
    """ "today", "in 9 days" or "64 days ago": a date's distance, for the details pane."""
    days = (value - today).days
    if days == 0:
        return QCoreApplication.translate("CodeDates", "today")
    if days > 0:
        return QCoreApplication.translate("CodeDates", "in %n day(s)", None, days)
    return QCoreApplication.translate("CodeDates", "%n day(s) ago", None, -days)


def expiry_text(expires: date | None, today: date) -> str:
    """ "expires in 12 days", "expires today", "expired 3 days ago" or "no expiry date"."""
    if expires is None:
        return QCoreApplication.translate("CodeDates", "No expiry date")
    days = (expires - today).days
    if days > 0:
        return QCoreApplication.translate("CodeDates", "Expires in %n day(s)", None, days)
    if days == 0:
        return QCoreApplication.translate("CodeDates", "Expires today")
    return QCoreApplication.translate("CodeDates", "Expired %n day(s) ago", None, -days)


def age_text(created: date | None, today: date) -> str:
    """ "created 40 days ago", "created today" or "creation date unknown"."""
    if created is None:
        return QCoreApplication.translate("CodeDates", "Creation date unknown")
    days = (today - created).days
    if days <= 0:
        return QCoreApplication.translate("CodeDates", "Created today")
    return QCoreApplication.translate("CodeDates", "Created %n day(s) ago", None, days)


def rotation_text(account: policy.CodeDates, today: date) -> str:
    """When the rotation reminder comes: "rotation in 50 days", "rotation due", or ""."""
    due = policy.rotation_date(account)
    if due is None:
        return ""
    days = (due - today).days
    if days <= 0:
        return QCoreApplication.translate("CodeDates", "Rotation due")
    return QCoreApplication.translate("CodeDates", "Rotation in %n day(s)", None, days)


def code_lines(account: policy.CodeDates, today: date) -> tuple[str, str]:
    """The code column's two lines: expiry (or age) first, then age (or rotation)."""
    if account.code_expires is not None:
        return expiry_text(account.code_expires, today), age_text(account.code_created, today)
    return age_text(account.code_created, today), rotation_text(account, today)


def security_text(security: Security) -> str:
    """How a connection's security is named in mail clients' settings."""
    if security is Security.SSL:
        return QCoreApplication.translate("Security", "SSL/TLS")
    if security is Security.STARTTLS:
        return QCoreApplication.translate("Security", "STARTTLS")
    return QCoreApplication.translate("Security", "None (unencrypted)")


def endpoint_text(endpoint: Endpoint) -> str:
    """ "imap.163.com, port 993, SSL/TLS": a server as the details pane and the wizard show it."""
    return (
        QCoreApplication.translate("Servers", "%1, port %2, %3")
        .replace("%1", endpoint.host)
        .replace("%2", str(endpoint.port))
        # A word joiner after "/" keeps "SSL/TLS" on one line when the row wraps.
        .replace("%3", security_text(endpoint.security).replace("/", "/\u2060"))
    )


def failure_hints(records: Sequence[CheckRecord]) -> list[tuple[str, State, str]]:
    """The failures of one check as ``(protocols, status, hint)``, the hint translated.

    IMAP and SMTP often fail alike (a refused code is refused by both servers): such failures
    are said once, with both protocols named ("IMAP · SMTP"), so the same advice is never
    printed twice. Failures that differ keep a line each, in the order given.
    """
    groups: dict[tuple[State, str], list[str]] = {}
    for record in records:
        if record.status is ConnectionStatus.OK:
            continue
        groups.setdefault((record.status, record.hint_id), []).append(record.protocol.value.upper())
    result = []
    for (state, hint_id), protocols in groups.items():
        hint = hint_text(hint_id)
        result.append(
            (
                " · ".join(protocols),
                state,
                QCoreApplication.translate(HINT_CONTEXT, hint) if hint else "",
            )
        )
    return result
