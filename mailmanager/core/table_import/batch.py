"""Prove every candidate row (asyncio over the checker), then save the proven ones.

The checker does the logins (``checking.runner.prove``: the trust rule before every login, one
attempt per protocol); this module decides which rows go and when:

* at most ``concurrency`` rows at once (8);
* at most 2 logins at once per server host: the checker's own ``HostGate``, the process-wide
  ``runner.DEFAULT_GATE`` that ``CheckRunner`` uses too, so an import and the app's own checks
  of the list running side by side still send at most 2 logins at once to imap.163.com;
* logins to one provider are paced: a row of a catalogue provider starts at least ``pace``
  seconds after the previous row of that provider started (providers' risk control counts
  logins, and 200 mailboxes of one company look like an attack when they come together);
* the first rate-limit reply (a temporary failure: NetEase's or QQ's "login frequency limited",
  a 4xx) pauses the whole batch: rows not yet started stay unchecked, and the user decides
  when to retry them (never automatically);
* cancel: no further login; running probes stop at their next read or write;
* rows that are invalid, duplicate, unchanged or untrusted send nothing.

Why the overall limit is an ``asyncio.Semaphore`` here and not ``CheckRunner``'s pool: the
per-host limit is the one providers see, and it is shared (above). The runner's overall
limit is the size of its thread pool, and a check submitted to it is queued at once, with its
code fetched from the keyring when it starts. A batch needs a slot that is held *before* a
login may start: a row waits for its provider's pace inside its slot (so starts stay spaced
however long the queue is), and after the first rate-limit reply the rows still waiting must
not start at all while the running ones finish (``CheckRunner.cancel`` stops both; there is
no "stop starting"). Its rows' codes come from the file, not the keyring, and what it needs
back is a ``Proof``. Each runner's overall limit is per runner too (the app's checker has its
own 8), so an import beside a check of the list may have 16 logins running, never more than 2
at one host.

``save`` runs in one thread (the registry's store connection is used from one thread) and
imports row by row through ``Registry.add``, which is atomic per mailbox: a crash or a cancel
leaves each row fully saved or not at all.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from mailmanager.core.checking import runner
from mailmanager.core.checking.proof import Unproven
from mailmanager.core.checking.result import AccountCheck
from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.registry import CheckFailedError, Registry
from mailmanager.core.secrets import SecretsError
from mailmanager.core.store.account_store import DuplicateAccountError, StoreError
from mailmanager.core.table_import.model import ImportRow, Reason, Result, Stage

log = logging.getLogger("mailmanager.table_import")

DEFAULT_PACE = 0.5

CHECK_FAILED = QT_TRANSLATE_NOOP("TableImport", "the login check failed: %1")
CANCELLED = QT_TRANSLATE_NOOP("TableImport", "not checked: the import was cancelled")
PAUSED = QT_TRANSLATE_NOOP(
    "TableImport",
    "not checked: the batch paused when the server of row %1 asked to slow down; retry later",
)
RATE_LIMITED = QT_TRANSLATE_NOOP(
    "TableImport", "the server asked to slow down (rate limit); the batch paused here"
)
SAVED_FAILED = QT_TRANSLATE_NOOP("TableImport", "saved although its check failed: it needs a fix")
SAVED_MEANWHILE = QT_TRANSLATE_NOOP("TableImport", "added to the list meanwhile; left as it is")
NOT_KEPT = QT_TRANSLATE_NOOP("TableImport", "not saved: %1")
UNPROVEN_REASON = "saved from a table import after a failed check"


def is_rate_limit(check: AccountCheck) -> bool:
    """Whether a reply in ``check`` asks us to slow down (the runner's rule)."""
    return any(runner.asks_to_slow_down(result) for result in check.results())


def _failure(check: AccountCheck) -> str:
    return ", ".join(
        f"{r.protocol.value.upper()} {r.status.value}" for r in check.results() if not r.ok
    )


@dataclass
class BatchOptions:
    concurrency: int = runner.DEFAULT_CONCURRENCY
    # None: the checker's process-wide gate (2 per host, shared with every other check);
    # a number: a gate of the batch's own, for this batch alone.
    per_host: int | None = None
    timeout: float = runner.DEFAULT_TIMEOUT
    pace: float = DEFAULT_PACE


class ProofBatch:
    """Proves rows; ``on_row(row)`` is called on the event loop's thread after each change.

    Attributes:
        paused_by: the row whose rate-limit reply paused the batch, or None.
        cancelled: whether ``cancel`` was called during the last run.
    """

    def __init__(
        self,
        options: BatchOptions | None = None,
        *,
        on_row: Callable[[ImportRow], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.options = options or BatchOptions()
        self.on_row = on_row
        self.paused_by: ImportRow | None = None
        self.cancelled = False
        self._clock = clock
        self._cancel = threading.Event()
        self._next_start: dict[str, float] = {}

    def cancel(self) -> None:
        """No further login; running probes stop at their next read or write."""
        self.cancelled = True
        self._cancel.set()

    def _paused(self) -> bool:
        """Paused by a slow-down reply (not cancelled by the user)."""
        return self.paused_by is not None and not self.cancelled

    def _stopped(self) -> bool:
        return self.cancelled or self.paused_by is not None

    async def prove(self, rows: Iterable[ImportRow]) -> None:
        """Check every checkable row of ``rows`` (a retry passes the failed ones again)."""
        todo = [r for r in rows if r.checkable and r.stage is not Stage.SAVED]
        self.paused_by = None
        self.cancelled = False
        self._cancel = threading.Event()
        for row in todo:
            row.stage, row.proof, row.reason, row.step = Stage.WAITING, None, None, ""
        if not todo:
            return
        loop = asyncio.get_running_loop()
        slots = asyncio.Semaphore(self.options.concurrency)
        # The checker's process-wide per-host limit (shared with the app's own checks), and a
        # stop of this batch's own: a slow-down reply stops the rows queued at the gate too,
        # before they log in.
        per_host = self.options.per_host
        gate = runner.HostGate(
            per_host or runner.DEFAULT_PER_HOST,
            stop_on_slow_down=True,
            shared=runner.DEFAULT_GATE if per_host is None else None,
        )
        pool = ThreadPoolExecutor(self.options.concurrency, thread_name_prefix="mailmanager-import")
        try:
            await asyncio.gather(*(self._one(row, slots, gate, pool, loop) for row in todo))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        if self._paused():
            # Rows the gate stopped ended as cancelled, some before the pause was known.
            for row in todo:
                if row.stage is Stage.NOT_CHECKED:
                    self._not_checked(row)

    async def _one(
        self,
        row: ImportRow,
        slots: asyncio.Semaphore,
        gate: runner.HostGate,
        pool: ThreadPoolExecutor,
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        async with slots:
            if not self._stopped():
                await self._wait_turn(row)
            if self._stopped():
                self._not_checked(row)
                return
            assert row.account is not None
            row.stage = Stage.CHECKING
            self._notify(row)
            cancel = self._cancel
            proof = await loop.run_in_executor(
                pool,
                functools.partial(
                    runner.prove,
                    row.account,
                    row.secret,
                    timeout=self.options.timeout,
                    cancel=cancel,
                    gate=gate,
                ),
            )
        row.proof = proof
        if proof.ok:
            row.stage, row.reason = Stage.PROVED, None
        elif is_rate_limit(proof.check):
            # Before "cancelled": the row's other protocol may have been stopped by the gate
            # because of this very reply.
            row.stage = Stage.FAILED
            row.reason = Reason(CHECK_FAILED, (_failure(proof.check),))
            if self.paused_by is None:
                self.paused_by = row
                row.reason = Reason(RATE_LIMITED)
                log.warning("import paused: row %d's server asked to slow down", row.number)
        elif proof.check.cancelled:
            # The user's cancel, or the gate's stop after a slow-down reply (said at the end).
            row.stage, row.reason = Stage.NOT_CHECKED, Reason(CANCELLED)
        else:
            row.stage = Stage.FAILED
            row.reason = Reason(CHECK_FAILED, (_failure(proof.check),))
        self._notify(row)

    async def _wait_turn(self, row: ImportRow) -> None:
        """Pace the logins to one provider (rows of unknown providers are not paced)."""
        key = row.provider.id if row.provider is not None else ""
        if not key or self.options.pace <= 0:
            return
        now = self._clock()
        start = max(now, self._next_start.get(key, now))
        self._next_start[key] = start + self.options.pace
        while not self._stopped() and (left := start - self._clock()) > 0:
            await asyncio.sleep(min(left, 0.1))

    def _not_checked(self, row: ImportRow) -> None:
        row.stage = Stage.NOT_CHECKED
        if self.paused_by is not None and not self.cancelled:
            row.reason = Reason(PAUSED, (str(self.paused_by.number),))
        else:
            row.reason = Reason(CANCELLED)
        self._notify(row)

    def _notify(self, row: ImportRow) -> None:
        if self.on_row is not None:
            try:
                self.on_row(row)
            except Exception:
                log.exception("import observer failed")


def savable(rows: Iterable[ImportRow], *, include_failed: bool = False) -> list[ImportRow]:
    """The rows ``save`` would store: proven ones, and (if asked) checked ones that failed."""
    chosen = []
    for row in rows:
        if row.result is not None or row.account is None or row.proof is None:
            continue
        if row.stage is Stage.PROVED or (
            include_failed and row.stage is Stage.FAILED and not row.proof.check.cancelled
        ):
            chosen.append(row)
    return chosen


def save(
    registry: Registry,
    rows: Sequence[ImportRow],
    *,
    include_failed: bool = False,
    cancel: threading.Event | None = None,
    on_row: Callable[[ImportRow], None] | None = None,
) -> int:
    """Store the proven rows (and failed ones if asked) one by one; returns how many were
    saved. Blocking (keyring): run it in one worker thread with its own registry."""
    saved = 0
    for row in savable(rows, include_failed=include_failed):
        if cancel is not None and cancel.is_set():
            break
        assert row.account is not None and row.proof is not None
        credential = (
            row.proof if row.proof.ok else Unproven.after_failed(row.proof, UNPROVEN_REASON)
        )
        try:
            registry.add(row.account, credential)
        except DuplicateAccountError:
            row.result, row.reason = Result.DUPLICATE, Reason(SAVED_MEANWHILE)
        except SecretsError as exc:
            # The keyring is locked, missing or stuck: every further row would meet it too
            # (and might prompt again). This row failed; the rest stay proven, to save later.
            row.result, row.reason = Result.FAILED, Reason(NOT_KEPT, (exc.message,))
            if on_row is not None:
                on_row(row)
            break
        except (StoreError, CheckFailedError, ValueError) as exc:
            message = str(exc) if isinstance(exc, StoreError) else type(exc).__name__
            row.result, row.reason = Result.FAILED, Reason(NOT_KEPT, (message,))
        else:
            failed = not row.proof.ok
            row.stage, row.result = Stage.SAVED, Result.SAVED
            row.reason = Reason(SAVED_FAILED) if failed else None
            row.secret = ""  # kept in the keyring now; the row no longer needs it
            saved += 1
        if on_row is not None:
            on_row(row)
    return saved
