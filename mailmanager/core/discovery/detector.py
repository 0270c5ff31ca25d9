"""Detection: from an e-mail address to a provider and its IMAP/SMTP servers.

Order (the first step that yields both an IMAP and an SMTP server wins, and the result says which):

1. the user's providers, then the bundled catalogue, by the address's domain (no network);
2. the domain's MX records matched against every provider's MX patterns, so a company domain
   hosted on NetEase enterprise, Exmail, Alibaba, Google Workspace, Microsoft 365 or Zoho is
   recognised;
3. RFC 6186 SRV records (_imaps._tcp / _imap._tcp, _submissions._tcp / _submission._tcp);
4. the domain's Thunderbird autoconfig file at autoconfig.<domain>/mail/config-v1.1.xml, HTTPS
   first, then HTTP;
5. a guess: imap./mail./smtp.<domain> on the standard ports, probed for a greeting and
   capabilities only (never a credential).

``detect`` blocks; run it in a worker thread. ``timeout`` bounds the whole network part (about
half of it for the DNS step, the rest for autoconfig and the guess, which run side by side), and
``cancel`` stops it at the next check (at most a few tens of milliseconds). Without network, or
with DNS unreachable, it degrades to "nothing found" instead of failing. Every DNS query, including
the address look-ups for the autoconfig and guessed hosts, goes to ``dns_server`` when given.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import threading
from collections.abc import Iterable
from typing import Any, TypeVar
from urllib.parse import quote

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.model import Provider, ServerGroup, Source
from mailmanager.core.discovery.autoconfig import (
    MAX_AUTOCONFIG_BYTES,
    AutoconfigError,
    parse_autoconfig,
)
from mailmanager.core.discovery.dns_lookup import Deadline, DnsClient, SrvRecord
from mailmanager.core.discovery.model import (
    NOTE_AUTOCONFIG,
    NOTE_AUTOCONFIG_HTTP,
    NOTE_CANCELLED,
    NOTE_CATALOGUE,
    NOTE_DNS_TIMEOUT,
    NOTE_GUESS,
    NOTE_MX,
    NOTE_NO_DNS,
    NOTE_NOTHING,
    NOTE_OAUTH_ONLY,
    NOTE_OFFLINE,
    NOTE_PARTIAL,
    NOTE_PLAIN,
    NOTE_SRV,
    NOTE_UNCONFIRMED,
    NOTE_USER,
    Detection,
    DiscoveryConfig,
    ServerChoice,
)
from mailmanager.core.discovery.net_probe import http_get, probe_banner
from mailmanager.core.model.accounts import Endpoint, EndpointSource, Origin, Protocol, Security
from mailmanager.core.model.address import Address, parse_address

__all__ = ["Detection", "DiscoveryConfig", "ServerChoice", "Source", "detect"]

log = logging.getLogger("mailmanager.discovery")

T = TypeVar("T")
_POLL = 0.02  # how often a waiting detection looks at the cancel flag


def _wait(futures: Iterable[cf.Future[Any]], deadline: Deadline) -> None:
    """Wait until every future is done, the deadline passes or the cancel flag is set."""
    pending = set(futures)
    while pending and not deadline.is_expired():
        _, pending = cf.wait(pending, timeout=min(_POLL, deadline.remaining() or _POLL))
    for future in pending:
        future.cancel()


def _value(future: cf.Future[T]) -> T | None:
    """The future's result, or None if it is not done or failed (failures are logged)."""
    if not future.done() or future.cancelled():
        return None
    error = future.exception()
    if error is not None:
        log.warning("detection step failed: %r", error)
        return None
    return future.result()


def _choice(provider: Provider, address: Address, group: ServerGroup) -> ServerChoice:
    imap, smtp = provider.endpoints_for(address, group)
    return ServerChoice(imap, smtp, group.id, group.name, group.unconfirmed)


def _from_provider(
    provider: Provider, address: Address, source: Source, note: str, evidence: str = ""
) -> Detection:
    choices: list[ServerChoice] = []
    for group in provider.groups_for(address.domain):
        choice = _choice(provider, address, group)
        if all((c.imap, c.smtp) != (choice.imap, choice.smtp) for c in choices):
            choices.append(choice)
    notes = [note]
    first = choices[0]
    if first.unconfirmed or any(
        provider.is_unconfirmed(p) for p in ("servers", f"domains[{address.domain}]")
    ):
        notes.append(NOTE_UNCONFIRMED)
    if provider.oauth_only:
        notes.append(NOTE_OAUTH_ONLY)
    return Detection(
        address=address.address,
        provider=provider,
        source=source,
        imap=first.imap,
        smtp=first.smtp,
        alternatives=tuple(choices[1:]),
        notes=tuple(notes),
        group=first,
        evidence=evidence,
    )


class _Detector:
    """One detection run: the address, the catalogue, the DNS client, the time budget."""

    def __init__(
        self,
        address: Address,
        catalogue: Catalogue,
        dns_client: DnsClient,
        deadline: Deadline,
        config: DiscoveryConfig,
        pool: cf.ThreadPoolExecutor,
    ) -> None:
        self.address = address
        self.catalogue = catalogue
        self.dns = dns_client
        self.deadline = deadline
        self.config = config
        self.pool = pool

    # -- step 2: MX -------------------------------------------------------------------------
    def mx(self, records: list[tuple[int, str]]) -> Detection | None:
        for _, host in records:
            provider = self.catalogue.match_mx(host)
            if provider is not None:
                return _from_provider(provider, self.address, Source.MX, NOTE_MX, host)
        return None

    # -- step 3: SRV ------------------------------------------------------------------------
    def srv_endpoint(
        self, records: list[SrvRecord] | None, security: Security, name: str
    ) -> Endpoint | None:
        origin = Origin(EndpointSource.SRV, f"{name}.{self.address.domain}")
        for record in records or []:
            if record.target and 0 < record.port < 65536:
                return Endpoint(
                    record.target, record.port, security, self.address.address, origin=origin
                )
        return None

    # -- step 4: autoconfig -----------------------------------------------------------------
    def autoconfig(self) -> tuple[list[tuple[Endpoint, Endpoint]], str, bool] | None:
        host = f"autoconfig.{self.address.domain}"
        ips = self.dns.addresses(host, self.deadline)
        path = "/mail/config-v1.1.xml?emailaddress=" + quote(self.address.address, safe="@")
        attempts = (
            (self.config.context(), self.config.https_port, "https"),
            (None, self.config.http_port, "http"),
        )
        for tls, port, scheme in attempts:
            for ip in ips[:2]:
                result = http_get(
                    host,
                    ip,
                    port,
                    path,
                    tls=tls,
                    deadline=self.deadline,
                    limit=MAX_AUTOCONFIG_BYTES,
                )
                if result is None or result.status != 200:
                    continue
                try:
                    document = parse_autoconfig(result.body)
                except AutoconfigError as exc:
                    log.info("autoconfig from %s refused: %s", host, exc)
                    continue
                url = f"{scheme}://{host}{path}"
                source = (
                    EndpointSource.AUTOCONFIG_HTTP
                    if scheme == "http"
                    else EndpointSource.AUTOCONFIG_HTTPS
                )
                origin = Origin(source, url)
                # A server without encryption from a file anyone on the path could have
                # written is never offered, not even as a suggestion.
                pairs = [
                    (imap.with_origin(origin), smtp.with_origin(origin))
                    for imap, smtp in document.pairs_for(self.address)
                    if Security.PLAIN not in (imap.security, smtp.security)
                ]
                if pairs:
                    return pairs, url, scheme == "http"
        return None

    # -- step 5: guess ----------------------------------------------------------------------
    def guess(self) -> tuple[Endpoint | None, Endpoint | None, str]:
        if not self.config.guess:
            return None, None, ""
        domain = self.address.domain
        imap_hosts = [f"imap.{domain}", f"mail.{domain}"]
        smtp_hosts = [f"smtp.{domain}", f"mail.{domain}"]
        names = list(dict.fromkeys(imap_hosts + smtp_hosts))
        lookups = {n: self.pool.submit(self.dns.addresses, n, self.deadline) for n in names}
        _wait(lookups.values(), self.deadline)
        ips = {name: (_value(f) or [""])[0] for name, f in lookups.items()}
        tls = self.config.context()
        candidates: list[tuple[Protocol, str, int, Security]] = []
        for port, security in self.config.imap_ports:
            candidates += [(Protocol.IMAP, h, port, security) for h in imap_hosts if ips[h]]
        for port, security in self.config.smtp_ports:
            candidates += [(Protocol.SMTP, h, port, security) for h in smtp_hosts if ips[h]]
        probes = [
            self.pool.submit(
                probe_banner, proto, host, ips[host], port, sec, tls=tls, deadline=self.deadline
            )
            for proto, host, port, sec in candidates
        ]
        _wait(probes, self.deadline)
        found: dict[Protocol, Endpoint] = {}
        for (protocol, host, port, security), probe in zip(candidates, probes, strict=True):
            if protocol not in found and _value(probe) is not None:
                found[protocol] = Endpoint(
                    host,
                    port,
                    security,
                    self.address.address,
                    origin=Origin(EndpointSource.GUESSED),
                )
        imap, smtp = found.get(Protocol.IMAP), found.get(Protocol.SMTP)
        evidence = ", ".join(e.display() for e in (imap, smtp) if e is not None)
        return imap, smtp, evidence

    # -- the whole run ----------------------------------------------------------------------
    def run(self) -> Detection:
        domain = self.address.domain
        notes: list[str] = []
        dns_deadline = self.deadline.share(0.5)
        submit = self.pool.submit
        mx = submit(self.dns.mx, domain, dns_deadline)
        srv = [
            submit(self.dns.srv, f"{name}.{domain}", dns_deadline)
            for name in ("_imaps._tcp", "_imap._tcp", "_submissions._tcp", "_submission._tcp")
        ]
        _wait([mx, *srv], dns_deadline)
        if self.deadline.is_cancelled():
            return self._nothing([NOTE_CANCELLED], cancelled=True)
        if self.dns.outcome.timeouts or not (mx.done() and all(f.done() for f in srv)):
            notes.append(NOTE_DNS_TIMEOUT)

        detection = self.mx(_value(mx) or [])
        if detection is not None:
            return detection

        imaps, imap_starttls, submissions, submission = (_value(f) for f in srv)
        imap = self.srv_endpoint(imaps, Security.SSL, "_imaps._tcp") or self.srv_endpoint(
            imap_starttls, Security.STARTTLS, "_imap._tcp"
        )
        smtp = self.srv_endpoint(
            submissions, Security.SSL, "_submissions._tcp"
        ) or self.srv_endpoint(submission, Security.STARTTLS, "_submission._tcp")
        if imap is not None and smtp is not None:
            evidence = f"{imap.display()}, {smtp.display()}"
            return self._found(Source.SRV, imap, smtp, [NOTE_SRV, *notes], evidence)

        auto_future = submit(self.autoconfig)
        guess_future = submit(self.guess)
        _wait([auto_future, guess_future], self.deadline)
        if self.deadline.is_cancelled():
            return self._nothing([NOTE_CANCELLED], cancelled=True)
        auto = _value(auto_future)
        if auto is not None:
            pairs, url, insecure = auto
            extra = [NOTE_AUTOCONFIG_HTTP] if insecure else []
            alternatives = tuple(ServerChoice(i, s) for i, s in pairs[1:])
            first_imap, first_smtp = pairs[0]
            note_list = [NOTE_AUTOCONFIG, *extra, *notes]
            return self._found(
                Source.AUTOCONFIG, first_imap, first_smtp, note_list, url, alternatives
            )
        guess_imap, guess_smtp, evidence = _value(guess_future) or (None, None, "")
        if guess_imap is not None and guess_smtp is not None:
            return self._found(Source.GUESS, guess_imap, guess_smtp, [NOTE_GUESS, *notes], evidence)
        partial_imap = imap or guess_imap
        partial_smtp = smtp or guess_smtp
        if partial_imap is not None or partial_smtp is not None:
            notes.insert(0, NOTE_PARTIAL)
        return self._nothing([*notes, NOTE_NOTHING], imap=partial_imap, smtp=partial_smtp)

    def _found(
        self,
        source: Source,
        imap: Endpoint,
        smtp: Endpoint,
        notes: list[str],
        evidence: str,
        alternatives: tuple[ServerChoice, ...] = (),
    ) -> Detection:
        provider = self.catalogue.by_server_host(imap.host)
        if Security.PLAIN in (imap.security, smtp.security):
            notes.append(NOTE_PLAIN)
        if provider is not None and provider.oauth_only:
            notes.append(NOTE_OAUTH_ONLY)
        group = ServerChoice(imap, smtp)
        return Detection(
            address=self.address.address,
            provider=provider,
            source=source,
            imap=imap,
            smtp=smtp,
            alternatives=alternatives,
            notes=tuple(notes),
            group=group,
            evidence=evidence,
        )

    def _nothing(
        self,
        notes: list[str],
        *,
        imap: Endpoint | None = None,
        smtp: Endpoint | None = None,
        cancelled: bool = False,
    ) -> Detection:
        return Detection(
            address=self.address.address,
            provider=None,
            source=Source.NONE,
            imap=imap,
            smtp=smtp,
            notes=tuple(notes),
            cancelled=cancelled,
        )


def detect(
    address: str,
    *,
    network: bool = True,
    dns_server: tuple[str, int] | None = None,
    timeout: float = 3.0,
    cancel: threading.Event | None = None,
    catalogue: Catalogue | None = None,
    config: DiscoveryConfig | None = None,
) -> Detection:
    """Find the provider and servers for ``address`` (see the module docstring).

    Raises AddressError (a ValueError) for a malformed address; never raises for network
    trouble. ``catalogue`` defaults to ``Catalogue.load()``; ``config`` to the real ports.
    """
    parsed = parse_address(address)
    cat = catalogue if catalogue is not None else Catalogue.load()
    provider = cat.by_domain(parsed.domain)
    if provider is not None and provider.user:
        return _from_provider(provider, parsed, Source.USER, NOTE_USER)
    if provider is not None:
        return _from_provider(provider, parsed, Source.CATALOGUE, NOTE_CATALOGUE)
    if not network:
        return Detection(parsed.address, None, Source.NONE, None, None, notes=(NOTE_OFFLINE,))
    dns_client = DnsClient(dns_server)
    if not dns_client.available:
        return Detection(parsed.address, None, Source.NONE, None, None, notes=(NOTE_NO_DNS,))
    deadline = Deadline(timeout, cancel)
    pool = cf.ThreadPoolExecutor(max_workers=8, thread_name_prefix="detect")
    try:
        return _Detector(parsed, cat, dns_client, deadline, config or DiscoveryConfig(), pool).run()
    finally:
        # Late workers are bounded by the same deadline; do not wait for them here.
        pool.shutdown(wait=False, cancel_futures=True)
