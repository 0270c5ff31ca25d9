"""No tracebacks (issue 14, item 3): an account removed while `check --all` runs, and the CLI's
last-resort handler. Real processes: the CLI runs as a user would, against a real gnome-keyring
on a private bus and a real TCP server that accepts and then says nothing."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailmanager.core.store.errors import REMOVED_DURING_CHECK
from tests.helpers.secret_service import SecretServiceSession, missing_binaries, secret_service
from tests.helpers.silent_server import SilentServer

REPO_ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]
CODE = "RemovedCode1234abcd"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[SecretServiceSession]:
    missing = missing_binaries()
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    with secret_service(tmp_path / "ss") as session:
        yield session
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def env_for(session: SecretServiceSession, home: Path) -> dict[str, str]:
    env = dict(session.env)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env["MAILMANAGER_HOME"] = str(home)
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


@pytest.mark.secretservice
@pytest.mark.parametrize("output", ["text", "json"])
def test_an_account_removed_during_check_all_ends_in_one_line(
    service: SecretServiceSession, tmp_path: Path, output: str
) -> None:
    server = SilentServer()
    env = env_for(service, tmp_path / "mm")
    try:
        where = f"127.0.0.1:{server.port}:plain"
        added = subprocess.run(
            [*CLI, "add", "gone@example.org", "--password-stdin", "--no-check",
             "--imap", where, "--smtp", where],
            input=CODE, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        json_flag = ["--json"] if output == "json" else []
        check = subprocess.Popen(
            [*CLI, *json_flag, "check", "--all", "--timeout", "5"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert server.both_connected.wait(30), "the check never connected"
        removed = subprocess.run(
            [*CLI, "remove", "gone@example.org"],
            env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert removed.returncode == 0, removed.stderr
        out, err = check.communicate(timeout=60)
    finally:
        server.close()
    assert check.returncode == 1
    assert "Traceback" not in out + err and err == ""
    assert CODE not in out + err
    if output == "json":
        assert f'"error": "{REMOVED_DURING_CHECK}"' in out
    else:
        assert out.splitlines() == ["gone@example.org", f"  not checked: {REMOVED_DURING_CHECK}"]
    log = (tmp_path / "mm" / "logs" / "mailmanager.log").read_text()
    assert "Traceback" not in log and CODE not in log


def test_the_last_resort_handler_prints_one_line_and_logs_the_traceback(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    """A bug (here: the store's listing raises with a code in its text) in a real process."""
    home = tmp_path / "mm"
    program = (
        "import sys\n"
        "from mailmanager.core.store.account_store import AccountStore\n"
        "from mailmanager.core import redact\n"
        f"redact.register({CODE!r})\n"
        "def broken(self):\n"
        f"    raise RuntimeError('bug while holding ' + {CODE!r})\n"
        "AccountStore.summaries = broken\n"
        "from mailmanager.cli import main\n"
        "sys.exit(main(['--home', sys.argv[1], 'list']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, str(home)],
        env=subprocess_env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    log_file = home / "logs" / "mailmanager.log"
    assert lines[0] == (
        "mailmanager-cli: error: an unexpected error (RuntimeError) stopped the command; "
        f"the details are in the log {log_file}"
    )
    assert CODE not in done.stdout + done.stderr
    log = log_file.read_text()
    assert "Traceback" in log and "RuntimeError: bug while holding" in log
    assert CODE not in log
    assert os.stat(log_file).st_mode & 0o077 == 0
