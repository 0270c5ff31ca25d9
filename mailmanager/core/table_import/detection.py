"""Servers for the domains of rows that name none and that the catalogue does not know.

The same detection as `add` and the wizard (``core.discovery``: MX, SRV, autoconfig, a guess),
once per domain and several domains at once. What it finds is a suggestion: the endpoints keep
their origin, and the trust rule decides whether a code may go there (a guessed host needs the
user's confirmation even under the address's own domain).
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.discovery import detector
from mailmanager.core.model.accounts import Endpoint

DETECT_TIMEOUT = 8.0

Detected = dict[str, tuple[Endpoint, Endpoint, str | None]]


def detect_domains(
    domains: Iterable[str],
    catalogue: Catalogue | None,
    *,
    timeout: float = DETECT_TIMEOUT,
    dns_server: tuple[str, int] | None = None,
    network: bool = True,
) -> Detected:
    """``{domain: (imap, smtp, provider id or None)}`` for the domains detection found (blocking:
    network look-ups; run it off the GUI thread). ``dns_server``: where every DNS query goes
    (``--dns-server``; tests point it at a loopback server); ``network=False`` finds nothing."""
    if not network:
        return {}

    def one(domain: str) -> tuple[str, detector.Detection | None]:
        try:
            found = detector.detect(
                f"postmaster@{domain}",
                network=True,
                dns_server=dns_server,
                timeout=timeout,
                catalogue=catalogue,
            )
        except ValueError:  # not a domain an address can have
            return domain, None
        return domain, found

    result: Detected = {}
    with ThreadPoolExecutor(4, thread_name_prefix="mailmanager-detect") as pool:
        for domain, found in pool.map(one, sorted(set(domains))):
            if found is None or found.imap is None or found.smtp is None:
                continue
            provider = found.provider
            provider_id = provider.id if provider is not None and not provider.user else None
            result[domain] = (found.imap, found.smtp, provider_id)
    return result
