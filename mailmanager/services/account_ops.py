"""Account changes from the GUI, run through the registry on the keyring worker thread.

Every edit, pause, confirmation and removal goes through ``core.registry.Registry`` so the store
and the keyring stay consistent. The registry calls the keyring, which may block (unlock
prompts, D-Bus activation), so it runs on ``SecretWorker``'s single thread, never on the GUI
thread. SQLite connections belong to one thread, so the registry gets its own store connection,
opened on that worker thread on first use. Its commits change ``PRAGMA data_version`` for the
GUI's connection, so the ``StoreWatcher`` picks them up like a change made by the CLI.

The worker (and with it the keyring library, whose import is slow) is created on first use, so
that start-up paints the window without waiting for it.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject

from mailmanager.core.model.accounts import Account

if TYPE_CHECKING:
    from mailmanager.core.registry import Registry
    from mailmanager.services.secret_worker import SecretWorker

log = logging.getLogger("mailmanager.ui.ops")

T = TypeVar("T")
Done = Callable[[Any], None] | None
Failed = Callable[[BaseException], None] | None


class AccountOps(QObject):
    """Queues registry operations on the worker thread; results come back on the GUI thread.

    Args:
        worker: the app's ``SecretWorker`` (its one thread also owns the registry's store), or
            a function that makes it on first use.
        database: the store's file.
    """

    def __init__(
        self,
        worker: SecretWorker | Callable[[], SecretWorker],
        database: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker: SecretWorker | None = None
        self._make_worker: Callable[[], SecretWorker] | None = None
        if callable(worker) and not isinstance(worker, QObject):
            self._make_worker = worker
        else:
            self._worker = worker
        self._database = database
        self._registry: Registry | None = None  # only touched on the worker thread

    @property
    def worker(self) -> SecretWorker:
        if self._worker is None:
            assert self._make_worker is not None
            self._worker = self._make_worker()
        return self._worker

    def _on_worker(self) -> Registry:
        if self._registry is None:
            from mailmanager.core.registry import Registry
            from mailmanager.core.store.account_store import AccountStore

            self._registry = Registry(AccountStore.open(self._database), self.worker.store)
        return self._registry

    def _run(self, fn: Callable[[Registry], T], on_done: Done, on_error: Failed) -> None:
        self.worker.request(lambda: fn(self._on_worker()), on_done=on_done, on_error=on_error)

    async def with_registry(self, fn: Callable[[Registry], T]) -> T:
        """Await ``fn(registry)`` on the worker thread (for ``async def`` slots: the table
        import's save)."""
        return await self.worker.run(lambda: fn(self._on_worker()))

    def recover_pending(self) -> concurrent.futures.Future[int]:
        """At start, on the keyring thread: remove what a crashed save left behind (keyring
        entries of pending rows). Skipped while another process holds the save lock; a
        keyring that does not answer leaves them for the next add. Never shows an error."""

        def recover() -> int:
            from mailmanager.core.secrets import SecretsError
            from mailmanager.core.store.errors import StoreError

            try:
                return self._on_worker().recover_pending(wait=0)
            except (SecretsError, StoreError) as exc:
                log.warning("unfinished saves not cleaned up now: %s", type(exc).__name__)
                return 0

        return self.worker.submit(recover)

    def change(self, account: Account, *, on_done: Done = None, on_error: Failed = None) -> None:
        """Save changed settings (the edit dialog); the code stays as it is."""
        self._run(lambda r: r.change(account), on_done, on_error)

    def confirm_hosts(
        self, accounts: list[Account], *, on_done: Done = None, on_error: Failed = None
    ) -> None:
        """Keep the user's confirmation of servers or certificates (``trust.confirm``)."""

        def change(r: Registry) -> list[Account]:
            return [r.confirm_hosts(account) for account in accounts]

        self._run(change, on_done, on_error)

    def set_paused(
        self, account_id: int, paused: bool, *, on_done: Done = None, on_error: Failed = None
    ) -> None:
        def change(r: Registry) -> Account:
            return r.change(r.store.get_account(account_id).replace(paused=paused))

        self._run(change, on_done, on_error)

    def confirm_web_login(
        self, account_id: int, day: date, *, on_done: Done = None, on_error: Failed = None
    ) -> None:
        """Remember that the user logged in on the web on ``day`` (the inactivity rule)."""
        self._run(lambda r: r.confirm_web_login(account_id, day), on_done, on_error)

    def remove(self, account_id: int, *, on_done: Done = None, on_error: Failed = None) -> None:
        """Delete the account, its history and its keyring entry."""
        self._run(lambda r: r.remove(account_id), on_done, on_error)

    def close(self) -> None:
        """Close the worker's store connection (queued behind pending operations)."""
        if self._worker is None:
            return

        def close_store() -> None:
            if self._registry is not None:
                self._registry.store.close()
                self._registry = None

        future = self.worker.submit(close_store)
        try:
            future.result(timeout=5)
        except Exception:  # shutting down: log and go on
            log.exception("closing the worker's store connection failed")

    def shutdown(self) -> None:
        """Close the store connection and stop the worker thread (if it was ever started)."""
        self.close()
        if self._worker is not None:
            self._worker.shutdown(wait=False)
