"""Account checks for the GUI: the core's CheckRunner awaited from asyncio tasks on qasync's loop.

The GUI thread never waits on the network or the keyring: ``check()`` queues the accounts and
returns; a task per account is started only when fewer than ``FEED_PER_WORKER`` x concurrency are
handed to the runner, and each one that ends starts the next (``_feed``). "Check all" of 200
accounts therefore costs the loop 16 tasks, not 200 made and stepped in one turn. The concurrency
policy is the runner's alone (``core.checking.runner``: 8 accounts at once on its thread pool, 2
logins per host, one check per account); each task only awaits its account's check
(``asyncio.wrap_future``), and the runner's observers, called on its threads, hand over to the
loop with ``call_from_thread``. Keyring look-ups (``secret_for``), both probes and the recording
of results (``record``) run on the runner's threads.

Cancellation is asyncio's: ``cancel()``, ``cancel_ids()`` and ``shutdown()`` cancel the tasks (a
queued account gets a task cancelled at once, so every account ends the same way), and a
cancelled task sets its check's cancel flag, which the probes read before they send a code. What
a task's end means (its signal, the next task, ``allFinished``) is decided in one place, its done
callback (``_ended``), which also runs for a task cancelled before its first step.

The store is not imported here: whoever wires the app passes ``record`` (for example a function
that opens its own store connection and calls ``record_check``), so this module stays testable
and the data flow stays one-way (ui -> services -> core).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QMetaMethod, QObject, Signal

from mailmanager.core.checking.runner import (
    DEFAULT_CONCURRENCY,
    DEFAULT_TIMEOUT,
    AccountCheck,
    CheckRunner,
    HostGate,
    MissingSecret,
    cancelled_check,
)
from mailmanager.core.model.accounts import Account, Protocol
from mailmanager.services.operations import Tasks, call_from_thread

log = logging.getLogger("mailmanager.checker")

RecordCallback = Callable[[Account, AccountCheck], None]

# accountFailed's text when the keyring holds no code for the account (the UI says how to fix).
NO_CODE = "no code is stored for this account"
FEED_PER_WORKER = 2


class CheckerService(QObject):
    """Runs account checks off the GUI thread and reports through signals.

    Signals:
        accountStarted(int): the check of the account with this id began.
        progress(int, str, str): account id, protocol ("imap"/"smtp"), step name.
        accountFinished(int, AccountCheck): account id and its check (``.cancelled``
            tells a cancelled check, which is not recorded).
        accountFailed(int, str): the account could not be checked at all (no code stored, or
            an unexpected error); the text is for the log, never contains a secret.
        allFinished(): nothing is queued or running any more.
    """

    accountStarted = Signal(int)
    progress = Signal(int, str, str)
    accountFinished = Signal(int, AccountCheck)
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
        self._tasks = Tasks()
        self._running: dict[int, asyncio.Task[AccountCheck]] = {}  # handed to the runner
        self._waiting: dict[int, Account] = {}  # queued, in order, without a task yet
        self._checking: dict[int, Account] = {}  # the accounts of both
        self._concurrency = concurrency
        self._timeout = timeout
        self._gate = gate
        self._secret_for = secret_for
        self._runner: CheckRunner | None = None
        # Progress is handed to the loop only while someone listens: the app's window does not,
        # and each step handed over costs the GUI thread a loop callback (~15 per account).
        self._progress_wanted = False

    def _runner_here(self) -> CheckRunner:
        """The runner, made on first use inside the running loop (its observers post to it)."""
        if self._runner is None:
            started = call_from_thread(self._started)
            progressed = call_from_thread(self._progressed)
            self._runner = CheckRunner(
                self._secret_for,
                concurrency=self._concurrency,
                timeout=self._timeout,
                gate=self._gate,
                on_start=lambda account: started(account.id),
                on_progress=lambda account, protocol, step: (
                    progressed(account.id, protocol, step) if self._progress_wanted else None
                ),
                on_done=self._recorded,
            )
        return self._runner

    # -- GUI thread -----------------------------------------------------------------------------

    def check(self, accounts: Iterable[Account]) -> int:
        """Start checks of ``accounts`` (saved accounts: they need an id); returns how many
        new checks were started (an account already being checked keeps its running check)."""
        if self._closed:
            return 0
        self._progress_wanted = self.isSignalConnected(QMetaMethod.fromSignal(self.progress))
        queued = 0
        for account in accounts:
            if account.id is None:
                raise ValueError("only saved accounts (with an id) can be checked here")
            if account.id in self._checking:
                continue
            self._waiting[account.id] = account
            self._checking[account.id] = account
            queued += 1
        self._feed()
        return queued

    def _feed(self) -> None:
        """Hand queued accounts to the runner until FEED_PER_WORKER x concurrency are there:
        the runner's own queue keeps its threads busy with those, and the loop never starts
        hundreds of tasks in one turn (a stall of the GUI thread of 10-30 ms at "Check all")."""
        room = FEED_PER_WORKER * self._concurrency - len(self._running)
        while room > 0 and self._waiting and not self._closed:
            account_id = next(iter(self._waiting))
            self._start(self._waiting.pop(account_id))
            room -= 1

    def _start(self, account: Account) -> asyncio.Task[AccountCheck]:
        assert account.id is not None
        task = asyncio.ensure_future(self._check_one(account))
        self._tasks.own(task)  # its errors are signals (``_ended``), not crashes
        self._running[account.id] = task
        task.add_done_callback(functools.partial(self._ended, account))
        return task

    def account(self, account_id: int) -> Account | None:
        """The account whose check is queued or running (None: none is); its signals'
        handlers use this instead of reading the store on the GUI thread."""
        return self._checking.get(account_id)

    def cancel(self) -> None:
        """Cancel every running and queued check; no credential is sent after this call."""
        if self._runner is not None:
            self._runner.cancel()  # at once: a task's cancellation arrives a loop turn later
        self._cancel_waiting(list(self._waiting))
        self._tasks.cancel_all()

    def _cancel_waiting(self, account_ids: Iterable[int]) -> None:
        """Queued accounts end as a cancelled check, like the running ones, a loop turn later
        (their tasks, cancelled before they start, never reach the runner)."""
        for account_id in account_ids:
            account = self._waiting.pop(account_id, None)
            if account is not None:
                self._start(account).cancel()

    def cancel_ids(self, account_ids: Iterable[int]) -> None:
        """Cancel the checks of these accounts (they are being removed); nothing more is sent
        with their codes. The probes' flags are set here, before this returns: the tasks'
        cancellation reaches them only at the loop's next turn, and a server that answers in
        between would otherwise still get the login."""
        wanted = list(account_ids)
        self._cancel_waiting(wanted)
        for account_id in wanted:
            task = self._running.get(account_id)
            if task is None:
                continue
            account = self._checking.get(account_id)
            if account is not None and self._runner is not None:
                self._runner.cancel_account(account)
            task.cancel()

    def isBusy(self) -> bool:
        return bool(self._running or self._waiting)

    def shutdown(self) -> None:
        """Cancel everything and wait for the runner's threads (a cancelled probe stops within
        about 0.1 s); call before the application quits, so no worker outlives this object."""
        self._closed = True
        for account_id in self._waiting:
            self._checking.pop(account_id, None)
        self._waiting.clear()
        self._tasks.cancel_all()
        if self._runner is not None:
            self._runner.shutdown(cancel=True, wait=True)

    async def _check_one(self, account: Account) -> AccountCheck:
        runner = self._runner_here()
        try:
            return await asyncio.wrap_future(runner.submit(account))
        except asyncio.CancelledError:
            runner.cancel_account(account)  # the probes stop before they send the code
            raise

    def _ended(self, account: Account, task: asyncio.Task[AccountCheck]) -> None:
        """A check's task is done (its done callback, on the loop): say how it ended, hand
        the next queued account over, and say when nothing is left."""
        assert account.id is not None
        if not self._closed:
            self._say_how_it_ended(account.id, task)
        # Forgotten after the signal: its handlers still find the account (``account``).
        self._running.pop(account.id, None)
        self._checking.pop(account.id, None)
        if self._closed:
            return
        self._feed()
        if not self._running and not self._waiting:
            self.allFinished.emit()

    def _say_how_it_ended(self, account_id: int, task: asyncio.Task[AccountCheck]) -> None:
        if task.cancelled():
            self.accountFinished.emit(account_id, cancelled_check())
        elif isinstance(error := task.exception(), MissingSecret):
            self.accountFailed.emit(account_id, NO_CODE)
        elif error is not None:
            log.error("check of account %s failed: %s", account_id, type(error).__name__)
            self.accountFailed.emit(account_id, f"the check failed: {type(error).__name__}")
        else:
            self.accountFinished.emit(account_id, task.result())

    def _started(self, account_id: int) -> None:
        if not self._closed and account_id in self._running:
            self.accountStarted.emit(account_id)

    def _progressed(self, account_id: int, protocol: Protocol, step: str) -> None:
        if not self._closed and account_id in self._running:
            self.progress.emit(account_id, protocol.value, step)

    # -- the runner's threads -------------------------------------------------------------------

    def _recorded(self, account: Account, outcome: AccountCheck | BaseException) -> None:
        """Keep a finished check (on the runner's thread, with its own store connection)."""
        if self._record is None or isinstance(outcome, BaseException) or outcome.cancelled:
            return
        try:
            self._record(account, outcome)
        except Exception:
            log.exception("recording the check of account %s failed", account.id)
