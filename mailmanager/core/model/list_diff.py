"""What changed between the rows a list shows and the store's rows read afresh.

The main list reloads after every change to the store (a check's result, a CLI edit, a bulk
action). Reading ten thousand rows and comparing them with the shown ones was the slow part of
a reload, so it runs off the GUI thread (``ui.list_reload``), and since schema 7 it reads only
the mailboxes the store's change log names as changed since the rows shown were read (their
``ListMark``); the GUI thread then only touches the rows that differ
(``AccountModel.apply_changes``). Plain Python: the rows are immutable ``ListEntry`` tuples,
safe to compare on any thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from mailmanager.core.bulk import gc_paused
from mailmanager.core.model.list_entry import ListEntry, ListMark


class ListChanges(NamedTuple):
    """Rows to change in place, rows to add, and the ids of rows to remove."""

    changed: list[ListEntry]
    added: list[ListEntry]
    gone: frozenset[int]
    # Where the store's change log stood at the read (None: not read from a store). Once these
    # changes are shown, the next read asks for what changed after it.
    mark: ListMark | None = None

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.gone)


NO_CHANGES = ListChanges([], [], frozenset())


def diff_entries(shown: Iterable[ListEntry], fresh: Sequence[ListEntry]) -> ListChanges:
    """The changes that turn ``shown`` into ``fresh`` (rows matched by account id)."""
    with gc_paused():
        return _diff({entry.id: entry for entry in shown}, fresh)


def diff_some(
    shown: Iterable[ListEntry], fresh: Sequence[ListEntry], ids: frozenset[int]
) -> ListChanges:
    """The changes that turn ``shown`` into the store's rows when only the mailboxes ``ids``
    may have changed and ``fresh`` holds those of them still listed (an id of ``ids`` that
    is shown but not in ``fresh`` is gone)."""
    with gc_paused():
        return _diff({entry.id: entry for entry in shown if entry.id in ids}, fresh)


def _diff(before: dict[int, ListEntry], fresh: Sequence[ListEntry]) -> ListChanges:
    """``fresh`` against the rows ``before`` (by id, emptied here): what changed, what is
    new, and the ids left over, which are gone."""
    changed: list[ListEntry] = []
    added: list[ListEntry] = []
    for entry in fresh:
        old = before.pop(entry.id, None)
        if old is None:
            added.append(entry)
        elif old != entry:
            changed.append(entry)
    return ListChanges(changed, added, frozenset(before))


def read_changes(
    database: Path, shown: Sequence[ListEntry], since: ListMark | None = None
) -> ListChanges:
    """Read the list's rows through a connection of this thread's own and diff them against
    ``shown``: the blocking half of a reload, for an executor (SQLite connections belong to
    the thread that opened them, so the GUI's connection is never used here).

    With ``since``, the mark of the read ``shown`` came from (or an earlier one), only the
    mailboxes changed after it are read; without one, or when the store's log cannot answer
    for it, or when the rows would not add up to the store's count (``shown`` is not what the
    mark says), every row is read and compared. The result carries the new mark.
    """
    from mailmanager.core.store.account_store import AccountStore

    with AccountStore.open(database) as store:
        found = store.read_list_since(since)
        if found.ids is not None:
            changes = diff_some(shown, found.entries, found.ids)
            if len(shown) + len(changes.added) - len(changes.gone) == found.listed:
                return changes._replace(mark=found.mark)
            found = store.read_list_since(None)
    return diff_entries(shown, found.entries)._replace(mark=found.mark)
