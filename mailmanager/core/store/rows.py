"""Conversion between the store's rows and the account model's objects.

Rows are read positionally in the column order below: the main list converts ten thousand of
them at a time, and name look-ups, enum calls and dataclass ``__init__`` were most of its cost.
Timestamps are ISO 8601 in UTC with a fixed width, so their text order is their time order.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from mailmanager.core.model.accounts import (
    TYPED,
    Account,
    CheckRecord,
    Endpoint,
    EndpointSource,
    Origin,
    Protocol,
    Security,
)
from mailmanager.core.model.status import ALL_STATES, ConnectionStatus

T = TypeVar("T")


def to_timestamp(value: datetime) -> str:
    """ISO 8601 in UTC with a fixed width, so text order is time order."""
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_timestamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


def to_day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


ACCOUNT_COLUMNS = (
    "id, address, display_name, provider_id, imap_host, imap_port, imap_security, imap_username, "
    "smtp_host, smtp_port, smtp_security, smtp_username, ca_file, credential_label, code_created, "
    "code_expires, rotate_days, paused, needs_code, check_interval_hours, last_web_login, "
    "sending_since, created_at, updated_at, "
    "imap_source, imap_source_detail, imap_confirmed_at, imap_plain_confirmed_at, "
    "smtp_source, smtp_source_detail, smtp_confirmed_at, smtp_plain_confirmed_at, "
    "ca_pem, ca_confirmed_at, group_name"
)
CHECK_COLUMNS = "id, account_id, checked_at, protocol, status, hint_id, server_message, elapsed_ms"


SECURITY = {member.value: member for member in Security}
PROTOCOL = {member.value: member for member in Protocol}
STATUS = {member.value: member for member in ConnectionStatus}
# latest_check's copy of a check, in the order of CHECK_COLUMNS (check_id is the history id).
LATEST_COLUMNS = (
    "check_id, account_id, checked_at, protocol, status, hint_id, server_message, elapsed_ms"
)
N_ACCOUNT = ACCOUNT_COLUMNS.count(",") + 1
N_CHECK = CHECK_COLUMNS.count(",") + 1


def frozen(cls: type[T], values: dict[str, Any]) -> T:
    """An instance of the frozen dataclass ``cls`` from ALL its field values.

    Bypasses the generated ``__init__``, whose per-field ``object.__setattr__`` calls were a
    third of the cost of loading ten thousand accounts; equality, hashing and ``replace``
    behave as usual because every field is set.
    """
    instance = object.__new__(cls)
    instance.__dict__.update(values)
    return instance


SOURCE = {member.value: member for member in EndpointSource}


@functools.lru_cache(maxsize=4096)
def origin(source: str, detail: str, confirmed_at: str | None, plain_at: str | None) -> Origin:
    """The provenance stored in four columns (shared between rows: most are the same few).

    An unknown source (a newer version's) gets no trust from its name.
    """
    return frozen(
        Origin,
        {
            "source": SOURCE.get(source, EndpointSource.EARLIER),
            "detail": detail,
            "confirmed_at": parse_timestamp(confirmed_at) if confirmed_at else None,
            "plain_confirmed_at": parse_timestamp(plain_at) if plain_at else None,
        },
    )


def endpoint(
    host: str, port: int, security: str, username: str, where: Origin | None = None
) -> Endpoint:
    return frozen(
        Endpoint,
        {
            "host": host,
            "port": port,
            "security": SECURITY[security],
            "username": username,
            "origin": where if where is not None else TYPED,
        },
    )


def account_from_row(row: Sequence[Any]) -> Account:
    """Build an Account from a row of ``ACCOUNT_COLUMNS`` (positional: the list view reads
    ten thousand of these, and name look-ups and enum calls were most of its cost)."""
    return frozen(
        Account,
        {
            "address": row[1],
            "imap": endpoint(row[4], row[5], row[6], row[7], origin(*row[24:28])),
            "smtp": endpoint(row[8], row[9], row[10], row[11], origin(*row[28:32])),
            "display_name": row[2],
            "provider_id": row[3],
            "ca_file": row[12],
            "ca_pem": row[32],
            "ca_confirmed_at": parse_timestamp(row[33]) if row[33] else None,
            "group": row[34],
            "credential_label": row[13],
            "code_created": parse_day(row[14]),
            "code_expires": parse_day(row[15]),
            "rotate_days": row[16],
            "paused": bool(row[17]),
            "needs_code": bool(row[18]),
            "check_interval_hours": row[19],
            "last_web_login": parse_day(row[20]),
            "sending_since": parse_day(row[21]),
            "id": row[0],
            "created_at": parse_timestamp(row[22]),
            "updated_at": parse_timestamp(row[23]),
        },
    )


def account_values(account: Account) -> dict[str, Any]:
    return {
        "address": account.address,
        "display_name": account.display_name,
        "provider_id": account.provider_id,
        "imap_host": account.imap.host,
        "imap_port": account.imap.port,
        "imap_security": account.imap.security.value,
        "imap_username": account.imap.username,
        "smtp_host": account.smtp.host,
        "smtp_port": account.smtp.port,
        "smtp_security": account.smtp.security.value,
        "smtp_username": account.smtp.username,
        "ca_file": account.ca_file,
        "credential_label": account.credential_label,
        "code_created": to_day(account.code_created),
        "code_expires": to_day(account.code_expires),
        "rotate_days": account.rotate_days,
        "paused": int(account.paused),
        "needs_code": int(account.needs_code),
        "check_interval_hours": account.check_interval_hours,
        "last_web_login": to_day(account.last_web_login),
        "sending_since": to_day(account.sending_since),
        **origin_values("imap", account.imap.origin),
        **origin_values("smtp", account.smtp.origin),
        "ca_pem": account.ca_pem,
        "ca_confirmed_at": _stamp(account.ca_confirmed_at),
        "group_name": account.group,
    }


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def origin_values(prefix: str, where: Origin) -> dict[str, Any]:
    return {
        f"{prefix}_source": where.source.value,
        f"{prefix}_source_detail": where.detail,
        f"{prefix}_confirmed_at": _stamp(where.confirmed_at),
        f"{prefix}_plain_confirmed_at": _stamp(where.plain_confirmed_at),
    }


def check_from_row(row: Sequence[Any]) -> CheckRecord:
    """Build a CheckRecord from a row of ``CHECK_COLUMNS`` (positional, like accounts)."""
    return frozen(
        CheckRecord,
        {
            "account_id": row[1],
            "checked_at": parse_timestamp(row[2]),
            "protocol": PROTOCOL[row[3]],
            "status": status_or_error(row[4]),
            "hint_id": row[5],
            "server_message": row[6],
            "elapsed_ms": row[7],
            "id": row[0],
        },
    )


def status_or_error(value: str) -> ConnectionStatus:
    return STATUS.get(value, ConnectionStatus.PROTOCOL_ERROR)


def worse(a: ConnectionStatus, b: ConnectionStatus) -> ConnectionStatus:
    return a if ALL_STATES.index(a) <= ALL_STATES.index(b) else b
