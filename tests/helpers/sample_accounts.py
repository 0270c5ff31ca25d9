"""The main window's sample world: a fixed clock and five accounts whose badges differ.

Shared by the window, model, delegate and language tests and by the untranslated-widgets walk;
the ``summaries`` fixture (tests/conftest.py) is these accounts as the store summarises them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

from mailmanager.core.model.accounts import Account, CheckRecord, Protocol
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.factories import make_account

NOW = datetime(2025, 3, 15, 12, 0, tzinfo=UTC)
TODAY = date(2025, 3, 15)


def fixed_clock() -> datetime:
    return NOW


#: The factory with the sample's dates: code and mailbox added ten days before ``NOW``.
sample_account = partial(
    make_account, code_created=TODAY - timedelta(days=10), created_at=NOW - timedelta(days=10)
)


def seed(store: AccountStore) -> dict[str, Account]:
    """Five accounts whose badges differ: ok, auth_failed, expiring_soon, paused, never_checked."""
    ok, rejected = ConnectionStatus.OK, ConnectionStatus.AUTH_FAILED
    plan: list[tuple[Account, tuple[ConnectionStatus, ConnectionStatus] | None]] = [
        (
            sample_account("ok@163.com", provider_id="netease_personal", display_name="张伟"),
            (ok, ok),
        ),
        (sample_account("rejected@qq.com", provider_id="tencent_qq"), (rejected, rejected)),
        (sample_account("soon@example.com", code_expires=TODAY + timedelta(days=9)), (ok, ok)),
        (sample_account("paused@126.com", paused=True), (ok, ok)),
        (sample_account("new@example.org"), None),
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
