"""Test configuration shared by every suite.

* Qt runs offscreen (set before any Qt import).
* Every test gets its own MAILMANAGER_HOME in a temporary folder.
* keyring is forced to an in-memory backend, so no test touches a developer's real keyring;
  the real Secret Service is used only by tests marked ``secretservice``, inside their own
  private D-Bus session (tests/helpers/secret_service.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.helpers.memory_keyring.MemoryKeyring"
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)  # never reach the developer's own session bus

import keyring
import pytest

from tests.helpers.dovecot import Dovecot, start_dovecot
from tests.helpers.memory_keyring import MemoryKeyring

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh MAILMANAGER_HOME for each test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("MAILMANAGER_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Force the in-memory keyring for the duration of a test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One real Dovecot for the whole run (IMAPS + IMAP/STARTTLS, trustme certificate).

    Its folder is outside pytest's temporary root, which is private to root (mode 0700) while
    Dovecot's own users must read the users file."""
    folder = Path(tempfile.mkdtemp(prefix="mailmanager-dovecot-"))
    try:
        yield from start_dovecot(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def subprocess_env(app_home: Path) -> dict[str, str]:
    """Environment for running the CLI or app in a child process with the same isolation."""
    env = dict(os.environ)
    env["MAILMANAGER_HOME"] = str(app_home)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env
