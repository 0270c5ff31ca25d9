"""Whether a secure keyring is available, found off the GUI thread by an awaited task.

The keyring's backend is discovered on the keyring thread (``core.secrets_gateway.warm_up``);
a task on the GUI thread's loop awaits that job's future and keeps its typed answer in
``problem`` (the project's one way of running background work, ``services.operations``). The
main window's banner and the setup wizard follow ``changed`` and read ``problem``;
``check(rediscover=True)`` looks again after the user has installed or started a keyring service
(GNOME Keyring, KWallet). The task belongs to a ``Tasks`` (the main window's, when it hands its
own in), so closing the window cancels a look still under way.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mailmanager.core import secrets_gateway
from mailmanager.services.operations import Tasks

if TYPE_CHECKING:
    import asyncio

    from mailmanager.core.secrets import SecretsUnavailable

log = logging.getLogger("mailmanager.secrets.status")


class KeyringStatus(QObject):
    """Signals:
    changed(): an answer arrived; ``problem`` holds it (None when a secure keyring is
        available, else the ``SecretsUnavailable`` that says why not, whose message never
        holds a secret).
    checking(bool): a look is under way (the banner's button waits meanwhile).
    """

    changed = Signal()
    checking = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, tasks: Tasks | None = None) -> None:
        super().__init__(parent)
        self.problem: SecretsUnavailable | None = None
        self.known = False  # an answer has arrived
        self.tasks = tasks if tasks is not None else Tasks()
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def check(self, *, rediscover: bool = False) -> asyncio.Task[None] | None:
        """Look (again) on the keyring thread; ``changed`` follows. Never blocks; needs the
        running loop (qasync's). Returns the look's task, or None while one is under way."""
        if self._busy:
            return None
        self._busy = True
        self.checking.emit(True)
        task = self.tasks.start(self._look(rediscover))
        task.add_done_callback(self._ended)
        return task

    def _ended(self, task: asyncio.Task[None]) -> None:
        # Also when the task was cancelled before it began: a later check may look again.
        self._busy = False

    async def _look(self, rediscover: bool) -> None:
        import asyncio

        def discover() -> str:
            # Imported on the keyring thread: keyring's import is slow for the GUI thread.
            from mailmanager.core import secrets

            return secrets.discover_backend(rediscover=rediscover)

        error: Exception | None = None
        try:
            await asyncio.wrap_future(secrets_gateway.warm_up(discover))
        except Exception as exc:  # the answer, not a crash: said by the banner
            error = exc
        self._answer(error)

    def _answer(self, error: Exception | None) -> None:
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
        self.changed.emit()
