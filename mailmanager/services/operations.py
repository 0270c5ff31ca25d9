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
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from mailmanager.core.blocking import call_from_thread, run_blocking

if TYPE_CHECKING:
    import asyncio  # imported where it is used: this module loads before the first paint

__all__ = ["Tasks", "async_slot", "call_from_thread", "run_blocking"]

T = TypeVar("T")
P = ParamSpec("P")


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
