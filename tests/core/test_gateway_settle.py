"""KeyringGateway.settle: the app's exit waits for keyring answers still on their way (bounded).

No keyring needed: the jobs here are plain functions on a gateway of the test's own.
"""

from __future__ import annotations

import threading

from mailmanager.core.secrets_gateway import KeyringGateway


def test_settle_waits_for_queued_jobs_and_their_callbacks() -> None:
    gateway = KeyringGateway("mailmanager-test-settle")
    release = threading.Event()
    delivered: list[str] = []
    job = gateway.submit(lambda _job: release.wait(10))
    job.future.add_done_callback(lambda _future: delivered.append("answer"))
    assert gateway.settle(0.05) is False  # a keyring that does not answer is not waited for
    assert delivered == []
    release.set()
    assert gateway.settle(10.0) is True
    assert delivered == ["answer"]


def test_settle_with_no_thread_returns_at_once() -> None:
    gateway = KeyringGateway("mailmanager-test-settle-idle")
    assert gateway.settle(0.0) is True
    assert gateway.on_gateway_thread() is False
