"""Filling a benchmark's home folder with accounts and history, through the app's own store.

Shared by bench_startup and bench_memory, so both measure the same kind of store: accounts of a
handful of catalogue providers (their marks and names are looked up as in real use), and,
when asked, ``days`` of history with ``per_day`` checks per protocol per day, mostly OK with
an occasional failure, as the scheduler would have recorded them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from mailmanager import paths
from mailmanager.core.model.accounts import Account, CheckRecord, Endpoint, Protocol, Security
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore

# (provider id, domain, IMAP host, SMTP host) - real catalogue ids, so the list shows their look.
PROVIDERS = (
    ("tencent_qq", "qq.com", "imap.qq.com", "smtp.qq.com"),
    ("netease_personal", "163.com", "imap.163.com", "smtp.163.com"),
    ("google", "gmail.com", "imap.gmail.com", "smtp.gmail.com"),
    ("microsoft", "outlook.com", "outlook.office365.com", "smtp-mail.outlook.com"),
    (None, "corp.example.cn", "mail.corp.example.cn", "mail.corp.example.cn"),
)


def make_account(n: int) -> Account:
    provider_id, domain, imap_host, smtp_host = PROVIDERS[n % len(PROVIDERS)]
    address = f"user{n:05d}@{domain}"
    return Account(
        address=address,
        display_name=f"Mailbox {n}" if n % 3 == 0 else "",
        provider_id=provider_id,
        imap=Endpoint(imap_host, 993, Security.SSL, address),
        smtp=Endpoint(smtp_host, 465, Security.SSL, address),
        credential_label="mailmanager",
        code_created=date(2026, 1, 1) + timedelta(days=n % 300),
    )


def seed(
    home: Path, accounts: int, *, days: int = 0, per_day: int = 4, now: datetime | None = None
) -> None:
    """Create the store in ``home`` (as ``--home`` would) and fill it."""
    app_paths = paths.resolve(str(home))
    app_paths.ensure()
    now = now or datetime.now(UTC)
    step = timedelta(hours=24 / per_day) if per_day else timedelta(0)
    with AccountStore.open(app_paths.database) as store, store.transaction():
        for n in range(accounts):
            account = store.add_account(make_account(n))
            assert account.id is not None
            for slot in range(days * per_day):
                at = now - step * (days * per_day - slot)
                for protocol in (Protocol.IMAP, Protocol.SMTP):
                    failed = (n + slot) % 23 == 0
                    store.record_check(
                        CheckRecord(
                            account.id,
                            at,
                            protocol,
                            ConnectionStatus.TIMEOUT if failed else ConnectionStatus.OK,
                            server_message="timed out after 20 s" if failed else "",
                            elapsed_ms=180 + (n + slot) % 90,
                        )
                    )
