"""Where an authorization code may go: the one rule every path that sends a code obeys.

A code is worth an attacker's effort: it opens the mailbox and sends mail as its owner. The
places that suggest servers (DNS SRV records, autoconfig files, a guess, an imported settings
file, a provider file) can all be written by someone other than the user: an attacker on the
same Wi-Fi answering plain HTTP, a hostile DNS resolver, a tampered file mailed to an agency.
So a suggestion is never a setting. A code is sent to an endpoint only when all three hold:

a. **Encryption**: implicit TLS or STARTTLS (the probes refuse a STARTTLS that fails). Plain
   text only where the user typed the endpoint as plain or explicitly allowed it.
b. **Host**: one of the bundled catalogue's servers for the mailbox's provider, or a name under
   the address's own registrable domain (Public Suffix List, compared in IDNA A-label form), or
   one the user typed or confirmed for this address. Autoconfig fetched over plain HTTP and
   guessed hosts need confirmation even under the domain: anyone on the path could have
   answered them.
c. **Certificates**: the system's trust store, or CA certificates the user chose or confirmed
   by their SHA-256 fingerprint, kept with the account as PEM (a path on disk is not trusted:
   the file behind it can be swapped).

``refusals`` is the rule; ``checking.runner`` applies it before every login, so no caller can
forget it, and the CLI and the wizard use it first to explain what needs the user's consent.
"""

from __future__ import annotations

import dataclasses
import functools
import ipaddress
import re
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.model import Provider
from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.model.accounts import (
    Account,
    Endpoint,
    EndpointSource,
    Protocol,
    Security,
)
from mailmanager.core.model.certificates import BEGIN, END, ca_fingerprint


class RefusalKind(StrEnum):
    HOST = "host"
    PLAIN = "plain"
    CA = "ca"


# Reasons, English source texts in the "Trust" context (the UI translates them).
REASON_FOREIGN = QT_TRANSLATE_NOOP(
    "Trust", "%1 is not part of %2 and is not one of the provider's known servers"
)
REASON_UNVERIFIED = QT_TRANSLATE_NOOP(
    "Trust", "%1 was suggested by an unprotected source (plain HTTP or a guess)"
)
REASON_PLAIN = QT_TRANSLATE_NOOP(
    "Trust", "%1 would receive the code without encryption, and you did not choose that"
)
REASON_CA = QT_TRANSLATE_NOOP(
    "Trust", "the extra CA certificates (SHA-256 %1) were not chosen or confirmed by you"
)

# Sources that are suggestions even for a host under the address's own domain.
_UNPROTECTED = frozenset({EndpointSource.AUTOCONFIG_HTTP, EndpointSource.GUESSED})


@dataclass(frozen=True)
class Refusal:
    """One reason the rule refuses to send a code, and the consent that would lift it.

    Attributes:
        protocol: the endpoint's protocol (None for the CA, which serves both).
        kind: host, plain or ca.
        host, port: the endpoint concerned (empty for the CA).
        reason: English source text (context "Trust") with %1 (and %2) filled by ``message``.
        arguments: what %1 and %2 stand for.
        option: the CLI option that gives the consent, e.g. ``--trust-server mail.other.net``.
    """

    protocol: Protocol | None
    kind: RefusalKind
    host: str
    port: int
    reason: str
    arguments: tuple[str, ...]
    option: str

    def message(self, translate: Callable[[str], str] | None = None) -> str:
        """The reason with its host filled in (translated by ``translate`` when given)."""
        text = translate(self.reason) if translate is not None else self.reason
        for index, value in enumerate(self.arguments, start=1):
            text = text.replace(f"%{index}", value)
        return text


# -- names ------------------------------------------------------------------------------------


# What a host name may hold once in A-label form. Anything else is refused: the resolver and
# the TLS layer read such a name differently from this module (getaddrinfo and the certificate
# check stop at a NUL, so "evil.example\0.163.com" would be judged as a 163.com host but
# connect to evil.example).
_HOST_NAME = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")


# The name functions and a provider's hosts are pure and asked the same questions for thousands
# of mailboxes, so they are cached (10,000 mailboxes took 4.9 s at start before, 0.5 s after).
@functools.lru_cache(maxsize=4096)
def ascii_host(host: str) -> str:
    """``host`` in lower-case IDNA A-label form without a trailing dot; an IP address as is;
    "" for anything that is not a plain host name (not encodable, control characters, ...)."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if not name:
        return ""
    if _is_ip(name):
        return name
    try:
        encoded = name.encode("idna").decode("ascii")
    except UnicodeError:
        return ""
    return encoded if _HOST_NAME.fullmatch(encoded) else ""


def shown_host(host: str) -> str:
    """``host`` as a refusal names it: its A-label form, or escaped if it is not a host name
    (a NUL or a control character must not hide part of the name on the user's screen)."""
    return ascii_host(host) or host.encode("unicode_escape").decode("ascii")


@functools.lru_cache(maxsize=4096)
def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@functools.cache
def _psl() -> object:
    # The package ships a snapshot of the Public Suffix List; nothing is downloaded. The
    # private section counts too: under synology.me, duckdns.org or github.io anyone can get a
    # name (and a certificate for it), so bob.synology.me's mail must not go to eve.synology.me.
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


@functools.lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str | None:
    """The registrable domain of ``host`` (``mail.example.com.cn`` -> ``example.com.cn``).

    None for an IP address, a public suffix itself or a name that cannot be encoded.
    """
    name = ascii_host(host)
    if not name or _is_ip(name):
        return None
    found = _psl().privatesuffix(name)  # type: ignore[attr-defined]
    return str(found) if found else None


def under_domain(host: str, address_domain: str) -> bool:
    """Whether ``host`` lies under the registrable domain of the address's domain."""
    own = registrable_domain(address_domain)
    name = ascii_host(host)
    if not own or not name or _is_ip(name):
        # An IP address is never under a domain, not even a scoped IPv6 address whose zone
        # reads like one ("fe80::1%mail.163.com").
        return False
    return name == own or name.endswith("." + own)


@functools.cache
def bundled_catalogue() -> Catalogue:
    """The bundled catalogue alone: a user's provider file never vouches for a host.

    Loaded once per process: the bundled files do not change while it runs, and the rule is
    asked for every mailbox (the start-up review, ``list --json``, every check)."""
    return Catalogue.load(include_user=False)


@functools.lru_cache(maxsize=256)
def catalogue_hosts(provider: Provider | None) -> frozenset[str]:
    if provider is None or provider.user:
        return frozenset()
    hosts: set[str] = set()
    for group in provider.server_groups:
        hosts.update((ascii_host(group.imap.host), ascii_host(group.smtp.host)))
    return frozenset(hosts)


def _domain(address: str) -> str:
    return address.rpartition("@")[2]


def matched_provider(account: Account, catalogue: Catalogue) -> Provider | None:
    """The bundled provider whose servers count for this mailbox: its domain's, else the one
    the account names (a company domain on NetEase enterprise, found by MX)."""
    provider = catalogue.by_domain(ascii_host(_domain(account.address)))
    if provider is None and account.provider_id:
        provider = catalogue.get(account.provider_id)
    return provider if provider is not None and not provider.user else None


# -- the rule ---------------------------------------------------------------------------------


def endpoint_refusals(
    protocol: Protocol, endpoint: Endpoint, address: str, provider_hosts: frozenset[str]
) -> list[Refusal]:
    """What stops a code from going to this one endpoint (empty: it may go)."""
    origin = endpoint.origin
    host = shown_host(endpoint.host)
    found: list[Refusal] = []
    # A name that is not a plain host name can be neither agreed to nor in the catalogue.
    valid = bool(ascii_host(endpoint.host))
    agreed = valid and (origin.source is EndpointSource.TYPED or origin.confirmed_at is not None)
    in_catalogue = valid and host in provider_hosts
    if not agreed and not in_catalogue:
        domain = _domain(address)
        if origin.source in _UNPROTECTED:
            found.append(_host_refusal(protocol, endpoint, REASON_UNVERIFIED, (host,)))
        elif not under_domain(host, domain):
            shown = registrable_domain(domain) or domain
            found.append(_host_refusal(protocol, endpoint, REASON_FOREIGN, (host, shown)))
    if endpoint.security is Security.PLAIN:
        typed_plain = origin.source is EndpointSource.TYPED
        if not typed_plain and origin.plain_confirmed_at is None:
            where = endpoint.display() if valid else f"{host}:{endpoint.port}"
            found.append(
                Refusal(
                    protocol,
                    RefusalKind.PLAIN,
                    host,
                    endpoint.port,
                    REASON_PLAIN,
                    (where,),
                    f"--allow-plain {where}",
                )
            )
    return found


def _host_refusal(
    protocol: Protocol, endpoint: Endpoint, reason: str, arguments: tuple[str, ...]
) -> Refusal:
    host = shown_host(endpoint.host)
    return Refusal(
        protocol, RefusalKind.HOST, host, endpoint.port, reason, arguments, f"--trust-server {host}"
    )


_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]*")
_MARKER = re.compile(r"-----(?:BEGIN|END)")


@functools.lru_cache(maxsize=64)
def only_certificates(pem: str) -> bool:
    """Whether ``pem`` holds nothing but the certificates its fingerprint covers.

    ``ca_fingerprint`` reads ``BEGIN CERTIFICATE`` blocks only, while OpenSSL also loads
    ``BEGIN X509 CERTIFICATE`` blocks and reads headers inside a block: a file could show the
    fingerprint of the administrator's CA and smuggle in another one. Such a file is refused
    whatever was confirmed: every marker must be a CERTIFICATE one, every block plain base64,
    and OpenSSL must load exactly the fingerprinted certificates.
    """
    for marker in _MARKER.finditer(pem):
        if not pem.startswith(" CERTIFICATE-----", marker.end()):
            return False
    ders: set[bytes] = set()
    for block in pem.split(BEGIN)[1:]:
        body, found_end, _rest = block.partition(END)
        if not found_end:
            return False
        if not all(_BASE64_LINE.fullmatch(line.strip()) for line in body.splitlines()):
            return False
        try:
            ders.add(ssl.PEM_cert_to_DER_cert(BEGIN + body + END + "\n"))
        except ValueError:
            return False
    if not ders:
        return False
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        context.load_verify_locations(cadata=pem)
    except (ssl.SSLError, ValueError):
        return False
    loaded_cas = set(context.get_ca_certs(binary_form=True))
    return context.cert_store_stats()["x509"] == len(ders) and loaded_cas <= ders


def ca_refusal(account: Account) -> Refusal | None:
    """A refusal for extra CA certificates nobody agreed to (or a bare path), else None."""
    if account.ca_pem:
        try:
            fingerprint = ca_fingerprint(account.ca_pem)
        except ValueError:
            fingerprint = "?"
        if fingerprint == "?" or not only_certificates(account.ca_pem):
            # No confirmation counts: what would be trusted is not what the fingerprint names.
            return Refusal(
                None,
                RefusalKind.CA,
                "",
                0,
                REASON_CA,
                (f"{fingerprint}, in a file that also holds other content",),
                "--ca-file PEM (a file holding only the CA certificates)",
            )
        if account.ca_confirmed_at is not None:
            return None
    elif account.ca_file:
        fingerprint = "?"  # a path saved before CAs were kept as PEM: confirm it once
    else:
        return None
    return Refusal(
        None,
        RefusalKind.CA,
        "",
        0,
        REASON_CA,
        (fingerprint,),
        f"--trust-ca-file {fingerprint if fingerprint != '?' else 'SHA256'}",
    )


def refusals(
    account: Account,
    protocols: Iterable[Protocol] = (Protocol.IMAP, Protocol.SMTP),
    *,
    catalogue: Catalogue | None = None,
) -> list[Refusal]:
    """Everything that stops ``account``'s code from going to its servers (empty: go)."""
    provider = matched_provider(account, catalogue or bundled_catalogue())
    hosts = catalogue_hosts(provider)
    found: list[Refusal] = []
    for protocol in protocols:
        found += endpoint_refusals(protocol, account.endpoint(protocol), account.address, hosts)
    ca = ca_refusal(account)
    if ca is not None:
        found.append(ca)
    return found


# -- consent ----------------------------------------------------------------------------------


def confirm(
    account: Account,
    now: datetime,
    *,
    hosts: Iterable[str] = (),
    plain: Iterable[str] = (),
    ca_sha256: Iterable[str] = (),
    ca_pem_of_file: str | None = None,
) -> Account:
    """``account`` with the user's consent recorded.

    ``hosts``: host names the user trusts for this address; ``plain``: ``HOST:PORT`` allowed
    without encryption; ``ca_sha256``: fingerprints of CA certificates the user confirmed
    (``ca_pem_of_file``: the PEM read from a bare ``ca_file`` path of an earlier version, kept
    only when its fingerprint is among them).
    """
    wanted_hosts = {ascii_host(h) for h in hosts} - {""}
    wanted_plain = {p.strip().lower() for p in plain}
    changes: dict[str, object] = {}
    for protocol in (Protocol.IMAP, Protocol.SMTP):
        endpoint = account.endpoint(protocol)
        origin = endpoint.origin
        if ascii_host(endpoint.host) in wanted_hosts and origin.confirmed_at is None:
            origin = dataclasses.replace(origin, confirmed_at=now)
        if (
            endpoint.security is Security.PLAIN
            and endpoint.display().lower() in wanted_plain
            and origin.plain_confirmed_at is None
        ):
            origin = dataclasses.replace(origin, plain_confirmed_at=now)
        if origin is not endpoint.origin:
            changes[protocol.value] = endpoint.with_origin(origin)
    fingerprints = {f.strip().lower().replace(":", "") for f in ca_sha256}
    pem = account.ca_pem or ca_pem_of_file
    if (
        pem
        and account.ca_confirmed_at is None
        and only_certificates(pem)
        and ca_fingerprint(pem) in fingerprints
    ):
        changes["ca_pem"] = pem
        changes["ca_confirmed_at"] = now
    return account.replace(**changes) if changes else account


def accept(account: Account, refused: Iterable[Refusal], now: datetime) -> Account:
    """``account`` with the consent that lifts exactly these refusals (the boxes a user ticked
    on the wizard's confirmation page or in the start-up dialog)."""
    chosen = list(refused)
    return confirm(
        account,
        now,
        hosts=[r.host for r in chosen if r.kind is RefusalKind.HOST],
        plain=[r.arguments[0] for r in chosen if r.kind is RefusalKind.PLAIN],
        ca_sha256=[r.arguments[0] for r in chosen if r.kind is RefusalKind.CA],
    )
