"""The scheduler with a fake clock: hours of schedule, no real waiting.

The scheduler reads the store in qasync's executor (a connection of its own): after a re-plan
or a finished check the tests wait until that read is applied (``settle``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mailmanager.core.model.accounts import (
    CheckRecord,
    CredentialEvent,
    CredentialEventKind,
    Protocol,
)
from mailmanager.core.model.status import ConnectionStatus as S
from mailmanager.core.rules.schedule import ScheduleSettings
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.scheduler import CheckScheduler
from tests.helpers.factories import make_account

pytestmark = pytest.mark.usefixtures("qloop")

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0
        self.mono = 1000.0

    def wall(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.mono

    def advance(self, delta: timedelta, *, asleep: bool = False) -> None:
        self.now += delta
        if not asleep:
            self.mono += delta.total_seconds()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[AccountStore]:
    with AccountStore.open(tmp_path / "s.sqlite3", clock=clock.wall) as s:
        yield s


def add(store: AccountStore, address: str, **changes: Any) -> int:
    return store.add_account(make_account(address, domain="163.com", **changes)).id or 0


def record(store: AccountStore, account_id: int, at: datetime, imap: S, smtp: S) -> None:
    store.record_check(CheckRecord(account_id, at, Protocol.IMAP, imap))
    store.record_check(CheckRecord(account_id, at, Protocol.SMTP, smtp))


def opener(store: AccountStore) -> Callable[[], AccountStore]:
    """Opens the test's store file on the executor's thread, as the app's Monitor does."""
    return lambda: AccountStore.open(store.path)


def settle(scheduler: CheckScheduler, qtbot) -> None:
    """Wait until the scheduler's reads of the store are applied."""
    qtbot.waitUntil(lambda: not scheduler.busy)


def make(store: AccountStore, clock: FakeClock, qtbot) -> CheckScheduler:
    scheduler = CheckScheduler(
        opener(store),
        settings=ScheduleSettings(),
        clock=clock.wall,
        monotonic=clock.monotonic,
        watch_network=False,
    )
    scheduler.start()
    scheduler.stop()  # tests call tick() themselves
    settle(scheduler, qtbot)
    return scheduler


def run_until(scheduler: CheckScheduler, clock: FakeClock, qtbot, until: timedelta) -> list[int]:
    """Tick every 30 s of fake time; return every id asked for."""
    asked: list[int] = []
    scheduler.checksDue.connect(asked.extend)
    end = clock.now + until
    while clock.now < end:
        clock.advance(timedelta(seconds=30))
        scheduler.tick()
    return asked


def test_active_accounts_are_checked_after_start_but_not_paused_ones(store, clock, qtbot) -> None:
    active = [add(store, f"u{n}@163.com") for n in range(5)]
    add(store, "paused@163.com", paused=True)
    add(store, "imported@163.com", needs_code=True)
    scheduler = make(store, clock, qtbot)
    asked = run_until(scheduler, clock, qtbot, timedelta(minutes=3))
    assert sorted(asked) == active


def test_no_automatic_retry_after_auth_failed(store, clock, qtbot) -> None:
    aid = add(store, "a@163.com")
    store.add_credential_event(
        CredentialEvent(aid, T0 - timedelta(days=1), CredentialEventKind.CREATED)
    )
    record(store, aid, T0 - timedelta(hours=1), S.OK, S.AUTH_FAILED)
    scheduler = make(store, clock, qtbot)
    assert scheduler.next_due(aid) is None
    assert run_until(scheduler, clock, qtbot, timedelta(days=2)) == []
    # A new code (rotation) makes it eligible again.
    store.add_credential_event(CredentialEvent(aid, clock.now, CredentialEventKind.ROTATED))
    scheduler.refresh()
    settle(scheduler, qtbot)
    assert scheduler.next_due(aid) is not None


def test_interval_and_check_finished(store, clock, qtbot) -> None:
    aid = add(store, "a@163.com")
    record(store, aid, T0, S.OK, S.OK)
    scheduler = make(store, clock, qtbot)
    due = scheduler.next_due(aid)
    assert due is not None and timedelta(hours=5, minutes=30) < due - T0 < timedelta(
        hours=6, minutes=30
    )
    asked = run_until(scheduler, clock, qtbot, timedelta(hours=7))
    assert asked == [aid]
    # Until the check reports back, the account is not asked for again.
    assert run_until(scheduler, clock, qtbot, timedelta(hours=1)) == []
    record(store, aid, clock.now, S.OK, S.OK)
    scheduler.checkFinished(aid)
    settle(scheduler, qtbot)
    nxt = scheduler.next_due(aid)
    assert nxt is not None and nxt - clock.now > timedelta(hours=5)


def test_transient_failures_back_off(store, clock, qtbot) -> None:
    aid = add(store, "a@163.com")
    record(store, aid, T0, S.OK, S.OK)
    scheduler = make(store, clock, qtbot)
    gaps = []
    for _ in range(5):
        record(store, aid, clock.now, S.TIMEOUT, S.OK)
        scheduler.checkFinished(aid)
        settle(scheduler, qtbot)
        due = scheduler.next_due(aid)
        assert due is not None
        gaps.append(due - clock.now)
        clock.advance(due - clock.now)
    assert gaps == sorted(gaps)
    assert gaps[0] < timedelta(minutes=15) and gaps[-1] >= timedelta(hours=1, minutes=30)


def test_a_check_without_result_is_not_asked_for_at_every_tick(store, clock, qtbot) -> None:
    aid = add(store, "a@163.com")
    scheduler = make(store, clock, qtbot)
    first = run_until(scheduler, clock, qtbot, timedelta(minutes=3))
    assert first == [aid]
    scheduler.checkFinished(aid)  # e.g. the keyring had no code: nothing was recorded
    settle(scheduler, qtbot)
    assert run_until(scheduler, clock, qtbot, timedelta(minutes=5)) == []


def test_sleep_and_resume_catches_up(store, clock, qtbot) -> None:
    aid = add(store, "a@163.com")
    record(store, aid, T0, S.OK, S.OK)
    scheduler = make(store, clock, qtbot)
    clock.advance(timedelta(minutes=1))
    scheduler.tick()
    # The laptop sleeps for a day: the wall clock jumps, the monotonic clock does not.
    clock.advance(timedelta(days=1), asleep=True)
    scheduler.tick()
    settle(scheduler, qtbot)  # it caught up: a re-plan
    due = scheduler.next_due(aid)
    assert due is not None
    assert clock.now < due <= clock.now + timedelta(minutes=3)
    assert run_until(scheduler, clock, qtbot, timedelta(minutes=3)) == [aid]


def test_removed_accounts_are_forgotten(store, clock, qtbot) -> None:
    aid = add(store, "a@163.com")
    scheduler = make(store, clock, qtbot)
    assert scheduler.next_due(aid) is not None
    store.remove_account(aid)
    scheduler.refresh()
    settle(scheduler, qtbot)
    assert scheduler.next_due(aid) is None


def test_network_backend_is_optional(store, clock, qtbot, caplog) -> None:
    """Watching the network needs no backend (the offscreen test platform may have none): the
    scheduler still plans. An unknown reachability counts as offline, so it starts no catch-up,
    and going online after it does."""
    from PySide6.QtNetwork import QNetworkInformation

    aid = add(store, "a@163.com")
    scheduler = CheckScheduler(opener(store), clock=clock.wall, monotonic=clock.monotonic)
    scheduler.start()
    scheduler.stop()
    settle(scheduler, qtbot)
    assert scheduler.next_due(aid) is not None

    def catch_ups() -> list[str]:
        return [r.getMessage() for r in caplog.records if "catching up" in r.getMessage()]

    with caplog.at_level(logging.INFO, logger="mailmanager.scheduler"):
        scheduler._on_reachability(None)  # an unknown value never crashes
        assert catch_ups() == []
        scheduler._on_reachability(QNetworkInformation.Reachability.Online)
        assert catch_ups() == ["network is back: catching up"]
    settle(scheduler, qtbot)
    assert scheduler.next_due(aid) is not None


def test_a_refresh_plans_again_whatever_an_account_s_plan_depends_on(store, clock, qtbot) -> None:
    """Refresh skips accounts whose inputs did not change; each input must still count: the
    account's row, its code changes, the schedule's settings and a new start (catch-up)."""
    first, second = add(store, "a@163.com"), add(store, "b@163.com")
    for aid in (first, second):
        record(store, aid, T0 - timedelta(hours=1), S.OK, S.OK)
    scheduler = make(store, clock, qtbot)
    planned = {aid: scheduler.next_due(aid) for aid in (first, second)}
    assert all(planned.values())
    scheduler.refresh()
    settle(scheduler, qtbot)
    assert {aid: scheduler.next_due(aid) for aid in (first, second)} == planned

    # The row: a new check of the first account moves its plan, not the second's.
    record(store, first, T0 + timedelta(minutes=5), S.OK, S.OK)
    scheduler.refresh()
    settle(scheduler, qtbot)
    assert scheduler.next_due(first) != planned[first]
    assert scheduler.next_due(second) == planned[second]

    # The settings: a shorter interval moves both.
    before = {aid: scheduler.next_due(aid) for aid in (first, second)}
    scheduler.settings = ScheduleSettings(interval=timedelta(hours=1))
    scheduler.refresh()
    settle(scheduler, qtbot)
    for aid in (first, second):
        due, was = scheduler.next_due(aid), before[aid]
        assert due is not None and was is not None and due < was

    # A code change: after "code rejected", a new code makes the account plannable again.
    record(store, second, T0 + timedelta(minutes=6), S.OK, S.AUTH_FAILED)
    scheduler.refresh()
    settle(scheduler, qtbot)
    assert scheduler.next_due(second) is None
    store.add_credential_event(
        CredentialEvent(second, T0 + timedelta(minutes=7), CredentialEventKind.ROTATED)
    )
    scheduler.refresh()
    settle(scheduler, qtbot)
    assert scheduler.next_due(second) is not None

    # A new start (after sleep): what fell due meanwhile is caught up soon, not in the past.
    clock.advance(timedelta(hours=10), asleep=True)
    scheduler.catch_up()
    settle(scheduler, qtbot)
    due = scheduler.next_due(second)
    assert due is not None and due > clock.now

    # A removed account is forgotten.
    store.remove_account(first)
    scheduler.refresh()
    settle(scheduler, qtbot)
    assert scheduler.next_due(first) is None


def test_a_burst_of_finished_checks_costs_a_few_reads(store, clock, qtbot) -> None:
    """A "Check all" of 200 mailboxes reports 200 finished checks in a few seconds: the store
    is read off the GUI thread, one read at a time, a few reads for the whole burst."""
    ids = [add(store, f"u{n:03d}@163.com") for n in range(200)]
    scheduler = make(store, clock, qtbot)
    before = scheduler.reads
    for aid in ids:
        record(store, aid, clock.now, S.OK, S.OK)
        scheduler.checkFinished(aid)
    settle(scheduler, qtbot)
    assert scheduler.reads - before <= 2
    for aid in ids:
        due = scheduler.next_due(aid)
        assert due is not None and due - clock.now > timedelta(hours=5)


def test_a_tick_before_a_finished_check_is_read_asks_for_nothing(store, clock, qtbot) -> None:
    """Until a finished check's result is read, its account stays requested: a tick in
    between (its old plan says it is due) does not ask for it again."""
    aid = add(store, "a@163.com")
    scheduler = make(store, clock, qtbot)
    assert run_until(scheduler, clock, qtbot, timedelta(minutes=3)) == [aid]
    record(store, aid, clock.now, S.OK, S.OK)
    scheduler.checkFinished(aid)
    assert scheduler.busy  # the read has not been applied yet
    assert run_until(scheduler, clock, qtbot, timedelta(minutes=1)) == []
    settle(scheduler, qtbot)
    due = scheduler.next_due(aid)
    assert due is not None and due - clock.now > timedelta(hours=5)
