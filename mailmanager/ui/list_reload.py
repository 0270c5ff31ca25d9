"""The main list's reload after the store changed: read off the GUI thread, coalesced.

Every change to the store (each finished check, a bulk action, the CLI) asks for a reload.
Reading the rows (SQLite, then ten thousand ``ListEntry`` tuples) and comparing them with the
shown ones took most of the GUI thread's longest stalls (bench_groups, bench_smoothness), so
both run in an executor through ``services.operations.run_blocking``, on a connection of the
executor thread's own (``core.model.list_diff.read_changes``). The GUI thread only applies the
difference (``AccountModel.apply_changes``).

Each read reads only the mailboxes changed since the last read whose rows were applied (the
store's change log, schema 7: its ``ListMark`` is kept here), so a reload after one check
reads one row, not ten thousand; the first read, and any the log cannot answer, read all.

Coalescing (``services.operations.Coalesced``): one read at a time; any number of requests
while one runs make one more read after it, so a burst of changes costs at most two. A read
whose snapshot the model has moved past
(a synchronous ``refresh``, a bulk action's rows) is dropped and read again, so an older read
never overwrites newer rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mailmanager.core.model.list_diff import ListChanges, read_changes
from mailmanager.core.model.list_entry import ListMark
from mailmanager.core.store.account_store import StoreError
from mailmanager.services.operations import Coalesced, Tasks, run_blocking

if TYPE_CHECKING:
    from mailmanager.ui.account_model import AccountModel


class ListReload:
    """Reloads ``model`` from ``database`` in the loop's executor when asked.

    Args:
        apply: called on the GUI thread with each read's changes (possibly none).
        failed: called with the ``StoreError`` of a read that failed (a locked file).
    """

    def __init__(
        self,
        model: AccountModel,
        database: Path,
        tasks: Tasks,
        *,
        apply: Callable[[ListChanges], None],
        failed: Callable[[StoreError], None],
    ) -> None:
        self._model = model
        self._database = database
        self._apply = apply
        self._failed = failed
        self._reloads = Coalesced(tasks, self._reload)
        # The change log's mark of the last read applied to the model: every row the model
        # shows is at least as new as it (rows put there since by a refresh or a bulk action
        # are newer still, and were written after it, so the next read reads them again).
        self._mark: ListMark | None = None
        self.reads = 0  # reads made (tests and the bench count them)

    @property
    def busy(self) -> bool:
        """A reload is running or waiting to run."""
        return self._reloads.busy

    def seen(self, mark: ListMark | None) -> None:
        """The model was just filled on the GUI thread with rows read at ``mark`` (a
        ``refresh``): the next reload reads only the mailboxes changed after it. A read
        running meanwhile is dropped by the model's generation and made again from here."""
        if mark is not None:
            self._mark = mark

    def request(self) -> None:
        """Reload soon (on the running asyncio loop; coalesced with the running reload)."""
        self._reloads.request()

    async def _reload(self) -> None:
        """One read, applied unless the model moved on while it ran (then one more read is
        asked for, which also answers every request made meanwhile); a failed read is
        reported."""
        generation = self._model.generation
        shown = self._model.entries()
        self.reads += 1
        try:
            changes = await run_blocking(read_changes, self._database, shown, self._mark)
        except StoreError as exc:
            self._failed(exc)
            return
        if self._model.generation != generation:
            self._reloads.request()  # the rows moved on while this read ran: read again
            return
        self._mark = changes.mark
        self._apply(changes)
