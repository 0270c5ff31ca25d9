"""Notices changes that another process (the CLI, a second window) made to the account store.

SQLite's ``PRAGMA data_version`` changes whenever another connection commits, and reading it
costs a few microseconds, so polling it about once a second is cheaper and more portable than
file-system notifications (which miss WAL writes on some systems). Changes made through the
watched connection itself do not change data_version: whoever writes through it calls
``notify()`` so that the view refreshes the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from mailmanager.core.store.account_store import AccountStore, StoreError

log = logging.getLogger("mailmanager.store.watcher")

DEFAULT_INTERVAL_MS = 1000


class StoreWatcher(QObject):
    """Polls ``store.data_version()`` and emits ``changed`` when it moves.

    Signals:
        changed(): the store holds data the view has not shown yet.

    ``on_failure`` is called (on the GUI thread, with the ``StoreError``) when reading the
    store failed; polling goes on, since a lock held by another writer is usually gone at the
    next tick. A typed call rather than a ``Signal(object)`` whose receiver re-checks the type.
    """

    changed = Signal()

    def __init__(
        self,
        store: AccountStore,
        parent: QObject | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        on_failure: Callable[[StoreError], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._on_failure = on_failure
        self._version: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Remember the current version and start polling."""
        try:
            self._version = self._store.data_version()
        except StoreError as exc:
            self._version = None
            self._failed(exc)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def poll(self) -> bool:
        """Check once; True (and ``changed`` emitted) when the data changed."""
        try:
            version = self._store.data_version()
        except StoreError as exc:
            log.warning("store poll failed: %s", exc)
            self._failed(exc)
            return False
        if version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True

    def _failed(self, error: StoreError) -> None:
        if self._on_failure is not None:
            self._on_failure(error)

    def notify(self) -> None:
        """Say that this process changed the store through the watched connection."""
        self.changed.emit()
