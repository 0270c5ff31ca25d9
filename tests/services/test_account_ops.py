"""AccountOps: the registry's intents awaited off the GUI thread, one at a time, typed results;
and the unfinished save a crash left behind, cleaned up at start (issue 14, item 6)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import keyring.errors
import pytest
from pytestqt.qtbot import QtBot

from mailmanager import paths
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.secrets import SecretsLocked, SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.account_ops import AccountOps
from tests.helpers.memory_keyring import MemoryKeyring

pytestmark = pytest.mark.usefixtures("qloop")


class ThreadRecordingKeyring(MemoryKeyring):
    """Remembers the thread of every keyring call, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str, threading.Thread]] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append(("get", username, threading.current_thread()))
        return super().get_password(service, username)

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append(("delete", username, threading.current_thread()))
        super().delete_password(service, username)


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


def _add(app_paths: paths.AppPaths, secrets: SecretStore, address: str, **kw: bool) -> Account:
    where = Endpoint("imap.example.org", 993, Security.SSL, address)
    with AccountStore.open(app_paths.database) as store:
        account = store.add_account(Account(address, where, where), **kw)
    secrets.set(address, "Code" + address.split("@")[0] + "12345678")
    return account


def _wait(qtbot: QtBot, task: asyncio.Future[object]) -> object:
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()


@pytest.mark.expected_warnings("removed an unfinished save of crashed@example.org")
def test_recover_pending_at_start(qtbot: QtBot, app_home: Path) -> None:
    app_paths = paths.resolve()
    app_paths.ensure()
    address = "crashed@example.org"
    secrets = SecretStore(app_paths)
    _add(app_paths, secrets, address, pending=True)  # the crash came after the keyring write
    ops = AccountOps(secrets, app_paths.database)
    assert _wait(qtbot, asyncio.ensure_future(ops.recover_pending())) == 1
    assert secrets.get(address) is None
    with AccountStore.open(app_paths.database) as store:
        assert store.pending_accounts() == [] and store.find_by_address(address) is None


def test_operations_run_in_order_off_the_gui_thread_with_typed_results(
    qtbot: QtBot, app_home: Path
) -> None:
    """Three removals asked for at once run one after another in that order, their keyring
    calls never on the GUI thread; each awaited result is the removed ``Account``."""
    app_paths = paths.resolve()
    app_paths.ensure()
    backend = ThreadRecordingKeyring()
    secrets = SecretStore(app_paths, backend=backend)
    added = [_add(app_paths, secrets, f"user{n}@example.org") for n in range(3)]
    ops = AccountOps(lambda: secrets, app_paths.database)  # made on first use, as in the app
    backend.calls.clear()

    async def remove_all() -> list[Account]:
        ids = [account.id for account in added if account.id is not None]
        return list(await asyncio.gather(*(ops.remove(i) for i in ids)))

    removed = _wait(qtbot, asyncio.ensure_future(remove_all()))
    assert [a.address for a in removed] == [a.address for a in added]  # type: ignore[attr-defined]
    deletes = [username for kind, username, _t in backend.calls if kind == "delete"]
    assert deletes == sorted(deletes) and len(deletes) == 3
    assert threading.main_thread() not in {t for _k, _u, t in backend.calls}
    with AccountStore.open(app_paths.database) as store:
        assert store.list_accounts() == []


@pytest.mark.expected_warnings("LockedKeyring: KeyringLocked")
def test_a_keyring_refusal_reaches_the_awaiting_slot_and_changes_nothing(
    qtbot: QtBot, app_home: Path
) -> None:
    app_paths = paths.resolve()
    app_paths.ensure()
    account = _add(app_paths, SecretStore(app_paths), "locked@example.org")
    ops = AccountOps(SecretStore(app_paths, backend=LockedKeyring()), app_paths.database)
    assert account.id is not None
    task = asyncio.ensure_future(ops.remove(account.id))
    qtbot.waitUntil(task.done, timeout=10_000)
    with pytest.raises(SecretsLocked):
        task.result()
    with AccountStore.open(app_paths.database) as store:
        assert store.find_by_address("locked@example.org") is not None
