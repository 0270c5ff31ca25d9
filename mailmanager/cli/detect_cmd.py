"""``mailmanager-cli detect ADDRESS``: which provider and servers detection finds for an address.

Exit codes: 0 settings were found; 1 nothing was found (source none; a partial guess is still
shown); 2 a malformed address or bad option, with a one-line message.

``--json`` works before the subcommand (the global option) and after it.
"""

from __future__ import annotations

import argparse
import ipaddress
from typing import Any

from mailmanager.cli.common import EXIT_NEEDS_ACTION, EXIT_OK, CliContext, fail, short
from mailmanager.core.catalogue import links
from mailmanager.core.model.accounts import Endpoint
from mailmanager.core.model.address import AddressError

DEFAULT_TIMEOUT = 3.0


def parse_dns_server(spec: str) -> tuple[str, int]:
    """``IP``, ``IP:PORT`` or ``[IPV6]:PORT`` -> (ip, port); the server must be an IP address."""
    text = spec.strip()
    port_text = "53"
    if text.startswith("["):
        host, sep, rest = text[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            fail(f"invalid --dns-server {short(spec)!r}: expected [IPV6]:PORT")
        port_text = rest[1:] or port_text
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
    else:
        host = text
    try:
        ipaddress.ip_address(host)
    except ValueError:
        fail(f"invalid --dns-server {short(spec)!r}: the server must be an IP address")
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        fail(f"invalid --dns-server {short(spec)!r}: the port must be between 1 and 65535")
    return host, int(port_text)


def _endpoint(endpoint: Endpoint | None) -> dict[str, Any] | None:
    if endpoint is None:
        return None
    return {"host": endpoint.host, "port": endpoint.port, "security": endpoint.security.value}


def detection_json(detection: Any) -> dict[str, Any]:
    """The JSON object of ``detect --json`` for a Detection."""
    provider = detection.provider
    credential = None
    if provider is not None:
        cred = provider.credential
        credential = {
            "kind": cred.kind.value,
            "name": cred.name.en,
            "length": cred.format.length,
            "shown_once": cred.shown_once,
            "expires": cred.expires,
        }
    domain = detection.address.rpartition("@")[2]
    return {
        "address": detection.address,
        "provider": provider.id if provider is not None else None,
        "provider_name": provider.name("en") if provider is not None else None,
        "source": detection.source.value,
        "imap": _endpoint(detection.imap),
        "smtp": _endpoint(detection.smtp),
        "alternatives": [
            {"imap": _endpoint(choice.imap), "smtp": _endpoint(choice.smtp)}
            for choice in detection.alternatives
        ],
        "credential": credential,
        # This address's own web settings (mail.126.com for @126.com) and the provider's help.
        "settings_url": links.settings_url(provider, domain) or None,
        "help_url": links.help_url(provider) or None,
        "notes": list(detection.notes),
    }


def _say(ctx: CliContext, detection: Any) -> None:
    provider = detection.provider
    ctx.say(f"Address:  {detection.address}")
    if provider is not None:
        ctx.say(f"Provider: {provider.name('en')} ({provider.id})")
    else:
        ctx.say("Provider: not recognised")
    ctx.say(f"Source:   {detection.source.value}")
    for label, endpoint in (("IMAP", detection.imap), ("SMTP", detection.smtp)):
        if endpoint is not None:
            ctx.say(f"{label}:     {endpoint.display()} {endpoint.security.value}")
    for index, choice in enumerate(detection.alternatives, start=1):
        imap, smtp = choice.imap, choice.smtp
        ctx.say(
            f"Alt. {index}:  IMAP {imap.display()} {imap.security.value}, "
            f"SMTP {smtp.display()} {smtp.security.value}"
        )
    if provider is not None:
        cred = provider.credential
        length = f", {cred.format.length} characters" if cred.format.length else ""
        once = ", shown only once" if cred.shown_once else ""
        ctx.say(f"Password: {cred.name.en} ({cred.kind.value}{length}{once})")
        domain = detection.address.rpartition("@")[2]
        settings = links.settings_url(provider, domain)
        if settings:
            unsure = " (not confirmed)" if links.settings_url_unconfirmed(provider, domain) else ""
            ctx.say(f"Settings: {settings}{unsure}")
        if links.help_url(provider):
            unsure = " (not confirmed)" if links.help_url_unconfirmed(provider) else ""
            ctx.say(f"Help:     {links.help_url(provider)}{unsure}")
    for note in detection.notes:
        ctx.say(f"Note:     {note}")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from mailmanager.core.catalogue.lookup import Catalogue
    from mailmanager.core.discovery.detector import detect

    dns_server = parse_dns_server(args.dns_server) if args.dns_server else None
    if not 0 < args.timeout <= 60:  # also refuses "nan", which passes both comparisons
        fail("--timeout must be between 0 and 60 seconds")
    catalogue = Catalogue.load(ctx.paths.user_providers_dir)
    try:
        detection = detect(
            args.address,
            network=not args.no_network,
            dns_server=dns_server,
            timeout=args.timeout,
            catalogue=catalogue,
        )
    except AddressError as exc:
        fail(f"malformed address {short(args.address)!r}: {exc}")
    if ctx.json_output or getattr(args, "json", False):
        ctx.emit_json(detection_json(detection))
    else:
        _say(ctx, detection)
    return EXIT_OK if detection.found else EXIT_NEEDS_ACTION


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``detect``."""
    parser = subparsers.add_parser(
        "detect",
        help="find the provider and servers for an address",
        description="Find the provider, servers and password rules for an e-mail address.",
    )
    parser.add_argument("address", metavar="ADDRESS")
    parser.add_argument(
        "--dns-server",
        metavar="HOST:PORT",
        help="send every DNS query of detection to this server (IP address, port 53 by default)",
    )
    parser.add_argument(
        "--no-network", action="store_true", help="only look in the provider catalogue"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"time limit for network look-ups in seconds (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    parser.set_defaults(func=run)
