"""The export file: every account's settings, never a code, as versioned JSON.

Why a format of its own rather than a copy of the database: an export is what a user keeps as a
backup or carries to another machine, so it must be readable, stable across schema changes and
free of secrets by construction (the Account model holds no secret, and this module writes only
the fields listed here). Restored accounts come back marked ``needs_code``: their codes have to
be entered again, because the codes were never in the file.

Format (``format`` and ``version`` are checked on import; a newer version is refused rather
than half-read)::

    {"format": "mailmanager-accounts", "version": 3, "exported_at": "...+00:00",
     "accounts": [{"address": ..., "imap": {"host", "port", "security", "username",
                   "source", "source_detail"}, ..., "ca_pem": ...,
                   "codes": [{"label", "own", "state", "created", "expires", "revoked",
                              "last_proven", "note"}]}]}

Version 2 added each endpoint's source and the extra CA certificates as PEM; version 3 the
mailbox's group; version 4 the code inventory's records (issue 19: never a value, and no
"kept": an imported code is never in the keyring). Files of every earlier version still import.

An import never makes anything trusted (``core.trust``): every endpoint comes back with the
source ``import_file`` and no confirmation, and CA certificates come back unconfirmed, whatever
the file says. A file is easy to tamper with or to be sent by someone else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mailmanager.core.model import address as address_rules
from mailmanager.core.model import limits
from mailmanager.core.model.accounts import (
    DEFAULT_ROTATE_DAYS,
    Account,
    Endpoint,
    EndpointSource,
    Origin,
    Security,
    utcnow,
)
from mailmanager.core.model.certificates import ca_fingerprint
from mailmanager.core.model.codes import CodeRecord, CodeState, LabelError, clean_label

FORMAT = "mailmanager-accounts"
VERSION = 4


class ExportFormatError(ValueError):
    """The file is not a mailmanager export this version can read; the message says why."""


@dataclass(frozen=True)
class ParsedExport:
    """What an export file holds: the accounts that could be read and the entries that could
    not (index and reason), so one bad entry does not lose the others."""

    accounts: list[Account]
    problems: list[tuple[int, str]]
    # The code inventory by address (version 4 on; ``account_id`` is 0 until imported).
    codes: dict[str, list[CodeRecord]] = field(default_factory=dict)


def _endpoint_to_json(endpoint: Endpoint) -> dict[str, Any]:
    return {
        "host": endpoint.host,
        "port": endpoint.port,
        "security": endpoint.security.value,
        "username": endpoint.username,
        "source": endpoint.origin.source.value,
        "source_detail": endpoint.origin.detail,
    }


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def account_to_json(account: Account) -> dict[str, Any]:
    """The settings of ``account`` (never a secret: the model holds none)."""
    return {
        "address": account.address,
        "display_name": account.display_name,
        "provider_id": account.provider_id,
        "imap": _endpoint_to_json(account.imap),
        "smtp": _endpoint_to_json(account.smtp),
        "ca_file": account.ca_file,
        "ca_pem": account.ca_pem,
        "credential_label": account.credential_label,
        "code_created": _day(account.code_created),
        "code_expires": _day(account.code_expires),
        "rotate_days": account.rotate_days,
        "paused": account.paused,
        "check_interval_hours": account.check_interval_hours,
        "last_web_login": _day(account.last_web_login),
        "sending_since": _day(account.sending_since),
        "group": account.group,
    }


def code_to_json(code: CodeRecord) -> dict[str, Any]:
    """A code's record (never its value, and not whether it is kept: see the docstring)."""
    return {
        "label": code.label,
        "own": code.own,
        "state": code.state.value,
        "created": _day(code.created),
        "expires": _day(code.expires),
        "revoked": _day(code.revoked),
        "last_proven": code.last_proven.isoformat() if code.last_proven else None,
        "note": code.note,
    }


def export_document(
    accounts: list[Account],
    now: datetime | None = None,
    codes: dict[int, list[CodeRecord]] | None = None,
) -> dict[str, Any]:
    """The export of ``accounts``, with each one's code inventory from ``codes`` (by id)."""
    entries = []
    for account in accounts:
        entry = account_to_json(account)
        if codes is not None and account.id is not None:
            entry["codes"] = [code_to_json(c) for c in codes.get(account.id, [])]
        entries.append(entry)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or utcnow()).isoformat(timespec="seconds"),
        "accounts": entries,
    }


def dumps(
    accounts: list[Account],
    now: datetime | None = None,
    codes: dict[int, list[CodeRecord]] | None = None,
) -> str:
    document = export_document(accounts, now, codes)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- reading -------------------------------------------------------------------------------


def _str(entry: dict[str, Any], key: str, default: str = "") -> str:
    value = entry.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text")
    return _encodable(value, key)


def _encodable(value: str, key: str) -> str:
    # A JSON escape such as \udcff gives a lone surrogate that SQLite (and every server)
    # refuses to encode.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{key} is not valid text") from None
    return value


def _opt_str(entry: dict[str, Any], key: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text")
    return _encodable(value, key) or None


def _opt_day(entry: dict[str, Any], key: str) -> date | None:
    value = _opt_str(entry, key)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{key} {value!r} is not a date (YYYY-MM-DD)") from None


def _int(
    entry: dict[str, Any], key: str, default: int | None, *, low: int = 1, high: int
) -> int | None:
    value = entry.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{key} must be a whole number from {low} to {high}")
    return value


def _endpoint(entry: dict[str, Any], key: str) -> Endpoint:
    raw = entry.get(key)
    if not isinstance(raw, dict):
        raise ValueError(f"{key} server settings are missing")
    host = address_rules.bare_server_name(_str(raw, "host"))
    if not host:
        raise ValueError(f"{key} host is empty")
    port = raw.get("port")
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ValueError(f"{key} port must be between 1 and 65535")
    try:
        security = Security(_str(raw, "security"))
    except ValueError:
        raise ValueError(f"{key} security must be ssl, starttls or plain") from None
    # Whatever the file claims, the endpoint now comes from a file: a suggestion, unconfirmed.
    claimed = _str(raw, "source")[:40]
    detail = f"was {claimed}" if claimed else ""
    origin = Origin(EndpointSource.IMPORT_FILE, detail)
    return Endpoint(host, port, security, _str(raw, "username"), origin=origin)


MAX_CA_PEM = 256 * 1024


def _ca_pem(entry: dict[str, Any]) -> str | None:
    pem = _opt_str(entry, "ca_pem")
    if pem is None:
        return None
    if len(pem) > MAX_CA_PEM or "-----BEGIN CERTIFICATE-----" not in pem:
        raise ValueError("ca_pem is not a PEM certificate list")
    try:
        ca_fingerprint(pem)
    except ValueError:
        raise ValueError("ca_pem is not a PEM certificate list") from None
    return pem


def account_from_json(entry: Any) -> Account:
    """One account from an export entry, marked as needing its code; ValueError if invalid."""
    if not isinstance(entry, dict):
        raise ValueError("an account entry must be an object")
    try:
        canonical = address_rules.normalise_address(_str(entry, "address"))
    except address_rules.AddressError as exc:
        raise ValueError(f"invalid address: {exc}") from None
    paused = entry.get("paused", False)
    if not isinstance(paused, bool):
        raise ValueError("paused must be true or false")
    # The limits are core.model.limits'; 0 is "never remind". A reminder an earlier version
    # could write (1-6 or 3651-36,500 days) is moved to the nearest allowed one, so a backup
    # loses no mailbox; anything beyond is not a reminder but a damaged or made-up file.
    rotate_days = _int(
        entry, "rotate_days", DEFAULT_ROTATE_DAYS, low=0, high=limits.EARLIER_MAX_ROTATE_DAYS
    )
    account = Account(
        address=canonical,
        imap=_endpoint(entry, "imap"),
        smtp=_endpoint(entry, "smtp"),
        display_name=_str(entry, "display_name"),
        provider_id=_opt_str(entry, "provider_id"),
        ca_file=_opt_str(entry, "ca_file"),
        ca_pem=_ca_pem(entry),
        credential_label=_str(entry, "credential_label"),
        code_created=_opt_day(entry, "code_created"),
        code_expires=_opt_day(entry, "code_expires"),
        rotate_days=(
            limits.nearest_rotate_days(rotate_days)
            if rotate_days is not None
            else DEFAULT_ROTATE_DAYS
        ),
        paused=paused,
        needs_code=True,
        check_interval_hours=_int(
            entry,
            "check_interval_hours",
            None,
            low=limits.MIN_CHECK_INTERVAL_HOURS,
            high=limits.MAX_CHECK_INTERVAL_HOURS,
        ),
        last_web_login=_opt_day(entry, "last_web_login"),
        sending_since=_opt_day(entry, "sending_since"),
        group=limits.clean_group(_str(entry, "group")),
    )
    # The same rules as `add` and the edit dialog: server names, ports, lengths.
    problem = limits.account_problem(account)
    if problem is not None:
        raise ValueError(problem)
    return account


def loads(text: str) -> ParsedExport:
    """Read an export; ExportFormatError when the file as a whole cannot be used."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExportFormatError(f"not a JSON file (line {exc.lineno}: {exc.msg})") from None
    except (ValueError, RecursionError):  # a 5,000-digit number, nesting thousands deep
        raise ExportFormatError("not a JSON file this program can read") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExportFormatError("not a mailmanager account export")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExportFormatError("the export has no valid format version")
    if version > VERSION:
        raise ExportFormatError(
            f"the export is format version {version}, newer than this mailmanager reads "
            f"({VERSION}); update mailmanager"
        )
    entries = document.get("accounts")
    if not isinstance(entries, list):
        raise ExportFormatError("the export has no account list")
    accounts: list[Account] = []
    problems: list[tuple[int, str]] = []
    codes: dict[str, list[CodeRecord]] = {}
    for index, entry in enumerate(entries):
        try:
            account = account_from_json(entry)
            found = codes_from_json(entry)
        except ValueError as exc:
            problems.append((index, str(exc)))
            continue
        accounts.append(account)
        if found:
            codes[account.address.lower()] = found
    return ParsedExport(accounts, problems, codes)


MAX_CODES = 1000
_CODE_STATES = {member.value: member for member in CodeState}


def codes_from_json(entry: dict[str, Any]) -> list[CodeRecord]:
    """An account entry's code records (none before version 4). A second record with a label
    already seen is left out (labels are unique per mailbox); the own one is the one marked
    so, or none (the store then makes it from the account)."""
    raw = entry.get("codes")
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > MAX_CODES:
        raise ValueError("codes must be a list of code records")
    found: list[CodeRecord] = []
    seen: set[str] = set()
    own_seen = False
    for item in raw:
        if not isinstance(item, dict):
            raise ValueError("a code record must be an object")
        try:
            label = clean_label(_str(item, "label"))
        except LabelError as exc:
            raise ValueError(f"code label: {exc}") from None
        state = _CODE_STATES.get(_str(item, "state", CodeState.UNKNOWN.value))
        if state is None:
            raise ValueError(
                "a code's state must be in_use, revoked, invalidated, expired or unknown"
            )
        own = item.get("own", False) is True and not own_seen
        proven = _opt_str(item, "last_proven")
        try:
            last_proven = datetime.fromisoformat(proven) if proven else None
        except ValueError:
            raise ValueError(f"last_proven {proven!r} is not a time") from None
        if last_proven is not None and last_proven.tzinfo is None:
            raise ValueError("last_proven needs its time zone")
        if label.casefold() in seen:
            continue
        seen.add(label.casefold())
        own_seen = own_seen or own
        found.append(
            CodeRecord(
                0,
                label,
                created=_opt_day(item, "created"),
                expires=_opt_day(item, "expires"),
                last_proven=last_proven,
                state=state,
                revoked=_opt_day(item, "revoked"),
                kept=False,
                own=own,
                note=limits.without_control_characters(_str(item, "note"))[:1000],
            )
        )
    return found
