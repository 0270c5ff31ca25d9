"""Test configuration shared by every suite.

* Qt runs offscreen (set before any Qt import).
* Every test gets its own MAILMANAGER_HOME in a temporary folder.
* keyring is forced to an in-memory backend, so no test touches a developer's real keyring;
  the real Secret Service is used only by tests marked ``secretservice``, inside their own
  private D-Bus session (tests/helpers/secret_service.py).
* Warnings the app logs fail the test that caused them, unless it expects them:
  ``@pytest.mark.expected_warnings("text", ...)`` or captures them with ``caplog``
  (tests/helpers/logfail.py).
* Shared fixtures live here, whichever folder their tests are in: real servers (``dovecot``,
  ``pki``), a child process's environment, and the main window's world (a real store, the
  registry awaited off the GUI thread, settings, sample accounts, a window factory).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.helpers.memory_keyring.MemoryKeyring"
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)  # never reach the developer's own session bus

import keyring
import pytest

from mailmanager import paths
from mailmanager.core.model.accounts import AccountSummary
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.certs import Pki, make_pki
from tests.helpers.dovecot import Dovecot, start_dovecot
from tests.helpers.logfail import (
    WarningCollector,
    describe,
    describe_missing,
    missing,
    unexpected,
)
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.sample_accounts import fixed_clock, seed

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from mailmanager.services.account_ops import AccountOps

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def logfail(request: pytest.FixtureRequest) -> Iterator[WarningCollector]:
    """Fail the test at teardown when the app logged a warning it does not expect.

    Autouse, so it is set up before the fixtures a test asks for and torn down after them:
    warnings logged while a window closes or a worker stops count too."""
    collector = WarningCollector()
    collector.install()
    try:
        yield collector
    finally:
        collector.uninstall()
    texts = [
        str(text)
        for marker in request.node.iter_markers("expected_warnings")
        for text in marker.args
    ]
    caplog = request.node.funcargs.get("caplog")
    captured = (
        [
            *caplog.get_records("setup"),
            *caplog.get_records("call"),
            *caplog.records,
        ]
        if isinstance(caplog, pytest.LogCaptureFixture)
        else []
    )
    records = collector.collected()
    surprises = unexpected(records, texts, captured)
    if surprises:
        pytest.fail(describe(surprises), pytrace=False)
    absent = missing(records, texts)
    if absent:
        pytest.fail(describe_missing(absent), pytrace=False)


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


@pytest.fixture
def qloop(qapp: object) -> Iterator[asyncio.AbstractEventLoop]:
    """qasync's loop, marked as running inside Qt's, as the app runs it (app._run_event_loop).

    ``@asyncSlot`` methods and ``asyncio.ensure_future`` work while pytest-qt spins Qt's event
    loop (``qtbot.waitUntil``, ``qtbot.waitSignal``): wait on a condition, never sleep. Tasks
    still pending at the end are cancelled, so one test's work never runs into the next.
    """
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    # A plain pool the fixture can shut down (qasync's own QThread pool can only be shut down
    # by closing the loop, which a loop "already running" inside Qt's cannot be).
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="qloop")
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)


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


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    """A private CA (trusted by the probes only through ``ca_file``)."""
    return make_pki(tmp_path / "pki")


# -- the main window's world: a real store, the real registry off the GUI thread (with
# -- the in-memory keyring above), a fixed clock and sample accounts (tests/helpers/sample_accounts)


@pytest.fixture
def app_paths(app_home: Path) -> paths.AppPaths:
    resolved = paths.resolve()
    resolved.ensure()
    return resolved


@pytest.fixture
def store(app_paths: paths.AppPaths) -> Iterator[AccountStore]:
    opened = AccountStore.open(app_paths.database)
    yield opened
    opened.close()


@pytest.fixture
def secret_store(app_paths: paths.AppPaths) -> SecretStore:
    return SecretStore(app_paths)


@pytest.fixture
def ops(app_paths: paths.AppPaths, secret_store: SecretStore, qapp: object) -> Iterator[AccountOps]:
    from mailmanager.services.account_ops import AccountOps

    yield AccountOps(secret_store, app_paths.database)


@pytest.fixture
def settings(app_paths: paths.AppPaths) -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)


@pytest.fixture
def summaries(store: AccountStore) -> list[AccountSummary]:
    seed(store)
    return store.summaries()


@pytest.fixture
def make_window(
    qtbot, store: AccountStore, ops: AccountOps, settings: QSettings
) -> Callable[..., object]:
    from mailmanager.ui.main_window import MainWindow

    def build(**kwargs: object) -> MainWindow:
        window = MainWindow(store, ops, settings, clock=fixed_clock, watch_interval_ms=30, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build
