"""The app cleans up an unfinished save at start (issue 14, item 6): AccountOps.recover_pending
on the keyring worker removes the code a crash left behind, then the pending row."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailmanager import paths
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.account_ops import AccountOps
from mailmanager.services.secret_worker import SecretWorker


@pytest.mark.expected_warnings("removed an unfinished save of crashed@example.org")
def test_recover_pending_at_start(qapp: object, app_home: Path) -> None:
    app_paths = paths.resolve()
    app_paths.ensure()
    address = "crashed@example.org"
    where = Endpoint("imap.example.org", 993, Security.SSL, address)
    with AccountStore.open(app_paths.database) as store:
        store.add_account(Account(address, where, where), pending=True)
    secrets = SecretStore(app_paths)
    secrets.set(address, "LeftBehind1234abcd")  # the crash came after the keyring write
    worker = SecretWorker(secrets)
    ops = AccountOps(worker, app_paths.database)
    try:
        assert ops.recover_pending().result(timeout=10) == 1
    finally:
        ops.close()
        worker.shutdown()
    assert secrets.get(address) is None
    with AccountStore.open(app_paths.database) as store:
        assert store.pending_accounts() == [] and store.find_by_address(address) is None
