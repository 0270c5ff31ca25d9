"""What detection returns, and where its network steps connect: plain data, no I/O.

Kept apart from detector.py (the steps themselves) so that the wizard and the CLI can import the
result types and the note texts without pulling in the network code. The notes are English
source strings marked for Qt's translator in the "Detection" context; the UI translates them.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field

from mailmanager.core.catalogue.model import Provider, Source, Text
from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.model.accounts import Endpoint, Protocol, Security
from mailmanager.core.model.limits import default_port

# Notes are English source strings, translated by the UI in the "Detection" context.
NOTE_CATALOGUE = QT_TRANSLATE_NOOP("Detection", "Settings from the built-in provider catalogue.")
NOTE_USER = QT_TRANSLATE_NOOP("Detection", "Settings from a provider you imported.")
NOTE_MX = QT_TRANSLATE_NOOP("Detection", "Recognised from the domain's mail (MX) servers.")
NOTE_SRV = QT_TRANSLATE_NOOP("Detection", "Settings published by the domain in DNS (SRV records).")
NOTE_AUTOCONFIG = QT_TRANSLATE_NOOP("Detection", "Settings from the domain's autoconfig file.")
NOTE_AUTOCONFIG_HTTP = QT_TRANSLATE_NOOP(
    "Detection", "The autoconfig file came over plain HTTP: check the servers before trusting them."
)
NOTE_GUESS = QT_TRANSLATE_NOOP(
    "Detection", "Guessed from common server names: the servers answered, but check them."
)
NOTE_PARTIAL = QT_TRANSLATE_NOOP(
    "Detection", "Only part of the settings could be found: enter the rest by hand."
)
NOTE_NOTHING = QT_TRANSLATE_NOOP(
    "Detection", "No settings found for this domain: choose the provider or enter the servers."
)
NOTE_OFFLINE = QT_TRANSLATE_NOOP(
    "Detection", "Network look-ups were skipped; only the built-in catalogue was searched."
)
NOTE_DNS_TIMEOUT = QT_TRANSLATE_NOOP(
    "Detection", "The DNS server did not answer in time; detection may be incomplete."
)
NOTE_NO_DNS = QT_TRANSLATE_NOOP("Detection", "No DNS server is configured on this computer.")
NOTE_CANCELLED = QT_TRANSLATE_NOOP("Detection", "Detection was cancelled.")
NOTE_UNCONFIRMED = QT_TRANSLATE_NOOP(
    "Detection", "Some of these settings are unconfirmed: please double-check them."
)
NOTE_OAUTH_ONLY = QT_TRANSLATE_NOOP(
    "Detection", "This provider accepts no passwords from mail clients any more (OAuth only)."
)
NOTE_PLAIN = QT_TRANSLATE_NOOP(
    "Detection", "A server is set up without encryption: use it only on your own network."
)


@dataclass(frozen=True)
class ServerChoice:
    """One IMAP + SMTP pair offered to the user (usernames filled in for the address).

    Iterating yields ``(imap, smtp)``, so ``for imap, smtp in detection.alternatives`` works.
    """

    imap: Endpoint
    smtp: Endpoint
    group_id: str = ""
    name: Text | None = None
    unconfirmed: bool = False

    def __iter__(self) -> Iterator[Endpoint]:
        yield self.imap
        yield self.smtp


@dataclass(frozen=True)
class Detection:
    """The outcome of detection for one address.

    Attributes:
        address: the normalised address.
        provider: the recognised provider, or None.
        source: where the settings came from (catalogue, user, mx, srv, autoconfig, guess, none).
        imap, smtp: the suggested servers (None when unknown; with source none they may still
            hold what a partial step found).
        alternatives: other server groups to offer (not including the suggested one).
        notes: English source strings (context "Detection") explaining the result.
        group: the suggested group, with its id and name when it came from a provider.
        evidence: what the network step saw (the MX host, SRV target, autoconfig URL, guessed
            hosts), for display and logs.
        cancelled: detection stopped because the cancel flag was set.
    """

    address: str
    provider: Provider | None
    source: Source
    imap: Endpoint | None
    smtp: Endpoint | None
    alternatives: tuple[ServerChoice, ...] = ()
    notes: tuple[str, ...] = ()
    group: ServerChoice | None = None
    evidence: str = ""
    cancelled: bool = False

    @property
    def found(self) -> bool:
        return self.source is not Source.NONE

    @property
    def choices(self) -> tuple[ServerChoice, ...]:
        """The suggested group followed by the alternatives."""
        return ((self.group,) if self.group else ()) + self.alternatives


# The guess tries each protocol's standard ports, encrypted from the start first.
_GUESSED_PORTS = {
    protocol: tuple((default_port(protocol, s), s) for s in (Security.SSL, Security.STARTTLS))
    for protocol in Protocol
}


@dataclass(frozen=True)
class DiscoveryConfig:
    """Where the network steps connect; tests point these at loopback servers.

    Attributes:
        https_port / http_port: ports for the autoconfig fetch.
        imap_ports / smtp_ports: (port, security) pairs the guess tries, in preference order.
        tls_context: verifies HTTPS and guessed servers (None: the system trust store).
        guess: run the guess step at all.
    """

    https_port: int = 443
    http_port: int = 80
    imap_ports: tuple[tuple[int, Security], ...] = _GUESSED_PORTS[Protocol.IMAP]
    smtp_ports: tuple[tuple[int, Security], ...] = _GUESSED_PORTS[Protocol.SMTP]
    tls_context: ssl.SSLContext | None = field(default=None, compare=False)
    guess: bool = True

    def context(self) -> ssl.SSLContext:
        return self.tls_context if self.tls_context is not None else ssl.create_default_context()
