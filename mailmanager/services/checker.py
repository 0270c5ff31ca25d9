"""Account checks for the GUI: the core's CheckRunner on worker threads, results as signals.

The GUI thread never waits on the network or the keyring: ``check()`` only queues work and
returns. Keyring look-ups (``secret_for``), both probes and the recording of results
(``record``) run on the runner's worker threads; what the widgets need comes back through
posted events and re-emitted as signals on this object's own thread.

The store is not imported here: whoever wires the app passes ``record`` (for example a function
that opens its own store connection and calls ``record_check``), so this module stays testable
and the data flow stays one-way (ui -> services -> core).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from mailmanager.core.checking.runner import (
    DEFAULT_CONCURRENCY,
    DEFAULT_TIMEOUT,
    AccountCheck,
    CheckRunner,
    HostGate,
    MissingSecret,
)
from mailmanager.core.model.accounts import Account, Protocol

log = logging.getLogger("mailmanager.checker")

RecordCallback = Callable[[Account, AccountCheck], None]

_EVENT_TYPE = QEvent.Type(QEvent.registerEventType())


# accountFailed's text when the keyring holds no code for the account (the UI says how to fix).
NO_CODE = "no code is stored for this account"


class _WorkerEvent(QEvent):
    """Carries one worker-thread notification to the service's own thread."""

    def __init__(self, kind: str, account: Account | None, payload: Any) -> None:
        super().__init__(_EVENT_TYPE)
        self.kind = kind
        self.account = account
        self.payload = payload


class CheckerService(QObject):
    """Runs account checks off the GUI thread and reports through signals.

    Signals:
        accountStarted(int): the check of the account with this id began.
        progress(int, str, str): account id, protocol ("imap"/"smtp"), step name.
        accountFinished(int, object): account id and its ``AccountCheck`` (``.cancelled``
            tells a cancelled check, which is not recorded).
        accountFailed(int, str): the account could not be checked at all (no code stored, or
            an unexpected error); the text is for the log, never contains a secret.
        allFinished(): nothing is queued or running any more.
    """

    accountStarted = Signal(int)
    progress = Signal(int, str, str)
    accountFinished = Signal(int, object)
    accountFailed = Signal(int, str)
    allFinished = Signal()

    def __init__(
        self,
        secret_for: Callable[[Account], str | None],
        record: RecordCallback | None = None,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        timeout: float = DEFAULT_TIMEOUT,
        gate: HostGate | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._closed = False
        self._pending: set[Future[AccountCheck]] = set()
        self._runner = CheckRunner(
            secret_for,
            concurrency=concurrency,
            timeout=timeout,
            gate=gate,
            on_start=lambda account: self._post("start", account, None),
            on_progress=self._on_progress,
            on_done=self._on_done,
        )

    # -- GUI thread -----------------------------------------------------------------------------

    def check(self, accounts: Iterable[Account]) -> int:
        """Queue checks of ``accounts`` (saved accounts: they need an id); returns how many
        new checks were queued (an account already being checked joins its running check)."""
        queued = 0
        for account in accounts:
            if account.id is None:
                raise ValueError("only saved accounts (with an id) can be checked here")
            future = self._runner.submit(account)
            if future not in self._pending:
                self._pending.add(future)
                future.add_done_callback(lambda f: self._post("settled", None, f))
                queued += 1
        return queued

    def cancel(self) -> None:
        """Cancel every running and queued check; no credential is sent after this call."""
        self._runner.cancel()

    def isBusy(self) -> bool:
        return bool(self._pending)

    def shutdown(self) -> None:
        """Cancel everything and wait for the workers (a cancelled probe stops within about
        0.1 s); call before the application quits, so no worker outlives this object."""
        self._closed = True
        self._runner.shutdown(cancel=True, wait=True)

    def customEvent(self, event: QEvent) -> None:
        if isinstance(event, _WorkerEvent):
            self._on_event(event.kind, event.account, event.payload)
        else:
            super().customEvent(event)

    def _on_event(self, kind: str, account: Account | None, payload: Any) -> None:
        if kind == "settled":
            self._pending.discard(payload)
            if not self._pending:
                self.allFinished.emit()
            return
        assert account is not None and account.id is not None
        if kind == "start":
            self.accountStarted.emit(account.id)
        elif kind == "progress":
            protocol, step = payload
            self.progress.emit(account.id, protocol, step)
        elif kind == "done":
            self.accountFinished.emit(account.id, payload)
        elif kind == "failed":
            self.accountFailed.emit(account.id, payload)

    # -- worker threads -------------------------------------------------------------------------

    def _post(self, kind: str, account: Account | None, payload: Any) -> None:
        # A posted event, not a signal: thread-safe, always queued, and it avoids emitting from
        # worker threads (PySide6 6.12.0's Signal.emit also drops a reference to True per call).
        if not self._closed:
            QCoreApplication.postEvent(self, _WorkerEvent(kind, account, payload))

    def _on_progress(self, account: Account, protocol: Protocol, step: str) -> None:
        self._post("progress", account, (protocol.value, step))

    def _on_done(self, account: Account, outcome: AccountCheck | BaseException) -> None:
        if isinstance(outcome, BaseException):
            if isinstance(outcome, MissingSecret):
                message = NO_CODE
            else:
                message = f"the check failed: {type(outcome).__name__}"
                log.error("check of account %s failed: %s", account.id, type(outcome).__name__)
            self._post("failed", account, message)
            return
        if self._record is not None and not outcome.cancelled:
            try:
                self._record(account, outcome)
            except Exception:
                log.exception("recording the check of account %s failed", account.id)
        self._post("done", account, outcome)
