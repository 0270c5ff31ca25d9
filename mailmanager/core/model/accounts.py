"""The account model: what the app knows about one bound mailbox (never its secret).

These are plain dataclasses shared by the store, the registry, the checker, the CLI and the UI.
Timestamps are timezone-aware ``datetime`` values (stored as ISO 8601 with their offset); the
code's creation and expiry are calendar ``date`` values, as providers show them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum

from mailmanager.core.model.status import ConnectionStatus

DEFAULT_ROTATE_DAYS = 90


class Security(StrEnum):
    """How a connection is secured. ``plain`` only when the user chose it explicitly."""

    SSL = "ssl"
    STARTTLS = "starttls"
    PLAIN = "plain"


class Protocol(StrEnum):
    IMAP = "imap"
    SMTP = "smtp"


class EndpointSource(StrEnum):
    """Where an endpoint's host, port and security came from (see ``core.trust``).

    Only ``catalogue`` (the bundled catalogue) and ``typed`` (the user entered it) carry the
    user's agreement by themselves; every other source is a suggestion that the trust rule
    accepts only under the address's own domain, or once the user confirmed it.
    """

    CATALOGUE = "catalogue"
    TYPED = "typed"
    SRV = "srv"
    AUTOCONFIG_HTTPS = "autoconfig_https"
    AUTOCONFIG_HTTP = "autoconfig_http"
    GUESSED = "guessed"
    IMPORT_FILE = "import_file"
    PROVIDER_FILE = "provider_file"
    # Saved before sources were kept (store version 2): trusted only where the rule says so.
    EARLIER = "earlier"


@dataclass(frozen=True)
class Origin:
    """An endpoint's provenance and the user's consent to it.

    Attributes:
        source: where the endpoint came from.
        detail: the provider and group, the URL, the file name or the DNS record it came from.
        confirmed_at: when the user confirmed this host for this address (None: never).
        plain_confirmed_at: when the user allowed this endpoint without encryption.
    """

    source: EndpointSource = EndpointSource.TYPED
    detail: str = ""
    confirmed_at: datetime | None = None
    plain_confirmed_at: datetime | None = None


TYPED = Origin(EndpointSource.TYPED)


@dataclass(frozen=True)
class Endpoint:
    """One server an account logs in to, with where it came from (not part of equality)."""

    host: str
    port: int
    security: Security
    username: str = ""
    origin: Origin = field(default=TYPED, compare=False)

    def same_server(self, other: Endpoint) -> bool:
        """Whether ``other`` names the same server (host, port, security), whoever logs in:
        an editor keeps a server's origin as long as the user leaves it as it was."""
        return (self.host, self.port, self.security) == (other.host, other.port, other.security)

    def with_origin(self, origin: Origin) -> Endpoint:
        return dataclasses.replace(self, origin=origin)

    def with_username(self, username: str) -> Endpoint:
        return dataclasses.replace(self, username=username)

    def display(self) -> str:
        """``host:port`` with an IPv6 literal in brackets."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


class CredentialEventKind(StrEnum):
    CREATED = "created"
    ROTATED = "rotated"
    EXPIRED = "expired"
    REMOVED = "removed"
    WEB_LOGIN = "web_login"


def utcnow() -> datetime:
    """The current time, timezone-aware (UTC). Injected clocks replace this in tests."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Account:
    """One bound mailbox.

    Attributes:
        id: the store's row id, None before the account is saved.
        address: the normalised e-mail address; unique in the store.
        imap, smtp: the servers; usernames default to the address.
        ca_file: the path an extra CA bundle was chosen from (kept for display and for
            mailboxes saved before ``ca_pem`` existed; never read to connect).
        ca_pem: the extra CA certificates (PEM) trusted for this mailbox's servers, or None
            for the system's trust store only.
        ca_confirmed_at: when the user chose or confirmed ``ca_pem`` (by its SHA-256).
        credential_label: which client the code was made for (the provider shows this name).
        code_created / code_expires: the code's dates; expiry None where codes do not expire.
        rotate_days: how old a code may get before a rotation reminder.
        paused: automatic checks are off.
        needs_code: no secret is stored yet (restored from an export).
        check_interval_hours: per-account schedule, None for the global default.
        last_web_login: the last time the user confirmed logging in on the web (inactivity rule).
        sending_since: when the mailbox began sending (sending-volume guidance).
        group: the group the mailbox belongs to (a client, a team, a campaign); '' for none.
    """

    address: str
    imap: Endpoint
    smtp: Endpoint
    display_name: str = ""
    provider_id: str | None = None
    ca_file: str | None = None
    ca_pem: str | None = None
    ca_confirmed_at: datetime | None = None
    credential_label: str = ""
    code_created: date | None = None
    code_expires: date | None = None
    rotate_days: int = DEFAULT_ROTATE_DAYS
    paused: bool = False
    needs_code: bool = False
    check_interval_hours: int | None = None
    last_web_login: date | None = None
    sending_since: date | None = None
    group: str = ""
    id: int | None = None
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)

    def endpoint(self, protocol: Protocol) -> Endpoint:
        return self.imap if protocol is Protocol.IMAP else self.smtp

    def replace(self, **changes: object) -> Account:
        """A copy with ``changes`` applied (dataclasses.replace with a shorter name)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CheckRecord:
    """One protocol check of one account, as kept in the history.

    ``server_message`` has had every secret redacted before it gets here.
    """

    account_id: int
    checked_at: datetime
    protocol: Protocol
    status: ConnectionStatus
    hint_id: str = ""
    server_message: str = ""
    elapsed_ms: int = 0
    id: int | None = None


@dataclass(frozen=True)
class CredentialEvent:
    """Something that happened to an account's code (never the code itself)."""

    account_id: int
    at: datetime
    kind: CredentialEventKind
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class AccountSummary:
    """What the main list shows for an account: the account and its latest checks."""

    account: Account
    last_imap: CheckRecord | None = None
    last_smtp: CheckRecord | None = None

    @property
    def last_checked(self) -> datetime | None:
        times = [r.checked_at for r in (self.last_imap, self.last_smtp) if r is not None]
        return max(times) if times else None

    @property
    def connection_statuses(self) -> list[ConnectionStatus]:
        return [r.status for r in (self.last_imap, self.last_smtp) if r is not None]
