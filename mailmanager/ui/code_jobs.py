"""Registry work for the code inventory's dialogs, off the GUI thread (issue 19).

The one way background work is done in new code: an ``async`` slot awaits the blocking call in
the loop's executor (``loop.run_in_executor``). Each job opens its own store connection there
(SQLite connections belong to the thread that made them; opening one costs a millisecond) and
a ``Registry`` over it, so the keyring and the store change together exactly as they do for
the command line. Logins with a code (``runner.prove``) go through the same checker, with the
trust rule applied by the runner.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import ParamSpec, TypeVar, cast

from qasync import asyncSlot

from mailmanager.core.checking import runner
from mailmanager.core.checking.proof import Proof
from mailmanager.core.model.accounts import Account, utcnow
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore

T = TypeVar("T")
P = ParamSpec("P")
CHECK_TIMEOUT = 20.0


def async_slot() -> Callable[[Callable[P, Awaitable[None]]], Callable[P, None]]:
    """qasync's ``@asyncSlot()`` with its type spelled out (qasync ships no type hints): the
    method runs as a task on the loop; calling it returns at once."""
    return cast(Callable[[Callable[P, Awaitable[None]]], Callable[P, None]], asyncSlot())


class RegistryJobs:
    """Runs registry calls and checks in the running loop's executor.

    Args:
        database: the store's file.
        secrets: makes the keyring gateway (the app's is namespaced by its home).
        clock: the registry's clock (injected in tests).
    """

    def __init__(
        self,
        database: Path,
        secrets: Callable[[], SecretStore],
        *,
        clock: Callable[[], datetime] = utcnow,
        check_timeout: float = CHECK_TIMEOUT,
    ) -> None:
        self.database = database
        self._secrets = secrets
        self._clock = clock
        self.check_timeout = check_timeout

    async def run(self, fn: Callable[[Registry], T]) -> T:
        """``fn(registry)`` on an executor thread, with a registry of its own."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self._job, fn)

    def _job(self, fn: Callable[[Registry], T]) -> T:
        with AccountStore.open(self.database) as store:
            return fn(Registry(store, self._secrets(), clock=self._clock))

    async def prove(self, account: Account, secret: str) -> Proof:
        """One login to each server with ``secret`` (the trust rule applies, in the runner)."""
        loop = asyncio.get_running_loop()
        timeout = self.check_timeout
        return await loop.run_in_executor(
            None, lambda: runner.prove(account, secret, timeout=timeout)
        )
