"""Single instance per home folder: real QLocalServer/QLocalSocket, real lock files, real
child processes for the second start and for a crashed owner."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from mailmanager import paths
from mailmanager.services.single_instance import (
    LOCK_NAME,
    MAX_SOCKET_PATH,
    SingleInstance,
    server_name,
)

CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QCoreApplication
    from mailmanager import paths
    from mailmanager.services.single_instance import SingleInstance

    app = QCoreApplication([])
    instance = SingleInstance(paths.resolve(sys.argv[1]), reply_timeout_ms=5000)
    claimed = instance.claim()
    print("primary" if claimed else "secondary", flush=True)
    if sys.argv[2] == "crash":
        os._exit(0)  # no clean-up: the socket file and the lock file stay behind
    sys.exit(0)
    """
)


def run_child(home: Path, mode: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home), mode],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def instances():
    made: list[SingleInstance] = []

    def make(home: Path, reply_timeout_ms: int = 3000) -> SingleInstance:
        inst = SingleInstance(paths.resolve(home), reply_timeout_ms=reply_timeout_ms)
        made.append(inst)
        return inst

    yield make
    for inst in made:
        inst.release()


def test_server_name_is_a_path_in_runtime_dir_when_short(tmp_path: Path) -> None:
    short = Path("/tmp/mm-short/run")
    assert server_name(short, platform="linux") == "/tmp/mm-short/run/instance.sock"


def test_server_name_is_hashed_when_the_path_is_too_long_or_on_windows() -> None:
    long_dir = Path("/tmp/" + "x" * 120 + "/run")
    name = server_name(long_dir, platform="linux")
    assert name.startswith("mailmanager-") and len(name) < MAX_SOCKET_PATH
    assert "/" not in name
    assert server_name(long_dir, platform="win32") == name
    assert server_name(Path("C:/a/run"), platform="win32").startswith("mailmanager-")
    assert server_name(Path("/tmp/" + "y" * 120), platform="linux") != name


def test_second_instance_in_process_asks_the_first_to_come_forward(
    qtbot: QtBot, app_home: Path, instances
) -> None:
    first = instances(app_home)
    assert first.claim() and first.is_primary
    second = instances(app_home)
    with qtbot.waitSignal(first.activationRequested, timeout=3000):
        assert second.claim() is False
    assert not second.is_primary


def test_different_homes_do_not_interfere(qtbot: QtBot, tmp_path: Path, instances) -> None:
    a, b = instances(tmp_path / "a"), instances(tmp_path / "b")
    with qtbot.assertNotEmitted(a.activationRequested):
        assert a.claim()
        assert b.claim()
    assert a.name != b.name


def test_release_lets_the_next_start_become_primary(
    qtbot: QtBot, app_home: Path, instances
) -> None:
    first = instances(app_home)
    assert first.claim()
    first.release()
    second = instances(app_home)
    assert second.claim()


def test_second_start_as_a_separate_process_exits_0_and_activates_the_first(
    qtbot: QtBot, app_home: Path, instances, subprocess_env: dict[str, str]
) -> None:
    first = instances(app_home)
    assert first.claim()
    with qtbot.waitSignal(first.activationRequested, timeout=10_000):
        child = run_child(app_home, "normal", subprocess_env)
        # keep our event loop turning so that the primary can answer the child
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=15_000)
    out, err = child.communicate()
    assert child.returncode == 0, err
    assert out.strip() == "secondary"


def test_stale_socket_and_lock_after_a_crash_are_taken_over(
    qtbot: QtBot, app_home: Path, instances, subprocess_env: dict[str, str]
) -> None:
    crashed = run_child(app_home, "crash", subprocess_env)
    out, err = crashed.communicate(timeout=15)
    assert out.strip() == "primary", err
    runtime = paths.resolve(app_home).runtime_dir
    assert (runtime / LOCK_NAME).exists()
    name = server_name(runtime)
    if name.startswith("/"):
        assert Path(name).exists()  # the leftover socket file of the crashed process
    survivor = instances(app_home)
    assert survivor.claim()
    # and it really serves: a client gets an answer
    second = instances(app_home)
    with qtbot.waitSignal(survivor.activationRequested, timeout=3000):
        assert not second.claim()


@pytest.mark.expected_warnings("but does not answer")
def test_lock_holder_that_does_not_answer_is_not_displaced(app_home: Path, instances) -> None:
    runtime = paths.resolve(app_home).runtime_dir
    runtime.mkdir(parents=True)
    hung = QLockFile(str(runtime / LOCK_NAME))  # alive (this process), but no server
    hung.setStaleLockTime(0)
    assert hung.tryLock(0)
    try:
        assert instances(app_home, reply_timeout_ms=200).claim() is False
    finally:
        hung.unlock()


def test_socket_of_a_live_owner_is_never_removed_even_without_its_lock(
    qtbot: QtBot, app_home: Path, instances
) -> None:
    first = instances(app_home)
    assert first.claim()
    (paths.resolve(app_home).runtime_dir / LOCK_NAME).unlink()  # someone deleted it by hand
    second = instances(app_home)
    with qtbot.waitSignal(first.activationRequested, timeout=3000):
        assert second.claim() is False
    # the first copy still serves
    third = instances(app_home)
    with qtbot.waitSignal(first.activationRequested, timeout=3000):
        assert third.claim() is False


def test_a_stranger_writing_garbage_gets_no_activation(
    qtbot: QtBot, app_home: Path, instances
) -> None:
    first = instances(app_home)
    assert first.claim()
    stranger = QLocalSocket()
    stranger.connectToServer(first.name)
    with qtbot.assertNotEmitted(first.activationRequested, wait=200):
        stranger.write(b"x" * 300)
        stranger.flush()
    stranger.abort()


def test_a_start_between_claim_and_listen_is_served_once_the_socket_is_up(
    qtbot: QtBot, app_home: Path, instances
) -> None:
    first = instances(app_home)
    assert first.claim(listen=False) and first.is_primary  # the app: before the first paint
    second = instances(app_home)
    QTimer.singleShot(150, first.listen)  # the app: right after the first paint
    with qtbot.waitSignal(first.activationRequested, timeout=3000):
        assert second.claim() is False
    assert not second.is_primary
