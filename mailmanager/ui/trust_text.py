"""How the trust rule's questions and an endpoint's provenance read on screen.

One place for these sentences, so that the wizard's confirmation page, the start-up dialog for
mailboxes saved before and the details pane ask the same question in the same words. The
questions name the host and the address, because a confirmation is only worth something when
the user can see exactly what they agree to.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from mailmanager.core import trust
from mailmanager.core.model.accounts import EndpointSource, Origin
from mailmanager.core.trust import Refusal, RefusalKind


def source_text(origin: Origin) -> str:
    """Where an endpoint came from, in a few words ("the built-in provider catalogue")."""
    detail = origin.detail
    texts = {
        EndpointSource.CATALOGUE: QCoreApplication.translate(
            "TrustText", "the built-in provider catalogue"
        ),
        EndpointSource.TYPED: QCoreApplication.translate("TrustText", "entered by you"),
        EndpointSource.SRV: QCoreApplication.translate(
            "TrustText", "the domain's DNS records (%1)"
        ),
        EndpointSource.AUTOCONFIG_HTTPS: QCoreApplication.translate(
            "TrustText", "the domain's settings file over HTTPS (%1)"
        ),
        EndpointSource.AUTOCONFIG_HTTP: QCoreApplication.translate(
            "TrustText", "a settings file fetched without encryption (%1)"
        ),
        EndpointSource.GUESSED: QCoreApplication.translate(
            "TrustText", "a guess from common server names"
        ),
        EndpointSource.IMPORT_FILE: QCoreApplication.translate(
            "TrustText", "an imported settings file"
        ),
        EndpointSource.PROVIDER_FILE: QCoreApplication.translate(
            "TrustText", "a provider file you imported (%1)"
        ),
        EndpointSource.EARLIER: QCoreApplication.translate(
            "TrustText", "saved by an earlier version of this app"
        ),
    }
    text = texts[origin.source]
    return text.replace("%1", detail) if "%1" in text else text


def consent_text(origin: Origin) -> str:
    """When the user confirmed the endpoint, or "" (shown after the source)."""
    stamps = [s for s in (origin.confirmed_at, origin.plain_confirmed_at) if s is not None]
    if not stamps:
        return ""
    when = max(stamps).astimezone().strftime("%Y-%m-%d")
    return QCoreApplication.translate("TrustText", "confirmed by you on %1").replace("%1", when)


def question(refusal: Refusal, address: str) -> str:
    """The sentence explaining what would happen (plain text)."""
    domain = address.rpartition("@")[2]
    shown_domain = trust.registrable_domain(domain) or domain
    if refusal.kind is RefusalKind.HOST and refusal.reason == trust.REASON_UNVERIFIED:
        text = QCoreApplication.translate(
            "TrustText",
            "%2 was suggested for %1 by a source that anyone on your network could have "
            "answered. Only continue if you know this server belongs to your mail provider.",
        )
    elif refusal.kind is RefusalKind.HOST:
        text = QCoreApplication.translate(
            "TrustText",
            "Mail for %1 would be handled by %2, which is not part of %3. Only continue if "
            "your mail administrator told you so.",
        )
    elif refusal.kind is RefusalKind.PLAIN:
        text = QCoreApplication.translate(
            "TrustText",
            "%2 would receive the code of %1 without encryption: anyone on the network could "
            "read it. Only allow this for a server on your own network.",
        )
    elif not confirmable(refusal):
        text = QCoreApplication.translate(
            "TrustText",
            "The extra CA certificate file saved with %1 cannot be read any more. If your mail "
            "administrator gave it to you, choose it again with Fix (servers page, Advanced).",
        )
    else:
        text = QCoreApplication.translate(
            "TrustText",
            "The servers of %1 would be trusted with extra CA certificates (SHA-256 %2). Only "
            "continue if your mail administrator gave you these certificates.",
        )
    target = refusal.host if refusal.kind is RefusalKind.HOST else refusal.arguments[0]
    return text.replace("%1", address).replace("%2", target).replace("%3", shown_domain)


def confirmable(refusal: Refusal) -> bool:
    """Whether a box can give this consent (a CA file that cannot be read has no fingerprint
    to agree to: the user chooses the file again instead)."""
    return not (refusal.kind is RefusalKind.CA and refusal.arguments[0] == "?")


def consent_label(refusal: Refusal, address: str) -> str:
    """The checkbox that gives the consent (plain text, names exactly what is agreed)."""
    if refusal.kind is RefusalKind.HOST:
        text = QCoreApplication.translate("TrustText", "I trust %2 with the code of %1")
        return text.replace("%1", address).replace("%2", refusal.host)
    if refusal.kind is RefusalKind.PLAIN:
        text = QCoreApplication.translate(
            "TrustText", "Send the code of %1 to %2 without encryption"
        )
        return text.replace("%1", address).replace("%2", refusal.arguments[0])
    text = QCoreApplication.translate("TrustText", "Trust these certificates for %1 (SHA-256 %2)")
    return text.replace("%1", address).replace("%2", refusal.arguments[0][:16] + "…")


def distinct(refusals: list[Refusal]) -> list[Refusal]:
    """One question per thing the user can agree to: a host used for both IMAP and SMTP is
    asked about once (an unencrypted connection stays one per server and port)."""
    seen: set[tuple[str, str]] = set()
    kept: list[Refusal] = []
    for refusal in refusals:
        key = (refusal.kind.value, refusal.host if refusal.kind is RefusalKind.HOST else
               refusal.arguments[0])  # fmt: skip
        if key not in seen:
            seen.add(key)
            kept.append(refusal)
    return kept


def refusals_html(refusals: list[Refusal], address: str) -> str:
    """A short rich-text list of what waits for the user's confirmation."""
    items = "".join(f"<li>{html.escape(question(r, address))}</li>" for r in refusals)
    return f"<ul style='margin:0; -qt-list-indent:1'>{items}</ul>"
