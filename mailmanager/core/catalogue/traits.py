"""What a check needs to know about a mailbox's provider, read from the catalogue in one place.

The checker, the wizard's live test and the CLI all check through ``checking.runner``, and the
runner asks ``check_traits`` here: which provider's hints explain a refusal (NetEase's web
settings differ from NetEase enterprise's, Alibaba's from both) and whether IMAP needs the ID
command before a mailbox opens (NetEase refuses EXAMINE without it). Both are facts of the
provider, so they live in its TOML file (``hint_family``, ``requires_imap_id``); nothing guesses
them from a provider id's spelling or from host-name tables.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.model import Provider
from mailmanager.core.model.accounts import Account


@dataclass(frozen=True)
class CheckTraits:
    """A provider's facts that change how a check runs or reads.

    Attributes:
        hint_family: whose hints apply to a refusal ("" for none: the generic ones).
        send_id: True sends the IMAP ID command after login; None sends it when the server
            advertises it (or greets as Coremail).
        provider_id: the catalogue provider the traits came from ("" for none).
    """

    hint_family: str = ""
    send_id: bool | None = None
    provider_id: str = ""


NO_TRAITS = CheckTraits()


def traits_of(provider: Provider | None) -> CheckTraits:
    """The traits the catalogue gives ``provider`` (none for no provider)."""
    if provider is None:
        return NO_TRAITS
    return CheckTraits(
        hint_family=provider.hint_family,
        send_id=True if provider.requires_imap_id else None,
        provider_id=provider.id,
    )


@functools.cache
def _bundled() -> Catalogue:
    return Catalogue.load(include_user=False)


def check_traits(account: Account, catalogue: Catalogue | None = None) -> CheckTraits:
    """The traits for checking ``account``: from its provider, else its domain's, else the
    provider whose servers it uses (a company domain on NetEase enterprise)."""
    cat = catalogue if catalogue is not None else _bundled()
    provider = cat.get(account.provider_id) if account.provider_id else None
    if provider is None:
        provider = cat.by_domain(account.address.rpartition("@")[2])
    if provider is None:
        provider = cat.by_server_host(account.imap.host)
    return traits_of(provider)
