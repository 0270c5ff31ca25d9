"""Fixtures for the main window's tests: a real store, the real registry on the keyring worker
thread (with the in-memory keyring from tests/conftest.py), a fixed clock and sample accounts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from mailmanager import paths
from mailmanager.core.model.accounts import (
    Account,
    AccountSummary,
    CheckRecord,
    Endpoint,
    Protocol,
    Security,
)
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.account_ops import AccountOps
from mailmanager.services.secret_worker import SecretWorker

NOW = datetime(2025, 3, 15, 12, 0, tzinfo=UTC)
TODAY = date(2025, 3, 15)


def fixed_clock() -> datetime:
    return NOW


def make_account(address: str, **changes: object) -> Account:
    account = Account(
        address=address,
        imap=Endpoint(f"imap.{address.split('@')[1]}", 993, Security.SSL, address),
        smtp=Endpoint(f"smtp.{address.split('@')[1]}", 465, Security.SSL, address),
        code_created=TODAY - timedelta(days=10),
        created_at=NOW - timedelta(days=10),
    )
    return account.replace(**changes)


def seed(store: AccountStore) -> dict[str, Account]:
    """Five accounts whose badges differ: ok, auth_failed, expiring_soon, paused, never_checked."""
    ok, rejected = ConnectionStatus.OK, ConnectionStatus.AUTH_FAILED
    plan: list[tuple[Account, tuple[ConnectionStatus, ConnectionStatus] | None]] = [
        (make_account("ok@163.com", provider_id="netease_personal", display_name="张伟"), (ok, ok)),
        (make_account("rejected@qq.com", provider_id="tencent_qq"), (rejected, rejected)),
        (make_account("soon@example.com", code_expires=TODAY + timedelta(days=9)), (ok, ok)),
        (make_account("paused@126.com", paused=True), (ok, ok)),
        (make_account("new@example.org"), None),
    ]
    saved: dict[str, Account] = {}
    for account, statuses in plan:
        stored = store.add_account(account)
        assert stored.id is not None
        saved[stored.address] = stored
        if statuses is None:
            continue
        for protocol, status in zip((Protocol.IMAP, Protocol.SMTP), statuses, strict=True):
            store.record_check(
                CheckRecord(
                    stored.id,
                    NOW - timedelta(minutes=3),
                    protocol,
                    status,
                    server_message="535 Login fail" if status is rejected else "",
                )
            )
    return saved


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
    worker = SecretWorker(secret_store)
    operations = AccountOps(worker, app_paths.database)
    yield operations
    operations.close()
    worker.shutdown()


@pytest.fixture
def settings(app_paths: paths.AppPaths) -> QSettings:
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
