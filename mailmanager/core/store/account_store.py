"""The account store: SQLite holding accounts, check history and credential events.

Never a secret: codes live only in the OS keyring (core/secrets.py). Every change runs in a
transaction; the database uses WAL so the GUI keeps reading while the CLI writes. A database that
is damaged, locked by another writer or written by a newer version of the app is reported with a
clear message and left untouched: nothing here deletes data to "repair" a file.

Other processes' changes are noticed through ``data_version()`` (SQLite's ``PRAGMA data_version``,
which changes whenever another connection commits), so the main window can poll cheaply.
Opening, migrating and the translation of SQLite's errors are in ``store_connection``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from mailmanager.core.bulk import gc_paused
from mailmanager.core.model.accounts import (
    Account,
    AccountSummary,
    CheckRecord,
    CredentialEvent,
    CredentialEventKind,
    Protocol,
)
from mailmanager.core.model.list_entry import LIST_COLUMNS, ListEntry, ListMark, entry_from_row
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.code_store import CodeStore
from mailmanager.core.store.connection import copy_database
from mailmanager.core.store.errors import (
    DuplicateAccountError,
    DuplicateLabelError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreTooNewError,
    UnknownAccountError,
    UnknownCodeError,
)
from mailmanager.core.store.rows import (
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

__all__ = [
    "AccountStore",
    "DuplicateAccountError",
    "DuplicateLabelError",
    "ListRead",
    "StoreCorruptError",
    "StoreError",
    "StoreLockedError",
    "StoreTooNewError",
    "UnknownAccountError",
    "UnknownCodeError",
    "copy_database",
]


_LIST_FROM = (
    "FROM accounts a "
    "LEFT JOIN latest_check li ON li.account_id = a.id AND li.protocol = 'imap' "
    "LEFT JOIN latest_check ls ON ls.account_id = a.id AND ls.protocol = 'smtp' "
    "WHERE a.pending = 0"
)


class ListRead(NamedTuple):
    """The list's rows as ``AccountStore.read_list_since`` found them, all from one snapshot.

    ``ids`` None: a whole read (``entries`` is every listed mailbox). Otherwise ``ids`` are
    the mailboxes changed since the reader's mark and ``entries`` those of them still listed:
    an id without an entry was removed, or is pending (a save not finished). ``listed`` is how
    many mailboxes are listed in all, so a reader can check the rows it shows add up.
    """

    entries: list[ListEntry]
    ids: frozenset[int] | None
    mark: ListMark
    listed: int


class AccountStore(CodeStore):
    """One connection to the account database. Use from one thread; open one per thread.

    Open with ``AccountStore.open(path)``; it creates or upgrades the schema and raises a
    ``StoreError`` subclass for a damaged, locked or too-new file (see ``StoreConnection``).
    The code inventory's methods come from ``CodeStore``; every account write keeps the own
    code's record in step with it.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], datetime]):
        super().__init__(conn, path, clock)
        # The last list_entries() result and the (data_version, total_changes) it was read at.
        self._entries: tuple[tuple[int, int], list[ListEntry]] | None = None
        # The same rows by account id, with the change log's mark they are up to date with:
        # after a change only the changed mailboxes are read again (``read_list_since``).
        self._by_id: tuple[ListMark, dict[int, ListEntry]] | None = None

    # -- accounts ------------------------------------------------------------------------------

    def list_accounts(self) -> list[Account]:
        rows = self._query(
            f"SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE pending = 0 ORDER BY address"
        )
        return [account_from_row(r) for r in rows]

    def count_accounts(self) -> int:
        value: int = self._query("SELECT count(*) FROM accounts WHERE pending = 0")[0][0]
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

    def add_account(self, account: Account, *, pending: bool = False) -> Account:
        """Insert ``account``; ``pending`` keeps it out of every list until ``mark_complete``
        (the registry's atomic save: the keyring is written in between)."""
        now = self._clock()
        values = account_values(account)
        values["created_at"] = values["updated_at"] = to_timestamp(now)
        values["pending"] = int(pending)
        columns = ", ".join(values)
        placeholders = ", ".join(f":{name}" for name in values)
        with self.transaction():
            if self.find_by_address(account.address) is not None:
                raise DuplicateAccountError(account.address)
            cursor = self._conn.execute(
                f"INSERT INTO accounts ({columns}) VALUES ({placeholders})", values
            )
            saved = account.replace(id=cursor.lastrowid, created_at=now, updated_at=now)
            self._sync_own_code(saved)
        return saved

    def mark_complete(self, account_id: int) -> None:
        """The account's code is in the keyring: list it from now on."""
        with self.transaction():
            cursor = self._conn.execute(
                "UPDATE accounts SET pending = 0 WHERE id = ? AND pending = 1", (account_id,)
            )
            if cursor.rowcount != 1:
                raise UnknownAccountError(f"#{account_id}")

    def is_pending(self, account_id: int) -> bool:
        """True for a row whose save has not finished (see ``add_account(pending=True)``)."""
        rows = self._query("SELECT pending FROM accounts WHERE id = ?", (account_id,))
        return bool(rows and rows[0][0])

    def pending_accounts(self) -> list[Account]:
        """Accounts whose save did not finish (a crash between the store and the keyring)."""
        rows = self._query(f"SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE pending = 1")
        return [account_from_row(r) for r in rows]

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
            self._sync_own_code(account)
        return account.replace(updated_at=now)

    def remove_account(self, account_id: int) -> None:
        """Delete the account with its history and events (the keyring entry is the registry's)."""
        with self.transaction():
            cursor = self._conn.execute("DELETE FROM accounts WHERE id = ?", (account_id,))
            if cursor.rowcount == 0:
                raise UnknownAccountError(f"#{account_id}")

    # -- checks --------------------------------------------------------------------------------

    def record_check(self, record: CheckRecord) -> CheckRecord:
        """Keep one check result; ``UnknownAccountError`` when the account is gone (it was
        removed while it was being checked)."""
        try:
            return self._record_check(record)
        except sqlite3.IntegrityError:
            if self._query("SELECT 1 FROM accounts WHERE id = ?", (record.account_id,)):
                raise
            raise UnknownAccountError(str(record.account_id)) from None

    def _record_check(self, record: CheckRecord) -> CheckRecord:
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
            if record.status is ConnectionStatus.OK:
                # The scheduler checks with the own code: it was proven just now.
                self.mark_proven(record.account_id, record.checked_at)
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
            "WHERE a.pending = 0 ORDER BY a.address"
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
        (``total_changes``) or another one (``data_version``), so they share one read, and
        then only the mailboxes the change log names are read again.
        """
        with self._translate_errors():
            if self._conn.in_transaction:
                # Rows written in an open transaction may yet be rolled back, and a rollback
                # moves neither counter: such a read is never kept.
                return self.read_list_entries()
            stamp = (self.data_version(), self._conn.total_changes)
        if self._entries is None or self._entries[0] != stamp:
            self._entries = (stamp, self._updated_entries())
        return list(self._entries[1])

    @property
    def list_mark(self) -> ListMark | None:
        """The change log's mark the rows ``list_entries`` last returned are up to date with
        (None before the first read): a reader that shows those rows asks only for what
        changed after it. None inside an open transaction too: rows read there may yet be
        rolled back, which the log would never name."""
        if self._by_id is None or self._conn.in_transaction:
            return None
        return self._by_id[0]

    def _updated_entries(self) -> list[ListEntry]:
        """The kept rows brought up to date through the change log (all read again when it
        cannot answer, or when the kept rows do not add up to the store's count)."""
        mark = self._by_id[0] if self._by_id is not None else None
        found = self.read_list_since(mark)
        if found.ids is not None and self._by_id is not None:
            rows = self._by_id[1]
            fresh = {entry.id: entry for entry in found.entries}
            for account_id in found.ids - fresh.keys():
                rows.pop(account_id, None)
            arrived = not fresh.keys() <= rows.keys()
            rows.update(fresh)  # a changed row keeps its place
            if arrived:
                rows = dict(sorted(rows.items()))  # in id order, as a whole read returns them
            if len(rows) == found.listed:
                self._by_id = (found.mark, rows)
                return list(rows.values())
            found = self.read_list_since(None)
        self._by_id = (found.mark, {entry.id: entry for entry in found.entries})
        return found.entries

    def read_list_entries(self) -> list[ListEntry]:
        """``list_entries`` read from the file now.

        Only the list's columns are read (see ``core.list_entry``); like ``summaries`` the cost
        depends on the number of accounts, never on the size of the history. No order: the list
        sorts its own rows.
        """
        with gc_paused(), self._translate_errors():
            return self._list_rows(f"SELECT {LIST_COLUMNS} {_LIST_FROM}")

    def read_list_since(self, mark: ListMark | None) -> ListRead:
        """The list's rows changed since ``mark`` (a mark of an earlier read of this file),
        from the change log (schema 7), or every row when the log cannot answer: no mark, or
        one of another file (its token differs) or of a later state than the file's (a copy
        put back). Everything is read in one snapshot, the new mark with it, so a change
        committed meanwhile is either in the rows or after the mark, never lost.
        """
        with gc_paused(), self.read_snapshot():
            token, seq = self._conn.execute("SELECT token, seq FROM list_log").fetchone()
            now = ListMark(token, seq)
            (listed,) = self._conn.execute(
                "SELECT (SELECT count(*) FROM accounts) "
                "- (SELECT count(*) FROM accounts WHERE pending = 1)"
            ).fetchone()
            if mark is None or mark.token != token or mark.seq > seq:
                return ListRead(
                    self._list_rows(f"SELECT {LIST_COLUMNS} {_LIST_FROM}"), None, now, listed
                )
            if mark.seq == seq:
                return ListRead([], frozenset(), now, listed)
            ids = frozenset(
                row[0]
                for row in self._conn.execute(
                    "SELECT account_id FROM list_changes WHERE seq > ?", (mark.seq,)
                )
            )
            entries = self._list_rows(
                f"SELECT {LIST_COLUMNS} {_LIST_FROM} "
                "AND a.id IN (SELECT account_id FROM list_changes WHERE seq > ?)",
                (mark.seq,),
            )
            return ListRead(entries, ids, now, listed)

    def _list_rows(self, sql: str, params: tuple[object, ...] = ()) -> list[ListEntry]:
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples: ten thousand at a time
        return [entry_from_row(row) for row in cursor.execute(sql, params).fetchall()]

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
