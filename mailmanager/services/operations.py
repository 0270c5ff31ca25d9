"""The one way the GUI runs background work: async slots on qasync's loop, awaiting executors.

Every job that could block the GUI thread (the keyring through ``core.secrets_gateway``, SQLite,
a probe, detection, a D-Bus call) is awaited from a coroutine on the GUI thread::

    @asyncSlot()
    async def save(self) -> None:
        self.button.setEnabled(False)
        try:
            account = await run_blocking(registry_add, account, proof)   # typed: Account
        finally:
            self.button.setEnabled(True)

* **Typed results.** ``run_blocking(fn, *args) -> T`` hands back what ``fn`` returns, or raises
  what it raised, in the coroutine: no ``Signal(object)`` and no ``isinstance`` re-checks.
* **One error path.** A coroutine that fails ends in ``sys.excepthook`` (qasync's ``asyncSlot``
  does this; ``Tasks`` does the same for the tasks it owns), which the app's
  ``services.crash_handler`` owns.
* **One cancellation.** A window keeps the tasks it started in a ``Tasks`` and cancels them when
  it closes; cancelling sets the ``cancel`` event handed to ``run_blocking``, which the blocking
  work checks before it sends anything (``core.blocking``).

In the spirit of Anki's ``aqt.operations.QueryOp``, but smaller: asyncio already gives tasks,
cancellation and results; this module only adds ownership.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeAlias, TypeVar, cast

from mailmanager.core.blocking import call_from_thread, run_blocking

if TYPE_CHECKING:
    import asyncio  # imported where it is used: this module loads before the first paint
    from contextlib import AbstractContextManager

    from mailmanager.core.store.account_store import AccountStore

__all__ = [
    "Coalesced",
    "KeptStore",
    "StoreOpener",
    "Tasks",
    "async_slot",
    "call_from_thread",
    "run_blocking",
]

T = TypeVar("T")
P = ParamSpec("P")

# Opens a store connection of the calling thread's own (SQLite connections belong to the thread
# that opened them): what a job reading the store in an executor is handed.
StoreOpener: TypeAlias = "Callable[[], AbstractContextManager[AccountStore]]"


def async_slot(
    *types: type,
) -> Callable[[Callable[P, Coroutine[Any, Any, None]]], Callable[P, asyncio.Task[None]]]:
    """qasync's ``asyncSlot`` with types: calling the slot starts the coroutine as a task on
    the running loop and returns the task; its exception goes to ``sys.excepthook``.

    qasync is imported when a class using this is defined (the wizard and the dialogs, loaded
    after the first paint), never by merely importing this module.
    """
    from qasync import asyncSlot

    def decorate(
        method: Callable[P, Coroutine[Any, Any, None]],
    ) -> Callable[P, asyncio.Task[None]]:
        return cast("Callable[P, asyncio.Task[None]]", asyncSlot(*types)(method))

    return decorate


class Tasks:
    """The asyncio tasks one object (a window, a page, a service) started.

    ``start`` runs a coroutine on the running loop and keeps it until it ends; an exception it
    raises goes to ``sys.excepthook`` (the crash handler), as ``asyncSlot``'s do;
    ``cancel_all`` cancels what is still running (the window closes, the app quits).
    """

    def __init__(self) -> None:
        self._tasks: set[asyncio.Future[Any]] = set()

    def start(self, coroutine: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        """Run ``coroutine`` as a task owned here; its exception goes to ``sys.excepthook``."""
        import asyncio

        task = asyncio.ensure_future(coroutine)
        self.own(task)
        task.add_done_callback(_report)
        return task

    def own(self, task: asyncio.Future[Any]) -> None:
        """Keep a task started elsewhere (an ``asyncSlot`` returns its task and reports its
        exception itself), so that ``cancel_all`` reaches it."""
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def cancel_all(self) -> None:
        """Cancel every task still running. After the loop has closed (the app quit while a
        task waited) there is nothing left to cancel: the executor's work ended with it."""
        for task in list(self._tasks):
            if task.get_loop().is_closed():
                self._tasks.discard(task)
            else:
                task.cancel()


def _report(task: asyncio.Future[Any]) -> None:
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        sys.excepthook(type(error), error, error.__traceback__)


class Coalesced:
    """One job at a time for requests that come in bursts (200 finished checks, each asking
    the schedule and the alerts to read the store again).

    ``request`` starts ``job`` (a coroutine function: typically read the store with
    ``run_blocking`` on a connection of the executor thread's own, then apply the result on
    the GUI thread) unless it is running; any number of requests while it runs make ONE more
    run after it. A burst therefore costs at most two runs, they never overlap, and a run's
    result is applied before the next one starts, so an older read never overwrites a newer
    one. The runs are tasks of ``tasks`` (cancelled with them; errors go to the crash
    handler).
    """

    def __init__(self, tasks: Tasks, job: Callable[[], Coroutine[Any, Any, None]]) -> None:
        self._tasks = tasks
        self._job = job
        self._wanted = 0  # requests made
        self._done = 0  # requests answered by a run that started after them
        self._task: asyncio.Task[None] | None = None
        self.runs = 0  # runs made (tests and the benches count them)

    @property
    def busy(self) -> bool:
        """A run is going on or waiting to start."""
        return self._task is not None

    def request(self) -> None:
        """Run the job soon (on the running asyncio loop), coalesced with the running one."""
        self._wanted += 1
        if self._task is None:
            self._task = self._tasks.start(self._run())

    async def _run(self) -> None:
        try:
            while self._done < self._wanted:
                target = self._wanted
                self.runs += 1
                await self._job()
                self._done = target
        finally:
            self._task = None


class KeptStore:
    """A ``StoreOpener`` that keeps one connection open across a service's executor jobs.

    A fresh connection per job forgets what the store keeps per connection: the list's rows
    by id with their change-log mark (``AccountStore.list_entries``). The scheduler's re-plan
    and the alerts' evaluation run after every change, so with a connection of their own kept
    open they read only the mailboxes changed since their last job instead of every row. The
    jobs may run on any executor thread, one at a time: the lock makes that a rule, and lets
    ``close`` wait for a job still reading.
    """

    def __init__(self, database: Path) -> None:
        import threading

        self._database = database
        self._store: AccountStore | None = None
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def __call__(self) -> Iterator[AccountStore]:
        from mailmanager.core.store.account_store import AccountStore, StoreError

        with self._lock:
            if self._closed:
                raise StoreError(self._database, "closed")
            if self._store is None:
                self._store = AccountStore.open(self._database, shared=True)
            yield self._store

    def close(self) -> None:
        """Close the connection (after a job still running); later jobs get a ``StoreError``."""
        with self._lock:
            self._closed = True
            if self._store is not None:
                self._store.close()
                self._store = None
