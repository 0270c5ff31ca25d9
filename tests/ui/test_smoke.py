"""`mailmanager --smoke-test` in a child process: starts, paints once, prints the start-up time."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from mailmanager import __version__
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.sample_accounts import make_account


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
        store.add_account(make_account("smoke@example.com"))
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


def test_version(subprocess_env) -> None:
    result = run_app(["--version"], subprocess_env)
    assert result.returncode == 0
    assert result.stdout.strip() == f"mailmanager {__version__}"
