"""The one place keyring calls run: one thread per process, each call with a time limit.

A keyring can stop answering (a frozen Secret Service, an unlock prompt nobody sees, a D-Bus
daemon that hangs): a call into it then blocks for ever. So every keyring call of the app and the
CLI (``core.secrets.SecretStore`` builds them) is a *job* handed to this gateway:

* **One thread.** Jobs run one after another on the gateway's own thread, in the order they were
  handed in; keyring backends are not documented as thread-safe, and the keyring sees calls in a
  known order.
* **A time limit.** The caller waits at most ``timeout`` seconds, then gets ``GatewayTimeout``.
  A job whose caller gave up before it started is never run.
* **Nothing half-done.** A job records how to undo each step as it goes (``Job.on_late``). When a
  job finishes after its caller gave up, those undo steps run at once, on the gateway thread,
  before any later job: a code written late is removed (or the previous one put back), a code
  deleted late is put back.
* **Early discovery.** ``warm_up()`` imports keyring and picks its backend on the gateway thread,
  so that work (tens of milliseconds, more when D-Bus activation starts a daemon) never runs on
  the GUI thread and the first real call does not pay for it.

No Qt here; the GUI awaits the calls that wait on jobs on an executor
(``services.operations.run_blocking``), never on its own thread.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
import queue
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

log = logging.getLogger("mailmanager.secrets.gateway")

T = TypeVar("T")

DEFAULT_TIMEOUT = 10.0
TIMEOUT_ENV = "MAILMANAGER_KEYRING_TIMEOUT"


def default_timeout() -> float:
    """The time limit of a keyring call: MAILMANAGER_KEYRING_TIMEOUT seconds, else 10 s."""
    text = os.environ.get(TIMEOUT_ENV, "").strip()
    try:
        value = float(text) if text else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if 0 < value <= 600 else DEFAULT_TIMEOUT


class GatewayTimeout(Exception):
    """A keyring job did not finish within its time limit (it is undone if it ends later)."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        super().__init__(f"the keyring did not answer within {timeout:g} s")


class Job(Generic[T]):
    """One unit of keyring work: ``fn(job)`` runs on the gateway thread.

    ``fn`` calls ``job.on_late(undo)`` before each step that changes the keyring; if the caller
    has given up by the time ``fn`` ends (normally or not), the undo steps run, newest first.
    """

    def __init__(self, fn: Callable[[Job[T]], T]) -> None:
        self.fn = fn
        self.future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._undo: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._abandoned = False
        self._started = False

    def on_late(self, undo: Callable[[], None]) -> None:
        self._undo.append(undo)

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    def abandon(self) -> bool:
        """The caller gives up. True when the job had already finished (use its result)."""
        with self._lock:
            if self.future.done():
                return True
            self._abandoned = True
            return False

    def _start(self) -> bool:
        with self._lock:
            if self._abandoned:
                self.future.cancel()
                return False
            self._started = True
            return self.future.set_running_or_notify_cancel()

    def _finish(self, result: Any, error: BaseException | None) -> bool:
        """Publish the outcome; True when the caller had given up (undo needed)."""
        with self._lock:
            if error is not None:
                self.future.set_exception(error)
            else:
                self.future.set_result(result)
            return self._abandoned

    def _run_undo(self) -> None:
        for undo in reversed(self._undo):
            try:
                undo()
            except Exception as exc:  # logged by name only: a backend's text may echo a code
                log.error("undoing a late keyring call failed: %s", type(exc).__name__)
        log.warning("a keyring call answered after its time limit; its change was undone")


class KeyringGateway:
    """Runs jobs on one thread of its own (started on first use, again after a fork)."""

    def __init__(self, name: str = "mailmanager-keyring") -> None:
        self._name = name
        self._queue: queue.SimpleQueue[Job[Any]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._lock = threading.Lock()

    def on_gateway_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def submit(self, fn: Callable[[Job[T]], T]) -> Job[T]:
        """Queue ``fn``; the returned job's ``future`` says when it is done (never blocks)."""
        job: Job[T] = Job(fn)
        self._ensure_thread()
        self._queue.put(job)
        return job

    def call(self, fn: Callable[[Job[T]], T], *, timeout: float | None = None) -> T:
        """Run ``fn`` on the gateway thread and wait for it at most ``timeout`` seconds.

        Raises ``GatewayTimeout`` (the job is then skipped if it has not started, or undone
        when it ends), or whatever ``fn`` raised.
        """
        limit = default_timeout() if timeout is None else timeout
        if self.on_gateway_thread():  # a job calling back into the gateway: already serial
            job: Job[T] = Job(fn)
            return fn(job)
        job = self.submit(fn)
        try:
            return job.future.result(timeout=limit)
        except concurrent.futures.TimeoutError:
            if job.abandon():
                return job.future.result()
            log.warning("keyring call abandoned after %g s", limit)
            raise GatewayTimeout(limit) from None

    def settle(self, timeout: float) -> bool:
        """Wait at most ``timeout`` seconds for the jobs queued so far (and their futures'
        callbacks) to finish; True when they did, or when the thread never started.

        For the app's exit: Python 3.11 ends a daemon thread that wants the interpreter back
        after shutdown began, and if that thread is inside Qt code at the time (a keyring
        answer being handed to the GUI through a signal), the C++ unwinding aborts the process
        ("FATAL: exception not rethrown"). A keyring that does not answer is not waited for.
        """
        with self._lock:
            alive = self._thread is not None and self._thread.is_alive()
            if not alive or self._pid != os.getpid():
                return True
        marker: Job[None] = Job(lambda _job: None)
        self._queue.put(marker)  # jobs run in order: the marker ends after everything before it
        try:
            marker.future.result(timeout=timeout)
        except concurrent.futures.TimeoutError:
            return marker.abandon()  # True if it ended just now
        return True

    def _ensure_thread(self) -> None:
        with self._lock:
            alive = self._thread is not None and self._thread.is_alive()
            if alive and self._pid == os.getpid():
                return
            if self._pid != os.getpid():  # a forked child: the parent's queue and thread are gone
                self._queue = queue.SimpleQueue()
            self._pid = os.getpid()
            self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if not job._start():
                continue  # its caller gave up before it started: nothing was done
            result: Any = None
            error: BaseException | None = None
            try:
                result = job.fn(job)
            except BaseException as exc:  # handed to the caller, never lost on this thread
                error = exc
            if job._finish(result, error):
                job._run_undo()


_GATEWAY = KeyringGateway()


def gateway() -> KeyringGateway:
    """The process's one keyring gateway."""
    return _GATEWAY


def warm_up(discover: Callable[[], str]) -> concurrent.futures.Future[str]:
    """Run ``discover`` (``secrets.discover_backend``: import keyring and pick its backend) on
    the gateway thread, now, without waiting.

    The future ends with the backend's class path, or with the ``SecretsError`` saying why no
    secure keyring is available (the app's banner listens to it). The caller hands the function
    in so that this module never imports ``core.secrets`` (which imports it).
    """
    return gateway().submit(lambda _job: discover()).future
