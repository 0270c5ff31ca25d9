"""Run account checks: both protocols of one account in parallel, many accounts with limits.

Qt-free, so the CLI, the checker service and the benchmark share it. The limits exist for the
providers' sake as much as for ours:

* at most ``concurrency`` accounts at once (default 8);
* never two checks of one account at once: a second request joins the running one;
* at most 2 logins at once to one server host (``HostGate``): providers' risk control counts
  logins per source IP, and a burst of 20 logins to imap.163.com looks like an attack;
* cancel stops everything at once; no credential is sent after it (see ``wire``).

Everything blocking (keyring look-ups through ``secret_for``, the network) happens on the
runner's worker threads; callbacks are called from those threads. ``CheckRunner`` is the one
concurrency policy for many checks: the CLI waits on it directly, the GUI's checker service
awaits its futures from asyncio tasks (``services.checker``) and adds no limits of its own.
"""

from __future__ import annotations

import concurrent.futures
import functools
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

from mailmanager.core import trust
from mailmanager.core.catalogue.traits import CheckTraits, check_traits
from mailmanager.core.checking.diagnosis import diagnose_error
from mailmanager.core.checking.imap_probe import probe_imap
from mailmanager.core.checking.proof import Proof, make_proof
from mailmanager.core.checking.result import AccountCheck as AccountCheck  # re-exported
from mailmanager.core.checking.result import ProbeResult, ProbeStep
from mailmanager.core.checking.smtp_probe import probe_smtp
from mailmanager.core.checking.wire import Cancelled
from mailmanager.core.model.accounts import Account, Endpoint, Protocol
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.trust import Refusal, RefusalKind

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 8
DEFAULT_PER_HOST = 2
DEFAULT_TIMEOUT = 20.0

ProgressCallback = Callable[[Protocol, str], None]


class MissingSecret(Exception):
    """No code is stored for the account, so it cannot be checked."""


class HostGate:
    """At most ``per_host`` probes at once to one server host name.

    ``stop_on_slow_down``: a batch's gate (the spreadsheet import). Once any server answered
    a probe through it with a request to slow down, no later probe gets a slot: the probes
    queued for one (rows in flight) stop before they connect, so they never log in after that
    reply. The batch learns of the reply only when its row ends, and another row takes the
    freed slot at once; this is where the pause can reach them in time.
    """

    def __init__(
        self,
        per_host: int = DEFAULT_PER_HOST,
        *,
        stop_on_slow_down: bool = False,
        shared: HostGate | None = None,
    ) -> None:
        self.per_host = per_host
        self.stop_on_slow_down = stop_on_slow_down
        # A batch's gate over the process-wide one: its slots are the shared gate's (so a batch
        # and the app's own checks never send more than ``per_host`` logins to one host
        # together), and only the stop on a slow-down reply is the batch's own.
        self.shared = shared
        self.slowed_down = False  # set (once) by a slow-down reply through a stopping gate
        self._lock = threading.Lock()
        self._gates: dict[str, threading.Semaphore] = {}
        self._users: dict[str, int] = {}

    def record(self, result: ProbeResult) -> None:
        """Note a probe's result while its slot is still held (see ``stop_on_slow_down``)."""
        if self.stop_on_slow_down and asks_to_slow_down(result):
            self.slowed_down = True

    @contextmanager
    def slot(self, host: str, cancel: threading.Event) -> Iterator[None]:
        """Hold one of ``host``'s slots; raises Cancelled if cancelled while waiting."""
        if self.shared is not None:
            with self.shared.slot(host, cancel):
                if self.slowed_down:
                    raise Cancelled("a server asked to slow down")
                yield
            return
        key = host.lower().rstrip(".")
        with self._lock:
            gate = self._gates.setdefault(key, threading.Semaphore(self.per_host))
            self._users[key] = self._users.get(key, 0) + 1
        try:
            while not gate.acquire(timeout=0.05):
                if cancel.is_set():
                    raise Cancelled("cancelled while waiting for the server")
            if self.slowed_down:
                gate.release()
                raise Cancelled("a server asked to slow down")
            try:
                yield
            finally:
                gate.release()
        finally:
            with self._lock:
                self._users[key] -= 1
                if self._users[key] == 0:  # forget idle hosts: the map stays small
                    del self._users[key]
                    del self._gates[key]


DEFAULT_GATE = HostGate()

# The IMAP half of every check runs here while the calling thread probes SMTP: a pool kept for
# the process, not a thread made and joined per check (a "Check all" of 200 made 200, each
# start a hand-over of the interpreter lock the GUI thread waited through). Its threads are
# made as needed; more callers at once than workers would only wait their turn (the probe's
# deadline starts when it runs). The DNS look-up in ``wire`` stays a thread of its own:
# getaddrinfo has no timeout, and a lookup that never returns must not hold a pool's worker.
_IMAP_PROBES = ThreadPoolExecutor(max_workers=32, thread_name_prefix="mailmanager-imap")


def asks_to_slow_down(result: ProbeResult) -> bool:
    """Whether ``result`` is a server asking us to slow down: a temporary failure (a 4xx), or
    a provider's rate-limit wording (NetEase's and QQ's "login frequency limited")."""
    if result.cancelled:
        return False
    return (
        result.status is ConnectionStatus.TEMPORARY_FAILURE
        or result.hint_id == "rate_limited"
        or "frequency" in result.server_message.lower()
    )


def _cancelled_result(protocol: Protocol, exc: Cancelled) -> ProbeResult:
    diagnosis = diagnose_error(exc)
    return ProbeResult(
        protocol, diagnosis.status, str(exc), diagnosis.hint_id, 0, (), cancelled=True
    )


def cancelled_check(reason: str = "cancelled") -> AccountCheck:
    """The result of a check that was cancelled (not recorded; the list shows it ended)."""
    exc = Cancelled(reason)
    return AccountCheck(
        _cancelled_result(Protocol.IMAP, exc), _cancelled_result(Protocol.SMTP, exc)
    )


def _crashed_result(protocol: Protocol, exc: BaseException) -> ProbeResult:
    """A bug in a probe must not take the app down, and must never read as ok."""
    log.error("%s probe failed unexpectedly: %s", protocol.value, type(exc).__name__)
    diagnosis = diagnose_error(exc)
    step = ProbeStep("error", 0, type(exc).__name__)
    return ProbeResult(protocol, diagnosis.status, "", diagnosis.hint_id, 0, (step,))


_REFUSAL_HINTS = {
    RefusalKind.HOST: "server_not_confirmed",
    RefusalKind.PLAIN: "plain_not_allowed",
    RefusalKind.CA: "ca_not_confirmed",
}


def refused_result(protocol: Protocol, refusal: Refusal) -> ProbeResult:
    """The result of a probe the trust rule stopped: nothing was sent, not even a greeting."""
    step = ProbeStep("refused", 0, refusal.message())
    return ProbeResult(
        protocol,
        ConnectionStatus.INSECURE_REFUSED,
        refusal.message(),
        _REFUSAL_HINTS[refusal.kind],
        0,
        (step,),
    )


def _probe(
    protocol: Protocol,
    account: Account,
    secret: str,
    *,
    timeout: float,
    cancel: threading.Event,
    progress: ProgressCallback | None,
    traits: CheckTraits,
    gate: HostGate,
) -> ProbeResult:
    endpoint: Endpoint = account.endpoint(protocol)
    # The trust rule, applied here so that no path that sends a code can leave it out.
    refused = trust.refusals(account, (protocol,))
    if refused:
        log.warning(
            "%s of %s not checked: %s", protocol.value, account.address, refused[0].message()
        )
        return refused_result(protocol, refused[0])

    def report(step: str) -> None:
        if progress is not None:
            progress(protocol, step)

    try:
        with gate.slot(endpoint.host, cancel):
            result = _probe_now(
                protocol, endpoint, account, secret, timeout, cancel, report, traits
            )
            gate.record(result)  # before the slot goes to the next probe
            return result
    except Cancelled as exc:
        return _cancelled_result(protocol, exc)
    except Exception as exc:
        return _crashed_result(protocol, exc)


def _probe_now(
    protocol: Protocol,
    endpoint: Endpoint,
    account: Account,
    secret: str,
    timeout: float,
    cancel: threading.Event,
    report: Callable[[str], None],
    traits: CheckTraits,
) -> ProbeResult:
    if protocol is Protocol.IMAP:
        return probe_imap(
            endpoint,
            secret,
            address=account.address,
            timeout=timeout,
            cancel=cancel,
            progress=report,
            traits=traits,
            ca_pem=account.ca_pem,
        )
    return probe_smtp(
        endpoint,
        secret,
        address=account.address,
        timeout=timeout,
        cancel=cancel,
        progress=report,
        ca_pem=account.ca_pem,
        traits=traits,
    )


def check_account(
    account: Account,
    secret: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
    progress: ProgressCallback | None = None,
    gate: HostGate | None = None,
) -> AccountCheck:
    """Probe IMAP and SMTP of ``account`` at the same time, one login attempt each.

    ``timeout`` bounds each probe (waiting for a host slot does not count); ``cancel`` stops
    both; ``progress(protocol, step)`` is called from the probe threads. The provider's traits
    (its hints, whether IMAP needs ID) come from the catalogue here, for every caller alike.
    """
    probe = functools.partial(
        _probe,
        account=account,
        secret=secret,
        timeout=timeout,
        cancel=cancel or threading.Event(),
        progress=progress,
        traits=check_traits(account),
        gate=gate or DEFAULT_GATE,
    )
    imap = _IMAP_PROBES.submit(probe, Protocol.IMAP)
    smtp = probe(Protocol.SMTP)
    return AccountCheck(imap=imap.result(), smtp=smtp)


def prove(
    account: Account,
    secret: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
    progress: ProgressCallback | None = None,
    gate: HostGate | None = None,
) -> Proof:
    """Check ``secret`` against ``account``'s servers and return the proof (passed or not).

    The one way to make a ``Proof``: the code and the check that proved it travel together to
    the registry, which stores a code only with its proof or an explicit ``Unproven``.
    """
    check = check_account(
        account, secret, timeout=timeout, cancel=cancel, progress=progress, gate=gate
    )
    return make_proof(secret, check, account)


def account_key(account: Account) -> str:
    """What "the same account" means for the one-check-at-a-time rule."""
    return f"id:{account.id}" if account.id is not None else f"address:{account.address.lower()}"


class CheckRunner:
    """Checks many accounts with bounded concurrency; one check per account at a time.

    Attributes:
        secret_for: fetches an account's code (called in a worker thread: keyring is slow);
            returns None when there is none (the check then fails with MissingSecret).
        on_start / on_progress / on_done: optional observers, called from worker threads.
    """

    def __init__(
        self,
        secret_for: Callable[[Account], str | None],
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        timeout: float = DEFAULT_TIMEOUT,
        gate: HostGate | None = None,
        on_start: Callable[[Account], None] | None = None,
        on_progress: Callable[[Account, Protocol, str], None] | None = None,
        on_done: Callable[[Account, AccountCheck | BaseException], None] | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.secret_for = secret_for
        self.timeout = timeout
        self.gate = gate or DEFAULT_GATE
        self.on_start = on_start
        self.on_progress = on_progress
        self.on_done = on_done
        self._pool = ThreadPoolExecutor(concurrency, thread_name_prefix="mailmanager-check")
        self._lock = threading.Lock()
        # Each queued or running check with the flag that cancels it (its probes watch it).
        self._inflight: dict[str, tuple[Future[AccountCheck], threading.Event]] = {}

    def submit(self, account: Account) -> Future[AccountCheck]:
        """Queue a check of ``account``; joins the running one if there is one (unless that
        one was cancelled: then a fresh check is queued)."""
        key = account_key(account)
        with self._lock:
            running = self._inflight.get(key)
            if running is not None and not running[1].is_set():
                return running[0]
            cancel = threading.Event()
            future = self._pool.submit(self._job, account, cancel)
            self._inflight[key] = (future, cancel)
        future.add_done_callback(lambda _f: self._forget(key, future))
        return future

    def _forget(self, key: str, future: Future[AccountCheck]) -> None:
        with self._lock:
            entry = self._inflight.get(key)
            if entry is not None and entry[0] is future:
                del self._inflight[key]

    def is_running(self, account: Account) -> bool:
        with self._lock:
            return account_key(account) in self._inflight

    def pending(self) -> int:
        with self._lock:
            return len(self._inflight)

    def _job(self, account: Account, cancel: threading.Event) -> AccountCheck:
        try:
            result = self._check(account, cancel)
        except BaseException as exc:
            self._notify_done(account, exc)
            raise
        self._notify_done(account, result)
        return result

    def _check(self, account: Account, cancel: threading.Event) -> AccountCheck:
        if cancel.is_set():
            return cancelled_check("cancelled before it started")
        if self.on_start is not None:
            self.on_start(account)
        secret = self.secret_for(account)
        if not secret:
            raise MissingSecret(f"no code is stored for {account.address}")
        progress: ProgressCallback | None = None
        if self.on_progress is not None:
            observer = self.on_progress

            def progress(protocol: Protocol, step: str) -> None:
                observer(account, protocol, step)

        return check_account(
            account,
            secret,
            timeout=self.timeout,
            cancel=cancel,
            progress=progress,
            gate=self.gate,
        )

    def _notify_done(self, account: Account, outcome: AccountCheck | BaseException) -> None:
        if self.on_done is None:
            return
        try:
            self.on_done(account, outcome)
        except Exception:
            log.exception("check observer failed")

    def run(self, accounts: Iterable[Account]) -> list[tuple[Account, Future[AccountCheck]]]:
        """Submit every account and wait for all; returns (account, finished future) pairs."""
        submitted = [(account, self.submit(account)) for account in accounts]
        # The futures keep any exception; callers look at each one.
        concurrent.futures.wait([future for _account, future in submitted])
        return submitted

    def cancel(self) -> None:
        """Cancel every running and queued check; later submissions run normally."""
        with self._lock:
            for _future, cancel in self._inflight.values():
                cancel.set()

    def cancel_account(self, account: Account) -> bool:
        """Cancel the check of this one account (it was removed); True if one was queued or
        running. Its probes stop before they send a code, as with ``cancel``."""
        with self._lock:
            entry = self._inflight.get(account_key(account))
            if entry is None:
                return False
            entry[1].set()
            return True

    def shutdown(self, *, cancel: bool = True, wait: bool = False) -> None:
        """Stop taking work; with ``cancel`` running probes stop at their next read or write
        (within about 0.1 s), so ``wait`` is short."""
        if cancel:
            self.cancel()
        self._pool.shutdown(wait=wait, cancel_futures=True)
