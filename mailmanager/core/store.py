"""The account store: SQLite holding accounts, check history and credential events.

Never a secret: codes live only in the OS keyring (core/secrets.py). Every change runs in a
transaction; the database uses WAL so the GUI keeps reading while the CLI writes. A database that
is damaged, locked by another writer or written by a newer version of the app is reported with a
clear message and left untouched: nothing here deletes data to "repair" a file.

Other processes' changes are noticed through ``data_version()`` (SQLite's ``PRAGMA data_version``,
which changes whenever another connection commits), so the main window can poll cheaply.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Self

from mailmanager.core.accounts import (
    Account,
    AccountSummary,
    CheckRecord,
    CredentialEvent,
    CredentialEventKind,
    Protocol,
    utcnow,
)
from mailmanager.core.bulk import gc_paused
from mailmanager.core.list_entry import LIST_COLUMNS, ListEntry, entry_from_row
from mailmanager.core.status import ConnectionStatus
from mailmanager.core.store_errors import (
    DuplicateAccountError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreTooNewError,
    UnknownAccountError,
)
from mailmanager.core.store_rows import (
    ACCOUNT_COLUMNS,
    CHECK_COLUMNS,
    LATEST_COLUMNS,
    N_ACCOUNT,
    N_CHECK,
    account_from_row,
    account_values,
    check_from_row,
    parse_timestamp,
    status_or_error,
    to_timestamp,
    worse,
)
from mailmanager.core.store_schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger("mailmanager.store")

BUSY_TIMEOUT_MS = 5000

__all__ = [
    "AccountStore",
    "DuplicateAccountError",
    "StoreCorruptError",
    "StoreError",
    "StoreLockedError",
    "StoreTooNewError",
    "UnknownAccountError",
    "copy_database",
]


class AccountStore:
    """One connection to the account database. Use from one thread; open one per thread.

    Open with ``AccountStore.open(path)``; it creates or upgrades the schema and raises a
    ``StoreError`` subclass for a damaged, locked or too-new file.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], datetime]):
        self._conn = conn
        self.path = path
        self._clock = clock
        self._depth = 0
        # The last list_entries() result and the (data_version, total_changes) it was read at.
        self._entries: tuple[tuple[int, int], list[ListEntry]] | None = None

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        clock: Callable[[], datetime] = utcnow,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Self:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            conn = sqlite3.connect(path, timeout=busy_timeout_ms / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreCorruptError(path, str(exc)) from None
        conn.row_factory = sqlite3.Row
        store = cls(conn, path, clock)
        try:
            store._prepare(busy_timeout_ms)
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self, busy_timeout_ms: int) -> None:
        with self._translate_errors():
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreTooNewError(self.path, f"schema {version} > {SCHEMA_VERSION}")
            # Reading the schema is what fails first on a file that is not a database.
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            # Switching the journal mode writes to the file, so only do it when needed.
            mode = self._conn.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    log.warning("journal mode is %s, not WAL", mode)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            if version < SCHEMA_VERSION:
                self._migrate(version)

    def _migrate(self, version: int) -> None:
        if version > 0:
            backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
            if not backup.exists():
                # A copy of the old file, made with SQLite's backup API (consistent under WAL).
                with contextlib.closing(sqlite3.connect(backup)) as target:
                    self._conn.backup(target)
                log.info("backed up schema %d database to %s", version, backup)
        # Foreign keys are off while tables are rebuilt (SQLite's procedure for changing a
        # table): dropping the old accounts table must not cascade into the history. The
        # result is checked with foreign_key_check before it is committed.
        self._conn.execute("PRAGMA foreign_keys = OFF")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            current = self._conn.execute("PRAGMA user_version").fetchone()[0]
            for number in range(current + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[number - 1]):
                    self._conn.execute(statement)
                log.info("store migrated to schema %d", number)
            broken = self._conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreCorruptError(self.path, f"{len(broken)} rows lost their account")
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        finally:
            self._conn.execute("PRAGMA foreign_keys = ON")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and errors ---------------------------------------------------------------

    @contextlib.contextmanager
    def _translate_errors(self) -> Iterator[None]:
        try:
            yield
        except StoreError:
            raise
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if "locked" in text or "busy" in text:
                raise StoreLockedError(self.path, str(exc)) from None
            if "malformed" in text or "not a database" in text or "corrupt" in text:
                raise StoreCorruptError(self.path, str(exc)) from None
            raise StoreError(self.path, str(exc)) from None
        except sqlite3.DatabaseError as exc:
            # IntegrityError is a DatabaseError too, but it is a caller's mistake, not damage.
            if isinstance(exc, sqlite3.IntegrityError):
                raise
            raise StoreCorruptError(self.path, str(exc)) from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one write transaction; nested blocks join the outer one."""
        with self._translate_errors():
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self._conn.execute("ROLLBACK")
                raise
            self._depth = 0
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        with self._translate_errors():
            return list(self._conn.execute(sql, params).fetchall())

    def data_version(self) -> int:
        """Changes whenever another connection commits; cheap enough to poll every second."""
        with self._translate_errors():
            value: int = self._conn.execute("PRAGMA data_version").fetchone()[0]
            return value

    def schema_version(self) -> int:
        value: int = self._query("PRAGMA user_version")[0][0]
        return value

    # -- accounts ------------------------------------------------------------------------------

    def list_accounts(self) -> list[Account]:
        rows = self._query(f"SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY address")
        return [account_from_row(r) for r in rows]

    def count_accounts(self) -> int:
        value: int = self._query("SELECT count(*) FROM accounts")[0][0]
        return value

    def get_account(self, account_id: int) -> Account:
        rows = self._query(f"SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?", (account_id,))
        if not rows:
            raise UnknownAccountError(f"#{account_id}")
        return account_from_row(rows[0])

    def find_by_address(self, address: str) -> Account | None:
        rows = self._query(
            f"SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE address = ?", (address.strip(),)
        )
        return account_from_row(rows[0]) if rows else None

    def add_account(self, account: Account) -> Account:
        now = self._clock()
        values = account_values(account)
        values["created_at"] = values["updated_at"] = to_timestamp(now)
        columns = ", ".join(values)
        placeholders = ", ".join(f":{name}" for name in values)
        with self.transaction():
            if self.find_by_address(account.address) is not None:
                raise DuplicateAccountError(account.address)
            cursor = self._conn.execute(
                f"INSERT INTO accounts ({columns}) VALUES ({placeholders})", values
            )
        return account.replace(id=cursor.lastrowid, created_at=now, updated_at=now)

    def update_account(self, account: Account) -> Account:
        if account.id is None:
            raise ValueError("update_account needs a saved account")
        now = self._clock()
        values = account_values(account)
        values["updated_at"] = to_timestamp(now)
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        values["id"] = account.id
        with self.transaction():
            other = self.find_by_address(account.address)
            if other is not None and other.id != account.id:
                raise DuplicateAccountError(account.address)
            cursor = self._conn.execute(f"UPDATE accounts SET {assignments} WHERE id = :id", values)
            if cursor.rowcount == 0:
                raise UnknownAccountError(f"#{account.id}")
        return account.replace(updated_at=now)

    def remove_account(self, account_id: int) -> None:
        """Delete the account with its history and events (the keyring entry is the registry's)."""
        with self.transaction():
            cursor = self._conn.execute("DELETE FROM accounts WHERE id = ?", (account_id,))
            if cursor.rowcount == 0:
                raise UnknownAccountError(f"#{account_id}")

    # -- checks --------------------------------------------------------------------------------

    def record_check(self, record: CheckRecord) -> CheckRecord:
        with self.transaction():
            cursor = self._conn.execute(
                "INSERT INTO check_history (account_id, checked_at, protocol, status, hint_id, "
                "server_message, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.account_id,
                    to_timestamp(record.checked_at),
                    record.protocol.value,
                    record.status.value,
                    record.hint_id,
                    record.server_message,
                    int(record.elapsed_ms),
                ),
            )
            check_id = cursor.lastrowid
            self._conn.execute(
                "INSERT INTO latest_check (account_id, protocol, check_id, checked_at, status, "
                "hint_id, server_message, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (account_id, protocol) DO UPDATE SET check_id = excluded.check_id, "
                "checked_at = excluded.checked_at, status = excluded.status, "
                "hint_id = excluded.hint_id, server_message = excluded.server_message, "
                "elapsed_ms = excluded.elapsed_ms "
                "WHERE excluded.check_id > latest_check.check_id",
                (
                    record.account_id,
                    record.protocol.value,
                    check_id,
                    to_timestamp(record.checked_at),
                    record.status.value,
                    record.hint_id,
                    record.server_message,
                    int(record.elapsed_ms),
                ),
            )
        return CheckRecord(**{**record.__dict__, "id": check_id})

    def recent_checks(
        self, account_id: int, limit: int = 50, since: datetime | None = None
    ) -> list[CheckRecord]:
        """The account's newest checks first: at most ``limit``, none before ``since``."""
        if since is None:
            rows = self._query(
                f"SELECT {CHECK_COLUMNS} FROM check_history WHERE account_id = ? "
                "ORDER BY checked_at DESC, id DESC LIMIT ?",
                (account_id, limit),
            )
        else:
            rows = self._query(
                f"SELECT {CHECK_COLUMNS} FROM check_history WHERE account_id = ? "
                "AND checked_at >= ? ORDER BY checked_at DESC, id DESC LIMIT ?",
                (account_id, to_timestamp(since), limit),
            )
        return [check_from_row(r) for r in rows]

    def summaries(self) -> list[AccountSummary]:
        """Every account with its latest IMAP and SMTP check: what the main list shows.

        The latest results are read from ``latest_check``, a copy kept beside the history, so
        the cost depends on the number of accounts, never on the size of the history.
        """
        checks = ", ".join(
            f"{p}.{c.strip()}" for p in ("li", "ls") for c in LATEST_COLUMNS.split(",")
        )
        accounts = ", ".join(f"a.{c.strip()}" for c in ACCOUNT_COLUMNS.split(","))
        sql = (
            f"SELECT {accounts}, {checks} FROM accounts a "
            "LEFT JOIN latest_check li ON li.account_id = a.id AND li.protocol = 'imap' "
            "LEFT JOIN latest_check ls ON ls.account_id = a.id AND ls.protocol = 'smtp' "
            "ORDER BY a.address"
        )
        imap_at, smtp_at = N_ACCOUNT, N_ACCOUNT + N_CHECK
        summaries = []
        with gc_paused(), self._translate_errors():
            cursor = self._conn.cursor()
            cursor.row_factory = None  # plain tuples: a third faster than sqlite3.Row here
            rows = cursor.execute(sql).fetchall()
            for row in rows:
                summaries.append(
                    AccountSummary(
                        account_from_row(row),
                        check_from_row(row[imap_at:smtp_at]) if row[imap_at] is not None else None,
                        check_from_row(row[smtp_at:]) if row[smtp_at] is not None else None,
                    )
                )
        return summaries

    def list_entries(self) -> list[ListEntry]:
        """Every account as the main list shows it, with its latest check statuses.

        After each change to the store the list, the scheduler and the alerts all ask for
        these: the result is kept until the store changes, through this connection
        (``total_changes``) or another one (``data_version``), so they share one read.
        """
        with self._translate_errors():
            if self._conn.in_transaction:
                # Rows written in an open transaction may yet be rolled back, and a rollback
                # moves neither counter: such a read is never kept.
                return self.read_list_entries()
            stamp = (self.data_version(), self._conn.total_changes)
        if self._entries is None or self._entries[0] != stamp:
            self._entries = (stamp, self.read_list_entries())
        return list(self._entries[1])

    def read_list_entries(self) -> list[ListEntry]:
        """``list_entries`` read from the file now.

        Only the list's columns are read (see ``core.list_entry``); like ``summaries`` the cost
        depends on the number of accounts, never on the size of the history. No order: the list
        sorts its own rows.
        """
        sql = (
            f"SELECT {LIST_COLUMNS} FROM accounts a "
            "LEFT JOIN latest_check li ON li.account_id = a.id AND li.protocol = 'imap' "
            "LEFT JOIN latest_check ls ON ls.account_id = a.id AND ls.protocol = 'smtp'"
        )
        with gc_paused(), self._translate_errors():
            cursor = self._conn.cursor()
            cursor.row_factory = None
            return [entry_from_row(row) for row in cursor.execute(sql).fetchall()]

    def summary(self, account_id: int) -> AccountSummary:
        account = self.get_account(account_id)
        rows = self._query(
            f"SELECT {LATEST_COLUMNS} FROM latest_check WHERE account_id = ?", (account_id,)
        )
        latest = {row[3]: check_from_row(row) for row in rows}
        return AccountSummary(
            account, latest.get(Protocol.IMAP.value), latest.get(Protocol.SMTP.value)
        )

    # -- history retention -----------------------------------------------------------------------

    def compact_history(self, now: datetime, keep_days: int = 90) -> int:
        """Fold raw checks older than ``keep_days`` into per-day counts; return rows folded.

        A year of 6-hourly checks of hundreds of accounts stays small and fast this way. The
        latest check of each account and protocol is always kept raw, however old, because the
        badge shows it.
        """
        cutoff = to_timestamp(now - timedelta(days=keep_days))
        old = (
            "FROM check_history WHERE checked_at < ? "
            "AND id NOT IN (SELECT check_id FROM latest_check)"
        )
        with self.transaction():
            ok_counts: dict[tuple[int, str, str], int] = {}
            fail_counts: dict[tuple[int, str, str], int] = {}
            worst: dict[tuple[int, str, str], ConnectionStatus] = {}
            rows = self._conn.execute(
                "SELECT account_id, substr(checked_at, 1, 10) AS day, protocol, status, "
                f"count(*) AS n {old} GROUP BY account_id, day, protocol, status",
                (cutoff,),
            ).fetchall()
            for row in rows:
                key = (row["account_id"], row["day"], row["protocol"])
                status = status_or_error(row["status"])
                ok_counts.setdefault(key, 0)
                fail_counts.setdefault(key, 0)
                worst.setdefault(key, ConnectionStatus.OK)
                if status is ConnectionStatus.OK:
                    ok_counts[key] += row["n"]
                else:
                    fail_counts[key] += row["n"]
                    worst[key] = worse(worst[key], status)
            self._conn.executemany(
                "INSERT INTO check_daily (account_id, day, protocol, ok_count, fail_count, worst) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, day, protocol) DO UPDATE SET "
                "ok_count = ok_count + excluded.ok_count, "
                "fail_count = fail_count + excluded.fail_count, "
                "worst = CASE WHEN excluded.fail_count > 0 THEN excluded.worst ELSE worst END",
                [(*k, ok_counts[k], fail_counts[k], worst[k].value) for k in ok_counts],
            )
            deleted = self._conn.execute(f"DELETE {old}", (cutoff,)).rowcount
        return int(deleted)

    def daily_history(self, account_id: int, since: date) -> dict[date, ConnectionStatus]:
        """The worst status of each day since ``since`` (raw checks and folded days), for the
        details pane's timeline strip. Days without any check are absent."""
        days: dict[date, ConnectionStatus] = {}
        rows = self._query(
            "SELECT substr(checked_at, 1, 10) AS day, status FROM check_history "
            "WHERE account_id = ? AND checked_at >= ?",
            (account_id, since.isoformat()),
        )
        rows += self._query(
            "SELECT day, worst AS status FROM check_daily WHERE account_id = ? AND day >= ?",
            (account_id, since.isoformat()),
        )
        for row in rows:
            day = date.fromisoformat(row["day"])
            status = status_or_error(row["status"])
            days[day] = worse(days[day], status) if day in days else status
        return days

    # -- credential events ---------------------------------------------------------------------

    def add_credential_event(self, event: CredentialEvent) -> CredentialEvent:
        with self.transaction():
            cursor = self._conn.execute(
                "INSERT INTO credential_events (account_id, at, kind, note) VALUES (?, ?, ?, ?)",
                (event.account_id, to_timestamp(event.at), event.kind.value, event.note),
            )
        return CredentialEvent(event.account_id, event.at, event.kind, event.note, cursor.lastrowid)

    def latest_credential_events(self, kinds: Iterable[CredentialEventKind]) -> dict[int, datetime]:
        """For every account with an event of one of ``kinds``: when the latest one happened
        (one query for all accounts, where ``credential_events`` would take one each)."""
        wanted = [kind.value for kind in kinds]
        marks = ", ".join("?" for _ in wanted)
        rows = self._query(
            "SELECT account_id, MAX(at) FROM credential_events "
            f"WHERE kind IN ({marks}) GROUP BY account_id",
            wanted,
        )
        return {row[0]: parse_timestamp(row[1]) for row in rows}

    def credential_events(self, account_id: int) -> list[CredentialEvent]:
        rows = self._query(
            "SELECT id, account_id, at, kind, note FROM credential_events WHERE account_id = ? "
            "ORDER BY at DESC, id DESC",
            (account_id,),
        )
        events = []
        for row in rows:
            try:
                kind = CredentialEventKind(row["kind"])
            except ValueError:
                continue
            events.append(
                CredentialEvent(
                    row["account_id"], parse_timestamp(row["at"]), kind, row["note"], row["id"]
                )
            )
        return events


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (the scripts hold no semicolons in literals)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def copy_database(source: Path, target: Path) -> None:
    """Copy a database file with its WAL companions (used by tests and backups)."""
    for suffix in ("", "-wal", "-shm"):
        src = source.with_name(source.name + suffix)
        if src.exists():
            shutil.copy2(src, target.with_name(target.name + suffix))
