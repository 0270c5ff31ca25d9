"""The account store: CRUD, history, events, migrations, and refusing to damage a bad file."""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from mailmanager.core.model.accounts import (
    CheckRecord,
    CredentialEvent,
    CredentialEventKind,
    Protocol,
)
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import (
    AccountStore,
    DuplicateAccountError,
    StoreCorruptError,
    StoreLockedError,
    StoreTooNewError,
    UnknownAccountError,
)
from mailmanager.core.store.schema import SCHEMA_VERSION
from tests.helpers import factories

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


#: Zhang Wei's NetEase mailbox, with a label and a code date to read back.
make_account = partial(
    factories.make_account,
    domain="163.com",
    display_name="张伟",
    provider_id="netease_personal",
    credential_label="Thunderbird",
    code_created=date(2026, 10, 1),
)


@pytest.fixture
def store(tmp_path: Path):
    with AccountStore.open(tmp_path / "store.sqlite3", clock=lambda: T0) as s:
        yield s


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_add_get_update_remove(store: AccountStore) -> None:
    saved = store.add_account(make_account())
    assert saved.id is not None
    assert saved.created_at == T0
    again = store.get_account(saved.id)
    assert again == saved
    assert store.find_by_address("ZHANG.WEI@163.COM") == saved  # addresses compare caselessly
    updated = store.update_account(saved.replace(display_name="Wei", paused=True))
    assert store.get_account(saved.id).display_name == "Wei"
    assert store.get_account(saved.id).paused is True
    assert updated.paused
    store.remove_account(saved.id)
    assert store.list_accounts() == []
    with pytest.raises(UnknownAccountError):
        store.get_account(saved.id)
    with pytest.raises(UnknownAccountError):
        store.remove_account(saved.id)


def test_duplicate_address_is_refused(store: AccountStore) -> None:
    store.add_account(make_account())
    with pytest.raises(DuplicateAccountError):
        store.add_account(make_account("Zhang.Wei@163.com"))
    assert store.count_accounts() == 1


def test_dates_round_trip_with_offset(store: AccountStore) -> None:
    saved = store.add_account(
        make_account(code_expires=date(2027, 1, 31), last_web_login=date(2026, 11, 2))
    )
    loaded = store.get_account(saved.id or 0)
    assert loaded.code_expires == date(2027, 1, 31)
    assert loaded.last_web_login == date(2026, 11, 2)
    assert loaded.created_at.utcoffset() == timedelta(0)
    raw = store._query("SELECT created_at FROM accounts")[0][0]
    assert raw == "2026-11-01T08:00:00.000+00:00"


def test_history_and_latest(store: AccountStore) -> None:
    account = store.add_account(make_account())
    aid = account.id or 0
    for minutes, proto, status in [
        (0, Protocol.IMAP, ConnectionStatus.OK),
        (0, Protocol.SMTP, ConnectionStatus.AUTH_FAILED),
        (5, Protocol.SMTP, ConnectionStatus.OK),
    ]:
        store.record_check(
            CheckRecord(aid, T0 + timedelta(minutes=minutes), proto, status, elapsed_ms=10)
        )
    (summary,) = store.summaries()
    assert summary.last_imap is not None and summary.last_imap.status is ConnectionStatus.OK
    assert summary.last_smtp is not None and summary.last_smtp.status is ConnectionStatus.OK
    assert summary.last_checked == T0 + timedelta(minutes=5)
    assert store.summary(aid) == summary
    recent = store.recent_checks(aid, limit=2)
    assert [r.checked_at for r in recent] == [T0 + timedelta(minutes=5), T0]
    assert len(store.recent_checks(aid, since=T0 + timedelta(minutes=1))) == 1


def test_credential_events(store: AccountStore) -> None:
    aid = store.add_account(make_account()).id or 0
    store.add_credential_event(CredentialEvent(aid, T0, CredentialEventKind.CREATED))
    store.add_credential_event(
        CredentialEvent(aid, T0 + timedelta(days=90), CredentialEventKind.ROTATED, "new laptop")
    )
    kinds = [e.kind for e in store.credential_events(aid)]
    assert kinds == [CredentialEventKind.ROTATED, CredentialEventKind.CREATED]


def test_removing_an_account_removes_its_history(store: AccountStore) -> None:
    aid = store.add_account(make_account()).id or 0
    store.record_check(CheckRecord(aid, T0, Protocol.IMAP, ConnectionStatus.OK))
    store.add_credential_event(CredentialEvent(aid, T0, CredentialEventKind.CREATED))
    store.remove_account(aid)
    assert store._query("SELECT count(*) FROM check_history")[0][0] == 0
    assert store._query("SELECT count(*) FROM credential_events")[0][0] == 0
    assert store._query("SELECT count(*) FROM latest_check")[0][0] == 0


def test_transaction_rolls_back_everything(store: AccountStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_account(make_account())
        store.add_account(make_account("second@163.com"))
        raise RuntimeError("boom")
    assert store.list_accounts() == []


def test_wal_and_schema_version(store: AccountStore) -> None:
    assert store._query("PRAGMA journal_mode")[0][0] == "wal"
    assert store.schema_version() == SCHEMA_VERSION


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_migration_from_committed_old_file(tmp_path: Path, version: int) -> None:
    fixture = FIXTURES / f"store_v{version}.sqlite3"
    assert fixture.exists(), f"commit a database file of schema {version} (make_store_fixtures)"
    db = tmp_path / "old.sqlite3"
    shutil.copy(fixture, db)
    with AccountStore.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        accounts = {a.address: a for a in store.list_accounts()}
        assert {"zhang.wei@163.com", "li.na@corp.example.cn"} <= set(accounts)
        li = accounts["li.na@corp.example.cn"]
        assert li.paused and li.code_expires == date(2027, 2, 15)
        assert li.credential_label == "办公室电脑"
        assert not li.needs_code
        assert li.group == ""  # version 5: no mailbox had a group before
        zhang = store.summary(accounts["zhang.wei@163.com"].id or 0)
        # The latest result per protocol survives the upgrade.
        assert zhang.last_smtp is not None and zhang.last_smtp.status is ConnectionStatus.OK
        assert zhang.last_imap is not None and zhang.last_imap.elapsed_ms == 412
        assert len(store.credential_events(zhang.account.id or 0)) == 1
    backup = tmp_path / f"old.sqlite3.v{version}.bak"
    assert backup.exists()
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == version


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    with AccountStore.open(db) as store:
        store.add_account(make_account())
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(db)
    with pytest.raises(StoreTooNewError, match="newer version"):
        AccountStore.open(db)
    assert digest(db) == before


def test_garbage_file_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "garbage.sqlite3"
    db.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    before = digest(db)
    with pytest.raises(StoreCorruptError, match="damaged") as info:
        AccountStore.open(db)
    assert str(db) in str(info.value)
    assert digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["garbage.sqlite3"]


def test_damaged_pages_are_reported_not_repaired(tmp_path: Path) -> None:
    db = tmp_path / "damaged.sqlite3"
    with AccountStore.open(db) as store:
        for n in range(300):
            store.add_account(make_account(f"user{n}@163.com", display_name="x" * 200))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 12 * page)):
        data[offset] = 0xA5
    db.write_bytes(bytes(data))
    before = digest(db)
    with pytest.raises(StoreCorruptError), AccountStore.open(db) as store:
        store.list_accounts()
    assert digest(db) == before


def test_locked_by_another_writer(tmp_path: Path) -> None:
    db = tmp_path / "locked.sqlite3"
    AccountStore.open(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with (
            AccountStore.open(db, busy_timeout_ms=100) as store,
            pytest.raises(StoreLockedError, match="busy"),
        ):
            store.add_account(make_account())
    finally:
        other.execute("ROLLBACK")
        other.close()
    with AccountStore.open(db) as store:
        assert store.list_accounts() == []


def test_data_version_sees_other_connections(tmp_path: Path) -> None:
    db = tmp_path / "dv.sqlite3"
    with AccountStore.open(db) as reader, AccountStore.open(db) as writer:
        before = reader.data_version()
        writer.add_account(make_account())
        assert reader.data_version() != before
        steady = reader.data_version()
        reader.list_accounts()
        assert reader.data_version() == steady


def _writer(db: str, prefix: str, count: int) -> None:
    with AccountStore.open(Path(db)) as store:
        for n in range(count):
            account = store.add_account(make_account(f"{prefix}{n}@163.com"))
            store.record_check(CheckRecord(account.id or 0, T0, Protocol.IMAP, ConnectionStatus.OK))


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "concurrent.sqlite3"
    AccountStore.open(db).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(db), p, 40)) for p in ("a", "b")]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    with AccountStore.open(db) as store:
        assert store.count_accounts() == 80
        assert len(store.summaries()) == 80
        assert all(s.last_imap is not None for s in store.summaries())


def test_compact_history_folds_old_checks_and_keeps_the_latest(store: AccountStore) -> None:
    a = store.add_account(make_account()).id or 0
    b = store.add_account(make_account("paused@163.com", paused=True)).id or 0
    start = (T0 - timedelta(days=200)).replace(hour=0)
    for day in range(200):
        for hour in (0, 6, 12, 18):
            at = start + timedelta(days=day, hours=hour)
            status = (
                ConnectionStatus.TIMEOUT if hour == 6 and day % 10 == 0 else ConnectionStatus.OK
            )
            store.record_check(CheckRecord(a, at, Protocol.IMAP, status))
    # b was last checked 150 days ago: its only check must survive compaction.
    store.record_check(CheckRecord(b, T0 - timedelta(days=150), Protocol.SMTP,
                                   ConnectionStatus.AUTH_FAILED))  # fmt: skip
    folded = store.compact_history(T0, keep_days=90)
    assert folded == 110 * 4 + 2  # everything before T0 - 90 days (08:00)
    remaining = store._query("SELECT count(*) FROM check_history WHERE account_id = ?", (a,))
    assert remaining[0][0] == 800 - folded
    summary_b = store.summary(b)
    assert summary_b.last_smtp is not None
    assert summary_b.last_smtp.status is ConnectionStatus.AUTH_FAILED
    days = store.daily_history(a, (T0 - timedelta(days=200)).date())
    assert len(days) == 200
    assert days[start.date()] is ConnectionStatus.TIMEOUT
    assert days[(start + timedelta(days=1)).date()] is ConnectionStatus.OK
    # Running it again changes nothing.
    assert store.compact_history(T0, keep_days=90) == 0
    assert store.daily_history(a, (T0 - timedelta(days=200)).date()) == days


def test_rotate_days_zero_means_never(store: AccountStore) -> None:
    saved = store.add_account(make_account())
    store.update_account(saved.replace(rotate_days=0))
    assert store.get_account(saved.id or 0).rotate_days == 0


def test_migration_keeps_history_attached(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store_v1.sqlite3", db)
    with AccountStore.open(db) as store:
        zhang = store.find_by_address("zhang.wei@163.com")
        assert zhang is not None
        assert len(store.recent_checks(zhang.id or 0)) == 3
        assert store._query("PRAGMA foreign_keys")[0][0] == 1
        assert store._query("PRAGMA foreign_key_check") == []
        # Removing the account still cascades to its history after the rebuild.
        store.remove_account(zhang.id or 0)
        assert store._query("SELECT count(*) FROM check_history WHERE account_id = ?",
                            (zhang.id,))[0][0] == 0  # fmt: skip


def test_latest_credential_events_of_every_account_in_one_query(store: AccountStore) -> None:
    """The scheduler reads every account's latest code change at once, after every change."""
    first = store.add_account(make_account("a@163.com"))
    second = store.add_account(make_account("b@163.com"))
    store.add_account(make_account("c@163.com"))  # no events at all
    a, b = first.id or 0, second.id or 0
    store.add_credential_event(CredentialEvent(a, T0, CredentialEventKind.CREATED))
    store.add_credential_event(
        CredentialEvent(a, T0 + timedelta(days=3), CredentialEventKind.ROTATED)
    )
    store.add_credential_event(
        CredentialEvent(a, T0 + timedelta(days=9), CredentialEventKind.REMOVED)
    )
    store.add_credential_event(
        CredentialEvent(b, T0 + timedelta(days=1), CredentialEventKind.CREATED)
    )
    kinds = (CredentialEventKind.CREATED, CredentialEventKind.ROTATED)
    assert store.latest_credential_events(kinds) == {
        a: T0 + timedelta(days=3),
        b: T0 + timedelta(days=1),
    }


def test_group_is_kept(store: AccountStore) -> None:
    saved = store.add_account(make_account("grouped@163.com").replace(group="客户 A"))
    assert store.get_account(saved.id or 0).group == "客户 A"
    store.update_account(saved.replace(group=""))
    assert store.get_account(saved.id or 0).group == ""
