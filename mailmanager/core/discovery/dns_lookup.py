"""DNS look-ups for detection (MX, SRV, A/AAAA), bounded by a deadline and never raising.

Why a wrapper around dnspython: detection must degrade, not fail. A missing name, an empty answer,
a refused query, an unreachable or silent server all mean "nothing learnt here", and each query
may use only what is left of the detection's time budget. When the user names a DNS server
(``--dns-server``, split DNS, tests) every query goes there and nowhere else: the resolver is
built with ``configure=False`` so /etc/resolv.conf is not read at all.

Answers are returned without their trailing dot and in lower case.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

import dns.exception
import dns.resolver

__all__ = ["Deadline", "DnsClient", "DnsOutcome", "SrvRecord"]

log = logging.getLogger("mailmanager.discovery")

# Never wait longer than this for one query, even with a generous budget.
MAX_QUERY_SECONDS = 5.0


class Deadline:
    """A point in time after which network work stops, plus an optional cancel flag."""

    def __init__(self, seconds: float, cancel: threading.Event | None = None) -> None:
        self._end = time.monotonic() + max(0.0, seconds)
        self.cancel = cancel

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())

    def is_cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    def is_expired(self) -> bool:
        return self.is_cancelled() or self.remaining() <= 0.0

    def share(self, fraction: float) -> Deadline:
        """A child deadline using at most ``fraction`` of the time left (same cancel flag)."""
        return Deadline(self.remaining() * fraction, self.cancel)


@dataclass(frozen=True)
class SrvRecord:
    """One SRV answer (RFC 2782); ``target`` has no trailing dot, "" means "not offered"."""

    priority: int
    weight: int
    port: int
    target: str


@dataclass
class DnsOutcome:
    """What went wrong across queries, for the detection notes (no exception escapes)."""

    timeouts: int = 0
    errors: list[str] = field(default_factory=list)


def _strip(name: object) -> str:
    return str(name).rstrip(".").lower()


class DnsClient:
    """Answers MX, SRV and address queries; empty answers on any failure.

    Args:
        server: ``(ip, port)`` of the only DNS server to ask, or None for the system's.
    """

    def __init__(self, server: tuple[str, int] | None = None) -> None:
        self.server = server
        self.outcome = DnsOutcome()
        self._lock = threading.Lock()
        self._resolver: dns.resolver.Resolver | None
        if server is not None:
            resolver = dns.resolver.Resolver(configure=False)
            resolver.nameservers = [server[0]]
            resolver.port = server[1]
            self._resolver = resolver
        else:
            try:
                self._resolver = dns.resolver.Resolver()
            except (dns.resolver.NoResolverConfiguration, OSError) as exc:
                log.info("no system DNS configuration: %s", exc)
                self._resolver = None
        if self._resolver is not None:
            self._resolver.cache = None
            self._resolver.retry_servfail = False

    @property
    def available(self) -> bool:
        return self._resolver is not None

    def _note(self, error: str, *, timeout: bool = False) -> None:
        with self._lock:
            if timeout:
                self.outcome.timeouts += 1
            self.outcome.errors.append(error)

    def _query(self, name: str, rdtype: str, deadline: Deadline) -> list[object]:
        if self._resolver is None or deadline.is_expired():
            return []
        lifetime = min(deadline.remaining(), MAX_QUERY_SECONDS)
        if lifetime <= 0.01:
            return []
        try:
            answer = self._resolver.resolve(
                name, rdtype, lifetime=lifetime, search=False, raise_on_no_answer=False
            )
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return []
        except dns.exception.Timeout:
            self._note(f"{rdtype} {name}: timed out", timeout=True)
            return []
        except dns.resolver.NoNameservers as exc:
            self._note(f"{rdtype} {name}: no server answered ({exc.kwargs.get('errors', '')})")
            return []
        except (dns.exception.DNSException, OSError, ValueError) as exc:
            self._note(f"{rdtype} {name}: {exc.__class__.__name__}")
            return []
        return list(answer.rrset) if answer.rrset is not None else []

    def mx(self, domain: str, deadline: Deadline) -> list[tuple[int, str]]:
        """MX hosts of ``domain`` as ``(preference, host)``, best first; [] if none."""
        records = []
        for rdata in self._query(domain, "MX", deadline):
            host = _strip(getattr(rdata, "exchange", ""))
            if host:  # a "null MX" (RFC 7505) has an empty exchange: no mail at all
                records.append((int(getattr(rdata, "preference", 0)), host))
        return sorted(records)

    def srv(self, name: str, deadline: Deadline) -> list[SrvRecord]:
        """SRV records of ``name``, ordered by priority then descending weight."""
        records = [
            SrvRecord(
                priority=int(getattr(rdata, "priority", 0)),
                weight=int(getattr(rdata, "weight", 0)),
                port=int(getattr(rdata, "port", 0)),
                target=_strip(getattr(rdata, "target", "")),
            )
            for rdata in self._query(name, "SRV", deadline)
        ]
        return sorted(records, key=lambda r: (r.priority, -r.weight, r.target))

    def addresses(self, host: str, deadline: Deadline) -> list[str]:
        """IPv4 then IPv6 addresses of ``host``; [] if it does not resolve in time."""
        result = [str(getattr(r, "address", "")) for r in self._query(host, "A", deadline)]
        if not result:
            result = [str(getattr(r, "address", "")) for r in self._query(host, "AAAA", deadline)]
        return [address for address in result if address]
