"""Keyring calls for the GUI, on one dedicated worker thread.

A keyring call can block for a long time: the Secret Service may show an unlock prompt, D-Bus
activation may start a daemon, KWallet may ask for a password. Run on the GUI thread, that
freezes the window. ``SecretWorker`` therefore runs every ``SecretStore`` call on ONE worker
thread: calls never overlap (the keyring sees them in submission order) and the GUI thread
only waits on results it chooses to wait for.

Results come back two ways:

* awaitables for qasync code: ``code = await worker.get(address)``;
* callbacks on the worker object's own thread (the GUI thread) through a queued signal:
  ``worker.request(store.get, address, on_done=..., on_error=...)``.

Failures are ``SecretsError`` instances from the core; ``failed`` is emitted for every failed
``request`` so the main window can show one banner for all of them.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from mailmanager.core.secrets import SecretStore

log = logging.getLogger("mailmanager.secrets.worker")

T = TypeVar("T")

Callback = Callable[[Any], None]


class SecretWorker(QObject):
    """Runs ``SecretStore`` calls serially on one thread and hands results back.

    Signals:
        failed(object): a ``request`` failed; the argument is the exception (a
            ``SecretsError`` for keyring problems), whose text never contains a secret.
    """

    failed = Signal(object)
    # Internal: carries (callback, value) from the worker thread to this object's thread.
    _deliver = Signal(object)

    def __init__(self, store: SecretStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="mailmanager-secrets"
        )
        # Queued even when a future is already done at connect time, so callbacks always run
        # later from the event loop, never inside request().
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)

    # -- raw submission --------------------------------------------------------------------

    def submit(self, fn: Callable[..., T], *args: Any) -> concurrent.futures.Future[T]:
        """Queue ``fn(*args)`` on the worker thread; a plain ``concurrent.futures.Future``."""
        return self._executor.submit(fn, *args)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Await ``fn(*args)`` run on the worker thread (works with qasync's loop)."""
        return await asyncio.wrap_future(self.submit(fn, *args))

    # -- awaitable convenience -------------------------------------------------------------

    async def get(self, address: str) -> str | None:
        return await self.run(self.store.get, address)

    async def set(self, address: str, secret: str) -> None:
        await self.run(self.store.set, address, secret)

    async def delete(self, address: str) -> None:
        await self.run(self.store.delete, address)

    async def check_backend(self, *, probe: bool = False) -> None:
        await self.run(lambda: self.store.check_backend(probe=probe))

    # -- callback style --------------------------------------------------------------------

    def request(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> concurrent.futures.Future[T]:
        """Queue ``fn(*args)``; ``on_done(result)`` or ``on_error(exc)`` run on this object's
        thread afterwards, and ``failed`` is emitted on error."""
        future = self.submit(fn, *args)

        def finished(done: concurrent.futures.Future[T]) -> None:
            # Runs on the worker thread: hand over to this object's thread via the signal.
            if done.cancelled():
                return
            error = done.exception()
            if error is None:
                self._deliver.emit((on_done, done.result(), False))
            else:
                self._deliver.emit((on_error, error, True))

        future.add_done_callback(finished)
        return future

    @Slot(object)
    def _on_deliver(self, payload: tuple[Callback | None, Any, bool]) -> None:
        callback, value, is_error = payload
        if is_error:
            log.info("keyring request failed: %s", value)
            self.failed.emit(value)
        if callback is not None:
            callback(value)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting calls; queued calls that have not started are cancelled."""
        self._executor.shutdown(wait=wait, cancel_futures=True)
