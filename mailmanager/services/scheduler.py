"""Background schedule: decides when each account is checked, and asks for it.

The rules live in ``mailmanager.core.rules.schedule`` (pure functions); this QObject keeps the plan,
wakes up on a coarse QTimer, notices sleep/resume (the wall clock jumps while the monotonic
clock does not) and network changes (QNetworkInformation, where a backend exists), and emits
``checksDue`` with the accounts to check. Whoever runs checks (the checker service) calls
``checkFinished`` when one ends, successful or not, so the plan is updated.

Nothing of the plan runs on the GUI thread but the ticks: a re-plan (``refresh``) and the
finished checks (``checkFinished``) ask one ``services.operations.Coalesced`` job, which reads
the store in the loop's executor through a connection of its own and plans there on copies of
the plan's tables; the GUI thread swaps the new tables in. A burst of 200 finished checks costs
a few jobs, one at a time. Until a finished check's job is applied, the account stays
"requested", so a tick in between never asks for it again; after a catch-up, ticks wait for
its re-plan (the old plan would ask for everything overdue at once).

Both clocks are injected so tests drive hours of schedule without waiting.

Signals:
    checksDue(list): ids of accounts to check now.
    networkBack(): the system says the network is reachable again (after it was not).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from mailmanager.core.model.accounts import (
    AccountSummary,
    CredentialEvent,
    CredentialEventKind,
    utcnow,
)
from mailmanager.core.model.list_entry import ListEntry
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.rules.schedule import (
    TRANSIENT,
    CheckHistory,
    Schedulable,
    ScheduleSettings,
    next_check_at,
)
from mailmanager.core.store.account_store import StoreError
from mailmanager.services.operations import Coalesced, StoreOpener, Tasks, run_blocking

log = logging.getLogger("mailmanager.scheduler")

TICK_MS = 30_000
# A wall-clock jump this much larger than the monotonic time that passed means the machine
# slept (or the clock was set): catch up.
SLEEP_THRESHOLD = timedelta(minutes=2)
CODE_EVENTS = (CredentialEventKind.CREATED, CredentialEventKind.ROTATED)

# What a job read: every list entry with each account's latest code change (a re-plan), and
# each finished check's account with its latest code change (None: gone from the store).
_Everything = tuple[list[ListEntry], dict[int, datetime]]
_Finished = dict[int, tuple[AccountSummary, datetime | None] | None]


def _latest_code_change(events: Sequence[CredentialEvent]) -> datetime | None:
    times = [e.at for e in events if e.kind in CODE_EVENTS]
    return max(times) if times else None


def _read(
    open_store: StoreOpener, everything: bool, finished: Sequence[int]
) -> tuple[_Everything | None, _Finished]:
    """The blocking half of a job, for the executor (a connection of this thread's own)."""
    with open_store() as store:
        whole = (
            (store.list_entries(), store.latest_credential_events(CODE_EVENTS))
            if everything
            else None
        )
        results: _Finished = {}
        for account_id in finished:
            try:
                summary = store.summary(account_id)
            except StoreError:
                results[account_id] = None
                continue
            try:
                changed = _latest_code_change(store.credential_events(account_id))
            except StoreError:
                changed = None
            results[account_id] = (summary, changed)
    return whole, results


@dataclass
class _Plan:
    """The plan's state that only a job changes: each job works on copies in the executor and
    the GUI thread swaps them in, so nothing is planned on the GUI thread."""

    due: dict[int, datetime | None]
    transient: dict[int, int]
    # What each account's plan was made from (a re-plan skips accounts where it is unchanged).
    inputs: dict[int, tuple[object, ...]]
    forgotten: set[int]

    def forget(self, account_id: int) -> None:
        for table in (self.due, self.transient, self.inputs):
            table.pop(account_id, None)
        self.forgotten.add(account_id)


@dataclass(frozen=True)
class _Moment:
    """What the GUI thread's side says at the start of a job (copied: it may change)."""

    last_attempt: dict[int, datetime]
    started_at: datetime
    settings: ScheduleSettings


def _due_at(
    plan: _Plan,
    moment: _Moment,
    account_id: int,
    account: Schedulable,
    last_checked: datetime | None,
    statuses: tuple[ConnectionStatus, ...],
    code_changed_at: datetime | None,
) -> datetime | None:
    history = CheckHistory(
        last_checked=last_checked,
        last_statuses=statuses,
        consecutive_transient=plan.transient.get(account_id, 0),
        code_changed_at=code_changed_at,
    )
    due = next_check_at(account, history, started_at=moment.started_at, settings=moment.settings)
    attempt = moment.last_attempt.get(account_id)
    if due is not None and attempt is not None:
        # A check that ended without a result (no code in the keyring, a crash) must not
        # be asked for again at every tick.
        due = max(due, attempt + moment.settings.retry_base)
    return due


def _plan_finished(
    plan: _Plan,
    moment: _Moment,
    account_id: int,
    attempt: datetime,
    result: tuple[AccountSummary, datetime | None] | None,
) -> None:
    """A finished check's account, read again: count transient failures, plan its next."""
    if result is None:
        plan.forget(account_id)
        return
    summary, code_changed_at = result
    if account_id not in moment.last_attempt:
        return  # forgotten while it was read (a re-plan found it gone)
    statuses = tuple(summary.connection_statuses)
    recent = summary.last_checked is not None and (
        summary.last_checked >= attempt - timedelta(minutes=5)
    )
    if recent and set(statuses) & TRANSIENT:
        plan.transient[account_id] = plan.transient.get(account_id, 0) + 1
    elif recent:
        plan.transient[account_id] = 0
    plan.due[account_id] = _due_at(
        plan, moment, account_id, summary.account, summary.last_checked, statuses, code_changed_at
    )


def _plan_everything(
    plan: _Plan, moment: _Moment, entries: list[ListEntry], code_changed: dict[int, datetime]
) -> None:
    """Plan from every list entry: it runs after every change to the store, so it plans again
    only the accounts whose inputs to the plan changed since the last time."""
    seen = set()
    for entry in entries:
        account_id = entry.id
        seen.add(account_id)
        statuses = tuple(entry.connection_statuses)
        if account_id not in plan.transient:
            plan.transient[account_id] = 1 if set(statuses) & TRANSIENT else 0
        changed_at = code_changed.get(account_id)
        inputs = (
            entry,
            changed_at,
            plan.transient[account_id],
            moment.last_attempt.get(account_id),
            moment.started_at,
            moment.settings,
        )
        if plan.inputs.get(account_id) == inputs:
            continue  # same inputs, same plan
        plan.due[account_id] = _due_at(
            plan, moment, account_id, entry, entry.last_checked, statuses, changed_at
        )
        plan.inputs[account_id] = inputs
    for gone in set(plan.due) - seen:
        plan.forget(gone)


def _job(
    open_store: StoreOpener,
    everything: bool,
    finished: dict[int, datetime],
    plan: _Plan,
    moment: _Moment,
) -> _Plan:
    """A whole job, for the executor: read what is waiting, and plan (on copies)."""
    whole, results = _read(open_store, everything, list(finished))
    for account_id, result in results.items():
        _plan_finished(plan, moment, account_id, finished[account_id], result)
    if whole is not None:
        _plan_everything(plan, moment, *whole)
    return plan


class CheckScheduler(QObject):
    """Plans automatic checks for every active account (see the module docstring)."""

    checksDue = Signal(list)
    networkBack = Signal()

    def __init__(
        self,
        open_store: StoreOpener,
        parent: QObject | None = None,
        *,
        settings: ScheduleSettings | None = None,
        clock: Callable[[], datetime] = utcnow,
        monotonic: Callable[[], float] = time.monotonic,
        tick_ms: int = TICK_MS,
        watch_network: bool = True,
    ) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self.settings = settings or ScheduleSettings()
        self._clock = clock
        self._monotonic = monotonic
        self._started_at = clock()
        self._due: dict[int, datetime | None] = {}
        self._transient: dict[int, int] = {}
        self._last_attempt: dict[int, datetime] = {}
        self._requested: set[int] = set()
        # What each account's plan was made from (refresh skips accounts where it is unchanged).
        self._inputs: dict[int, tuple[object, ...]] = {}
        self._last_wall = clock()
        self._last_mono = monotonic()
        self._online: bool | None = None
        # Waiting for the next job: a whole re-plan, and the checks that finished (id: when).
        self._replan_wanted = False
        self._finished: dict[int, datetime] = {}
        # Catch-ups asked for and applied: until the re-plan of the last one is applied, ticks
        # ask for nothing (the stale plan would ask for everything overdue at once).
        self._catch_ups = 0
        self._caught_up = 0
        self._tasks = Tasks()
        self._sync = Coalesced(self._tasks, self._sync_plan)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        if watch_network:
            self._watch_network()

    # -- plan ------------------------------------------------------------------------------------

    def start(self) -> None:
        self._started_at = self._clock()
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def shutdown(self) -> None:
        """Stop, and cancel a read still running (the app quits)."""
        self.stop()
        self._tasks.cancel_all()

    @property
    def busy(self) -> bool:
        """A read of the store for the plan is running or waiting (tests wait on this)."""
        return self._sync.busy

    @property
    def reads(self) -> int:
        """How many reads of the store the plan has made (tests and the bench count them)."""
        return self._sync.runs

    @Slot()
    def refresh(self) -> None:
        """Rebuild the plan from the store (start-up, or accounts changed elsewhere), soon:
        read off the GUI thread, coalesced with the other reads."""
        self._replan_wanted = True
        self._sync.request()

    async def _sync_plan(self) -> None:
        """One job: read what is waiting and plan, in the executor, on copies of the plan;
        the GUI thread only swaps the result in (a few dict copies, however many accounts)."""
        everything, self._replan_wanted = self._replan_wanted, False
        finished, self._finished = self._finished, {}
        catch_ups = self._catch_ups
        plan, moment = self._snapshot()
        try:
            plan = await run_blocking(_job, self._open_store, everything, finished, plan, moment)
        except StoreError as exc:
            log.warning("cannot plan checks: %s", exc)
            for account_id in finished:
                self._forget(account_id)  # planned again by the next re-plan that can read
            self._caught_up = catch_ups
            return
        self._swap_in(plan, finished)
        self._caught_up = catch_ups

    def _snapshot(self) -> tuple[_Plan, _Moment]:
        """Copies of the plan and of what it depends on, for a job in the executor."""
        plan = _Plan(dict(self._due), dict(self._transient), dict(self._inputs), set())
        return plan, _Moment(dict(self._last_attempt), self._started_at, self.settings)

    def _swap_in(self, plan: _Plan, finished: Iterable[int]) -> None:
        """Take a job's plan (jobs run one at a time: nothing else changed these tables)."""
        self._due, self._transient, self._inputs = plan.due, plan.transient, plan.inputs
        for account_id in plan.forgotten:
            self._last_attempt.pop(account_id, None)
            self._requested.discard(account_id)
        self._requested.difference_update(finished)  # planned again: they may be asked for

    def _forget(self, account_id: int) -> None:
        for table in (self._due, self._transient, self._last_attempt, self._inputs):
            table.pop(account_id, None)
        self._requested.discard(account_id)

    def next_due(self, account_id: int) -> datetime | None:
        """When the account will next be checked automatically (None: not automatically)."""
        return self._due.get(account_id)

    # -- results ---------------------------------------------------------------------------------

    @Slot(int)
    def checkFinished(self, account_id: int) -> None:
        """A check of the account ended (any outcome): plan its next one from the store, once
        the (coalesced) read has its result."""
        self._last_attempt[account_id] = self._finished[account_id] = self._clock()
        self._sync.request()

    # -- time ------------------------------------------------------------------------------------

    @Slot()
    def tick(self) -> None:
        """Notice sleep/resume, then ask for every account that is due."""
        now, mono = self._clock(), self._monotonic()
        wall_passed = now - self._last_wall
        mono_passed = timedelta(seconds=mono - self._last_mono)
        self._last_wall, self._last_mono = now, mono
        if wall_passed - mono_passed > SLEEP_THRESHOLD:
            log.info("woke up after %s: catching up", wall_passed - mono_passed)
            self.catch_up()
        if self._caught_up < self._catch_ups:
            return  # the catch-up's re-plan is being read: the next tick asks
        due = sorted(
            account_id
            for account_id, when in self._due.items()
            if when is not None and when <= now and account_id not in self._requested
        )
        if due:
            self._requested.update(due)
            self.checksDue.emit(due)

    @Slot()
    def catch_up(self) -> None:
        """After sleep or a network change: overdue accounts become due soon, spread out."""
        self._started_at = self._clock()
        self._catch_ups += 1
        self.refresh()

    # -- network ---------------------------------------------------------------------------------

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            log.info("no network information backend: network changes are not watched")
            return
        info = QNetworkInformation.instance()
        self._online = info.reachability() == QNetworkInformation.Reachability.Online
        info.reachabilityChanged.connect(self._on_reachability)

    def _on_reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        online = reachability == QNetworkInformation.Reachability.Online
        if online and self._online is False:
            log.info("network is back: catching up")
            self.catch_up()
            self.networkBack.emit()
        self._online = online
