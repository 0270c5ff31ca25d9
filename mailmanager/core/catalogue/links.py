"""The provider's web pages for one address: where codes are made and revoked, and its help.

Why a function rather than the raw field: one provider may sign its suffixes in at different
sites. NetEase's four personal suffixes share servers, but each mailbox is its own account
(seed 000, FAQ Q3) with its own webmail: a @126.com user makes and revokes codes at
mail.126.com, not mail.163.com. A bundled file says so with ``{domain}`` in ``settings_url``
(``"https://mail.{domain}/"``), filled in here with the address's domain. The wizard, Fix, the
removal dialog, the details pane and the CLI all ask here, so none of them can show another
suffix's page.
"""

from __future__ import annotations

from mailmanager.core.catalogue.model import Provider

DOMAIN_PLACEHOLDER = "{domain}"


def settings_url(provider: Provider | None, domain: str) -> str:
    """The page where ``domain``'s mailbox switches IMAP/SMTP on and makes or revokes codes.

    "" when there is none. A domain the provider does not list (a company's own domain on an
    enterprise service) gets the provider's first domain's page, or none if it lists none.
    """
    if provider is None:
        return ""
    url = provider.settings_url
    if DOMAIN_PLACEHOLDER not in url:
        return url
    if provider.user:  # a user's file is taken as written: no templates from outside
        return ""
    wanted = domain.strip().lower()
    chosen = wanted if wanted in provider.domains else (provider.domains or ("",))[0]
    return url.replace(DOMAIN_PLACEHOLDER, chosen) if chosen else ""


def settings_url_unconfirmed(provider: Provider | None, domain: str) -> bool:
    """True when the page for ``domain`` has no primary source (``settings_url`` or
    ``settings_url[<domain>]`` in the file's ``unconfirmed``)."""
    if provider is None:
        return False
    wanted = domain.strip().lower()
    return provider.is_unconfirmed("settings_url") or provider.is_unconfirmed(
        f"settings_url[{wanted}]"
    )


def help_url(provider: Provider | None) -> str:
    """The provider's own help page on setting up mail clients, or ""."""
    return provider.help_url if provider is not None else ""


def help_url_unconfirmed(provider: Provider | None) -> bool:
    """True when the help page comes only from third-party sources."""
    return provider is not None and provider.is_unconfirmed("help_url")
