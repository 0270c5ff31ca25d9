"""The real app, twice on one home: the second start hands over to the first and exits 0."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


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
