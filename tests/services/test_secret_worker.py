"""SecretWorker: keyring calls on one worker thread, results back as awaitables or callbacks."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import keyring.errors
import pytest
import qasync
from pytestqt.qtbot import QtBot

from mailmanager.core.secrets import SecretsLocked, SecretStore
from mailmanager.services.secret_worker import SecretWorker
from tests.helpers.memory_keyring import MemoryKeyring


class ThreadRecordingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.threads: list[threading.Thread] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.append(threading.current_thread())
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.append(threading.current_thread())
        super().set_password(service, username, password)


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


@pytest.fixture
def backend() -> ThreadRecordingKeyring:
    return ThreadRecordingKeyring()


@pytest.fixture
def worker(qtbot: QtBot, backend: ThreadRecordingKeyring) -> Iterator[SecretWorker]:
    w = SecretWorker(SecretStore(backend=backend))
    yield w
    w.shutdown()


def test_callbacks_on_gui_thread_calls_on_one_worker_thread(
    qtbot: QtBot, worker: SecretWorker, backend: ThreadRecordingKeyring
) -> None:
    results: list[tuple[Any, threading.Thread]] = []

    def collect(value: Any) -> None:
        results.append((value, threading.current_thread()))

    worker.request(worker.store.set, "a@example.org", "first-code-1234", on_done=collect)
    worker.request(worker.store.set, "a@example.org", "second-code-1234", on_done=collect)
    worker.request(worker.store.get, "a@example.org", on_done=collect)
    qtbot.waitUntil(lambda: len(results) == 3, timeout=5000)
    assert [value for value, _ in results] == [None, None, "second-code-1234"]
    assert {thread for _, thread in results} == {threading.main_thread()}
    worker_threads = set(backend.threads)
    assert len(worker_threads) == 1
    assert threading.main_thread() not in worker_threads


@pytest.mark.expected_warnings("LockedKeyring: KeyringLocked")
def test_failure_reaches_on_error_and_failed_signal(qtbot: QtBot) -> None:
    worker = SecretWorker(SecretStore(backend=LockedKeyring()))
    errors: list[BaseException] = []
    try:
        with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
            worker.request(worker.store.get, "a@example.org", on_error=errors.append)
        assert isinstance(blocker.args[0], SecretsLocked)
        qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
        assert isinstance(errors[0], SecretsLocked)
    finally:
        worker.shutdown()


def test_awaitables_with_plain_asyncio(worker: SecretWorker) -> None:
    async def scenario() -> str | None:
        await worker.check_backend(probe=True)
        await worker.set("b@example.org", "async-code-5678")
        value = await worker.get("b@example.org")
        await worker.delete("b@example.org")
        return value

    assert asyncio.run(scenario()) == "async-code-5678"
    assert worker.store.get("b@example.org") is None


def test_awaitables_on_qasync_loop(qapp: Any, worker: SecretWorker) -> None:
    loop = qasync.QEventLoop(qapp)
    try:

        async def scenario() -> tuple[str | None, bool]:
            await worker.set("c@example.org", "qasync-code-9012")
            value = await worker.get("c@example.org")
            return value, threading.current_thread() is threading.main_thread()

        value, on_main = loop.run_until_complete(scenario())
    finally:
        loop.close()
    assert value == "qasync-code-9012"
    assert on_main


@pytest.mark.expected_warnings("LockedKeyring: KeyringLocked")
def test_awaited_error_is_ours(qtbot: QtBot) -> None:
    worker = SecretWorker(SecretStore(backend=LockedKeyring()))
    try:
        with pytest.raises(SecretsLocked):
            asyncio.run(worker.get("a@example.org"))
    finally:
        worker.shutdown()
