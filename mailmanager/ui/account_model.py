"""The account list as a Qt model: one row per mailbox, with named roles for views and tests.

``AccountModel`` turns the store's ``ListEntry`` tuples (only what the list shows) into rows; the
full ``AccountSummary`` of a row is read through an injected loader when someone asks for it
(the selected mailbox's details, an edit), so ten thousand mailboxes load quickly. It is
updated in place (rows inserted, changed or removed by account id) so that a refresh after a CLI
change keeps the user's selection and scroll position. Everything date-dependent (badges,
"3 minutes ago") is computed from an injected clock, so tests are deterministic. The rows sort
themselves (worst badge first by default); what each cell says is in ``account_cells``, the
filter proxy in ``account_filter``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mailmanager.core.bulk import gc_paused
from mailmanager.core.model import status
from mailmanager.core.model.accounts import AccountSummary
from mailmanager.core.model.codes import CodeRecord
from mailmanager.core.model.list_diff import ListChanges
from mailmanager.core.model.list_entry import ListEntry, entry_from_summary
from mailmanager.core.model.status import State
from mailmanager.core.rules.badges import mailbox_states
from mailmanager.core.rules.policy import live_code_dates, local_today
from mailmanager.ui import account_cells as cells
from mailmanager.ui.account_cells import Column as Column  # the model's columns, re-exported
from mailmanager.ui.account_cells import ListRow
from mailmanager.ui.list_scope import ScopeCounts
from mailmanager.ui.provider_info import ProviderLook, fallback_look

Index = QModelIndex | QPersistentModelIndex
ProviderLookup = Callable[[str | None, str], ProviderLook]
SummaryLoader = Callable[[int], AccountSummary | None]


class AccountRoles(IntEnum):
    """Named data roles; every column answers all of them for its row."""

    AccountRole = Qt.ItemDataRole.UserRole + 1  # core.accounts.Account
    SummaryRole = Qt.ItemDataRole.UserRole + 2  # core.accounts.AccountSummary
    AccountIdRole = Qt.ItemDataRole.UserRole + 3  # int
    StatesRole = Qt.ItemDataRole.UserRole + 4  # list[State], worst first
    BadgeStateRole = Qt.ItemDataRole.UserRole + 5  # State shown on the badge
    SeverityRole = Qt.ItemDataRole.UserRole + 6  # int(Severity) of the badge
    SecondaryTextRole = Qt.ItemDataRole.UserRole + 7  # str: the cell's second line
    ProviderRole = Qt.ItemDataRole.UserRole + 8  # ProviderLook
    SortRole = Qt.ItemDataRole.UserRole + 9  # int | float | str per column
    FilterRole = Qt.ItemDataRole.UserRole + 10  # str: the text the filter box searches
    CheckingRole = Qt.ItemDataRole.UserRole + 11  # bool: a check is running


def _utcnow() -> datetime:
    return datetime.now(UTC)


_COLUMN_COUNT = len(Column)
# The list's order until the user picks another: worst badge first (address breaks ties).
DEFAULT_SORT = (Column.STATUS, Qt.SortOrder.AscendingOrder)
MASS_CHANGE = 32


def _ranges(positions: list[int]) -> list[tuple[int, int]]:
    """Sorted positions as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] == position - 1:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    return runs


class AccountModel(QAbstractTableModel):
    """The accounts, one row each, in store order; sort and filter through a proxy.

    Args:
        clock: returns the current time (timezone-aware); relative times and due states use it.
        provider_lookup: ``(provider_id, address) -> ProviderLook`` for names and marks.
        loader: ``account_id -> AccountSummary`` (or None if it is gone), for rows filled from
            ``ListEntry`` tuples; usually ``AccountStore.summary``.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = _utcnow,
        provider_lookup: ProviderLookup | None = None,
        loader: SummaryLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._loader = loader
        self._lookup: ProviderLookup = provider_lookup or (lambda _pid, addr: fallback_look(addr))
        self._rows: list[ListRow] = []
        self._sort: tuple[Column, Qt.SortOrder] | None = None
        # Moves on at every change of the rows' entries: a reload read off the GUI thread is
        # applied only if nothing changed the rows since it took its snapshot (``entries``).
        self.generation = 0
        self._reinserted_ids: list[int] = []
        # set_checking's last ids, and the rows' positions it last saw (checked before use).
        self._checking_ids: set[int] = set()
        self._checking_positions: dict[int, int] = {}
        self._checking_generation = -1

    # -- updating ------------------------------------------------------------------------------

    def set_provider_lookup(self, lookup: ProviderLookup) -> None:
        """Use ``lookup`` from now on and re-resolve every row's provider."""
        self._lookup = lookup
        for row in self._rows:
            entry = row.entry
            row.look = lookup(entry.provider_id, entry.address)
            row.set_states(self._states(entry, row.look, row.checking))
        self._emit_all_changed()
        self._apply_sort()

    def set_loader(self, loader: SummaryLoader | None) -> None:
        self._loader = loader

    def set_summaries(self, summaries: Iterable[AccountSummary]) -> None:
        """Show whole ``summaries`` (kept, so no loader is needed): tests and small lists."""
        whole = {s.account.id or 0: s for s in summaries}
        self._update([entry_from_summary(s) for s in whole.values()], whole)

    def set_entries(self, entries: Iterable[ListEntry]) -> None:
        """Show ``entries``: rows are matched by account id, so selections survive."""
        self._update(entries, {})

    def _update(self, entries: Iterable[ListEntry], whole: dict[int, AccountSummary]) -> None:
        self.generation += 1
        today = local_today(self._clock())
        first_load = not self._rows
        incoming = {entry.id: entry for entry in entries}
        gone = [p for p, row in enumerate(self._rows) if row.account_id not in incoming]
        if len(gone) > max(MASS_CHANGE, len(self._rows) // 4):
            # Removing thousands of rows one by one through a sorting proxy is quadratic: a
            # reset is linear (the selection is lost, which is fine when most rows went away).
            self.beginResetModel()
            self._rows = [row for row in self._rows if row.account_id in incoming]
            self.endResetModel()
        else:
            for first, last in reversed(_ranges(gone)):
                self.beginRemoveRows(QModelIndex(), first, last)
                del self._rows[first : last + 1]
                self.endRemoveRows()
        known = {row.account_id: position for position, row in enumerate(self._rows)}
        changed: list[int] = []
        for account_id, entry in incoming.items():
            found = known.get(account_id)
            if found is None:
                continue
            position = found
            row = self._rows[position]
            summary = whole.get(account_id)
            if row.entry == entry and row.summary == summary:
                continue
            if row.entry.provider_id != entry.provider_id or row.entry.address != entry.address:
                row.look = self._lookup(entry.provider_id, entry.address)
            row.entry = entry
            row.summary = summary
            row.set_states(self._states(entry, row.look, row.checking, today))
            changed.append(position)
        self._emit_changed(changed)
        new = [entry for account_id, entry in incoming.items() if account_id not in known]
        if new:
            first = len(self._rows)
            self._append_rows(new, whole, today)
            changed.extend(range(first, len(self._rows)))
        if not first_load:  # a first load was sorted as it was built
            self._apply_sort(changed)

    def update_rows(self, entries: Iterable[ListEntry]) -> None:
        """Change the rows of ``entries`` in place (a bulk action's result, known without
        reading the store); rows not listed stay as they are, unknown ids are ignored."""
        self.generation += 1
        changed = self._change_rows(entries, local_today(self._clock()))
        self._emit_changed(changed)
        if changed:
            self._apply_sort(changed)

    def apply_changes(self, changes: ListChanges) -> bool:
        """Apply a diff read off the GUI thread (``core.model.list_diff``): only the rows it
        names are touched, so the selection, the current row and the scroll position stay, and
        only changed rows are repainted. False (nothing done) when it is empty."""
        if not changes:
            return False
        self.generation += 1
        today = local_today(self._clock())
        if changes.gone:
            self._remove_ids(changes.gone)
        touched = self._change_rows(changes.changed, today)
        self._emit_changed(touched)
        if changes.added:
            first = len(self._rows)
            self._append_rows(changes.added, {}, today)
            touched.extend(range(first, len(self._rows)))
        self._apply_sort(touched)
        return True

    def _remove_ids(self, gone: frozenset[int]) -> None:
        positions = [p for p, row in enumerate(self._rows) if row.account_id in gone]
        if len(positions) > max(MASS_CHANGE, len(self._rows) // 4):
            self.beginResetModel()  # quadratic through the proxy otherwise, see ``_update``
            self._rows = [row for row in self._rows if row.account_id not in gone]
            self.endResetModel()
            return
        for first, last in reversed(_ranges(positions)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def _change_rows(self, entries: Iterable[ListEntry], today: date) -> list[int]:
        """Give the rows of ``entries`` their new entry and states; their positions (no
        signal yet). Unknown ids and unchanged rows are skipped."""
        wanted = {entry.id: entry for entry in entries}
        if not wanted:
            return []
        changed = []
        for position, row in enumerate(self._rows):
            entry = wanted.get(row.entry.id)
            if entry is None or row.entry == entry:
                continue
            if row.entry.provider_id != entry.provider_id or row.entry.address != entry.address:
                row.look = self._lookup(entry.provider_id, entry.address)
            row.entry = entry
            row.set_states(self._states(entry, row.look, row.checking, today))
            changed.append(position)
        return changed

    def _append_rows(
        self, new: list[ListEntry], whole: dict[int, AccountSummary], today: date
    ) -> None:
        first = len(self._rows)
        rows = []
        with gc_paused():
            lookup, states = self._lookup, self._states
            for entry in new:
                look = lookup(entry.provider_id, entry.address)
                rows.append(
                    ListRow(entry, look, states(entry, look, False, today), False,
                         whole.get(entry.id))
                )  # fmt: skip
        if not self._rows:
            rows = self._sorted(rows)  # a first load arrives in order: nothing moves later
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _emit_changed(self, changed: list[int]) -> None:
        last_column = len(Column) - 1
        if len(changed) > MASS_CHANGE:
            # A bulk action changed many rows: one signal over their span, not a thousand
            # (the filter proxy handles each signal on its own).
            first, last = min(changed), max(changed)
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        else:
            for position in changed:
                self.dataChanged.emit(self.index(position, 0), self.index(position, last_column))

    # -- sorting ---------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Keep the rows sorted by ``column`` (address as tie-breaker) from now on.

        The model sorts its own rows with precomputed keys, in Python's sort, instead of a
        proxy calling back into Python for every comparison: with ten thousand accounts that
        is milliseconds instead of seconds.
        """
        self._sort = (Column(column), order)
        self._apply_sort()

    def _order(self, rows: list[ListRow]) -> list[int]:
        """Positions of ``rows`` in the current sort order (identity when unsorted)."""
        if self._sort is None:
            return list(range(len(rows)))
        column, order = self._sort
        today, key = self._today(), cells.sort_key
        keys = [(key(row, column, today), row.entry.address.casefold()) for row in rows]
        return sorted(
            range(len(rows)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder
        )

    def _move_by_reinsertion(self, touched: list[int], wanted: list[int]) -> None:
        """Move the few ``touched`` rows to their places in ``wanted`` by removing and
        inserting them, not by a layout change: the filter proxy answers a layout change by
        filtering every row again (a call into Python per row with a group chosen) and the view
        repaints all of it, while rows removed and inserted cost the proxy and the view only
        those rows. Their selection goes with them: the window puts it back
        (``take_reinserted``)."""
        rows = self._rows
        taken = {position: rows[position] for position in set(touched)}
        for first, last in reversed(_ranges(sorted(taken))):
            self.beginRemoveRows(QModelIndex(), first, last)
            del rows[first : last + 1]
            self.endRemoveRows()
        # In ascending final order each row goes straight to its final position.
        for new, old in sorted((new, old) for new, old in enumerate(wanted) if old in taken):
            self.beginInsertRows(QModelIndex(), new, new)
            rows.insert(new, taken[old])
            self.endInsertRows()
            self._reinserted_ids.append(taken[old].account_id)

    def take_reinserted(self) -> list[int]:
        """The ids of the rows moved by removal and insertion since the last call."""
        ids, self._reinserted_ids = self._reinserted_ids, []
        return ids

    def positions_of(self, account_ids: set[int]) -> dict[int, int]:
        """The rows of these accounts (one pass over the rows)."""
        return {
            row.account_id: p for p, row in enumerate(self._rows) if row.account_id in account_ids
        }

    def _reinserted(self, touched: list[int]) -> list[int]:
        """The sorted order of the row positions when only ``touched`` rows may be out of
        place: the others keep their order, each touched one is inserted by bisection."""
        assert self._sort is not None
        column, order = self._sort
        today, key, rows = self._today(), cells.sort_key, self._rows
        keys: dict[int, tuple[int | str, str]] = {}

        def key_of(position: int) -> tuple[int | str, str]:
            found = keys.get(position)
            if found is None:
                row = rows[position]
                found = keys[position] = (key(row, column, today), row.entry.address.casefold())
            return found

        moving = set(touched)
        wanted = [p for p in range(len(rows)) if p not in moving]
        if order == Qt.SortOrder.DescendingOrder:
            for position in sorted(moving):
                mine = key_of(position)
                # Descending: the first place whose key is smaller than this row's.
                low, high = 0, len(wanted)
                while low < high:
                    middle = (low + high) // 2
                    if key_of(wanted[middle]) >= mine:
                        low = middle + 1
                    else:
                        high = middle
                wanted.insert(low, position)
        else:
            for position in sorted(moving):
                bisect.insort(wanted, position, key=key_of)
        return wanted

    def _sorted(self, rows: list[ListRow]) -> list[ListRow]:
        return [rows[i] for i in self._order(rows)]

    def _apply_sort(self, touched: list[int] | None = None) -> None:
        """Sort the rows again: all of them, or (``touched``: the positions of the rows that
        changed or arrived, the others being in order already) only those, each put back in
        its place by bisection, which costs a few sort keys instead of ten thousand."""
        if self._sort is None or len(self._rows) < 2:
            return
        if touched is not None and len(touched) <= MASS_CHANGE:
            wanted = self._reinserted(touched)
            if wanted != list(range(len(self._rows))):
                self._move_by_reinsertion(touched, wanted)
            return
        wanted = self._order(self._rows)
        if wanted == list(range(len(self._rows))):
            return
        self.layoutAboutToBeChanged.emit()
        new_position = {old: new for new, old in enumerate(wanted)}
        persistent = self.persistentIndexList()
        moved = [self.index(new_position[index.row()], index.column()) for index in persistent]
        self._rows = [self._rows[i] for i in wanted]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def set_checking(self, account_ids: Iterable[int]) -> None:
        """Mark the accounts whose check is running (their badge may show "Checking").

        The rows are not re-sorted for this: a list that reshuffles during "check all" is hard
        to follow; the next refresh with the results sorts them."""
        running = set(account_ids)
        # It is called twice per check (started, ended): only the rows whose flag changes are
        # looked at, through positions remembered from the last call and checked before use
        # (the rows move and change between calls); when one is stale or rows came or went,
        # every row is compared, as a row that arrived since then may need its flag.
        changed = running ^ self._checking_ids
        self._checking_ids = running
        rows = self._rows
        positions = self._checking_positions
        stale = self._positions_stale(positions, changed)
        if stale:
            positions = self._checking_positions = {row.account_id: p for p, row in enumerate(rows)}
            self._checking_generation = self.generation
            candidates: Iterable[int] = range(len(rows))
        else:  # ids with no row (not shown) are skipped
            candidates = sorted(p for i in changed if (p := positions.get(i)) is not None)
        for position in candidates:
            row = rows[position]
            checking = row.account_id in running
            if checking != row.checking:
                row.checking = checking
                row.set_states(self._states(row.entry, row.look, checking))
                self.dataChanged.emit(
                    self.index(position, Column.STATUS), self.index(position, Column.STATUS)
                )

    def _positions_stale(self, positions: dict[int, int], account_ids: set[int]) -> bool:
        """Whether ``positions`` may be wrong for ``account_ids``: rows came or went, one
        moved, or one is missing from a map made before the rows last changed."""
        rows = self._rows
        if len(positions) != len(rows):
            return True
        for account_id in account_ids:
            position = positions.get(account_id)
            if position is None:
                if self._checking_generation != self.generation:
                    return True
            elif position >= len(rows) or rows[position].account_id != account_id:
                return True
        return False

    def refresh_times(self) -> None:
        """Recompute what depends on the clock (relative times, due states) for every row."""
        today = local_today(self._clock())
        for row in self._rows:
            row.set_states(self._states(row.entry, row.look, row.checking, today))
        self._emit_all_changed()
        self._apply_sort()

    def _emit_all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def _states(
        self,
        entry: ListEntry,
        look: ProviderLook,
        checking: bool,
        today: date | None = None,
    ) -> list[State]:
        when = today if today is not None else local_today(self._clock())
        return mailbox_states(
            entry,
            entry.connection_statuses,
            when,
            recycle_days=look.recycle_days,
            checking=checking,
        )

    # -- look-ups ------------------------------------------------------------------------------

    def row_of(self, account_id: int) -> int:
        """The row of ``account_id``, or -1."""
        for position, row in enumerate(self._rows):
            if row.account_id == account_id:
                return position
        return -1

    def summary_at(self, row: int) -> AccountSummary | None:
        """The row's whole account and latest checks (read through the loader), or None if the
        account has gone from the store since the list was filled."""
        found = self._rows[row]
        if found.summary is not None:
            return found.summary
        return self._loader(found.account_id) if self._loader is not None else None

    def entry_at(self, row: int) -> ListEntry:
        return self._rows[row].entry

    def entries(self) -> list[ListEntry]:
        return [row.entry for row in self._rows]

    def states_at(self, row: int) -> list[State]:
        return list(self._rows[row].states)

    def states_for(
        self, row: int, summary: AccountSummary, codes: list[CodeRecord] | None = None
    ) -> list[State]:
        """The states of ``summary`` (read afresh) with the row's provider and checking flag;
        with the mailbox's ``codes``, the worst of its live codes' dates, as the list shows."""
        found = self._rows[row]
        account = summary.account
        if codes is not None:
            created, expires = live_code_dates(codes)
            account = account.replace(code_created=created, code_expires=expires)
        return mailbox_states(
            account,
            summary.connection_statuses,
            self._today(),
            recycle_days=found.look.recycle_days,
            checking=found.checking,
        )

    def attention_count(self) -> int:
        """How many mailboxes' badges are warnings or worse (the window's summary line)."""
        warning = int(status.Severity.WARNING)
        return sum(1 for row in self._rows if _SEVERITY[row.badge] >= warning)

    def scope_counts(self) -> ScopeCounts:
        """The side list's counts, in one pass over the rows (no store read); the filter
        proxy shows the same rows through ``account_cells.scope_marks``."""
        attention = unchecked = 0
        groups: dict[str, int] = {}
        for row in self._rows:
            entry = row.entry
            if _SEVERITY[row.badge] >= _WARNING:  # cells.needs_attention, without the calls
                attention += 1
            if cells.never_checked(entry):
                unchecked += 1
            groups[entry.group] = groups.get(entry.group, 0) + 1
        return ScopeCounts(len(self._rows), attention, unchecked, groups)

    def groups(self) -> list[str]:
        """The group names in use, for the edit dialog's choice."""
        return sorted({row.entry.group for row in self._rows if row.entry.group}, key=str.casefold)

    def look_at(self, row: int) -> ProviderLook:
        return self._rows[row].look

    # -- QAbstractItemModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        for role in AccountRoles:
            names[int(role)] = QByteArray((role.name[0].lower() + role.name[1:]).encode())
        return names

    # No ``flags`` override: QAbstractTableModel's own (enabled, selectable, never has
    # children) is what the list needs, and the view asks for it for every row at every layout,
    # so answering in C++ saves ten thousand calls into Python per layout.

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.MAILBOX: self.tr("Mailbox"),
                Column.STATUS: self.tr("Status"),
                Column.LAST_CHECKED: self.tr("Last checked"),
                Column.CODE: self.tr("Authorization code"),
            }[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                Column.MAILBOX: self.tr("The mailbox address and its provider"),
                Column.STATUS: self.tr("The most serious state; hover a badge to see all"),
                Column.LAST_CHECKED: self.tr("When the last login test ran"),
                Column.CODE: self.tr("When the authorization code expires and how old it is"),
            }[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for a dozen roles per painted cell (font, colours, decoration, check
        # state...): the ones this model does not answer return at once, and the role and
        # column are compared as plain ints (Python's enum look-ups are slow at that rate).
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        if role == _FILTER_ROLE:
            # The filter proxy asks for every row whenever a group is chosen: the short way.
            rows, position = self._rows, index.row()
            return self._filter_text(rows[position]) if 0 <= position < len(rows) else None
        position, column_number = index.row(), index.column()
        if not (0 <= position < len(self._rows) and 0 <= column_number < _COLUMN_COUNT):
            return None
        row = self._rows[position]
        column = _COLUMNS[column_number]
        if role in _DISPLAY_ROLES:
            return self._display(row, column)
        if role == _TOOLTIP_ROLE:
            return self._tooltip(row, column)
        if role == _ALIGNMENT_ROLE:
            return _ALIGNMENT
        return self._custom(row, column, AccountRoles(role))

    def _custom(self, row: ListRow, column: Column, role: AccountRoles) -> Any:
        if role is AccountRoles.AccountRole or role is AccountRoles.SummaryRole:
            summary = row.summary
            if summary is None and self._loader is not None:
                summary = self._loader(row.account_id)
            if summary is None or role is AccountRoles.SummaryRole:
                return summary
            return summary.account
        if role is AccountRoles.AccountIdRole:
            return row.account_id
        if role is AccountRoles.StatesRole:
            return list(row.states)
        if role is AccountRoles.BadgeStateRole:
            return row.badge
        if role is AccountRoles.SeverityRole:
            return _SEVERITY[row.badge]
        if role is AccountRoles.SecondaryTextRole:
            return self._secondary(row, column)
        if role is AccountRoles.ProviderRole:
            return row.look
        if role is AccountRoles.SortRole:
            return self._sort_key(row, column)
        if role is AccountRoles.FilterRole:
            return self._filter_text(row)
        return row.checking  # AccountRoles.CheckingRole

    # -- cell contents (see account_cells) ------------------------------------------------------

    def _today(self) -> date:
        return local_today(self._clock())

    def _display(self, row: ListRow, column: Column) -> str:
        now = self._clock()
        return cells.display(row, column, now, local_today(now))

    def _secondary(self, row: ListRow, column: Column) -> str:
        return cells.secondary(row, column, self._today())

    def _tooltip(self, row: ListRow, column: Column) -> str:
        return cells.tooltip(row, column, self._today())

    def _sort_key(self, row: ListRow, column: Column) -> int | str:
        return cells.sort_key(row, column, self._today())

    def _filter_text(self, row: ListRow) -> str:
        text = row.filter_cache
        if text is None:
            text = row.filter_cache = cells.filter_text(row)
        return text


_ROLE_VALUES = {int(role) for role in AccountRoles}
_SEVERITY = {state: int(status.info(state).severity) for state in status.ALL_STATES}
_WARNING = int(status.Severity.WARNING)
_COLUMNS = tuple(Column)
_DISPLAY_ROLES = frozenset(
    {int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole)}
)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_FILTER_ROLE = int(AccountRoles.FilterRole)
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_ALIGNMENT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ANSWERED_ROLES = _DISPLAY_ROLES | {_TOOLTIP_ROLE, _ALIGNMENT_ROLE} | _ROLE_VALUES
