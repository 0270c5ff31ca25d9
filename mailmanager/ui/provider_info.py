"""Provider names, marks and facts for the account list and the details pane, from the catalogue.

Besides the look of a row, this is where the catalogue's facts are put into the UI language
once for every place that shows them (the details pane and the wizard's provider page): the
provider's facts (suitability, what kills a code), the sending ramp in words, and the marker
that every unconfirmed fact carries.

The catalogue (``core.providers``) is loaded once, on first use, and shared. An account whose
provider is not in the catalogue (a company's own server) gets its domain as the name and the
domain's initial on a colour picked from the domain, so that marks stay stable between runs.
"""

from __future__ import annotations

import html
import logging
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from mailmanager.core.catalogue.model import Provider, SendingStage

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
            revoked there; mail.126.com for a @126.com address); ``settings_unconfirmed``
            when no primary source names it (mail.188.com).
        facts: what the user should know about the provider, as (label, text) pairs in the UI
            language (see ``provider_facts``).
        help_url / help_unconfirmed: the provider's help page, and whether only third parties
            name it.
    """

    name: str
    mark_text: str
    mark_color: str
    recycle_days: int | None = None
    sending: Any = None
    settings_url: str = ""
    settings_unconfirmed: bool = False
    facts: tuple[tuple[str, str], ...] = ()
    help_url: str = ""
    help_unconfirmed: bool = False


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
            settings_unconfirmed=links.settings_url_unconfirmed(
                provider, address.rpartition("@")[2]
            ),
            facts=provider_facts(provider, self.lang),
            help_url=links.help_url(provider),
            help_unconfirmed=links.help_url_unconfirmed(provider),
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


# -- what the catalogue knows, in the UI language -------------------------------------------------


def unconfirmed(text: str) -> str:
    """``text`` with the marker every unconfirmed fact carries (server groups, steps, pitfalls,
    links): the same words wherever it is shown."""
    return QCoreApplication.translate("ServersPage", "%1 (not confirmed by the provider)").replace(
        "%1", text
    )


def marked_steps(provider: Provider, lang: str) -> list[str]:
    """The provider's setup steps, an unconfirmed one (``steps`` or ``steps[N]``, N from 1 as
    shown, in ``unconfirmed``) marked."""
    return [
        unconfirmed(step)
        if provider.is_unconfirmed("steps") or provider.is_unconfirmed(f"steps[{n}]")
        else step
        for n, step in enumerate(provider.steps(lang), start=1)
    ]


def marked_pitfalls(provider: Provider, lang: str) -> list[str]:
    """The provider's pitfalls, an unconfirmed one (flagged, or ``pitfalls`` / ``pitfalls[N]``
    in ``unconfirmed``) marked."""
    return [
        unconfirmed(pitfall.text.get(lang))
        if pitfall.unconfirmed
        or provider.is_unconfirmed("pitfalls")
        or provider.is_unconfirmed(f"pitfalls[{n}]")
        else pitfall.text.get(lang)
        for n, pitfall in enumerate(provider.pitfall_list, start=1)
    ]


def provider_facts(provider: Provider, lang: str) -> tuple[tuple[str, str], ...]:
    """What a user should know about the provider beyond the setup steps, as (label, text):

    * whether an address here suits foreign trade, and whether a VPN is needed (the catalogue's
      ``suitability``, from the seed guides' FAQ);
    * how long a code lasts and what silently kills every code (``credential.validity`` and
      ``invalidated_by``: a password change, IMAP switched off, codes shared by qq.com and
      foxmail.com).

    Unconfirmed facts carry the marker. The help page is a link, so it is not among these.
    """

    facts: list[tuple[str, str]] = []
    if provider.suitability is not None:
        text = provider.suitability.get(lang)
        if provider.is_unconfirmed("suitability"):
            text = unconfirmed(text)
        facts.append((QCoreApplication.translate("ProviderInfo", "Suitability"), text))
    credential = provider.credential
    code_texts = []
    if credential.validity is not None:
        text = credential.validity.get(lang)
        if provider.is_unconfirmed("credential.validity") or provider.is_unconfirmed(
            "credential.expires"
        ):
            text = unconfirmed(text)
        code_texts.append(text)
    if credential.invalidated_by is not None:
        text = credential.invalidated_by.get(lang)
        if provider.is_unconfirmed("credential.invalidated_by"):
            text = unconfirmed(text)
        code_texts.append(text)
    if code_texts:
        sentences = [
            text
            if text.endswith((".", "。"))
            else QCoreApplication.translate("ProviderInfo", "%1.").replace("%1", text)
            for text in code_texts
        ]
        joined = sentences[0]
        for more in sentences[1:]:
            joined = (
                QCoreApplication.translate("ProviderInfo", "%1 %2")
                .replace("%1", joined)
                .replace("%2", more)
            )
        name = credential.name.get(lang)
        facts.append((name[:1].upper() + name[1:], joined))
    return tuple(facts)


def ramp_line(stage: SendingStage) -> str:
    """One stage of a sending ramp in words: "Weeks 2–4: 100–200 messages a day"."""

    if stage.to_week is None:
        when = QCoreApplication.translate("ProviderInfo", "From week %1").replace(
            "%1", str(stage.from_week)
        )
    elif stage.to_week == stage.from_week:
        when = QCoreApplication.translate("ProviderInfo", "Week %1").replace(
            "%1", str(stage.from_week)
        )
    else:
        when = (
            QCoreApplication.translate("ProviderInfo", "Weeks %1–%2")
            .replace("%1", str(stage.from_week))
            .replace("%2", str(stage.to_week))
        )
    if stage.min_per_day is not None:
        amount = (
            QCoreApplication.translate("ProviderInfo", "%1–%2 messages a day")
            .replace("%1", str(stage.min_per_day))
            .replace("%2", str(stage.max_per_day))
        )
    elif stage.to_week is None:
        amount = QCoreApplication.translate("ProviderInfo", "at most %1 messages a day").replace(
            "%1", str(stage.max_per_day)
        )
    else:
        amount = QCoreApplication.translate("ProviderInfo", "about %1 messages a day").replace(
            "%1", str(stage.max_per_day)
        )
    if stage.min_interval_minutes and stage.max_interval_minutes:
        amount = (
            QCoreApplication.translate("ProviderInfo", "%1, %2 minutes apart")
            .replace("%1", amount)
            .replace("%2", f"{stage.min_interval_minutes}–{stage.max_interval_minutes}")
        )
    return (
        QCoreApplication.translate("Formatting", "%1: %2").replace("%1", when).replace("%2", amount)
    )


def ramp_lines(stages: Sequence[SendingStage], current: SendingStage | None = None) -> list[str]:
    """The whole ramp, one line per stage, the ``current`` one pointed at."""
    return [("▶ " if stage is current else "• ") + ramp_line(stage) for stage in stages]


def link_html(url: str, *, unsure: bool = False) -> str:
    """A rich-text link showing its address, with the unconfirmed marker when ``unsure``.

    A space ends the address inside the tag, so that the address is read as one token by
    anything that scans the text (the untranslated-words check strips URLs up to a space).
    """
    href = html.escape(url, quote=True)
    link = f'<a href="{href}" >{html.escape(url)}</a>'
    if unsure:
        return html.escape(unconfirmed("\x00")).replace("\x00", link)
    return link
