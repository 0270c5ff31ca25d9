"""services.operations: typed results from executors, one error path, one cancellation."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Iterator
from types import TracebackType

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from mailmanager.core.model.list_entry import ListEntry, ListMark
from mailmanager.core.store.account_store import AccountStore, ListRead, StoreError
from mailmanager.services.operations import (
    Coalesced,
    KeptStore,
    Tasks,
    async_slot,
    call_from_thread,
    run_blocking,
)
from tests.helpers.sample_accounts import seed

# qasync's loop running inside Qt's, as in the app.
on_qasync = pytest.mark.usefixtures("qloop")

Hooked = list[tuple[type[BaseException], BaseException, TracebackType | None]]


@pytest.fixture
def excepthook(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hooked]:
    """What reaches ``sys.excepthook`` (the crash handler's door in the app)."""
    seen: Hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: seen.append(info))
    yield seen


@on_qasync
def test_typed_result_from_an_executor_thread(qtbot: QtBot) -> None:
    threads: list[threading.Thread] = []

    def work(a: int, b: int) -> int:
        threads.append(threading.current_thread())
        return a + b

    async def scenario() -> tuple[int, bool]:
        value = await run_blocking(work, 2, 3)
        return value, threading.current_thread() is threading.main_thread()

    task = Tasks().start(scenario())
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.result() == (5, True)  # the coroutine resumes on the GUI thread
    assert threads and threads[0] is not threading.main_thread()


@on_qasync
def test_an_error_in_an_owned_task_goes_to_the_excepthook_once(
    qtbot: QtBot, excepthook: Hooked
) -> None:
    def broken() -> None:
        raise ValueError("broken job")

    task = Tasks().start(run_blocking(broken))
    qtbot.waitUntil(lambda: len(excepthook) == 1, timeout=5000)
    assert task.done() and excepthook[0][0] is ValueError
    assert str(excepthook[0][1]) == "broken job"


class Button(QObject):
    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.enabled = True
        self.release = threading.Event()

    @async_slot()
    async def on_click(self) -> None:
        self.enabled = False
        try:
            await run_blocking(self._fail)
        finally:
            self.enabled = True

    def _fail(self) -> None:
        self.release.wait(10)
        raise RuntimeError("slot failed")


@on_qasync
def test_an_async_slot_reenables_its_button_and_reports_through_the_excepthook(
    qtbot: QtBot, excepthook: Hooked
) -> None:
    button = Button()
    button.clicked.connect(button.on_click)
    button.clicked.emit()
    qtbot.waitUntil(lambda: not button.enabled, timeout=5000)  # the slot waits for its job
    button.release.set()
    qtbot.waitUntil(lambda: len(excepthook) == 1, timeout=5000)
    assert button.enabled
    assert excepthook[0][0] is RuntimeError


@on_qasync
def test_cancelling_sets_the_jobs_flag_and_reports_nothing(
    qtbot: QtBot, excepthook: Hooked
) -> None:
    started = threading.Event()
    flag = threading.Event()
    stopped: list[bool] = []

    def job(cancel: threading.Event) -> None:
        started.set()
        stopped.append(cancel.wait(10))  # a probe checks its flag before sending a code

    tasks = Tasks()
    task = tasks.start(run_blocking(job, flag, cancel=flag))
    qtbot.waitUntil(started.is_set, timeout=5000)
    tasks.cancel_all()
    qtbot.waitUntil(lambda: stopped == [True], timeout=5000)
    assert task.cancelled() and not tasks.busy
    assert excepthook == []


@on_qasync
def test_calls_from_a_worker_thread_run_on_the_loop_in_order(qtbot: QtBot) -> None:
    seen: list[tuple[int, bool]] = []

    async def scenario() -> None:
        post = call_from_thread(
            lambda n: seen.append((n, threading.current_thread() is threading.main_thread()))
        )
        await run_blocking(lambda: [post(n) for n in range(50)])

    Tasks().start(scenario())
    qtbot.waitUntil(lambda: len(seen) == 50, timeout=5000)
    assert seen == [(n, True) for n in range(50)]


def test_cancelling_after_the_loop_closed_is_quiet() -> None:
    """The app closes its windows after qasync's loop has closed (app.main's ``finally``):
    cancelling what they still own must not raise."""
    release = threading.Event()
    loop = asyncio.new_event_loop()
    tasks = Tasks()

    async def start() -> None:
        tasks.start(run_blocking(release.wait, 5))
        await asyncio.sleep(0)

    try:
        loop.run_until_complete(start())
    finally:
        release.set()
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()
    tasks.cancel_all()
    assert not tasks.busy


@on_qasync
def test_coalesced_runs_one_at_a_time_and_a_burst_costs_two(qtbot: QtBot) -> None:
    """A burst of requests while a run goes on makes one more run after it, never two at once;
    a request made after a run started is answered by a later run (nothing is lost)."""
    release = threading.Event()
    seen: list[int] = []
    active: list[int] = []
    overlap: list[bool] = []

    async def job() -> None:
        overlap.append(bool(active))
        active.append(1)
        try:
            seen.append(value[0])  # what this run read
            await run_blocking(release.wait, 5)
        finally:
            active.pop()

    value = [0]
    coalesced = Coalesced(Tasks(), job)
    coalesced.request()
    qtbot.waitUntil(lambda: seen == [0])
    for n in range(1, 51):  # fifty changes while the first run waits
        value[0] = n
        coalesced.request()
    assert coalesced.busy
    release.set()
    qtbot.waitUntil(lambda: not coalesced.busy)
    assert coalesced.runs == 2 and seen == [0, 50] and overlap == [False, False]
    coalesced.request()
    qtbot.waitUntil(lambda: not coalesced.busy)
    assert coalesced.runs == 3


def test_a_kept_store_serves_jobs_on_any_thread_and_reads_only_what_changed(
    store: AccountStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scheduler's and the alerts' jobs run on executor threads, one at a time: a kept
    connection lets the second job read only the mailbox changed since the first."""
    saved = seed(store)
    kept = KeptStore(store.path)
    reads: list[int | None] = []  # rows read per job (None: every row)
    real = AccountStore.read_list_since

    def counted(self: AccountStore, mark: ListMark | None) -> ListRead:
        found = real(self, mark)
        reads.append(None if found.ids is None else len(found.entries))
        return found

    monkeypatch.setattr(AccountStore, "read_list_since", counted)

    def job() -> list[ListEntry]:
        with kept() as shared:
            return shared.list_entries()

    def on_a_thread() -> list[ListEntry]:
        result: list[list[ListEntry]] = []
        worker = threading.Thread(target=lambda: result.append(job()))
        worker.start()
        worker.join(10)
        return result[0]

    assert len(on_a_thread()) == len(saved)
    account = saved["new@example.org"]
    store.update_account(account.replace(display_name="Changed"))
    entries = on_a_thread()
    assert reads == [None, 1]
    assert sorted(entries) == sorted(store.read_list_entries())
    kept.close()
    with pytest.raises(StoreError), kept():
        pass
