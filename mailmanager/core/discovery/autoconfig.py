"""Thunderbird autoconfig files (config-v1.1.xml): a safe parser and their server settings.

Why not ``xml.etree.ElementTree.fromstring``: the file comes from the network (autoconfig.<domain>)
or from someone's mail admin, so it is untrusted input. The standard library's expat does not
fetch external entities, but it does expand internal ones, which lets a few hundred bytes grow
into gigabytes ("billion laughs"). This parser drives expat directly and refuses any document
type declaration, entity declaration or external reference before anything is expanded, caps the
size, the nesting depth, the element count and the text per element, and turns every failure
into an AutoconfigError with a one-line reason. Nothing else ever escapes ``parse_autoconfig``.

Only the parts mailmanager uses are read: the domains, the display name, IMAP and SMTP servers
(hostname, port, socketType, username template, authentication) and documentation links.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from xml.parsers import expat

from mailmanager.core.model.accounts import Endpoint, Security
from mailmanager.core.model.address import Address, is_valid_hostname

__all__ = [
    "MAX_AUTOCONFIG_BYTES",
    "AutoconfigDocument",
    "AutoconfigError",
    "AutoconfigServer",
    "parse_autoconfig",
]

MAX_AUTOCONFIG_BYTES = 128 * 1024  # real files are 1-5 KB
MAX_DEPTH = 16
MAX_ELEMENTS = 2000
MAX_TEXT = 4096

_SOCKET_TYPES = {"ssl": Security.SSL, "starttls": Security.STARTTLS, "plain": Security.PLAIN}
_PLACEHOLDER = re.compile(r"%[A-Z]+%")
_KNOWN_PLACEHOLDERS = {"%EMAILADDRESS%", "%EMAILLOCALPART%", "%EMAILDOMAIN%"}


class AutoconfigError(ValueError):
    """The autoconfig file is unusable; the message says why in one line."""


class _Refused(Exception):
    """Raised inside expat callbacks to stop parsing at once."""


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Element] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    text_size: int = 0

    @property
    def text(self) -> str:
        return "".join(self.text_parts).strip()

    def find(self, tag: str) -> _Element | None:
        return next((c for c in self.children if c.tag == tag), None)

    def find_all(self, tag: str) -> list[_Element]:
        return [c for c in self.children if c.tag == tag]

    def child_text(self, tag: str) -> str:
        child = self.find(tag)
        return child.text if child is not None else ""


@dataclass(frozen=True)
class AutoconfigServer:
    """One <incomingServer type="imap"> or <outgoingServer type="smtp"> entry.

    ``host`` and ``username`` may still contain %EMAILDOMAIN% / %EMAILADDRESS% /
    %EMAILLOCALPART% placeholders; ``endpoint_for`` fills them in for an address.
    """

    host: str
    port: int
    security: Security
    username: str
    authentication: tuple[str, ...] = ()

    @property
    def oauth_only(self) -> bool:
        return bool(self.authentication) and all(a.lower() == "oauth2" for a in self.authentication)

    def endpoint_for(self, address: Address) -> Endpoint:
        return Endpoint(
            host=fill_placeholders(self.host, address).lower(),
            port=self.port,
            security=self.security,
            username=fill_placeholders(self.username, address) or address.address,
        )


@dataclass(frozen=True)
class AutoconfigDocument:
    """What a config-v1.1 file says about a provider."""

    provider_id: str
    domains: tuple[str, ...]
    display_name: str
    short_name: str
    imap: tuple[AutoconfigServer, ...]
    smtp: tuple[AutoconfigServer, ...]
    documentation_url: str = ""
    enable_url: str = ""

    def pairs_for(self, address: Address) -> list[tuple[Endpoint, Endpoint]]:
        """IMAP/SMTP pairs for ``address``: the i-th IMAP with the i-th SMTP server (or the
        first SMTP when there are fewer), secure ones first as the file orders them."""
        if not self.imap or not self.smtp:
            return []
        count = max(len(self.imap), len(self.smtp))
        pairs: list[tuple[Endpoint, Endpoint]] = []
        for i in range(count):
            imap = self.imap[i] if i < len(self.imap) else self.imap[0]
            smtp = self.smtp[i] if i < len(self.smtp) else self.smtp[0]
            pair = (imap.endpoint_for(address), smtp.endpoint_for(address))
            if pair not in pairs:
                pairs.append(pair)
        return pairs


def fill_placeholders(template: str, address: Address) -> str:
    return (
        template.replace("%EMAILADDRESS%", address.address)
        .replace("%EMAILLOCALPART%", address.local)
        .replace("%EMAILDOMAIN%", address.domain)
    )


def _build_tree(data: bytes) -> _Element:
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_Element] = []
    root: list[_Element] = []
    count = 0

    def refuse(what: str) -> None:
        raise _Refused(what)

    def doctype(*_: object) -> None:
        refuse("it contains a document type declaration (<!DOCTYPE>), which is not allowed")

    def entity(*_: object) -> None:
        refuse("it declares entities (<!ENTITY>), which are not allowed")

    def external(*_: object) -> int:
        refuse("it refers to an external entity, which is not allowed")
        return 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_ELEMENTS:
            refuse(f"it has more than {MAX_ELEMENTS} elements")
        if len(stack) >= MAX_DEPTH:
            refuse(f"it is nested deeper than {MAX_DEPTH} levels")
        element = _Element(tag=tag, attrs=dict(attrs))
        if stack:
            stack[-1].children.append(element)
        elif root:
            refuse("it has more than one root element")
        else:
            root.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        del tag
        stack.pop()

    def chars(text: str) -> None:
        if not stack:
            return
        element = stack[-1]
        element.text_size += len(text)
        if element.text_size > MAX_TEXT:
            refuse(f"the text of <{element.tag}> is longer than {MAX_TEXT} characters")
        element.text_parts.append(text)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.NotationDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(data, True)
    if not root:
        raise AutoconfigError("not an autoconfig file: it has no root element")
    return root[0]


def _check_host(host: str, where: str) -> str:
    """Validate a <hostname> (placeholders allowed) and return it lower-cased around them."""
    value = host.strip()
    if not value:
        raise AutoconfigError(f"{where}: <hostname> is missing or empty")
    unknown = set(_PLACEHOLDER.findall(value)) - _KNOWN_PLACEHOLDERS
    if unknown:
        raise AutoconfigError(
            f"{where}: <hostname> uses an unknown placeholder {sorted(unknown)[0]}"
        )
    parts = re.split(r"(%[A-Z]+%)", value)
    template = "".join(p if _PLACEHOLDER.fullmatch(p) else p.lower() for p in parts)
    sample = template.replace("%EMAILDOMAIN%", "example.com")
    if _PLACEHOLDER.search(sample):
        raise AutoconfigError(f"{where}: <hostname> may only use the %EMAILDOMAIN% placeholder")
    if is_valid_hostname(sample):
        return template
    try:
        ipaddress.ip_address(sample)
    except ValueError:
        raise AutoconfigError(f"{where}: {value[:80]!r} is not a valid host name") from None
    return sample


def _server(element: _Element, where: str) -> AutoconfigServer:
    host = _check_host(element.child_text("hostname"), where)
    port_text = element.child_text("port")
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise AutoconfigError(
            f"{where}: <port> must be a number from 1 to 65535, got {port_text!r}"
        )
    socket_text = element.child_text("socketType")
    security = _SOCKET_TYPES.get(socket_text.lower())
    if security is None:
        raise AutoconfigError(
            f"{where}: <socketType> must be SSL, STARTTLS or plain, got {socket_text[:40]!r}"
        )
    username = element.child_text("username") or "%EMAILADDRESS%"
    auth = tuple(a.text for a in element.find_all("authentication") if a.text)
    return AutoconfigServer(host, int(port_text), security, username, auth)


def _interpret(root: _Element) -> AutoconfigDocument:
    if root.tag != "clientConfig":
        raise AutoconfigError(f"not an autoconfig file: the root element is <{root.tag[:40]}>")
    provider = root.find("emailProvider")
    if provider is None:
        raise AutoconfigError("not an autoconfig file: <emailProvider> is missing")
    domains: list[str] = []
    for element in provider.find_all("domain"):
        domain = element.text.lower().rstrip(".")
        if domain and not is_valid_hostname(domain):
            raise AutoconfigError(f"<domain> {domain[:60]!r} is not a valid domain name")
        if domain and domain not in domains:
            domains.append(domain)
    imap: list[AutoconfigServer] = []
    smtp: list[AutoconfigServer] = []
    for i, element in enumerate(provider.find_all("incomingServer")):
        if element.attrs.get("type", "").lower() == "imap":
            imap.append(_server(element, f"incomingServer #{i + 1}"))
    for i, element in enumerate(provider.find_all("outgoingServer")):
        if element.attrs.get("type", "").lower() == "smtp":
            smtp.append(_server(element, f"outgoingServer #{i + 1}"))
    order = {Security.SSL: 0, Security.STARTTLS: 1, Security.PLAIN: 2}
    imap.sort(key=lambda s: order[s.security])
    smtp.sort(key=lambda s: order[s.security])
    documentation = provider.find("documentation")
    enable = provider.find("enable")
    return AutoconfigDocument(
        provider_id=provider.attrs.get("id", "")[:100],
        domains=tuple(domains),
        display_name=provider.child_text("displayName")[:200],
        short_name=provider.child_text("displayShortName")[:100],
        imap=tuple(imap),
        smtp=tuple(smtp),
        documentation_url=_url(
            documentation.attrs.get("url", "") if documentation is not None else ""
        ),
        enable_url=_url(enable.attrs.get("visiturl", "") if enable is not None else ""),
    )


def _url(text: str) -> str:
    value = text.strip()
    return value if value.startswith(("https://", "http://")) and len(value) < 2000 else ""


def parse_autoconfig(data: bytes | str) -> AutoconfigDocument:
    """Parse a config-v1.1 document; AutoconfigError (and nothing else) if it is unusable."""
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        if len(raw) > MAX_AUTOCONFIG_BYTES:
            raise AutoconfigError(
                f"the file is larger than {MAX_AUTOCONFIG_BYTES // 1024} KiB; "
                "real autoconfig files are a few kilobytes"
            )
        if not raw.strip():
            raise AutoconfigError("the file is empty")
        upper = raw.upper()
        if b"<!DOCTYPE" in upper:
            raise AutoconfigError(
                "it contains a document type declaration (<!DOCTYPE>), which is not allowed"
            )
        if b"<!ENTITY" in upper:
            raise AutoconfigError("it declares entities (<!ENTITY>), which are not allowed")
        return _interpret(_build_tree(raw))
    except AutoconfigError:
        raise
    except _Refused as exc:
        raise AutoconfigError(f"refused: {exc}") from None
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code) if exc.code else str(exc)
        raise AutoconfigError(
            f"malformed XML at line {exc.lineno}, column {exc.offset}: {reason}"
        ) from None
    except (ValueError, TypeError, RecursionError, MemoryError, UnicodeError) as exc:
        raise AutoconfigError(f"unreadable autoconfig file ({exc.__class__.__name__})") from None
