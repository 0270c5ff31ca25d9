"""The store's half of the code inventory (``core.model.codes``): the ``codes`` and
``code_audits`` tables.

Kept apart from ``account_store`` because the inventory is its own subject; ``AccountStore``
inherits these methods and calls ``_sync_own_code`` whenever it writes an account, so the own
code's record always carries the account's label and dates (one statement, one transaction:
the two can never disagree). Values never come here: which codes are ``kept`` is a flag, the
values are the registry's business with the keyring.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from mailmanager.core.model.accounts import Account
from mailmanager.core.model.codes import (
    DEFAULT_AUDIT_DAYS,
    CodeAudit,
    CodeRecord,
    CodeState,
    own_label,
)
from mailmanager.core.store.connection import StoreConnection
from mailmanager.core.store.errors import DuplicateLabelError, UnknownCodeError
from mailmanager.core.store.rows import parse_day, parse_timestamp, to_day, to_timestamp

CODE_COLUMNS = (
    "id, account_id, label, created, expires, last_proven, state, revoked, kept, own, note"
)
_STATES = {member.value: member for member in CodeState}


def code_from_row(row: Sequence[Any]) -> CodeRecord:
    return CodeRecord(
        account_id=row[1],
        label=row[2],
        created=parse_day(row[3]),
        expires=parse_day(row[4]),
        last_proven=parse_timestamp(row[5]) if row[5] else None,
        state=_STATES.get(row[6], CodeState.UNKNOWN),
        revoked=parse_day(row[7]),
        kept=bool(row[8]),
        own=bool(row[9]),
        note=row[10],
        id=row[0],
    )


def _code_values(code: CodeRecord) -> dict[str, Any]:
    return {
        "account_id": code.account_id,
        "label": code.label,
        "created": to_day(code.created),
        "expires": to_day(code.expires),
        "last_proven": to_timestamp(code.last_proven) if code.last_proven else None,
        "state": code.state.value,
        "revoked": to_day(code.revoked),
        "kept": int(code.kept),
        "own": int(code.own),
        "note": code.note,
    }


class CodeStore(StoreConnection):
    """The inventory's tables; see the module docstring."""

    def codes(self, account_id: int) -> list[CodeRecord]:
        """A mailbox's codes: its own first, then newest first."""
        rows = self._query(
            f"SELECT {CODE_COLUMNS} FROM codes WHERE account_id = ? "
            "ORDER BY own DESC, created IS NULL, created DESC, id DESC",
            (account_id,),
        )
        return [code_from_row(r) for r in rows]

    def all_codes(self) -> dict[int, list[CodeRecord]]:
        """Every mailbox's codes (an export reads them in one query)."""
        found: dict[int, list[CodeRecord]] = {}
        rows = self._query(
            f"SELECT {CODE_COLUMNS} FROM codes ORDER BY account_id, own DESC, created DESC, id"
        )
        for row in rows:
            found.setdefault(row[1], []).append(code_from_row(row))
        return found

    def get_code(self, code_id: int) -> CodeRecord:
        rows = self._query(f"SELECT {CODE_COLUMNS} FROM codes WHERE id = ?", (code_id,))
        if not rows:
            raise UnknownCodeError(f"#{code_id}")
        return code_from_row(rows[0])

    def find_code(self, account_id: int, label: str) -> CodeRecord | None:
        rows = self._query(
            f"SELECT {CODE_COLUMNS} FROM codes WHERE account_id = ? AND label = ?",
            (account_id, " ".join(label.split())),
        )
        return code_from_row(rows[0]) if rows else None

    def own_code(self, account_id: int) -> CodeRecord | None:
        rows = self._query(
            f"SELECT {CODE_COLUMNS} FROM codes WHERE account_id = ? AND own = 1", (account_id,)
        )
        return code_from_row(rows[0]) if rows else None

    def add_code(self, code: CodeRecord) -> CodeRecord:
        """Insert a code record; ``DuplicateLabelError`` for a label the mailbox has."""
        values = _code_values(code)
        columns = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        with self.transaction():
            try:
                cursor = self._conn.execute(
                    f"INSERT INTO codes ({columns}) VALUES ({marks})", values
                )
            except sqlite3.IntegrityError as exc:
                raise self._integrity(code, exc) from None
        return code.replace(id=cursor.lastrowid)

    def update_code(self, code: CodeRecord) -> CodeRecord:
        if code.id is None:
            raise ValueError("update_code needs a saved code")
        values = _code_values(code)
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        values["id"] = code.id
        with self.transaction():
            try:
                cursor = self._conn.execute(
                    f"UPDATE codes SET {assignments} WHERE id = :id", values
                )
            except sqlite3.IntegrityError as exc:
                raise self._integrity(code, exc) from None
            if cursor.rowcount == 0:
                raise UnknownCodeError(code.label)
        return code

    def remove_code(self, code_id: int) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM codes WHERE id = ?", (code_id,))

    def demote_own_code(self, account_id: int) -> CodeRecord | None:
        """The own code stops being the one mailmanager checks with (a rotation: its value is
        replaced in the keyring, so it is no longer kept); returns it as it is now."""
        own = self.own_code(account_id)
        if own is None:
            return None
        return self.update_code(own.replace(own=False, kept=False))

    def mark_proven(self, account_id: int, at: datetime, code_id: int | None = None) -> None:
        """A successful login with the code ``code_id`` (None: the own code) at ``at``."""
        where = "own = 1" if code_id is None else "id = :code"
        with self.transaction():
            self._conn.execute(
                f"UPDATE codes SET last_proven = :at WHERE account_id = :account AND {where} "
                "AND (last_proven IS NULL OR last_proven < :at)",
                {"at": to_timestamp(at), "account": account_id, "code": code_id},
            )

    def _sync_own_code(self, account: Account) -> None:
        """Write ``account``'s label and dates into its own code's record (inserted when it
        has none: a new mailbox, or the code that replaced a demoted one)."""
        assert account.id is not None
        values = {
            "account": account.id,
            "label": own_label(account.credential_label),
            "created": to_day(account.code_created),
            "expires": to_day(account.code_expires),
        }
        try:
            cursor = self._conn.execute(
                "UPDATE codes SET label = :label, created = :created, expires = :expires "
                "WHERE account_id = :account AND own = 1",
                values,
            )
            if cursor.rowcount == 0:
                values["state"] = (
                    CodeState.UNKNOWN if account.needs_code else CodeState.IN_USE
                ).value
                values["kept"] = int(not account.needs_code)
                self._conn.execute(
                    "INSERT INTO codes (account_id, label, created, expires, state, kept, own) "
                    "VALUES (:account, :label, :created, :expires, :state, :kept, 1)",
                    values,
                )
            elif not account.needs_code:
                # The mailbox has its code (again): the own record says so.
                self._conn.execute(
                    "UPDATE codes SET kept = 1, state = CASE WHEN state = 'unknown' "
                    "THEN 'in_use' ELSE state END WHERE account_id = ? AND own = 1",
                    (account.id,),
                )
        except sqlite3.IntegrityError:
            raise DuplicateLabelError(str(values["label"])) from None

    def _integrity(self, code: CodeRecord, exc: sqlite3.IntegrityError) -> Exception:
        text = str(exc)
        if "codes.account_id, codes.label" in text:
            return DuplicateLabelError(code.label)
        return exc

    # -- audits ------------------------------------------------------------------------------

    def code_audit(self, account_id: int) -> CodeAudit:
        rows = self._query(
            "SELECT interval_days, audited_on FROM code_audits WHERE account_id = ?",
            (account_id,),
        )
        if not rows:
            return CodeAudit(account_id, DEFAULT_AUDIT_DAYS, None)
        return CodeAudit(account_id, rows[0][0], parse_day(rows[0][1]))

    def set_code_audit(self, audit: CodeAudit) -> CodeAudit:
        if audit.interval_days <= 0:
            raise ValueError("the audit interval is at least one day")
        with self.transaction():
            self._conn.execute(
                "INSERT INTO code_audits (account_id, interval_days, audited_on) VALUES (?, ?, ?) "
                "ON CONFLICT (account_id) DO UPDATE SET interval_days = excluded.interval_days, "
                "audited_on = excluded.audited_on",
                (audit.account_id, audit.interval_days, to_day(audit.audited_on)),
            )
        return audit

    def audited_on(self) -> dict[int, date | None]:
        """Every mailbox's last audit day, where one was recorded."""
        rows = self._query("SELECT account_id, audited_on FROM code_audits")
        return {row[0]: parse_day(row[1]) for row in rows}

    def code_audits(self) -> dict[int, CodeAudit]:
        """Every mailbox's audit record, where one was saved (the others have the default
        interval and were never audited): one query for the notifier's round."""
        rows = self._query("SELECT account_id, interval_days, audited_on FROM code_audits")
        return {row[0]: CodeAudit(row[0], row[1], parse_day(row[2])) for row in rows}
