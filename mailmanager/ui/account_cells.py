"""What each cell of the account list says: its text, second line, tooltip, sort key, filter text.

Kept apart from ``AccountModel`` (which keeps the rows in step with the store and answers Qt) so
that the wording of the list can be read, and changed, in one place. Every function takes the
row and "today" (or "now"), never a clock, so the texts are plain functions of their inputs.
Strings keep the ``AccountModel`` translation context they always had.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from mailmanager.core.model import status
from mailmanager.core.model.accounts import AccountSummary
from mailmanager.core.model.list_entry import ListEntry
from mailmanager.core.model.status import State
from mailmanager.core.rules.badges import badge_state
from mailmanager.ui import formatting
from mailmanager.ui.provider_info import ProviderLook


class Column(IntEnum):
    """The list's columns, in display order."""

    MAILBOX = 0
    STATUS = 1
    LAST_CHECKED = 2
    CODE = 3


@dataclass(slots=True)
class ListRow:
    """One mailbox in the list: its entry, provider look, states and whether it is checking."""

    entry: ListEntry
    look: ProviderLook
    states: list[State]
    checking: bool = False
    summary: AccountSummary | None = None  # only when given whole (``set_summaries``)
    # The badge's state, kept with the states: sorting, painting and the window's "need
    # attention" count read it for every row.
    badge: State = field(init=False)
    # The filter text (``filter_text``), kept until the states change: with a group chosen the
    # proxy reads it for every row at every re-sort.
    filter_cache: str | None = field(default=None, init=False)
    # What the Status column sorts by: the badge without the passing "Checking", so that a row
    # keeps its place while it is checked. (Sorting by "Checking" moved every checked row at
    # each refresh of a "Check all", and each move repainted the whole list: the GUI thread's
    # longest stalls in bench_smoothness.)
    rank_state: State = field(init=False)
    # The row's key in the list's order (``order_key``) with the stamp of the column and day
    # it was made for, kept until the states change: re-sorting after a bulk action then
    # computes the keys of the changed rows only, not of ten thousand.
    order_cache: tuple[object, tuple[int | str, str]] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.set_states(self.states)

    def set_states(self, states: list[State]) -> None:
        """New states (every change of the row's entry or provider comes with them)."""
        self.states = states
        self.badge = _badge(states)
        self.filter_cache = None
        self.order_cache = None
        self.rank_state = _resting_badge(states, self.entry) if self.checking else self.badge

    @property
    def account_id(self) -> int:
        return self.entry.id


def _badge(states: list[State]) -> State:
    """``badge_state`` for states already ordered worst first (as ``mailbox_states`` returns)."""
    return states[0] if states else badge_state(states)


def _resting_badge(states: list[State], entry: ListEntry) -> State:
    """The badge the row has when its check is not running (``mailbox_states`` without
    ``checking``)."""
    rest = [state for state in states if state is not status.LifecycleState.CHECKING]
    if not entry.connection_statuses:
        rest.append(status.LifecycleState.NEVER_CHECKED)
    return _badge(status.ordered(rest))


RANK = {state: rank for rank, state in enumerate(status.ALL_STATES)}


def display(row: ListRow, column: Column, now: datetime, today: date) -> str:
    """The cell's main line."""
    entry = row.entry
    if column is Column.MAILBOX:
        return entry.address
    if column is Column.STATUS:
        return formatting.state_label(row.badge)
    if column is Column.LAST_CHECKED:
        return formatting.relative_time(entry.last_checked, now)
    return formatting.code_lines(entry, today)[0]


def secondary(row: ListRow, column: Column, today: date) -> str:
    """The cell's quieter second line ("" for none)."""
    entry = row.entry
    if column is Column.MAILBOX:
        parts = [row.look.name]
        if entry.display_name:
            parts.append(entry.display_name)
        return " · ".join(parts)
    if column is Column.LAST_CHECKED:
        latest = entry.latest()
        if len({r.status for r in latest}) < 2:
            return ""  # the badge already says it; only a split result needs spelling out
        return " · ".join(
            formatting.labelled(r.protocol.value.upper(), formatting.state_label(r.status))
            for r in latest
        )
    if column is Column.CODE:
        return formatting.code_lines(entry, today)[1]
    return ""


def tooltip(row: ListRow, column: Column, today: date) -> str:
    entry = row.entry
    if column is Column.MAILBOX:
        lines = [entry.address, row.look.name]
        if entry.display_name:
            lines.insert(1, entry.display_name)
        if entry.credential_label:
            lines.append(
                QCoreApplication.translate("AccountModel", "Code label: %1").replace(
                    "%1", entry.credential_label
                )
            )
        return "\n".join(lines)
    if column is Column.STATUS:
        return formatting.states_tooltip(row.states)
    if column is Column.LAST_CHECKED:
        return _checks_tooltip(entry)
    return _code_tooltip(entry, today)


def _checks_tooltip(entry: ListEntry) -> str:
    lines = [
        QCoreApplication.translate("AccountModel", "%1 checked %2: %3")
        .replace("%1", record.protocol.value.upper())
        .replace("%2", formatting.format_datetime(record.checked_at))
        .replace("%3", formatting.state_label(record.status))
        for record in entry.latest()
    ]
    return "\n".join(lines) or QCoreApplication.translate(
        "AccountModel", "This mailbox has not been checked yet."
    )


def _code_tooltip(entry: ListEntry, today: date) -> str:
    lines = []
    # A date of another client's code (the worst of the mailbox's live codes) names it.
    if entry.code_created is not None:
        created = formatting.format_date(entry.code_created)
        lines.append(
            QCoreApplication.translate("AccountModel", "Created on %1").replace("%1", created)
            if not entry.created_label
            else QCoreApplication.translate("AccountModel", "The code %1 was created on %2")
            .replace("%1", entry.created_label)
            .replace("%2", created)
        )
    if entry.code_expires is not None:
        expires = formatting.format_date(entry.code_expires)
        lines.append(
            QCoreApplication.translate("AccountModel", "Expires on %1").replace("%1", expires)
            if not entry.expires_label
            else QCoreApplication.translate("AccountModel", "The code %1 expires on %2")
            .replace("%1", entry.expires_label)
            .replace("%2", expires)
        )
    rotation = formatting.rotation_text(entry, today)
    if rotation:
        lines.append(rotation)
    return "\n".join(lines) or QCoreApplication.translate(
        "AccountModel", "No dates are known for this code."
    )


def sort_key(row: ListRow, column: Column, today: date) -> int | str:
    """What the column sorts by (the address breaks ties, see ``AccountModel``)."""
    entry = row.entry
    if column is Column.MAILBOX:
        return entry.address.casefold()
    if column is Column.STATUS:
        return RANK[row.rank_state]
    if column is Column.LAST_CHECKED:
        return entry.last_checked_text or ""  # text order is time order; never checked first
    if entry.code_expires is not None:
        return (entry.code_expires - today).days
    return 1_000_000  # no expiry sorts after every dated code


def order_key(row: ListRow, column: Column, today: date) -> tuple[int | str, str]:
    """Where the row goes in the list sorted by ``column``: its ``sort_key``, then its
    address (any case) to break ties."""
    return (sort_key(row, column, today), row.entry.address.casefold())


def filter_text(row: ListRow) -> str:
    """Everything the filter box searches: address, names, label, provider and state labels,
    then the side list's marks (``scope_marks``) after a separator nobody types."""
    entry = row.entry
    parts = [
        entry.address,
        entry.display_name,
        entry.credential_label,
        row.look.name,
        *(formatting.state_label(s) for s in row.states),
    ]
    return "\n".join(p for p in parts if p) + scope_marks(row)


# The side list's scopes as marks in the filter text, so that one test of the kept text decides
# both a scope and the filter box's text (``AccountFilterModel``). The marks are control
# characters, which the filter box never holds (limits.clean_group drops them from group names
# too), so typing finds a group's name but never a mark.
MARK = "\x1e"
ATTENTION_MARK = f"{MARK}\x01{MARK}"
UNCHECKED_MARK = f"{MARK}\x02{MARK}"


def group_mark(group: str) -> str:
    return f"{MARK}\x03{group}{MARK}"


_WARNING = int(status.Severity.WARNING)


def needs_attention(row: ListRow) -> bool:
    """The badge is a warning or worse (the summary line's "Need attention" count)."""
    return int(status.info(row.badge).severity) >= _WARNING


def never_checked(entry: ListEntry) -> bool:
    return entry.imap_checked_text is None and entry.smtp_checked_text is None


def scope_marks(row: ListRow) -> str:
    marks = group_mark(row.entry.group)
    if needs_attention(row):
        marks += ATTENTION_MARK
    if never_checked(row.entry):
        marks += UNCHECKED_MARK
    return marks
