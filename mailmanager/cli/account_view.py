"""How `mailmanager-cli list` shows accounts: one JSON object or one text line per account.

Kept apart from the commands so the row shape (which scripts depend on) lives in one place, and
so it can be computed for an injected "today" in tests. States come from core.badges (the same
combination the main window paints), provider facts from the catalogue when it can be read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from mailmanager.core import trust
from mailmanager.core.catalogue.lookup import Catalogue, CatalogueError, Provider
from mailmanager.core.model import status
from mailmanager.core.model.accounts import Account, AccountSummary, Endpoint
from mailmanager.core.model.certificates import ca_fingerprint
from mailmanager.core.model.codes import CodeRecord
from mailmanager.core.rules import badges
from mailmanager.core.rules.policy import DueItem, live_code_dates

log = logging.getLogger("mailmanager.cli")


@dataclass(frozen=True)
class AccountRow:
    """Everything `list` shows for one account."""

    summary: AccountSummary
    states: list[status.State]
    due: list[DueItem]
    provider: Provider | None

    @property
    def badge(self) -> status.State:
        return badges.badge_state(self.states)

    @property
    def connection_status(self) -> status.ConnectionStatus | None:
        statuses = self.summary.connection_statuses
        return min(statuses, key=status.ALL_STATES.index) if statuses else None

    def to_json(self) -> dict[str, Any]:
        account = self.summary.account
        last = self.summary.last_checked
        connection = self.connection_status
        return {
            "address": account.address,
            "display_name": account.display_name,
            "group": account.group,
            "provider": account.provider_id,
            "provider_name": self.provider.name("en") if self.provider else None,
            "badge": self.badge.value,
            "states": [s.value for s in self.states],
            "connection_status": connection.value if connection else None,
            "due": [{"state": d.state.value, "date": d.date.isoformat()} for d in self.due],
            "last_checked": last.isoformat() if last else None,
            "code_created": _day(account.code_created),
            "code_expires": _day(account.code_expires),
            "paused": account.paused,
            "needs_code": account.needs_code,
            "imap": endpoint_json(account.imap),
            "smtp": endpoint_json(account.smtp),
            "ca": ca_json(account),
            "needs_confirmation": [r.option for r in trust.refusals(account)],
        }

    def text_columns(self, today: date) -> tuple[str, str, str, str]:
        account = self.summary.account
        label = status.info(self.badge).label
        others = [status.info(s).label for s in self.states if s != self.badge]
        state_text = label + (f" (+ {', '.join(others)})" if others else "")
        last = self.summary.last_checked
        last_text = last.astimezone().strftime("%Y-%m-%d %H:%M") if last else "never"
        return account.address, state_text, last_text, _code_text(account.code_expires, today)


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def endpoint_json(endpoint: Endpoint) -> dict[str, Any]:
    """A server with where it came from and when the user confirmed it (``list --json``)."""
    origin = endpoint.origin
    return {
        "host": endpoint.host,
        "port": endpoint.port,
        "security": endpoint.security.value,
        "username": endpoint.username,
        "source": origin.source.value,
        "source_detail": origin.detail,
        "confirmed_at": _stamp(origin.confirmed_at),
        "plain_confirmed_at": _stamp(origin.plain_confirmed_at),
    }


def ca_json(account: Account) -> dict[str, Any] | None:
    if account.ca_pem:
        return {
            "sha256": ca_fingerprint(account.ca_pem),
            "file": account.ca_file,
            "confirmed_at": _stamp(account.ca_confirmed_at),
        }
    if account.ca_file:
        return {"sha256": None, "file": account.ca_file, "confirmed_at": None}
    return None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _code_text(expires: date | None, today: date) -> str:
    if expires is None:
        return "no expiry date"
    days = (expires - today).days
    if days < 0:
        return f"expired {expires.isoformat()}"
    if days == 0:
        return f"expires today ({expires.isoformat()})"
    return f"expires {expires.isoformat()} (in {days} day{'s' if days != 1 else ''})"


def load_catalogue(user_dir: Any) -> Catalogue | None:
    """The provider catalogue, or None when it cannot be read (list still works without)."""
    try:
        return Catalogue.load(user_dir)
    except (CatalogueError, OSError) as exc:
        log.warning("provider catalogue unavailable: %s", exc)
        return None


def build_rows(
    summaries: list[AccountSummary],
    today: date,
    catalogue: Catalogue | None,
    codes: dict[int, list[CodeRecord]] | None = None,
) -> list[AccountRow]:
    """The listed rows; with every mailbox's ``codes``, the due states are the worst of its
    live codes' (as the app's list shows them), the code's own dates stay in the JSON."""
    rows = []
    for summary in summaries:
        pid = summary.account.provider_id
        provider = catalogue.get(pid) if catalogue is not None and pid else None
        recycle = provider.inactivity.days if provider and provider.inactivity else None
        dated = summary
        if codes is not None and summary.account.id in codes:
            created, expires = live_code_dates(codes[summary.account.id])
            worst = summary.account.replace(code_created=created, code_expires=expires)
            dated = AccountSummary(worst, summary.last_imap, summary.last_smtp)
        rows.append(
            AccountRow(
                summary=summary,
                states=badges.account_states(dated, today, recycle_days=recycle),
                due=badges.account_due(dated, today, recycle_days=recycle),
                provider=provider,
            )
        )
    return rows


def render_text(rows: list[AccountRow], today: date) -> str:
    if not rows:
        return "No mailboxes yet. Add one with: mailmanager-cli add ADDRESS --password-stdin"
    header = ("MAILBOX", "STATUS", "LAST CHECKED", "CODE")
    lines = [header, *(row.text_columns(today) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(3)]
    out = []
    for line in lines:
        cells = [line[i].ljust(widths[i]) for i in range(3)] + [line[3]]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def local_now() -> datetime:
    return datetime.now().astimezone()
