"""Provider names and marks for the account list, from the catalogue when it knows the provider.

The catalogue (``core.providers``) is loaded once, on first use, and shared. An account whose
provider is not in the catalogue (a company's own server) gets its domain as the name and the
domain's initial on a colour picked from the domain, so that marks stay stable between runs.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("mailmanager.ui")

# Calm, mutually distinct colours that carry white text well.
_FALLBACK_COLOURS = (
    "#37474f",
    "#5d4037",
    "#00796b",
    "#3949ab",
    "#6a1b9a",
    "#ad1457",
    "#2e7d32",
    "#0277bd",
)


@dataclass(frozen=True)
class ProviderLook:
    """What the list shows of a provider.

    Attributes:
        name: the provider's name in the UI language, or the address's domain.
        mark_text / mark_color: the glyph painted as the provider's mark.
        recycle_days: the provider's inactivity limit (days), or None.
        sending: the provider's sending guidance (core.provider_model.SendingGuidance), or None.
        settings_url: the web settings page of this address's mailbox (codes are made and
            revoked there; mail.126.com for a @126.com address).
    """

    name: str
    mark_text: str
    mark_color: str
    recycle_days: int | None = None
    sending: Any = None
    settings_url: str = ""


def fallback_look(address: str) -> ProviderLook:
    """The look of a provider the catalogue does not know: domain name and initial."""
    domain = address.rpartition("@")[2].strip().lower()
    label = domain.split(".")[0] if domain else ""
    colour = _FALLBACK_COLOURS[zlib.crc32(domain.encode("utf-8")) % len(_FALLBACK_COLOURS)]
    return ProviderLook(domain or "?", label[:1].upper() or "?", colour)


class ProviderDirectory:
    """Looks up ``ProviderLook`` by provider id (or address domain), caching the catalogue.

    Args:
        lang: "zh" or "en", the language of provider names.
        catalogue: a ready ``core.providers.Catalogue`` (tests), else loaded on first use.
        cache_file: where the catalogue's parsed files are kept between runs (the app: in its
            data folder), so that a start need not parse them again; None for no cache.
    """

    def __init__(
        self, lang: str = "en", catalogue: Any = None, *, cache_file: Path | None = None
    ) -> None:
        self.lang = lang
        self._cache_file = cache_file
        self._catalogue = catalogue
        self._loaded = catalogue is not None
        self._looks: dict[tuple[str | None, str], ProviderLook] = {}

    def catalogue(self) -> Any:
        """The catalogue, loaded on first use; None when it could not be loaded."""
        return self._get_catalogue()

    def _get_catalogue(self) -> Any:
        if not self._loaded:
            self._loaded = True
            try:
                from mailmanager.core.catalogue.lookup import Catalogue

                self._catalogue = Catalogue.load(cache_file=self._cache_file)
            except Exception:  # a broken catalogue must not keep the list from showing
                log.exception("provider catalogue could not be loaded")
                self._catalogue = None
        return self._catalogue

    def look(self, provider_id: str | None, address: str) -> ProviderLook:
        """The look of an account's provider (cached per provider id and domain: the list
        asks once per row, and thousands of rows share a handful of providers)."""
        key = (provider_id, address.rpartition("@")[2].lower())
        found = self._looks.get(key)
        if found is None:
            found = self._looks[key] = self._look(provider_id, address)
        return found

    def _look(self, provider_id: str | None, address: str) -> ProviderLook:
        catalogue = self._get_catalogue()
        provider = None
        if catalogue is not None:
            if provider_id:
                provider = catalogue.get(provider_id)
            if provider is None:
                provider = catalogue.by_domain(address.rpartition("@")[2])
        if provider is None:
            return fallback_look(address)
        from mailmanager.core.catalogue import links

        inactivity = getattr(provider, "inactivity", None)
        return ProviderLook(
            name=provider.name(self.lang),
            mark_text=provider.mark.text,
            mark_color=provider.mark.color,
            recycle_days=inactivity.days if inactivity is not None else None,
            sending=provider.sending,
            settings_url=links.settings_url(provider, address.rpartition("@")[2]),
        )


def suggested_servers(directory: ProviderDirectory, address: str) -> Any:
    """``(provider_id, imap, smtp)`` from the catalogue for ``address``, or None.

    Only the bundled and user catalogue is consulted (no network): the form fills in what is
    known at once and leaves unknown domains to the user (or to the wizard's detection).
    """
    from mailmanager.core.model.address import AddressError, parse_address

    try:
        parsed = parse_address(address)
    except AddressError:
        return None
    catalogue = directory.catalogue()
    if catalogue is None:
        return None
    provider = catalogue.by_domain(parsed.domain)
    if provider is None or not provider.server_groups:
        return None
    group = provider.groups_for(parsed.domain)[0]
    imap, smtp = provider.endpoints_for(parsed, group)
    return provider.id, imap, smtp
