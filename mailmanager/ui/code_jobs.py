"""Registry work for the code inventory's dialogs, off the GUI thread (issue 19).

Background work is done the app's one way (``services.operations``): an ``async`` slot awaits
the blocking call on the loop's executor (``run_blocking``). Each job opens its own store
connection there (SQLite connections belong to the thread that made them; opening one costs a
millisecond) and a ``Registry`` over it, so the keyring and the store change together exactly as
they do for the command line. Logins with a code (``runner.prove``) go through the same checker,
with the trust rule applied by the runner.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from mailmanager.core.checking import runner
from mailmanager.core.checking.proof import Proof
from mailmanager.core.model.accounts import Account, utcnow
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.operations import run_blocking

T = TypeVar("T")
CHECK_TIMEOUT = 20.0


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
        return await run_blocking(self._job, fn)

    def _job(self, fn: Callable[[Registry], T]) -> T:
        with AccountStore.open(self.database) as store:
            return fn(Registry(store, self._secrets(), clock=self._clock))

    async def prove(self, account: Account, secret: str) -> Proof:
        """One login to each server with ``secret`` (the trust rule applies, in the runner)."""
        timeout = self.check_timeout
        # Cancelled (the dialog closed): the flag stops the probes before they send the code.
        cancel = threading.Event()
        return await run_blocking(
            lambda: runner.prove(account, secret, timeout=timeout, cancel=cancel), cancel=cancel
        )
