"""The store's connection: opening, schema migrations, transactions and error translation.

Kept apart from what is stored (``account_store.py``): how a file is opened (WAL, busy timeout,
foreign keys), upgraded (a backup copy first, tables rebuilt with foreign keys off and checked
before commit), and how SQLite's exceptions become the app's ``StoreError`` family, so that a
damaged, locked or too-new file is reported clearly and never changed.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from mailmanager import private_files
from mailmanager.core.model.accounts import utcnow
from mailmanager.core.store.errors import (
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreTooNewError,
)
from mailmanager.core.store.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger("mailmanager.store")

BUSY_TIMEOUT_MS = 5000


class StoreConnection:
    """One SQLite connection with the app's schema; ``AccountStore`` adds what is stored."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], datetime]):
        self._conn = conn
        self.path = path
        self._clock = clock
        self._depth = 0

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        clock: Callable[[], datetime] = utcnow,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        shared: bool = False,
    ) -> Self:
        """Open (and create or migrate) the store at ``path``. ``shared``: the connection may
        be used from other threads than this one, one at a time (``services.operations.
        KeptStore`` guards that with a lock); by default SQLite's module refuses that."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            _prepare_files(path)
        except OSError as exc:  # a file in the way, no permission, a read-only disk, a link
            raise StoreError(path, exc.strerror or type(exc).__name__) from None
        try:
            conn = sqlite3.connect(
                path,
                timeout=busy_timeout_ms / 1000,
                isolation_level=None,
                check_same_thread=not shared,
            )
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
                private_files.create_private(backup)
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

    @contextlib.contextmanager
    def read_snapshot(self) -> Iterator[None]:
        """Run the block's reads in one read transaction: under WAL they all see the file as
        it was at the first read, whatever other connections commit meanwhile (inside a write
        transaction the block just joins it)."""
        with self._translate_errors():
            if self._conn.in_transaction:
                yield
                return
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                self._conn.execute("COMMIT")  # nothing was written: this only ends the snapshot

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


COMPANIONS = ("-wal", "-shm", "-journal")


def _prepare_files(path: Path) -> None:
    """Before SQLite opens ``path``: no symbolic link in place of the database or a companion
    (sqlite3 cannot be told SQLITE_OPEN_NOFOLLOW), and a new database made 0600, so that the
    companions SQLite creates with the database's permissions are 0600 too."""
    for suffix in COMPANIONS:
        private_files.check_file(path.with_name(path.name + suffix))
    private_files.create_private(path)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (the scripts hold no semicolons in literals;
    a trigger's body, whose statements end in semicolons too, stays in one piece)."""
    statements = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip(" \n;"))  # a last statement without its semicolon
    return statements


def copy_database(source: Path, target: Path) -> None:
    """Copy a database file with its WAL companions (used by tests and backups)."""
    for suffix in ("", "-wal", "-shm"):
        src = source.with_name(source.name + suffix)
        if src.exists():
            shutil.copy2(src, target.with_name(target.name + suffix))
