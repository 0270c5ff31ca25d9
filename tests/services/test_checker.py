"""The checker service: work off the GUI thread, results as signals, records via a callback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from pytestqt.qtbot import QtBot

from mailmanager.core.checking.runner import AccountCheck
from mailmanager.core.model.accounts import Account
from mailmanager.core.model.status import ConnectionStatus as S
from mailmanager.services.checker import CheckerService
from tests.helpers import scripted_server as ss
from tests.helpers.factories import make_account

T = 3.0

# The checker runs its checks as asyncio tasks on qasync's loop, as in the app.
pytestmark = pytest.mark.usefixtures("qloop")


@pytest.fixture
def servers() -> Iterator[tuple[ss.ScriptedServer, ss.ScriptedServer]]:
    with ExitStack() as stack:
        imap = stack.enter_context(ss.ScriptedServer(ss.imap_script(latency=0.1)))
        smtp = stack.enter_context(ss.ScriptedServer(ss.smtp_script(latency=0.1)))
        yield imap, smtp


def test_results_come_back_as_signals_and_are_recorded_off_the_gui_thread(
    qtbot: QtBot, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    gui_thread = threading.get_ident()
    recorded: list[tuple[int | None, bool, int]] = []
    secret_threads: list[int] = []

    def secret_for(account: Account) -> str:
        secret_threads.append(threading.get_ident())
        return "right-code" if account.id == 1 else "wrong-code"

    def record(account: Account, check: AccountCheck) -> None:
        recorded.append((account.id, check.ok, threading.get_ident()))

    service = CheckerService(secret_for, record, timeout=T)
    started: list[int] = []
    finished: dict[int, AccountCheck] = {}
    steps: list[tuple[int, str, str]] = []
    service.accountStarted.connect(started.append)
    service.accountFinished.connect(lambda i, check: finished.__setitem__(i, check))
    service.progress.connect(lambda i, p, s: steps.append((i, p, s)))

    with qtbot.waitSignal(service.allFinished, timeout=10_000):
        accounts = [make_account(f"user{n}@example.com", servers=servers, id=n) for n in (1, 2)]
        assert service.check(accounts) == 2
        # check() only queued the work: every reply takes 0.1 s, so nothing is back yet.
        assert finished == {} and service.isBusy()
    assert sorted(started) == [1, 2]
    assert finished[1].ok
    assert finished[2].imap.status is S.AUTH_FAILED and finished[2].smtp.status is S.AUTH_FAILED
    assert (1, "imap", "examine") in steps and (1, "smtp", "mail_from") in steps
    assert sorted((i, ok) for i, ok, _t in recorded) == [(1, True), (2, False)]
    assert all(t != gui_thread for _i, _ok, t in recorded)
    assert all(t != gui_thread for t in secret_threads)
    assert not service.isBusy()
    service.shutdown()


def test_missing_code_is_reported_not_checked(
    qtbot: QtBot, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    service = CheckerService(lambda account: None, timeout=T)
    with (
        qtbot.waitSignal(service.accountFailed, timeout=5_000) as failed,
        qtbot.waitSignal(service.allFinished, timeout=5_000),
    ):
        service.check([make_account("user7@example.com", servers=servers, id=7)])
    assert failed.args[0] == 7
    assert servers[0].connections == 0 and servers[1].connections == 0
    service.shutdown()


def test_cancel_is_not_recorded_and_sends_no_credential(
    qtbot: QtBot, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    recorded: list[int | None] = []
    service = CheckerService(
        lambda a: "right-code", lambda a, c: recorded.append(a.id), concurrency=1, timeout=T
    )
    finished: list[AccountCheck] = []
    service.accountFinished.connect(lambda i, check: finished.append(check))
    with qtbot.waitSignal(service.allFinished, timeout=5_000):
        service.check(
            [make_account(f"user{n}@example.com", servers=servers, id=n) for n in (1, 2, 3)]
        )
        # The first account is connected; its greeting is not yet answered (0.1 s latency).
        qtbot.waitUntil(lambda: servers[0].connections >= 1 and servers[1].connections >= 1)
        service.cancel()
    # The servers have finished with the sessions: a credential sent after the cancel is recorded.
    assert servers[0].wait_sessions_ended(1) and servers[1].wait_sessions_ended(1)
    assert len(finished) == 3 and all(check.cancelled for check in finished)
    assert recorded == []
    assert not servers[0].lines_matching("LOGIN|AUTHENTICATE")
    assert not servers[1].lines_matching("^AUTH")
    service.shutdown()


def test_same_account_twice_joins_the_running_check(
    qtbot: QtBot, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    service = CheckerService(lambda a: "right-code", timeout=T)
    with qtbot.waitSignal(service.allFinished, timeout=5_000):
        assert service.check([make_account("user1@example.com", servers=servers, id=1)]) == 1
        assert service.check([make_account("user1@example.com", servers=servers, id=1)]) == 0
    assert servers[0].connections == 1
    service.shutdown()


def held_pair(gate: threading.Event) -> tuple[ss.ScriptedServer, ss.ScriptedServer]:
    """An IMAP and an SMTP server whose greetings wait for ``gate`` (``ss.held``)."""
    return (
        ss.ScriptedServer(ss.held(ss.imap_script(), gate)),
        ss.ScriptedServer(ss.held(ss.smtp_script(), gate)),
    )


def test_cancelling_one_account_sends_its_code_nowhere_and_leaves_the_others(
    qtbot: QtBot,
) -> None:
    """Removing a mailbox cancels its check (``cancel_ids``): its task and its probes stop
    before a login; a check of another mailbox on other servers runs on. The removed mailbox's
    servers hold their greetings until after the cancel (so the client is surely before its
    login, whatever the load), then answer: no login follows."""
    gate = threading.Event()
    servers = held_pair(gate)
    with ExitStack() as stack:
        for server in servers:
            stack.enter_context(server)
        other = (
            stack.enter_context(ss.ScriptedServer(ss.imap_script(latency=0.1))),
            stack.enter_context(ss.ScriptedServer(ss.smtp_script(latency=0.1))),
        )
        service = CheckerService(lambda a: "right-code", timeout=T)
        finished: dict[int, AccountCheck] = {}
        service.accountFinished.connect(lambda i, check: finished.__setitem__(i, check))
        with qtbot.waitSignal(service.allFinished, timeout=10_000):
            service.check(
                [
                    make_account("gone@example.com", servers=servers, id=1),
                    make_account("kept@example.com", servers=other, id=2),
                ]
            )
            qtbot.waitUntil(lambda: servers[0].connections >= 1 and servers[1].connections >= 1)
            service.cancel_ids([1])
            gate.set()
        assert servers[0].wait_sessions_ended(1) and servers[1].wait_sessions_ended(1)
        assert finished[1].cancelled and finished[2].ok
        assert not servers[0].lines_matching("LOGIN|AUTHENTICATE")
        assert not servers[1].lines_matching("^AUTH")
        assert other[0].lines_matching("LOGIN|AUTHENTICATE")
        service.shutdown()


def test_shutdown_while_checking_sends_no_code(qtbot: QtBot) -> None:
    """Quitting the app (``shutdown``) cancels the running checks' tasks: zero logins (the
    servers hold their greetings until the shutdown has begun)."""
    gate = threading.Event()
    servers = held_pair(gate)
    with ExitStack() as stack:
        for server in servers:
            stack.enter_context(server)
        _shutdown_sends_no_code(qtbot, servers, gate)


def _shutdown_sends_no_code(
    qtbot: QtBot, servers: tuple[ss.ScriptedServer, ss.ScriptedServer], gate: threading.Event
) -> None:
    service = CheckerService(lambda a: "right-code", timeout=T)
    service.check([make_account("quit@example.com", servers=servers, id=1)])
    qtbot.waitUntil(lambda: servers[0].connections >= 1 and servers[1].connections >= 1)
    service.shutdown()
    gate.set()
    assert servers[0].wait_sessions_ended(1) and servers[1].wait_sessions_ended(1)
    assert not servers[0].lines_matching("LOGIN|AUTHENTICATE")
    assert not servers[1].lines_matching("^AUTH")
    assert service.check([make_account("late@example.com", servers=servers, id=2)]) == 0


def test_check_all_hands_over_a_few_at_a_time_and_queued_ones_end_cancelled(
    qtbot: QtBot, qloop
) -> None:
    """ "Check all" queues the accounts: only FEED_PER_WORKER x concurrency get a task (and go
    to the runner) at once, each one that ends starts the next. A queued mailbox cancelled
    (removed) ends as a cancelled check without ever connecting; cancelling the rest ends
    them all the same way, "all finished" is said once, and no code is sent."""
    import asyncio

    from mailmanager.services.checker import FEED_PER_WORKER

    gate = threading.Event()
    servers = held_pair(gate)
    with ExitStack() as stack:
        for server in servers:
            stack.enter_context(server)
        service = CheckerService(lambda a: "right-code", concurrency=2, timeout=T)
        finished: dict[int, AccountCheck] = {}
        service.accountFinished.connect(lambda i, check: finished.__setitem__(i, check))
        done: list[bool] = []
        service.allFinished.connect(lambda: done.append(True))
        before = len(asyncio.all_tasks(qloop))
        accounts = [
            make_account(f"user{n}@example.com", servers=servers, id=n) for n in range(1, 21)
        ]
        assert service.check(accounts) == 20
        assert len(asyncio.all_tasks(qloop)) - before == FEED_PER_WORKER * 2  # not 20
        qtbot.waitUntil(lambda: servers[0].connections >= 1)
        service.cancel_ids([20])  # still queued: no task, no connection
        qtbot.waitUntil(lambda: 20 in finished)
        assert finished[20].cancelled and service.isBusy()
        service.cancel()
        gate.set()
        qtbot.waitUntil(lambda: done == [True])
        assert sorted(finished) == list(range(1, 21))
        assert all(check.cancelled for check in finished.values())
        assert servers[0].wait_sessions_ended(servers[0].connections)
        assert servers[0].connections <= 2  # the runner's two threads, nobody queued behind
        assert not servers[0].lines_matching("LOGIN|AUTHENTICATE")
        assert not servers[1].lines_matching("^AUTH")
        assert done == [True] and not service.isBusy()
        service.shutdown()
