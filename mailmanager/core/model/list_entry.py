"""One row of the main list: only the columns the list shows, sorts and filters on.

The main list must load ten thousand mailboxes in well under a tenth of a second. A full
``AccountSummary`` (two endpoints, two complete check records, parsed timestamps) costs five
objects and some forty columns per mailbox; a ``ListEntry`` is one tuple of eighteen. The full
summary of the one selected mailbox is read when it is needed (``AccountStore.summary``).

Timestamps stay as the store's ISO 8601 text (fixed width, UTC, so text order is time order)
and are parsed only for the rows that are painted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, NamedTuple

from mailmanager.core.model.accounts import AccountSummary, CheckRecord, Protocol
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.rows import STATUS, parse_day, to_timestamp

# The store's SELECT for ListEntry, in field order: ``a`` is accounts, ``li``/``ls`` the latest
# IMAP and SMTP checks (LEFT JOINs, so NULL before the first check).
#
# The code dates are the worst of the mailbox's codes that are in use (or not known to be dead:
# restored from an export), issue 19: the earliest creation (the first rotation due) and the
# earliest expiry, so the list's badge and code column warn about any client's code, not only
# the one mailmanager checks with. A mailbox with one code shows that code's dates.
#
# Each date comes with the label of the code it belongs to when that is another client's code
# ('' for the own one), so the list can say which code its dates are: one sub-query per date
# gives both, as ``date|label`` (a date is ten characters). The earliest such text is the
# earliest date, and on a tie the own code's, whose bare ``date|`` sorts before any
# ``date|label`` (a code's label is never empty); between two other clients' codes of one day,
# the label first in code-point order. ``min`` over the store's partial index ``codes_live``
# (schema 7) reads one short index range per mailbox, with no sort: ten thousand mailboxes
# cost two index searches each, where an ``ORDER BY ... LIMIT 1`` built a sorter for each.
_LIVE_CODES = "FROM codes c WHERE c.account_id = a.id AND c.state IN ('in_use', 'unknown')"


def _first_with_label(column: str) -> str:
    return (
        f"(SELECT min(c.{column} || '|' || CASE WHEN c.own THEN '' ELSE c.label END) "
        f"{_LIVE_CODES} AND c.{column} IS NOT NULL)"
    )


LIST_COLUMNS = (
    "a.id, a.address, a.display_name, a.provider_id, a.credential_label, "
    f"{_first_with_label('created')}, {_first_with_label('expires')}, "
    "a.rotate_days, a.paused, a.needs_code, a.last_web_login, a.created_at, "
    "li.status, li.checked_at, ls.status, ls.checked_at, a.check_interval_hours, a.group_name"
)


@lru_cache(maxsize=4096)
def _day_and_label(value: str | None) -> tuple[date | None, str]:
    """``date|label`` as ``LIST_COLUMNS`` reads it: the day and the label ('' for the own
    code's or no date). Kept per text: ten thousand mailboxes share a few hundred days."""
    if not value:
        return None, ""
    day, _bar, label = value.partition("|")
    return parse_day(day), label


class ListMark(NamedTuple):
    """Where the store's change log of list rows stood when a reader read it (schema 7): the
    log's token, made at random with the log (another file in the same place has another),
    and the number of the last change. A reader that shows the rows of one read and keeps
    its mark asks the next time only for the mailboxes changed after it."""

    token: str
    seq: int


class LatestCheck(NamedTuple):
    """The latest check of one protocol, as far as the list needs it."""

    protocol: Protocol
    status: ConnectionStatus
    checked_at: datetime


class ListEntry(NamedTuple):
    """A mailbox as the main list shows it (never its secret, never its servers); the
    scheduler and the alerts, which look at every mailbox after every change, read it too."""

    id: int
    address: str
    display_name: str
    provider_id: str | None
    credential_label: str
    code_created: date | None
    code_expires: date | None
    rotate_days: int
    paused: bool
    needs_code: bool
    last_web_login: date | None
    created_text: str
    imap_status: ConnectionStatus | None
    imap_checked_text: str | None
    smtp_status: ConnectionStatus | None
    smtp_checked_text: str | None
    check_interval_hours: int | None  # the scheduler's per-account interval (None: default)
    group: str = ""  # the mailbox's group ('' for none): the side list counts and filters by it
    # The label of the other client's code ``code_created`` / ``code_expires`` belong to ('':
    # the own code's, or no date).
    created_label: str = ""
    expires_label: str = ""

    @property
    def created_at(self) -> datetime:
        """When the mailbox was bound (the inactivity rule counts from that day)."""
        return datetime.fromisoformat(self.created_text)

    @property
    def connection_statuses(self) -> list[ConnectionStatus]:
        return [s for s in (self.imap_status, self.smtp_status) if s is not None]

    @property
    def last_checked_text(self) -> str | None:
        """The later of the two checks' timestamps as stored (text order is time order)."""
        times = [t for t in (self.imap_checked_text, self.smtp_checked_text) if t is not None]
        return max(times) if times else None

    @property
    def last_checked(self) -> datetime | None:
        text = self.last_checked_text
        return datetime.fromisoformat(text) if text is not None else None

    def latest(self) -> list[LatestCheck]:
        """The latest IMAP and SMTP checks that exist, IMAP first."""
        found = []
        for protocol, status, text in (
            (Protocol.IMAP, self.imap_status, self.imap_checked_text),
            (Protocol.SMTP, self.smtp_status, self.smtp_checked_text),
        ):
            if status is not None and text is not None:
                found.append(LatestCheck(protocol, status, datetime.fromisoformat(text)))
        return found


def entry_from_row(row: Sequence[Any]) -> ListEntry:
    """A ListEntry from a row of ``LIST_COLUMNS`` (positional: ten thousand at a time, so the
    look-ups are written out here rather than called)."""
    imap_status = row[12]
    smtp_status = row[14]
    created, created_label = _day_and_label(row[5])
    expires, expires_label = _day_and_label(row[6])
    web_login = row[10]
    return ListEntry(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        created,
        expires,
        row[7],
        bool(row[8]),
        bool(row[9]),
        None if web_login is None else _day_and_label(web_login)[0],
        row[11],
        None if imap_status is None else _STATUS_GET(imap_status, _UNKNOWN_STATUS),
        row[13],
        None if smtp_status is None else _STATUS_GET(smtp_status, _UNKNOWN_STATUS),
        row[15],
        row[16],
        row[17] or "",
        created_label,
        expires_label,
    )


_STATUS_GET = STATUS.get
_UNKNOWN_STATUS = ConnectionStatus.PROTOCOL_ERROR


def entry_from_summary(summary: AccountSummary) -> ListEntry:
    """The list's view of a full summary (what the store would have returned for it)."""
    account = summary.account
    imap, smtp = summary.last_imap, summary.last_smtp
    return ListEntry(
        account.id or 0,
        account.address,
        account.display_name,
        account.provider_id,
        account.credential_label,
        account.code_created,
        account.code_expires,
        account.rotate_days,
        account.paused,
        account.needs_code,
        account.last_web_login,
        _stamp(account.created_at),
        imap.status if imap is not None else None,
        _checked_text(imap),
        smtp.status if smtp is not None else None,
        _checked_text(smtp),
        account.check_interval_hours,
        account.group,
    )


def _checked_text(record: CheckRecord | None) -> str | None:
    return _stamp(record.checked_at) if record is not None else None


def _stamp(value: datetime) -> str:
    """The store's text form; a summary built by hand may carry a naive time, taken as UTC."""
    return to_timestamp(value if value.tzinfo is not None else value.replace(tzinfo=UTC))
