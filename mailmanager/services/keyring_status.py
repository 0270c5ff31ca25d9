"""Whether a secure keyring is available, found off the GUI thread and said with a signal.

The keyring's backend is discovered on the keyring thread (``core.secrets_gateway.warm_up``);
this object hands the answer to the GUI thread. The main window's banner and the setup wizard
follow ``changed``; ``check(rediscover=True)`` looks again after the user has installed or
started a keyring service (GNOME Keyring, KWallet).
"""

from __future__ import annotations

import concurrent.futures
import logging

from PySide6.QtCore import QObject, Qt, Signal, Slot

from mailmanager.core import secrets_gateway

log = logging.getLogger("mailmanager.secrets.status")


class KeyringStatus(QObject):
    """Signals:
    changed(object): None when a secure keyring is available, else the ``SecretsUnavailable``
        that says why not (its message never holds a secret).
    checking(bool): a look is under way (the banner's button waits meanwhile).
    """

    changed = Signal(object)
    checking = Signal(bool)
    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problem: Exception | None = None
        self.known = False  # an answer has arrived
        self._busy = False
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._busy

    def check(self, *, rediscover: bool = False) -> None:
        """Look (again) on the keyring thread; ``changed`` follows. Never blocks."""
        if self._busy:
            return
        self._busy = True
        self.checking.emit(True)

        def discover() -> str:
            # Imported on the keyring thread: keyring's import is slow for the GUI thread.
            from mailmanager.core import secrets

            return secrets.discover_backend(rediscover=rediscover)

        future = secrets_gateway.warm_up(discover)
        future.add_done_callback(self._finished)

    def _finished(self, future: concurrent.futures.Future[str]) -> None:
        # On the keyring thread: hand over to this object's thread.
        error = None if future.cancelled() else future.exception()
        try:
            self._deliver.emit(error)
        except RuntimeError:  # the window (and this object) closed before the keyring answered
            log.info("keyring status arrived after its window closed")

    @Slot(object)
    def _on_deliver(self, error: object) -> None:
        from mailmanager.core.secrets import SecretsUnavailable

        self._busy = False
        self.known = True
        if isinstance(error, SecretsUnavailable):
            log.warning("no secure keyring: %s", error.detail or error.message)
            self.problem = error
        else:
            if error is not None:
                log.warning("keyring discovery failed: %s", type(error).__name__)
            self.problem = None
        self.checking.emit(False)
        self.changed.emit(self.problem)
