"""Atomic saves (issue 14, item 6) with real processes and a real gnome-keyring.

* Six `mailmanager-cli add` processes for one address at once: exactly one wins, the keyring
  holds its code (and only one entry), the others exit 1 with "already exists".
* A writer SIGKILLed between the steps of a save (pending row in / code written / not yet
  complete), and a keyring daemon killed between writing and reading back: nothing is listed
  that lacks its code, and the next add (of any address) removes what was left, so no code is
  ever orphaned.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import SecretService

from mailmanager import paths
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.secret_service import SecretServiceSession, missing_binaries, secret_service

pytestmark = pytest.mark.secretservice

REPO_ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]
SERVERS = ["--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"]
ROUNDS = 5
WRITERS = 6


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceSession]:
    missing = missing_binaries()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"needs {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")
    with secret_service(tmp_path / "ss") as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
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


def entries(session: SecretServiceSession, home: Path) -> dict[str, int]:
    """How many keyring entries each address has in ``home``'s namespace."""
    namespace = f"mailmanager:{paths.resolve(home).home}"
    counts: dict[str, int] = {}
    for item in session.items():
        if item.get("service") == namespace:
            counts[item["username"]] = counts.get(item["username"], 0) + 1
    return counts


def code_of(home: Path, address: str) -> str | None:
    store = SecretStore(paths.resolve(home), backend=SecretService.Keyring(), timeout=10.0)
    return store.get(address)


def rows(home: Path) -> tuple[list[str], list[str]]:
    """(listed addresses, pending addresses) as the store holds them."""
    with AccountStore.open(paths.resolve(home).database) as store:
        listed = [a.address for a in store.list_accounts()]
        pending = [a.address for a in store.pending_accounts()]
    return listed, pending


def cli_add(env: dict[str, str], address: str, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "add", address, "--password-stdin", "--no-check", *SERVERS],
        input=code, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_six_concurrent_adds_of_one_address_have_one_winner(
    service: SecretServiceSession, tmp_path: Path
) -> None:
    home = tmp_path / "mm"
    env = env_for(service, home)
    assert subprocess.run([*CLI, "list"], env=env, timeout=60).returncode == 0
    for round_ in range(ROUNDS):
        address = f"race{round_}@example.org"
        codes = [f"RaceCode{round_}x{n}abcdef" for n in range(WRITERS)]
        procs = [
            subprocess.Popen(
                [*CLI, "add", address, "--password-stdin", "--no-check", *SERVERS],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in codes
        ]
        results = [p.communicate(code, timeout=120) for p, code in zip(procs, codes, strict=True)]
        winners = [n for n, p in enumerate(procs) if p.returncode == 0]
        assert len(winners) == 1, [(p.returncode, r) for p, r in zip(procs, results, strict=True)]
        for n, (proc, (_out, err)) in enumerate(zip(procs, results, strict=True)):
            assert "Traceback" not in err
            assert all(code not in err + _out for code in codes)
            if n != winners[0]:
                assert proc.returncode == 1, err
                assert "already exists" in err and len(err.strip().splitlines()) == 1
        assert code_of(home, address) == codes[winners[0]]
        assert entries(service, home)[address] == 1
    listed, pending = rows(home)
    assert sorted(listed) == [f"race{r}@example.org" for r in range(ROUNDS)]
    assert pending == []


def start_writer(
    env: dict[str, str], home: Path, address: str, step: str, code: str
) -> subprocess.Popen[str]:
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.core.atomic_writer", str(home), address, step],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=REPO_ROOT,
    )  # fmt: skip
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write(code + "\n")
    writer.stdin.flush()
    line = writer.stdout.readline().strip()
    assert line == "paused", (line, writer.poll())
    return writer


@pytest.mark.parametrize("step", ["before-keyring", "after-keyring"])
def test_a_writer_killed_between_steps_leaves_nothing_after_the_next_add(
    service: SecretServiceSession, tmp_path: Path, step: str
) -> None:
    home = tmp_path / "mm"
    env = env_for(service, home)
    writer = start_writer(env, home, "killed@example.org", step, "KilledCode1234abcd")
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=30)
    listed, pending = rows(home)
    assert listed == [] and pending == ["killed@example.org"]  # never listed without its code
    if step == "after-keyring":
        assert entries(service, home) == {"killed@example.org": 1}  # the would-be orphan
    # The next add, of another address, cleans up first.
    added = cli_add(env, "other@example.org", "OtherCode1234abcd")
    assert added.returncode == 0, added.stderr
    assert rows(home) == (["other@example.org"], [])
    assert entries(service, home) == {"other@example.org": 1}
    # And the killed address can be added again.
    again = cli_add(env, "killed@example.org", "SecondTry1234abcd")
    assert again.returncode == 0, again.stderr
    assert code_of(home, "killed@example.org") == "SecondTry1234abcd"
    assert entries(service, home) == {"other@example.org": 1, "killed@example.org": 1}


def test_a_keyring_killed_between_writing_and_reading_back_orphans_nothing(
    service: SecretServiceSession, tmp_path: Path
) -> None:
    home = tmp_path / "mm"
    env = env_for(service, home)
    writer = start_writer(env, home, "dies@example.org", "after-keyring", "DiesCode1234abcd")
    daemon = service.processes[-1]
    os.killpg(daemon.pid, signal.SIGKILL)
    daemon.wait(timeout=10)
    assert writer.stdin is not None
    writer.stdin.write("\n")
    writer.stdin.flush()
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 1, out + err
    assert "error: SecretsUnavailable" in out
    assert rows(home) == ([], ["dies@example.org"])
    # The desktop starts the keyring again: the code written before the crash is still there.
    service.start_keyring()
    assert entries(service, home) == {"dies@example.org": 1}
    added = cli_add(env, "next@example.org", "NextCode1234abcd")
    assert added.returncode == 0, added.stderr
    assert rows(home) == (["next@example.org"], [])
    assert entries(service, home) == {"next@example.org": 1}
