"""From a spreadsheet row to a candidate mailbox, or the reason it is not one. Pure: no I/O.

The rules (issue 20, items 1-2):

* Security: a security column wins; without one, ports 993 and 465 mean implicit TLS, 143 and
  587 STARTTLS, and any other port makes the row invalid (guessing could send a code in plain
  text, or fail in ways the user cannot read).
* Servers absent from the row come from the catalogue (``needs_servers`` asks the batch to
  detect them for domains the catalogue does not know).
* One code per mailbox: an IMAP and an SMTP password that differ make the row invalid.
* A code Excel turned into a number that lost digits is invalid, never "corrected": a float
  that is not a whole number, scientific notation, or fewer characters than the provider's
  codes have.
* An address seen on an earlier row is a duplicate; one already in the store is a duplicate
  (never overwritten) or unchanged when its servers are the same.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from mailmanager.core.bulk import gc_paused
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.model import Provider
from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.model import address as address_rules
from mailmanager.core.model import limits
from mailmanager.core.model.accounts import (
    Account,
    Endpoint,
    EndpointSource,
    Origin,
    Protocol,
    Security,
    utcnow,
)
from mailmanager.core.table_import.headers import ColumnMap, Field
from mailmanager.core.table_import.model import ImportRow, Reason, Result
from mailmanager.core.table_import.reading import LOST_DIGITS, Row

BAD_ADDRESS = QT_TRANSLATE_NOOP("TableImport", "not a valid address: %1")
NO_CODE = QT_TRANSLATE_NOOP("TableImport", "the row has no code")
TWO_CODES = QT_TRANSLATE_NOOP(
    "TableImport", "the IMAP and SMTP passwords differ (a mailbox has one authorization code)"
)
LOST = QT_TRANSLATE_NOOP(
    "TableImport",
    "the code was stored as a number and lost digits: format the column as Text and type it again",
)
SHORT_CODE = QT_TRANSLATE_NOOP(
    "TableImport", "the code has %1 characters but %2 codes have %3: it may have lost digits"
)
BAD_CODE = QT_TRANSLATE_NOOP("TableImport", "the code holds line breaks or control characters")
OAUTH_ONLY = QT_TRANSLATE_NOOP("TableImport", "%1 no longer accepts authorization codes")
BAD_PORT = QT_TRANSLATE_NOOP("TableImport", "%1 port %2 is not a number between 1 and 65535")
PORT_NEEDS_SECURITY = QT_TRANSLATE_NOOP(
    "TableImport",
    "%1 port %2 is not a standard port: add a security column (ssl, starttls or plain)",
)
BAD_SECURITY = QT_TRANSLATE_NOOP("TableImport", "%1 security %2 is not ssl, starttls or plain")
NO_HOST = QT_TRANSLATE_NOOP(
    "TableImport", "the %1 server is missing and the provider of %2 is not in the catalogue"
)
BAD_FIELD = QT_TRANSLATE_NOOP("TableImport", "cannot keep this row: %1")
DUPLICATE_ROW = QT_TRANSLATE_NOOP("TableImport", "the address is already on row %1")
EXISTS = QT_TRANSLATE_NOOP(
    "TableImport", "already in the list with other settings (it is never overwritten)"
)
SAME = QT_TRANSLATE_NOOP("TableImport", "already in the list with these settings")

MAX_SHOWN = 254  # the longest address shown for an invalid row
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE][+-]?[0-9]+")
_SECURITY_WORDS: dict[str, Security] = {
    **dict.fromkeys(
        ("ssl", "tls", "ssl/tls", "implicit", "implicit tls", "是", "ssl加密"), Security.SSL
    ),
    **dict.fromkeys(("starttls", "start tls", "start-tls"), Security.STARTTLS),
    **dict.fromkeys(("plain", "none", "no", "off", "无", "否", "不加密", "明文"), Security.PLAIN),
}
_PORT_SECURITY = {
    993: Security.SSL,
    465: Security.SSL,
    143: Security.STARTTLS,
    587: Security.STARTTLS,
}


@dataclass(frozen=True)
class Defaults:
    """What the command line or the dialog gives every row that does not say otherwise."""

    group: str = ""
    label: str = ""
    ca_file: str | None = None
    ca_pem: str | None = None
    ca_confirmed_at: datetime | None = None
    source_name: str = ""  # the file's name, kept with the servers' origin
    # The provider the user chose for a batch of one provider (the app's paste mode): used
    # for addresses whose domain the catalogue does not know (a company domain).
    provider_id: str | None = None
    # Servers found by detection (MX, SRV, autoconfig, a guess) for domains the catalogue does
    # not know, per domain: (IMAP, SMTP, provider id). Their origins go with them, and the
    # trust rule judges them like any other suggestion.
    detected: Mapping[str, tuple[Endpoint, Endpoint, str | None]] = field(default_factory=dict)
    # One time stamp for every candidate (the store sets its own when a row is saved).
    now: datetime = field(default_factory=utcnow)


def default_label(today: datetime) -> str:
    """The dated label a code gets when the row and the user name none."""
    return f"mailmanager {today:%Y-%m}"


class _Invalid(Exception):
    def __init__(self, template: str, *arguments: str) -> None:
        super().__init__(template)
        self.reason = Reason(template, arguments)


def build_rows(
    rows: Iterable[Row],
    columns: ColumnMap,
    catalogue: Catalogue,
    existing: Callable[[str], Account | None],
    defaults: Defaults,
) -> Iterator[ImportRow]:
    """Each non-blank row as an ``ImportRow`` (invalid, duplicate, unchanged or a candidate)."""
    first_row: dict[str, int] = {}
    for row in rows:
        if row.is_blank():
            continue
        built = _build(row, columns, catalogue, defaults)
        if built.account is not None:
            key = built.account.address.lower()
            if key in first_row:
                built.result = Result.DUPLICATE
                built.reason = Reason(DUPLICATE_ROW, (str(first_row[key]),))
            else:
                first_row[key] = row.number
                _against_store(built, existing(built.account.address))
        yield built


def build_list(
    rows: Iterable[Row],
    columns: ColumnMap,
    catalogue: Catalogue,
    existing: Callable[[str], Account | None],
    defaults: Defaults,
) -> list[ImportRow]:
    """``build_rows`` into a list, with the cyclic garbage collector paused: thousands of
    rows make hundreds of thousands of objects and no cycles (``core.bulk``)."""
    with gc_paused():
        return list(build_rows(rows, columns, catalogue, existing, defaults))


def _against_store(row: ImportRow, stored: Account | None) -> None:
    assert row.account is not None
    if stored is None:
        return
    new = row.account
    same = all(
        (a.host, a.port, a.security, a.username) == (b.host, b.port, b.security, b.username)
        for a, b in ((new.imap, stored.imap), (new.smtp, stored.smtp))
    )
    if same and not stored.needs_code:
        row.result, row.reason = Result.UNCHANGED, Reason(SAME)
    else:
        row.result, row.reason = Result.DUPLICATE, Reason(EXISTS)


class _Cells(dict[Field, str]):
    """A row's cells by field; a field the row lacks reads as "" (a dict: calls are cheap,
    and 10,000 rows make 200,000 of them)."""

    __slots__ = ()

    def __missing__(self, key: Field) -> str:
        return ""


# The protocol-specific fields, bound once (an enum member's look-up is not free).
_SPECS = (
    (Protocol.IMAP, 0, Field.IMAP_HOST, Field.IMAP_PORT, Field.IMAP_SECURITY, Field.IMAP_USERNAME),
    (Protocol.SMTP, 1, Field.SMTP_HOST, Field.SMTP_PORT, Field.SMTP_SECURITY, Field.SMTP_USERNAME),
)
_ADDRESS, _CODE, _IMAP_PASSWORD, _SMTP_PASSWORD = (
    Field.ADDRESS,
    Field.CODE,
    Field.IMAP_PASSWORD,
    Field.SMTP_PASSWORD,
)
_USERNAME, _SECURITY, _DISPLAY_NAME, _LABEL, _GROUP = (
    Field.USERNAME,
    Field.SECURITY,
    Field.DISPLAY_NAME,
    Field.LABEL,
    Field.GROUP,
)


def _build(row: Row, columns: ColumnMap, catalogue: Catalogue, defaults: Defaults) -> ImportRow:
    cells = row.cells
    width = len(cells)
    cell = _Cells(
        {
            field: (cells[index] if cells[index] == LOST_DIGITS else cells[index].strip())
            for field, index in columns.columns.items()
            if index < width
        }
    )

    typed = cell[_ADDRESS]
    result = ImportRow(row.number, typed if typed != LOST_DIGITS else "")
    try:
        try:
            parsed = address_rules.parse_address(result.address)
        except address_rules.AddressError as exc:
            # A cell without an '@' is not echoed: a column mapped the wrong way round would
            # otherwise print codes where addresses belong.
            result.address = result.address[:MAX_SHOWN] if "@" in result.address else ""
            raise _Invalid(BAD_ADDRESS, str(exc)) from None
        result.address = parsed.address
        provider = catalogue.by_domain(parsed.domain)
        if provider is None and defaults.provider_id:
            provider = catalogue.get(defaults.provider_id)
        found = defaults.detected.get(parsed.domain) if provider is None else None
        if found is not None and found[2]:
            provider = catalogue.get(found[2])  # recognised by its MX, as `add` does
        result.provider = provider
        if provider is not None and provider.oauth_only:
            raise _Invalid(OAUTH_ONLY, provider.name("en"))
        # Not registered with ``redact`` here: nothing logs a cell, and the probes and the
        # registry register a code before it is sent or stored (10,000 registrations would
        # slow every later log line).
        result.secret = _code(cell, provider)
        result.account = _account(parsed, cell, provider, defaults)
    except _Invalid as exc:
        result.account = None
        result.secret = ""
        result.result = Result.INVALID
        result.reason = exc.reason
    return result


def _code(cell: _Cells, provider: Provider | None) -> str:
    values = [cell[_CODE], cell[_IMAP_PASSWORD], cell[_SMTP_PASSWORD]]
    given = [v for v in values if v]
    if not given:
        raise _Invalid(NO_CODE)
    if any(v == LOST_DIGITS or _SCIENTIFIC.fullmatch(v) for v in given):
        raise _Invalid(LOST)
    fmt = provider.credential.format if provider is not None else None
    normalised = {fmt.normalise(v) if fmt is not None else v for v in given}
    if len(normalised) > 1:
        raise _Invalid(TWO_CODES)
    code = normalised.pop()
    if limits.has_control_characters(code):
        raise _Invalid(BAD_CODE)
    if fmt is not None and provider is not None and fmt.length and len(code) < fmt.length:
        raise _Invalid(SHORT_CODE, str(len(code)), provider.name("en"), str(fmt.length))
    return code


def _account(
    parsed: address_rules.Address,
    cell: _Cells,
    provider: Provider | None,
    defaults: Defaults,
) -> Account:
    origin = _origin(defaults.source_name)
    address = parsed.address  # a property that builds the string: once
    catalogue_pair: tuple[Endpoint, Endpoint] | None = None
    if provider is not None and not provider.user:
        group = provider.groups_for(parsed.domain)[0]
        catalogue_pair = provider.endpoints_for(parsed, group)
    elif parsed.domain in defaults.detected:
        imap, smtp, _provider_id = defaults.detected[parsed.domain]
        catalogue_pair = (imap.with_username(address), smtp.with_username(address))
    endpoints: dict[Protocol, Endpoint] = {}
    for protocol, side, host_f, port_f, sec_f, user_f in _SPECS:
        user = cell[user_f] or cell[_USERNAME]
        host = address_rules.bare_server_name(cell[host_f])
        if not host:
            if catalogue_pair is None:
                raise _Invalid(NO_HOST, protocol.value.upper(), parsed.domain)
            found = catalogue_pair[side]
            endpoints[protocol] = found.with_username(user) if user else found
            continue
        security = _security(protocol, cell[sec_f] or cell[_SECURITY], cell[port_f])
        port = _port(protocol, cell[port_f], security)
        if not user:
            user = address
            if catalogue_pair is not None:
                user = catalogue_pair[side].username
        endpoints[protocol] = Endpoint(host, port, security, user, origin)
    account = Account(
        address=address,
        imap=endpoints[Protocol.IMAP],
        smtp=endpoints[Protocol.SMTP],
        display_name=limits.without_control_characters(cell[_DISPLAY_NAME]).strip(),
        provider_id=provider.id if provider is not None else _detected_provider(parsed, defaults),
        credential_label=cell[_LABEL] or defaults.label,
        group=limits.clean_group(cell[_GROUP] or defaults.group),
        ca_file=defaults.ca_file,
        ca_pem=defaults.ca_pem,
        ca_confirmed_at=defaults.ca_confirmed_at,
        created_at=defaults.now,
        updated_at=defaults.now,
    )
    problem = limits.account_problem(account)
    if problem is not None:
        raise _Invalid(BAD_FIELD, problem)
    return account


@functools.lru_cache(maxsize=16)
def _origin(source_name: str) -> Origin:
    return Origin(EndpointSource.IMPORT_FILE, source_name)


def _detected_provider(parsed: address_rules.Address, defaults: Defaults) -> str | None:
    found = defaults.detected.get(parsed.domain)
    return found[2] if found is not None else None


def needs_detection(rows: Iterable[ImportRow]) -> set[str]:
    """The domains of rows that lack servers the catalogue could give (for detection)."""
    return {
        r.address.rpartition("@")[2]
        for r in rows
        if r.reason is not None and r.reason.template == NO_HOST and "@" in r.address
    }


def _security(protocol: Protocol, text: str, port_text: str) -> Security:
    if text:
        found = _SECURITY_WORDS.get(text.strip().lower())
        if found is None:
            raise _Invalid(BAD_SECURITY, protocol.value.upper(), _shown(text))
        return found
    if not port_text:
        return Security.SSL
    port = _number(port_text)
    if port is None or not 0 < port < 65536:
        raise _Invalid(BAD_PORT, protocol.value.upper(), _shown(port_text))
    standard = _PORT_SECURITY.get(port)
    if standard is None:
        raise _Invalid(PORT_NEEDS_SECURITY, protocol.value.upper(), str(port))
    return standard


def _port(protocol: Protocol, text: str, security: Security) -> int:
    if not text:
        return limits.default_port(protocol, security)
    port = _number(text)
    if port is None or not 0 < port < 65536:
        raise _Invalid(BAD_PORT, protocol.value.upper(), _shown(text))
    return port


def _number(text: str) -> int | None:
    text = text.strip()
    if text.endswith(".0"):  # a port Excel kept as a float
        text = text[:-2]
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None


# The longest setting cell echoed in a reason. A port has at most 5 digits and a security word
# a few letters; a longer cell may be a code that landed in the wrong column (a file whose
# columns were swapped by hand), and a reason is printed, kept in JSON and shown on screen.
MAX_ECHOED = 6


def _shown(text: str) -> str:
    if text == LOST_DIGITS:
        return "?"
    if len(text) <= MAX_ECHOED:
        return text
    return f"({len(text)} characters)"


def existing_lookup(accounts: Iterable[Account]) -> Callable[[str], Account | None]:
    """A look-up by address (without case) over the accounts already in the store."""
    by_address: Mapping[str, Account] = {a.address.lower(): a for a in accounts}
    return lambda address: by_address.get(address.lower())
