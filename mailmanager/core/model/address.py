"""E-mail address normalisation and validation, shared by detection, the store, the CLI and the UI.

Why a module of its own: the same address must compare equal wherever it comes from (typed in the
wizard with a full-width ＠ from a Chinese input method, pasted with stray spaces, given on the
command line with an internationalised domain). One function turns all of them into one canonical
form, and rejects what cannot be a mailbox with a message that says exactly what is wrong.

The canonical form keeps the local part as typed (it is case-sensitive in principle, and some
servers care), lower-cases the domain and converts it to its ASCII (IDNA / punycode) form, which
is what DNS and the servers see. IDNA uses the standard library's codec (IDNA 2003 with nameprep);
``domain_unicode`` keeps the readable form for display.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Address",
    "AddressError",
    "UsernameForm",
    "is_valid_hostname",
    "normalise_address",
    "normalise_domain",
    "parse_address",
    "username_for",
]

MAX_ADDRESS_LENGTH = 254  # RFC 5321 path limit minus the angle brackets
MAX_LOCAL_LENGTH = 64
MAX_DOMAIN_LENGTH = 253
MAX_LABEL_LENGTH = 63

# Characters that Chinese, Japanese and Korean input methods produce in place of ASCII ones.
_WIDE_TRANSLATION = str.maketrans(
    {
        "＠": "@",
        "﹫": "@",  # small commercial at
        "。": ".",  # ideographic full stop
        "．": ".",
        "｡": ".",  # half-width ideographic full stop
        "\u3000": " ",  # ideographic space
    }
)

# RFC 5322 atext, plus any non-ASCII character (RFC 6531 internationalised local parts).
_ATEXT = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\u0080-\U0010ffff]+$")
_LDH_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
# Server names may also hold "_" (not allowed in DNS host names, but local names such as
# mail_server.lan work through /etc/hosts or a company's resolver).
_SERVER_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


class AddressError(ValueError):
    """The text is not a usable e-mail address; the message says why, in one line."""


class UsernameForm(StrEnum):
    """What a provider expects as the login name: the whole address or only its local part."""

    ADDRESS = "address"
    LOCAL_PART = "local_part"


@dataclass(frozen=True)
class Address:
    """A validated e-mail address.

    Attributes:
        local: the part before the ``@``, as typed (trimmed).
        domain: the domain in lower-case ASCII (IDNA ``xn--`` labels where needed).
        domain_unicode: the same domain in readable Unicode, for display.
    """

    local: str
    domain: str
    domain_unicode: str

    @property
    def address(self) -> str:
        """The canonical address: ``local@ascii-domain``."""
        return f"{self.local}@{self.domain}"

    @property
    def display(self) -> str:
        """The address with the domain in its readable Unicode form."""
        return f"{self.local}@{self.domain_unicode}"

    def __str__(self) -> str:
        return self.address


def _clean(text: str) -> str:
    cleaned = text.translate(_WIDE_TRANSLATION).strip()
    if cleaned.lower().startswith("mailto:"):
        cleaned = cleaned[len("mailto:") :].strip()
    if cleaned.startswith("<") and cleaned.endswith(">"):
        cleaned = cleaned[1:-1].strip()
    return cleaned


def _check_local(local: str) -> None:
    if not local:
        raise AddressError("the part before '@' is empty")
    if local.startswith('"'):
        raise AddressError('quoted local parts ("..."@domain) are not supported')
    if len(local.encode("utf-8")) > MAX_LOCAL_LENGTH:
        raise AddressError(f"the part before '@' is longer than {MAX_LOCAL_LENGTH} bytes")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise AddressError("the part before '@' must not start or end with a dot, or hold '..'")
    for atom in local.split("."):
        if not _ATEXT.match(atom):
            bad = next(ch for ch in atom if not _ATEXT.match(ch))
            raise AddressError(f"the part before '@' contains a character not allowed: {bad!r}")


# Pure and asked for the same domains and servers many times over (a 10,000-row spreadsheet of
# one provider), so cached; errors are not cached and raise each time.
@functools.lru_cache(maxsize=4096)
def normalise_domain(text: str) -> tuple[str, str]:
    """Return ``(ascii, unicode)`` forms of a domain name, or raise AddressError.

    The ASCII form is lower-case with IDNA labels; a trailing dot is dropped. At least two labels
    are required (a mailbox domain is never a bare top-level name), and IP literals are refused.
    """
    domain = text.translate(_WIDE_TRANSLATION).strip().rstrip(".")
    if not domain:
        raise AddressError("the domain after '@' is empty")
    if domain.startswith("[") or _IPV4.match(domain):
        raise AddressError("an IP address in place of a domain is not supported")
    if any(ch.isspace() for ch in domain):
        raise AddressError("the domain contains a space")
    labels = domain.split(".")
    if any(not label for label in labels):
        raise AddressError("the domain has an empty label (two dots in a row, or a leading dot)")
    ascii_labels: list[str] = []
    for label in labels:
        if label.isascii():
            ascii_label = label.lower()
        else:
            try:
                ascii_label = label.encode("idna").decode("ascii").lower()
            except UnicodeError as exc:
                raise AddressError(f"the domain label {label!r} is not a valid IDNA name") from exc
        if len(ascii_label) > MAX_LABEL_LENGTH:
            raise AddressError(f"the domain label {label!r} is longer than 63 characters")
        if not _LDH_LABEL.match(ascii_label):
            raise AddressError(
                f"the domain label {label!r} may hold only letters, digits and inner hyphens"
            )
        ascii_labels.append(ascii_label)
    if len(ascii_labels) < 2:
        raise AddressError("the domain needs at least one dot (for example example.com)")
    if ascii_labels[-1].isdigit():
        raise AddressError("the domain's last label cannot be a number")
    ascii_domain = ".".join(ascii_labels)
    if len(ascii_domain) > MAX_DOMAIN_LENGTH:
        raise AddressError(f"the domain is longer than {MAX_DOMAIN_LENGTH} characters")
    unicode_labels = []
    for label in ascii_labels:
        if label.startswith("xn--"):
            try:
                unicode_labels.append(label.encode("ascii").decode("idna"))
            except UnicodeError as exc:
                raise AddressError(f"the domain label {label!r} is not valid punycode") from exc
        else:
            unicode_labels.append(label)
    return ascii_domain, ".".join(unicode_labels)


_ASCII_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def _check_characters(cleaned: str) -> None:
    if any(unicodedata.category(ch) == "Cs" for ch in cleaned):
        # Bytes that were not UTF-8 (kept as lone surrogates by the command line): no address
        # can hold them, and they cannot be stored or sent.
        raise AddressError("the address contains bytes that are not valid UTF-8 text")
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in cleaned):
        raise AddressError("the address contains a control character")
    if any(ch.isspace() for ch in cleaned):
        raise AddressError("the address contains a space")


def parse_address(text: str) -> Address:
    """Validate ``text`` as an e-mail address and return its parts; AddressError if malformed."""
    if not isinstance(text, str):
        raise AddressError("the address must be text")
    cleaned = unicodedata.normalize("NFC", _clean(text))
    if not cleaned:
        raise AddressError("the address is empty")
    # A plain ASCII address without spaces or control characters (nearly every one) needs none
    # of the per-character checks; they run only for the others, and name what is wrong.
    if not (cleaned.isascii() and _ASCII_SPACE_OR_CONTROL.search(cleaned) is None):
        _check_characters(cleaned)
    if "@" not in cleaned:
        raise AddressError("the address has no '@'")
    local, _, domain_text = cleaned.rpartition("@")
    if "@" in local:
        raise AddressError("the address has more than one '@'")
    _check_local(local)
    ascii_domain, unicode_domain = normalise_domain(domain_text)
    result = Address(local=local, domain=ascii_domain, domain_unicode=unicode_domain)
    if len(result.address.encode("utf-8")) > MAX_ADDRESS_LENGTH:
        raise AddressError(f"the address is longer than {MAX_ADDRESS_LENGTH} characters")
    return result


def normalise_address(text: str) -> str:
    """The canonical form of an address (see module docstring); AddressError if malformed."""
    return parse_address(text).address


def username_for(address: str | Address, form: UsernameForm) -> str:
    """The login name a provider expects for ``address``: the whole address or its local part."""
    parsed = address if isinstance(address, Address) else parse_address(address)
    return parsed.local if form is UsernameForm.LOCAL_PART else parsed.address


def bare_server_name(text: str) -> str:
    """A server name as typed, as stored: trimmed, lower case, an IPv6 address without the
    brackets it is written in within a URL (``[::1]``)."""
    host = text.strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host


@functools.lru_cache(maxsize=4096)
def server_name_problem(host: str) -> str | None:
    """Why ``host`` cannot be a mail server's name, or None when it can.

    Accepted: an IP address, or a host name of letters, digits and hyphens between dots (a
    company's single-label name such as ``mail`` included; Unicode names in their IDNA form).
    Refused before any connection is tried: spaces, slashes, empty labels, over-long names.
    """
    host = bare_server_name(host)
    if not host:
        return "the server name is empty"
    if unicodedata.normalize("NFKC", host) != host or any(
        unicodedata.category(ch) in ("Cc", "Cf", "Zs") for ch in host
    ):
        # Look-alike or invisible characters that IDNA would silently fold or drop: the
        # name stored would not be the name connected to.
        return "the server name holds invisible or look-alike characters"
    if len(host) > MAX_DOMAIN_LENGTH:
        return f"the server name is longer than {MAX_DOMAIN_LENGTH} characters"
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    name = host[:-1] if host.endswith(".") else host
    try:
        ascii_name = name.encode("idna").decode("ascii")
    except UnicodeError:
        return "the server name is not a valid host name"
    if not all(_SERVER_LABEL.match(label) for label in ascii_name.lower().split(".")):
        return "a server name holds only letters, digits, hyphens and dots"
    return None


def is_valid_hostname(host: str) -> bool:
    """True for a syntactically valid lower-case DNS host name (LDH labels, at least one dot)."""
    if not host or len(host) > MAX_DOMAIN_LENGTH or host != host.lower():
        return False
    labels = host.split(".")
    if len(labels) < 2 or labels[-1].isdigit():
        return False
    return all(_LDH_LABEL.match(label) for label in labels)
