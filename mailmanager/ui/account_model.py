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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    Signal,
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


def row_runs(positions: list[int]) -> list[tuple[int, int]]:
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

    Signals:
        relativeTimesChanged(): the clock moved on within the day (``refresh_times``): only
            the "3 minutes ago" texts of the Last checked column changed. It stands for a
            ``dataChanged`` over every row, which made the filter proxy filter every row
            again; the proxy repaints its own rows instead (``AccountFilterModel``).
    """

    relativeTimesChanged = Signal()

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
        # Set by the filter proxy while it filters (a scope or a text chosen): it then asks for
        # every row of a changed span and of a layout change, a call into Python per row, so
        # changes are signalled row run by row run and rows moved by removal and insertion.
        self.rows_filtered = False
        # Account id -> row, built when first asked after the rows moved (any insertion,
        # removal, reset or re-sort forgets it): a bulk action finds its thousand rows without
        # walking ten thousand.
        self._positions: dict[int, int] | None = None
        # The side list's counts, adjusted row by row when rows change (``_counted``) and
        # counted again from scratch after any other change (a signal the model did not count).
        self._tally: _Tally | None = None
        self._counting = False
        # The rows' cached order keys are valid for this stamp, made anew for another sort
        # column or another day.
        self._order_for: tuple[Column, date] | None = None
        self._order_stamp = object()
        # The day every row's states were last computed for (None: not known): until the date
        # changes, the clock's tick only repaints the relative times.
        self._states_day: date | None = None
        for moved in (
            self.rowsInserted,
            self.rowsRemoved,
            self.rowsMoved,
            self.modelReset,
            self.layoutChanged,
        ):
            moved.connect(self._forget_positions)
        for changed in (self.dataChanged, self.rowsInserted, self.rowsRemoved, self.modelReset):
            changed.connect(self._forget_tally)
        # The ids set_checking last marked (their rows are the only ones it may need to change).
        self._checking_ids: set[int] = set()
        # While checks run, results read in the background change rows in place without moving
        # them (``apply_changes``); the rows are sorted once when the last check ends.
        self._order_stale = False
        # Rows a bulk action changed in place and left where they were (``update_rows`` with
        # ``sort=False``), moved to their places by ``sort_pending`` or by the next sort.
        self._unsorted_ids: set[int] = set()

    # -- updating ------------------------------------------------------------------------------

    def set_provider_lookup(self, lookup: ProviderLookup) -> None:
        """Use ``lookup`` from now on and re-resolve every row's provider."""
        self._lookup = lookup
        today = self._today()
        for row in self._rows:
            entry = row.entry
            row.look = lookup(entry.provider_id, entry.address)
            row.set_states(self._states(entry, row.look, row.checking, today))
        self._states_day = today
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
            for first, last in reversed(row_runs(gone)):
                self.beginRemoveRows(QModelIndex(), first, last)
                del self._rows[first : last + 1]
                self.endRemoveRows()
        known = self._index()
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
        if first_load:  # every row's states are today's; and it was sorted as it was built
            self._states_day = today
        else:
            self._apply_sort(changed)

    def update_rows(self, entries: Iterable[ListEntry], *, sort: bool = True) -> None:
        """Change the rows of ``entries`` in place (a bulk action's result, known without
        reading the store); rows not listed stay as they are, unknown ids are ignored.

        ``sort=False`` leaves the changed rows where they are until ``sort_pending`` (or any
        other sort): the window shows a bulk action's new states at once and moves the rows
        on a later turn of the event loop, so the GUI thread never does both in one stall
        (hundreds of rows moved one run at a time through the filter proxy cost tens of
        milliseconds, bench_groups)."""
        self.generation += 1
        changed = self._change_rows(entries, local_today(self._clock()))
        with self._counted():  # _change_rows kept the counts
            self._emit_changed(changed)
            if not changed:
                return
            if sort:
                self._apply_sort(changed)
            else:
                rows = self._rows
                self._unsorted_ids.update(rows[position].account_id for position in changed)

    @property
    def unsorted_ids(self) -> frozenset[int]:
        """The rows ``update_rows(sort=False)`` changed and left out of their sorted places."""
        return frozenset(self._unsorted_ids)

    def sort_pending(self) -> bool:
        """Move the rows ``update_rows(sort=False)`` left in place to their sorted places;
        False when none was waiting (another sort took them along meanwhile)."""
        if not self._unsorted_ids:
            return False
        with self._counted():  # moving rows changes no count
            self._apply_sort([])
        return True

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
        with self._counted():  # _change_rows kept the counts
            self._emit_changed(touched)
        if touched and self._checking_ids:
            # Checks are running: the changed rows keep their places until the last one ends
            # (``set_checking``). A list whose rows jump as each result arrives is hard to
            # follow, and every move repainted the whole list during "Check all".
            self._order_stale = True
            touched = []
        if changes.added:
            first = len(self._rows)
            self._append_rows(changes.added, {}, today)
            touched.extend(range(first, len(self._rows)))
            if first == 0:
                self._states_day = today
        with self._counted():  # moving rows changes no count
            self._apply_sort(touched)
        return True

    def _remove_ids(self, gone: frozenset[int]) -> None:
        positions = [p for p, row in enumerate(self._rows) if row.account_id in gone]
        if len(positions) > max(MASS_CHANGE, len(self._rows) // 4):
            self.beginResetModel()  # quadratic through the proxy otherwise, see ``_update``
            self._rows = [row for row in self._rows if row.account_id not in gone]
            self.endResetModel()
            return
        for first, last in reversed(row_runs(positions)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def _change_rows(self, entries: Iterable[ListEntry], today: date) -> list[int]:
        """Give the rows of ``entries`` their new entry and states, and the side list's counts
        their new numbers; the rows' positions, in order (no signal yet: emit them
        ``_counted``). Unknown ids and unchanged rows are skipped."""
        wanted = {entry.id: entry for entry in entries}
        if not wanted:
            return []
        rows, positions, tally = self._rows, self._index(), self._tally
        changed = []
        for account_id, entry in wanted.items():
            position = positions.get(account_id)
            if position is None:
                continue
            row = rows[position]
            if row.entry == entry:
                continue
            if tally is not None:
                tally.add(row, -1)
            if row.entry.provider_id != entry.provider_id or row.entry.address != entry.address:
                row.look = self._lookup(entry.provider_id, entry.address)
            row.entry = entry
            row.set_states(self._states(entry, row.look, row.checking, today))
            if tally is not None:
                tally.add(row, 1)
            changed.append(position)
        changed.sort()
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
        """One signal per run of consecutive changed rows; one over their whole span when
        the runs are many (the filter proxy and the view handle each signal on its own)."""
        if not changed:
            return
        last_column = _COLUMN_COUNT - 1
        runs = row_runs(sorted(changed))
        if len(runs) > MASS_CHANGE and not self.rows_filtered:
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    # -- what is kept about the rows -------------------------------------------------------------

    def _index(self) -> dict[int, int]:
        """Account id -> row (built again after the rows moved)."""
        positions = self._positions
        if positions is None:
            positions = self._positions = {row.entry.id: p for p, row in enumerate(self._rows)}
        return positions

    def _forget_positions(self, *_signal: object) -> None:
        self._positions = None

    def _forget_tally(self, *_signal: object) -> None:
        if not self._counting:
            self._tally = None

    @contextmanager
    def _counted(self) -> Iterator[None]:
        """The signals emitted in the block are for changes the counts were adjusted for
        already (``_change_rows``), or that change no count (rows moved by the sort)."""
        self._counting = True
        try:
            yield
        finally:
            self._counting = False

    def _order_key(self) -> Callable[[ListRow], tuple[int | str, str]]:
        """A row's ``cells.order_key`` for the current sort column and day: computed once and
        kept with the row until its states change."""
        assert self._sort is not None
        column = self._sort[0]
        today = self._today()
        if self._order_for != (column, today):
            self._order_for = (column, today)
            self._order_stamp = object()
        stamp, key = self._order_stamp, cells.order_key

        def order_key(row: ListRow) -> tuple[int | str, str]:
            cached = row.order_cache
            if cached is None or cached[0] is not stamp:
                cached = row.order_cache = (stamp, key(row, column, today))
            return cached[1]

        return order_key

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
        order_key = self._order_key()
        stamp = self._order_stamp
        # The kept keys read inline (a call per row costs as much as the sort itself).
        keys = [
            cached[1] if (cached := row.order_cache) is not None and cached[0] is stamp
            else order_key(row)
            for row in rows
        ]  # fmt: skip
        return sorted(
            range(len(rows)),
            key=keys.__getitem__,
            reverse=self._sort[1] == Qt.SortOrder.DescendingOrder,
        )

    def _move_by_reinsertion(self, touched: list[int], wanted: list[int]) -> None:
        """Move the ``touched`` rows (a few, or while the proxy filters up to a quarter of
        them) to their places in ``wanted`` by removing and inserting them, a run of rows at a
        time, not by a layout change: the filter proxy answers a layout change by filtering
        every row again (a call into Python per row with a group chosen) and the view repaints
        all of it, while rows removed and inserted cost the proxy and the view only those rows.
        Their selection goes with them: the window puts it back (``take_reinserted``)."""
        rows = self._rows
        taken = {position: rows[position] for position in set(touched)}
        for first, last in reversed(row_runs(sorted(taken))):
            self.beginRemoveRows(QModelIndex(), first, last)
            del rows[first : last + 1]
            self.endRemoveRows()
        # In ascending final order each row (each run of rows) goes straight to its final
        # place: the rows before it are in their final order already.
        arriving = sorted((new, old) for new, old in enumerate(wanted) if old in taken)
        for first, last in row_runs([new for new, _old in arriving]):
            block = [taken[old] for _new, old in arriving[: last - first + 1]]
            del arriving[: last - first + 1]
            self.beginInsertRows(QModelIndex(), first, last)
            rows[first:first] = block
            self.endInsertRows()
            self._reinserted_ids.extend(row.account_id for row in block)

    def _reinsertion_limit(self) -> int:
        """How many changed rows are moved by removal and insertion rather than by a layout
        change: a few; while the proxy filters, up to a quarter of the rows (a layout change
        then costs it a call into Python for every row, a moved row a few)."""
        return max(MASS_CHANGE, len(self._rows) // 4) if self.rows_filtered else MASS_CHANGE

    def take_reinserted(self) -> list[int]:
        """The ids of the rows moved by removal and insertion since the last call."""
        ids, self._reinserted_ids = self._reinserted_ids, []
        return ids

    def positions_of(self, account_ids: Iterable[int]) -> dict[int, int]:
        """The rows of these accounts (those in the list)."""
        positions = self._index()
        return {i: positions[i] for i in account_ids if i in positions}

    def entries_of(self, account_ids: Iterable[int]) -> list[ListEntry]:
        """The rows' entries of these accounts (those in the list), in the given order."""
        rows, positions = self._rows, self._index()
        return [rows[positions[i]].entry for i in account_ids if i in positions]

    def _reinserted(self, touched: list[int]) -> list[int]:
        """The sorted order of the row positions when only ``touched`` rows may be out of
        place: the others keep their order, each touched one is inserted by bisection."""
        assert self._sort is not None
        order = self._sort[1]
        rows, order_key = self._rows, self._order_key()

        def key_of(position: int) -> tuple[int | str, str]:
            return order_key(rows[position])

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
        changed or arrived, the others being in order already) only those, a few each put back
        in its place by bisection, which costs a few sort keys instead of ten thousand. Rows
        move by a layout change, or by removal and insertion when they are few enough
        (``_reinsertion_limit``)."""
        if self._unsorted_ids and touched is not None and not self._order_stale:
            # Rows left out of place by ``update_rows(sort=False)`` go along: the bisection
            # below assumes every untouched row is in its place. (While checks keep the order
            # stale, the whole sort when they end takes them.)
            waiting = self.positions_of(self._unsorted_ids).values()
            touched = sorted(set(touched).union(waiting))
            self._unsorted_ids.clear()
        if touched and self._order_stale:
            # Rows changed in place while checks ran are out of order: the bisection below
            # assumes every untouched row is in place, so sort them all now.
            self._order_stale = False
            touched = None
        if touched is None:
            self._unsorted_ids.clear()  # every row goes to its place
        if self._sort is None or len(self._rows) < 2 or touched == []:
            return
        if touched is not None and len(touched) <= MASS_CHANGE:
            wanted = self._reinserted(touched)
        else:  # the kept keys make a whole sort cheaper than bisecting for each of many rows
            wanted = self._order(self._rows)
        if wanted == list(range(len(self._rows))):
            return
        if touched is not None and len(touched) <= self._reinsertion_limit():
            self._move_by_reinsertion(touched, wanted)
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

        The rows are not re-sorted for this, nor for the results that arrive while checks
        run (``apply_changes``): a list that reshuffles during "Check all" is hard to follow.
        When the last check ends, the rows are sorted once."""
        running = set(account_ids)
        # Called twice per check (started, ended): only the rows of the ids marked now or the
        # last time can need a change (a row arrives unmarked; only this sets the mark), found
        # through the model's id index instead of a walk over every row.
        wanted = running | self._checking_ids
        self._checking_ids = running
        release = not running and self._order_stale
        rows = self._rows
        for position in sorted(self.positions_of(wanted).values()):
            row = rows[position]
            checking = row.account_id in running
            if checking != row.checking:
                row.checking = checking
                row.set_states(self._states(row.entry, row.look, checking))
                self.dataChanged.emit(
                    self.index(position, Column.STATUS), self.index(position, Column.STATUS)
                )
        if release:
            self._order_stale = False
            self._apply_sort()  # the results that arrived while checks ran, in their places

    def refresh_times(self) -> None:
        """Recompute what depends on the clock (relative times, due states) for every row.

        States and sort keys depend on the day only: on the same day as the rows' states,
        only the "3 minutes ago" texts change, and ``relativeTimesChanged`` says so (no state
        computed again, no re-sort, no re-filtering: ten thousand rows' states cost the GUI
        thread ~100 ms every 30 s)."""
        today = local_today(self._clock())
        if today == self._states_day:
            if self._rows:
                self.relativeTimesChanged.emit()
            return
        for row in self._rows:
            row.set_states(self._states(row.entry, row.look, row.checking, today))
        self._states_day = today
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
        return self._index().get(account_id, -1)

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
        return self._counts().attention

    def scope_counts(self) -> ScopeCounts:
        """The side list's counts (no store read): counted in one pass over the rows, then
        kept up to date as rows change; the filter proxy shows the same rows through
        ``account_cells.scope_marks``."""
        tally = self._counts()
        return ScopeCounts(tally.total, tally.attention, tally.unchecked, dict(tally.groups))

    def _counts(self) -> _Tally:
        tally = self._tally
        if tally is None:
            tally = _Tally()
            for row in self._rows:
                tally.add(row, 1)
            self._tally = tally
        return tally

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
        if role == _FILTER_ROLE:  # (the filter proxy reads ``filter_text_at`` instead)
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

    def filter_text_at(self, position: int) -> str:
        """What the filter box searches in row ``position`` (``account_cells.filter_text``,
        kept with the row until it changes): the filter proxy's test reads it for every row."""
        return self._filter_text(self._rows[position])

    def _filter_text(self, row: ListRow) -> str:
        text = row.filter_cache
        if text is None:
            text = row.filter_cache = cells.filter_text(row)
        return text


@dataclass(slots=True)
class _Tally:
    """The side list's counts while they are kept up to date (``AccountModel._counts``)."""

    total: int = 0
    attention: int = 0
    unchecked: int = 0
    groups: dict[str, int] = field(default_factory=dict)  # only groups somebody is in

    def add(self, row: ListRow, sign: int) -> None:
        """Count ``row`` in (``sign`` 1) or out (-1)."""
        entry = row.entry
        self.total += sign
        if _SEVERITY[row.badge] >= _WARNING:  # cells.needs_attention, without the calls
            self.attention += sign
        if cells.never_checked(entry):
            self.unchecked += sign
        groups, group = self.groups, entry.group
        left = groups.get(group, 0) + sign
        if left:
            groups[group] = left
        else:
            del groups[group]


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
