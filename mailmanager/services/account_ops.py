"""Account changes from the GUI, run through the registry off the GUI thread, one at a time.

Every edit, pause, confirmation and removal goes through ``core.registry.Registry`` so the store
and the keyring stay consistent. The registry calls the keyring, which may block (unlock
prompts, D-Bus activation), so each operation is awaited on the loop's executor
(``services.operations.run_blocking``), never run on the GUI thread; its keyring calls go to
the process's one keyring thread (``core.secrets_gateway``), which keeps them serial with every
other keyring call of the app. Operations run one after another in the order they were asked
for (an ``asyncio.Lock``, which is fair), as the user made them. SQLite connections belong to
one thread, so each operation opens its own store connection where it runs; its commits change
``PRAGMA data_version`` for the GUI's connection, so the ``StoreWatcher`` picks them up like a
change made by the CLI.

The keyring's ``SecretStore`` (and with it the keyring library, whose import is slow) is made on
first use, so that start-up paints the window without waiting for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

from mailmanager.core.model.accounts import Account
from mailmanager.services.operations import run_blocking

if TYPE_CHECKING:
    import asyncio  # loaded on first use: this module loads before the first paint

    from mailmanager.core.registry import Registry
    from mailmanager.core.secrets import SecretStore

log = logging.getLogger("mailmanager.ui.ops")

T = TypeVar("T")


class AccountOps(QObject):
    """Registry operations, awaited by the windows' async slots; typed results.

    Args:
        secrets: the app's ``SecretStore``, or a function that makes it on first use.
        database: the store's file.
    """

    def __init__(
        self,
        secrets: SecretStore | Callable[[], SecretStore],
        database: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._secrets: SecretStore | None = None
        self._make_secrets: Callable[[], SecretStore] | None = None
        if callable(secrets):
            self._make_secrets = secrets
        else:
            self._secrets = secrets
        self._database = database
        self._lock: asyncio.Lock | None = None

    @property
    def secrets(self) -> SecretStore:
        if self._secrets is None:
            assert self._make_secrets is not None
            self._secrets = self._make_secrets()
        return self._secrets

    def _with_registry(self, fn: Callable[[Registry], T]) -> T:
        # On an executor thread: a store connection of its own, closed when done.
        from mailmanager.core.registry import Registry
        from mailmanager.core.store.account_store import AccountStore

        with AccountStore.open(self._database) as store:
            return fn(Registry(store, self.secrets))

    async def _run(self, fn: Callable[[Registry], T]) -> T:
        if self._lock is None:
            import asyncio

            self._lock = asyncio.Lock()
        async with self._lock:
            return await run_blocking(self._with_registry, fn)

    async def recover_pending(self) -> int:
        """At start: remove what a crashed save left behind (keyring entries of pending rows).
        Skipped while another process holds the save lock; a keyring that does not answer
        leaves them for the next add. Never raises a keyring or store error."""
        from mailmanager.core.secrets import SecretsError
        from mailmanager.core.store.errors import StoreError

        try:
            return await self._run(lambda r: r.recover_pending(wait=0))
        except (SecretsError, StoreError) as exc:
            log.warning("unfinished saves not cleaned up now: %s", type(exc).__name__)
            return 0

    async def change(self, account: Account) -> Account:
        """Save changed settings (the edit dialog); the code stays as it is."""
        return await self._run(lambda r: r.change(account))

    async def confirm_hosts(self, accounts: list[Account]) -> list[Account]:
        """Keep the user's confirmation of servers or certificates (``trust.confirm``)."""
        return await self._run(lambda r: [r.confirm_hosts(account) for account in accounts])

    async def set_paused(self, account_id: int, paused: bool) -> Account:
        return await self._run(
            lambda r: r.change(r.store.get_account(account_id).replace(paused=paused))
        )

    async def confirm_web_login(self, account_id: int, day: date) -> Account:
        """Remember that the user logged in on the web on ``day`` (the inactivity rule)."""
        return await self._run(lambda r: r.confirm_web_login(account_id, day))

    async def remove(self, account_id: int) -> Account:
        """Delete the account, its history and its keyring entry; returns what was removed."""
        return await self._run(lambda r: r.remove(account_id))

    async def run(self, fn: Callable[[Registry], T]) -> T:
        """Await ``fn(registry)``, in turn with the other operations (the bulk actions: one
        intent over many mailboxes, one transaction, off the GUI thread)."""
        return await self._run(fn)
