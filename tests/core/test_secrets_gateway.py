"""The keyring gateway (issue 14, item 2) against a real gnome-keyring that stops answering.

Each test starts its own gnome-keyring on a private D-Bus session, freezes it with SIGSTOP (only
that daemon, which the test started) and thaws it with SIGCONT. Waiting is on conditions: the
daemon's process state, and the gateway's own queue (a call made after the thaw runs only once
every earlier job, undo steps included, has finished, because jobs run one at a time).
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import SecretService

from mailmanager import paths
from mailmanager.core import secrets_gateway
from mailmanager.core.secrets import MSG_TIMEOUT, SecretsTimeout, SecretStore
from tests.helpers.secret_service import (
    SecretServiceSession,
    missing_binaries,
    secret_service,
)

pytestmark = pytest.mark.secretservice

REPO_ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "alice@example.org"
OLD = "OldCodeAbcd1234"
NEW = "NewCodeWxyz9876"
CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]


@pytest.fixture(autouse=True)
def collect_leaked_connections() -> Iterator[None]:
    """keyring's Secret Service backend can leave a D-Bus connection open (see
    tests/integration/test_secret_service.py); collect it here, warning silenced."""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceSession]:
    missing = missing_binaries()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"needs {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")
    with secret_service(tmp_path / "ss") as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        try:
            yield session
        finally:
            thaw(session)  # never leave a stopped daemon behind, whatever failed


def keyring_pid(session: SecretServiceSession) -> int:
    return session.processes[-1].pid


def state(pid: int) -> str:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2]


def wait_for(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.005)


def freeze(session: SecretServiceSession) -> None:
    pid = keyring_pid(session)
    os.kill(pid, signal.SIGSTOP)
    wait_for(lambda: state(pid) in "Tt")


def thaw(session: SecretServiceSession) -> None:
    pid = keyring_pid(session)
    with contextlib.suppress(ProcessLookupError, FileNotFoundError):
        os.kill(pid, signal.SIGCONT)
        wait_for(lambda: state(pid) not in "Tt")


def store(timeout: float) -> SecretStore:
    return SecretStore(paths.resolve(), backend=SecretService.Keyring(), timeout=timeout)


def settled(session: SecretServiceSession) -> SecretStore:
    """After a thaw: a store whose first call waits behind every earlier job and undo."""
    return store(30.0)


def timed_out(call: object) -> tuple[SecretsTimeout, float]:
    started = time.monotonic()
    with pytest.raises(SecretsTimeout) as caught:
        call()  # type: ignore[operator]
    return caught.value, time.monotonic() - started


def test_the_default_limit_is_ten_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(secrets_gateway.TIMEOUT_ENV, raising=False)
    assert SecretStore().timeout == 10.0
    assert SecretsTimeout(10.0).message.startswith("The keyring did not answer within 10 s")
    assert MSG_TIMEOUT.count("%1") == 1


def test_a_late_write_over_a_code_puts_the_old_code_back(
    service: SecretServiceSession, caplog: pytest.LogCaptureFixture
) -> None:
    store(5.0).set(ADDRESS, OLD)
    freeze(service)
    error, elapsed = timed_out(lambda: store(1.0).set(ADDRESS, NEW))
    assert 0.9 < elapsed < 3.0
    assert "did not answer within 1 s" in error.message
    assert NEW not in str(error) and OLD not in str(error)
    thaw(service)
    assert settled(service).get(ADDRESS) == OLD
    assert "answered after its time limit; its change was undone" in caplog.text
    assert NEW not in caplog.text and OLD not in caplog.text


@pytest.mark.expected_warnings("keyring call abandoned", "answered after its time limit")
def test_a_late_first_write_leaves_no_entry(service: SecretServiceSession) -> None:
    store(5.0).check_backend(probe=True)  # the collection exists before the freeze
    freeze(service)
    timed_out(lambda: store(1.0).set(ADDRESS, NEW))
    thaw(service)
    assert settled(service).get(ADDRESS) is None
    assert [i for i in service.items() if i.get("username") == ADDRESS] == []


@pytest.mark.expected_warnings("keyring call abandoned", "answered after its time limit")
def test_a_late_delete_puts_the_code_back(service: SecretServiceSession) -> None:
    store(5.0).set(ADDRESS, OLD)
    freeze(service)
    timed_out(lambda: store(1.0).delete(ADDRESS))
    thaw(service)
    assert settled(service).get(ADDRESS) == OLD


@pytest.mark.expected_warnings("keyring call abandoned", "answered after its time limit")
def test_calls_queued_behind_a_frozen_one_never_run(service: SecretServiceSession) -> None:
    store(5.0).check_backend(probe=True)
    freeze(service)
    timed_out(lambda: store(1.0).set(ADDRESS, OLD))
    # Queued behind the stuck call: its caller gives up before it starts, so it never runs.
    timed_out(lambda: store(0.5).set("bob@example.org", NEW))
    thaw(service)
    fresh = settled(service)
    assert fresh.get(ADDRESS) is None
    assert fresh.get("bob@example.org") is None


def test_every_call_runs_on_one_thread(service: SecretServiceSession) -> None:
    seen: set[str] = set()
    backend = SecretService.Keyring()
    original = backend.get_password

    def spy(service_name: str, user: str) -> str | None:
        seen.add(threading.current_thread().name)
        value: str | None = original(service_name, user)
        return value

    backend.get_password = spy  # type: ignore[method-assign]
    secret_store = SecretStore(paths.resolve(), backend=backend, timeout=5.0)
    workers = [
        threading.Thread(target=secret_store.set, args=(f"u{n}@example.org", f"Code{n}xxxxxx"))
        for n in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert seen == {"mailmanager-keyring"}


def cli_env(session: SecretServiceSession, home: Path, timeout: str | None) -> dict[str, str]:
    env = dict(session.env)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env["MAILMANAGER_HOME"] = str(home)
    env["PYTHONPATH"] = str(REPO_ROOT)
    env.pop(secrets_gateway.TIMEOUT_ENV, None)
    if timeout is not None:
        env[secrets_gateway.TIMEOUT_ENV] = timeout
    return env


@pytest.mark.parametrize("limit", [None, "2"])
def test_cli_add_with_a_frozen_keyring_stops_in_time(
    service: SecretServiceSession, tmp_path: Path, limit: str | None
) -> None:
    """`add` against a frozen keyring: one line, exit 1, within the limit; nothing stored."""
    home = tmp_path / "mm"
    env = cli_env(service, home, limit)
    freeze(service)
    started = time.monotonic()
    done = subprocess.run(
        [*CLI, "add", ADDRESS, "--password-stdin", "--no-check",
         "--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"],
        input=NEW, capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    seconds = 10 if limit is None else 2
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert f"did not answer within {seconds} s" in lines[0].lower()
    assert seconds <= elapsed < seconds + 5
    assert NEW not in done.stdout + done.stderr
    thaw(service)
    listed = subprocess.run(
        [*CLI, "--json", "list"], capture_output=True, text=True, env=env, timeout=60
    )
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"
    # Adding again once the keyring answers: whatever the frozen save left is cleaned up first.
    again = subprocess.run(
        [*CLI, "add", ADDRESS, "--password-stdin", "--no-check",
         "--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"],
        input=OLD, capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert len([i for i in service.items() if i.get("username") == ADDRESS]) == 1
    in_home = SecretStore(paths.resolve(home), backend=SecretService.Keyring(), timeout=5.0)
    assert in_home.get(ADDRESS) == OLD


def test_the_backend_is_discovered_on_the_keyring_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring

    threads: list[str] = []
    original = keyring.get_keyring

    def spy() -> object:
        threads.append(threading.current_thread().name)
        return original()

    monkeypatch.setattr(keyring, "get_keyring", spy)
    from mailmanager.core import secrets

    found = secrets_gateway.warm_up(secrets.discover_backend).result(timeout=10)
    assert found == "tests.helpers.memory_keyring.MemoryKeyring"
    assert threads == ["mailmanager-keyring"]
