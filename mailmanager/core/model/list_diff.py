"""What changed between the rows a list shows and the store's rows read afresh.

The main list reloads after every change to the store (a check's result, a CLI edit, a bulk
action). Reading ten thousand rows and comparing them with the shown ones is the slow part of
a reload, so both run off the GUI thread (``ui.list_reload``); the GUI thread then only touches
the rows that differ (``AccountModel.apply_changes``). Plain Python: the rows are immutable
``ListEntry`` tuples, safe to compare on any thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from mailmanager.core.bulk import gc_paused
from mailmanager.core.model.list_entry import ListEntry


class ListChanges(NamedTuple):
    """Rows to change in place, rows to add, and the ids of rows to remove."""

    changed: list[ListEntry]
    added: list[ListEntry]
    gone: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.gone)


NO_CHANGES = ListChanges([], [], frozenset())


def diff_entries(shown: Iterable[ListEntry], fresh: Sequence[ListEntry]) -> ListChanges:
    """The changes that turn ``shown`` into ``fresh`` (rows matched by account id)."""
    with gc_paused():
        before = {entry.id: entry for entry in shown}
        changed: list[ListEntry] = []
        added: list[ListEntry] = []
        for entry in fresh:
            old = before.pop(entry.id, None)
            if old is None:
                added.append(entry)
            elif old != entry:
                changed.append(entry)
    return ListChanges(changed, added, frozenset(before))


def read_changes(database: Path, shown: Sequence[ListEntry]) -> ListChanges:
    """Read the list's rows through a connection of this thread's own and diff them against
    ``shown``: the blocking half of a reload, for an executor (SQLite connections belong to
    the thread that opened them, so the GUI's connection is never used here)."""
    from mailmanager.core.store.account_store import AccountStore

    with AccountStore.open(database) as store:
        fresh = store.read_list_entries()
    return diff_entries(shown, fresh)
