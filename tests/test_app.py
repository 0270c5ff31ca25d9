"""The app in a child process, as a user starts it.

* ``mailmanager --smoke-test``: starts, paints once, prints the start-up time.
* Twice on one home: the second start hands over to the first and exits 0.
* No display at all: one line that says so, before Qt (which would blame xcb-cursor0).
* ``MAILMANAGER_DEBUG_CRASH=1``: the forced crash is reported in the log and the dialog.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from mailmanager import __version__
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.sample_accounts import sample_account

DISPLAY_ENV = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM")


def run_app(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "mailmanager", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_smoke_test_paints_and_reports_start_up_time(tmp_path: Path, subprocess_env) -> None:
    home = tmp_path / "portable"
    with AccountStore.open(home / "data" / "mailmanager.sqlite3") as store:
        store.add_account(sample_account("smoke@example.com"))
    result = run_app(["--smoke-test", "--home", str(home)], subprocess_env)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^startup_ms=\d+$", result.stdout, re.MULTILINE), result.stdout
    assert "accounts=1" in result.stdout
    assert "Traceback" not in result.stderr
    assert (home / "logs" / "mailmanager.log").exists()


def test_damaged_store_gives_a_message_not_a_traceback(tmp_path: Path, subprocess_env) -> None:
    home = tmp_path / "damaged"
    database = home / "data" / "mailmanager.sqlite3"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a database" * 100)
    before = database.read_bytes()
    result = run_app(["--smoke-test", "--home", str(home)], subprocess_env)
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == before


def test_no_display_says_so_in_one_line_before_qt(tmp_path: Path, subprocess_env) -> None:
    home = tmp_path / "never-made"
    env = {k: v for k, v in subprocess_env.items() if k not in DISPLAY_ENV}
    result = subprocess.run(
        [sys.executable, "-m", "mailmanager", "--home", str(home)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("mailmanager: no display found (neither DISPLAY nor")
    assert "xcb" not in result.stderr
    assert result.stdout == ""
    assert not home.exists()  # stopped before making any folder


def test_an_explicit_platform_is_left_to_qt(tmp_path: Path, subprocess_env) -> None:
    env = {k: v for k, v in subprocess_env.items() if k not in DISPLAY_ENV}
    home = str(tmp_path / "h")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mailmanager",
            "--smoke-test",
            "--home",
            home,
            "-platform",
            "offscreen",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "accounts=0" in result.stdout


def test_forced_crash_writes_a_report_and_shows_the_dialog(tmp_path: Path, subprocess_env) -> None:
    home = tmp_path / "crash"
    env = {**subprocess_env, "MAILMANAGER_DEBUG_CRASH": "1"}
    result = run_app(["--smoke-test", "--home", str(home)], env)
    assert result.returncode == 0, result.stderr
    assert "crash_dialog=shown" in result.stdout.splitlines()
    log = (home / "logs" / "mailmanager.log").read_text(encoding="utf-8")
    assert "uncaught exception" in log
    assert "RuntimeError: forced crash to try the crash report (MAILMANAGER_DEBUG_CRASH=1)" in log


def test_version(subprocess_env) -> None:
    result = run_app(["--version"], subprocess_env)
    assert result.returncode == 0
    assert result.stdout.strip() == f"mailmanager {__version__}"


# -- twice on one home ---------------------------------------------------------------------------


def start_app(home: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mailmanager", "--home", str(home)],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_log(log: Path, text: str, proc: subprocess.Popen[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(encoding="utf-8"):
            return
        if proc.poll() is not None:
            raise AssertionError(f"the app exited with {proc.returncode}: {proc.communicate()[1]}")
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared in {log}")


def test_second_start_on_the_same_home_activates_the_first_and_exits_0(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    home = tmp_path / "home-one"
    log = home / "logs" / "mailmanager.log"
    first = start_app(home, subprocess_env)
    try:
        wait_for_log(log, "single instance claimed", first)
        second = start_app(home, subprocess_env)
        _, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert "Traceback" not in err
        wait_for_log(log, "bringing the window forward", first)
        assert "already runs on this home" in log.read_text(encoding="utf-8")
        assert first.poll() is None  # the first copy is still running
    finally:
        first.terminate()
        first.communicate(timeout=30)


def test_quitting_cancels_running_tasks_and_sets_their_flags(qapp: object) -> None:
    """``_run_event_loop`` ends with the app: what is still awaited is cancelled, its blocking
    work sees its cancel flag (a probe then sends nothing more), and the loop closes without
    waiting for it to time out."""
    import asyncio
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mailmanager.app import _run_event_loop
    from mailmanager.services.operations import Tasks, run_blocking

    assert isinstance(qapp, QApplication)
    flag = threading.Event()
    seen: list[bool] = []
    tasks = Tasks()

    def blocking() -> None:
        seen.append(flag.wait(30))  # returns at once when the cancel flag is set

    def start() -> None:
        tasks.start(run_blocking(blocking, cancel=flag))
        QTimer.singleShot(100, qapp.quit)

    QTimer.singleShot(0, start)
    started = time.monotonic()
    try:
        assert _run_event_loop(qapp) == 0
    finally:
        asyncio.set_event_loop(None)
    assert seen == [True] and time.monotonic() - started < 10
    assert not tasks.busy
