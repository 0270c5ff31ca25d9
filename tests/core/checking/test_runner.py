"""The runner: both protocols at once, bounded concurrency, 2 logins per host, one check per
account, cancel, and never a retry. Proven by what scripted loopback servers saw."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest

from mailmanager.core.checking.runner import (
    AccountCheck,
    CheckRunner,
    HostGate,
    MissingSecret,
    check_account,
)
from mailmanager.core.model.accounts import Protocol
from mailmanager.core.model.status import ConnectionStatus as S
from tests.helpers import scripted_server as ss
from tests.helpers.factories import make_account

T = 3.0


@contextmanager
def servers(
    imap_script: ss.Script | None = None,
    smtp_script: ss.Script | None = None,
    *,
    imap_host: str = "127.0.0.1",
    smtp_host: str = "127.0.0.2",
    gauge: ss.Gauge | None = None,
) -> Iterator[tuple[ss.ScriptedServer, ss.ScriptedServer]]:
    with ExitStack() as stack:
        imap = stack.enter_context(
            ss.ScriptedServer(imap_script or ss.imap_script(), host=imap_host, gauge=gauge)
        )
        smtp = stack.enter_context(
            ss.ScriptedServer(smtp_script or ss.smtp_script(), host=smtp_host, gauge=gauge)
        )
        yield imap, smtp


def test_both_protocols_run_at_the_same_time() -> None:
    """Each server only greets once the other has a connection: sequential probes would time out."""
    imap_in, smtp_in = threading.Event(), threading.Event()

    def waiting_greeting(mine: threading.Event, other: threading.Event, text: bytes):
        def greet(session: ss.Session) -> None:
            mine.set()
            if other.wait(2):
                session.send(text)

        return greet

    imap_script, smtp_script = ss.imap_script(), ss.smtp_script()
    imap_script.greeting = waiting_greeting(imap_in, smtp_in, b"* OK ready\r\n")
    smtp_script.greeting = waiting_greeting(smtp_in, imap_in, b"220 ready\r\n")
    with servers(imap_script, smtp_script) as (imap, smtp):
        result = check_account(
            make_account("user1@example.com", servers=(imap, smtp), id=1), "right-code", timeout=T
        )
    assert result.imap.status is S.OK and result.smtp.status is S.OK
    assert result.ok


def test_wrong_code_reaches_each_server_once() -> None:
    with servers() as (imap, smtp):
        result = check_account(
            make_account("user1@example.com", servers=(imap, smtp), id=1), "wrong-code", timeout=T
        )
        # Each server has finished with the session: all it was sent is recorded.
        assert imap.wait_sessions_ended(1) and smtp.wait_sessions_ended(1)
    assert result.imap.status is S.AUTH_FAILED and result.smtp.status is S.AUTH_FAILED
    assert len(imap.auth_attempts) == 1 and len(smtp.auth_attempts) == 1
    assert imap.connections == 1 and smtp.connections == 1


def test_progress_reports_each_protocol() -> None:
    seen: list[tuple[Protocol, str]] = []
    lock = threading.Lock()

    def progress(protocol: Protocol, step: str) -> None:
        with lock:
            seen.append((protocol, step))

    with servers() as (imap, smtp):
        check_account(
            make_account("user1@example.com", servers=(imap, smtp), id=1),
            "right-code",
            timeout=T,
            progress=progress,
        )
    assert (Protocol.IMAP, "login") in seen and (Protocol.IMAP, "examine") in seen
    assert (Protocol.SMTP, "auth") in seen and (Protocol.SMTP, "mail_from") in seen


def test_at_most_two_logins_per_host() -> None:
    slow_imap, slow_smtp = ss.imap_script(latency=0.05), ss.smtp_script(latency=0.05)
    with servers(slow_imap, slow_smtp) as (imap, smtp):
        runner = CheckRunner(lambda a: "right-code", concurrency=6, timeout=T, gate=HostGate(2))
        accounts = [
            make_account(f"user{n}@example.com", servers=(imap, smtp), id=n) for n in range(6)
        ]
        done = runner.run(accounts)
        runner.shutdown()
    assert all(f.result().ok for _a, f in done)
    assert imap.gauge.peak == 2 and smtp.gauge.peak == 2
    assert imap.connections == 6 and smtp.connections == 6


def test_bounded_concurrency_over_many_hosts() -> None:
    gauge = ss.Gauge()
    with ExitStack() as stack:
        accounts = []
        for n in range(6):
            imap, smtp = stack.enter_context(
                servers(
                    ss.imap_script(latency=0.05),
                    ss.smtp_script(latency=0.05),
                    imap_host=f"127.0.1.{n + 1}",
                    smtp_host=f"127.0.2.{n + 1}",
                    gauge=gauge,
                )
            )
            accounts.append(make_account(f"user{n}@example.com", servers=(imap, smtp), id=n))
        runner = CheckRunner(lambda a: "right-code", concurrency=2, timeout=T)
        done = runner.run(accounts)
        runner.shutdown()
    assert all(f.result().ok for _a, f in done)
    # 2 accounts at once, 2 connections each.
    assert gauge.peak == 4


def test_one_check_per_account_at_a_time() -> None:
    with servers(ss.imap_script(latency=0.05), ss.smtp_script(latency=0.05)) as (imap, smtp):
        runner = CheckRunner(lambda a: "right-code", concurrency=4, timeout=T)
        first = runner.submit(make_account("user1@example.com", servers=(imap, smtp), id=1))
        second = runner.submit(make_account("user1@example.com", servers=(imap, smtp), id=1))
        assert second is first
        assert runner.is_running(make_account("user1@example.com", servers=(imap, smtp), id=1))
        first.result()
        runner.shutdown()
    assert imap.connections == 1 and smtp.connections == 1


def test_missing_secret_fails_that_account_only() -> None:
    outcomes: list[AccountCheck | BaseException] = []
    with servers() as (imap, smtp):
        runner = CheckRunner(
            lambda a: None if a.id == 1 else "right-code",
            timeout=T,
            on_done=lambda a, outcome: outcomes.append(outcome),
        )
        accounts = [
            make_account(f"user{n}@example.com", servers=(imap, smtp), id=n) for n in (1, 2)
        ]
        done = dict((a.id, f) for a, f in runner.run(accounts))
        runner.shutdown()
    with pytest.raises(MissingSecret):
        done[1].result()
    assert done[2].result().ok
    assert len(outcomes) == 2
    assert imap.connections == 1


def test_cancel_stops_running_and_queued_checks_before_any_login() -> None:
    # Every reply takes 0.3 s: a cancel as soon as the first account has connected lands before
    # its greeting, so long before any LOGIN/AUTH could be sent.
    with servers(ss.imap_script(latency=0.3), ss.smtp_script(latency=0.3)) as (imap, smtp):
        runner = CheckRunner(lambda a: "right-code", concurrency=1, timeout=T)
        futures = [
            runner.submit(make_account(f"user{n}@example.com", servers=(imap, smtp), id=n))
            for n in range(3)
        ]
        assert imap.wait_connections(1) and smtp.wait_connections(1)
        started = time.monotonic()
        runner.cancel()
        results = [f.result(timeout=3) for f in futures]
        stopped = time.monotonic() - started
        runner.shutdown()
        # The servers have finished with the first account's sessions: a LOGIN/AUTH sent after
        # the cancel would be recorded by now.
        assert imap.wait_sessions_ended(1) and smtp.wait_sessions_ended(1)
    assert all(r.cancelled and not r.ok for r in results)
    assert stopped < 1.5
    assert not imap.lines_matching(r"LOGIN|AUTHENTICATE")
    assert not smtp.lines_matching(r"^AUTH")
    assert imap.connections == 1  # the queued accounts never connected


def test_after_cancel_new_checks_run() -> None:
    with servers() as (imap, smtp):
        runner = CheckRunner(lambda a: "right-code", timeout=T)
        runner.cancel()
        assert (
            runner.submit(make_account("user1@example.com", servers=(imap, smtp), id=1)).result().ok
        )
        runner.shutdown()


def test_gate_wait_is_cancellable() -> None:
    gate = HostGate(1)
    cancel = threading.Event()
    with gate.slot("mail.example.org", cancel):
        cancel.set()
        with pytest.raises(Exception, match="cancelled"), gate.slot("MAIL.example.org.", cancel):
            pass
