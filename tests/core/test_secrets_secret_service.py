"""SecretStore against a real Secret Service (gnome-keyring) on a private D-Bus session.

Runs whenever the daemons are installed; on CI (CI=true) a missing daemon is a failure, not a
skip, because this is the only test that proves codes really land in a system keyring.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import SecretService

from mailmanager import paths
from mailmanager.core.secrets import (
    MSG_INIT,
    MSG_LOCKED,
    SecretsLocked,
    SecretStore,
    SecretsUnavailable,
)
from tests.helpers.secret_service import (
    SecretServiceSession,
    isolated_env,
    missing_binaries,
    private_bus,
    secret_service,
)

pytestmark = pytest.mark.secretservice

CODE = "SsCodeAbcd1234Xy"
NEW_CODE = "SsCodeRotated9876"
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def collect_leaked_connections() -> Iterator[None]:
    """keyring's Secret Service backend (25.7, ``get_preferred_collection``) leaves its D-Bus
    connection open when the collection is locked or missing. Collect those sockets here,
    with their ResourceWarning silenced, so that the warning does not surface (as an error)
    in whichever later test happens to trigger the garbage collector."""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def require_daemons() -> None:
    missing = missing_binaries()
    if not missing:
        return
    message = f"Secret Service test needs {', '.join(missing)} (Debian: dbus, gnome-keyring)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; CI must run this test, not skip it")
    pytest.skip(message)


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceSession]:
    """gnome-keyring with an unlocked login keyring on a private bus, for this test only."""
    require_daemons()
    with secret_service(tmp_path / "secret-service") as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        yield session


def real_store(app_paths: paths.AppPaths | None = None) -> SecretStore:
    return SecretStore(app_paths or paths.resolve(), backend=SecretService.Keyring())


def files_containing(root: Path, needle: str) -> list[Path]:
    raw = needle.encode()
    return [p for p in root.rglob("*") if p.is_file() and raw in p.read_bytes()]


def test_store_read_overwrite_delete(service: SecretServiceSession, app_home: Path) -> None:
    store = real_store()
    store.check_backend(probe=True)
    assert store.get("alice@example.org") is None
    store.set("alice@EXAMPLE.org", CODE)
    assert store.get("alice@example.org") == CODE
    store.set("alice@example.org", NEW_CODE)
    assert store.get("alice@example.org") == NEW_CODE
    ours = [i for i in service.items() if i.get("service") == store.service]
    assert len(ours) == 1  # overwritten in place, not duplicated
    assert ours[0]["username"] == "alice@example.org"
    store.delete("alice@example.org")
    assert store.get("alice@example.org") is None
    store.delete("alice@example.org")  # idempotent against the real service too
    assert [i for i in service.items() if i.get("service") == store.service] == []
    assert files_containing(app_home, CODE) == []
    assert files_containing(app_home, NEW_CODE) == []


def test_entries_are_namespaced_by_home(
    service: SecretServiceSession, app_home: Path, tmp_path: Path
) -> None:
    test_store = real_store()
    portable = real_store(paths.resolve(tmp_path / "portable"))
    user_paths = paths.AppPaths(None, tmp_path, tmp_path, tmp_path, tmp_path)
    user_store = real_store(user_paths)
    user_store.set("alice@example.org", "UsersRealCode000")
    test_store.set("alice@example.org", CODE)
    portable.set("alice@example.org", NEW_CODE)
    assert user_store.get("alice@example.org") == "UsersRealCode000"
    assert test_store.get("alice@example.org") == CODE
    assert portable.get("alice@example.org") == NEW_CODE
    services = sorted(i["service"] for i in service.items())
    assert services == sorted(
        [
            "mailmanager",
            f"mailmanager:{app_home.resolve()}",
            f"mailmanager:{(tmp_path / 'portable').resolve()}",
        ]
    )
    test_store.delete("alice@example.org")
    assert user_store.get("alice@example.org") == "UsersRealCode000"


@pytest.mark.expected_warnings("keyring.backends.SecretService.Keyring: KeyringLocked")
def test_locked_collection_gives_clear_error(service: SecretServiceSession) -> None:
    store = real_store()
    store.set("alice@example.org", CODE)
    service.lock_default_collection()
    with pytest.raises(SecretsLocked) as caught:
        store.get("alice@example.org")
    assert caught.value.message == MSG_LOCKED
    with pytest.raises(SecretsLocked) as caught:
        store.set("alice@example.org", NEW_CODE)
    assert CODE not in str(caught.value)
    assert NEW_CODE not in str(caught.value)


@pytest.mark.expected_warnings("Failed to create the collection: Prompt dismissed")
def test_no_login_keyring_gives_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_home: Path
) -> None:
    """gnome-keyring started without --unlock has no login keyring and no prompter here."""
    require_daemons()
    with secret_service(tmp_path / "ss", unlock=False) as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        store = real_store()
        with pytest.raises(SecretsUnavailable) as caught:
            store.set("alice@example.org", CODE)
        assert caught.value.message == MSG_INIT
        assert CODE not in str(caught.value)
        with pytest.raises(SecretsUnavailable):
            store.check_backend(probe=True)
    assert files_containing(tmp_path, CODE) == []


@pytest.mark.expected_warnings("keyring.backends.SecretService.Keyring: InitError")
def test_bus_without_secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_daemons()
    with private_bus(tmp_path / "bus") as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        with pytest.raises(SecretsUnavailable):
            real_store().set("alice@example.org", CODE)
    assert files_containing(tmp_path, CODE) == []


@pytest.mark.parametrize(
    "address",
    [
        pytest.param(
            None,
            marks=pytest.mark.expected_warnings(
                "SecretService.Keyring: SecretServiceNotAvailableException"
            ),
        ),
        pytest.param(
            "unix:path=/nonexistent/mailmanager-test-bus",
            marks=pytest.mark.expected_warnings("SecretService.Keyring: FileNotFoundError"),
        ),
    ],
)
def test_no_bus_at_all(
    address: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if address is None:
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    else:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    store = real_store()
    with pytest.raises(SecretsUnavailable) as caught:
        store.set("alice@example.org", CODE)
    assert CODE not in str(caught.value)
    with pytest.raises(SecretsUnavailable):
        store.get("alice@example.org")
    assert files_containing(tmp_path, CODE) == []


def test_default_backend_without_bus_refuses_and_writes_nothing(tmp_path: Path) -> None:
    """`mailmanager-cli add` in a fresh process on a machine with no session bus: keyring picks
    its fail backend, the CLI refuses in plain words (exit 1), no account is created, and the
    code lands in no file anywhere (no fallback)."""
    root = tmp_path / "nobus"
    env = isolated_env(root)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env["MAILMANAGER_HOME"] = str(root / "mm-home")
    env["PYTHONPATH"] = str(REPO_ROOT)
    cli = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]
    servers = ["--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"]

    def run(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*cli, *argv],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=root,
            timeout=60,
            check=False,
        )

    added = run("add", "alice@example.org", "--password-stdin", "--no-check", *servers, stdin=CODE)
    assert added.returncode == 1, added.stderr
    assert "No secure keyring is available" in added.stderr
    assert len(added.stderr.strip().splitlines()) == 1
    assert CODE not in added.stdout + added.stderr
    listed = run("--json", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip() == "[]"
    assert files_containing(root, CODE) == []
