"""Turn a server's reply (or a failure below the protocol) into a status and a hint id.

Pure functions, no I/O, so they are easy to test and to fuzz: any bytes a server may send go
through ``diagnose_reply`` into one of the connection statuses, never an exception.

Order of evidence, most reliable first:

1. machine-readable codes: provider error tokens (NetEase's ``ERR.LOGIN.IPDENY`` is more specific
   than the response code it may come with), IMAP response codes (``[AUTHENTICATIONFAILED]``,
   ``[UNAVAILABLE]`` ...), SMTP enhanced status codes (``5.7.9``, ``5.7.139``) and the SMTP
   reply class (4xx is temporary, 5xx permanent);
2. the provider's wording (``Unsafe Login``, ``请使用授权码登录``), which mainly picks the hint;
3. the stage the probe was in (a NO to LOGIN is a rejected login, a NO to EXAMINE is a refused
   mailbox).

These functions are only asked about failures, so they never answer ``ok``: a reply that looks
like success at a point where the probe did not expect it is a protocol error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from mailmanager.core.catalogue.model import (
    ALIYUN_QIYE,
    EXMAIL,
    GMAIL,
    INTERNATIONAL,
    NETEASE,
    NETEASE_QIYE,
    OUTLOOK,
    QQ,
)
from mailmanager.core.checking import wire
from mailmanager.core.model.status import ConnectionStatus as S


class Stage(StrEnum):
    """Where in the dialogue a reply came."""

    CONNECT = "connect"
    GREETING = "greeting"
    CAPABILITY = "capability"
    STARTTLS = "starttls"
    EHLO = "ehlo"
    AUTH = "auth"
    ID = "id"
    EXAMINE = "examine"
    MAIL_FROM = "mail_from"
    LOGOUT = "logout"


@dataclass(frozen=True)
class Diagnosis:
    """A status from the app's vocabulary and a stable hint id."""

    status: S
    hint_id: str


# Provider families that change the hint (never the status); which family a provider belongs to
# is a fact of the catalogue (``hint_family``, read through ``catalogue.traits.check_traits``).
_INTERNATIONAL = {GMAIL, OUTLOOK, INTERNATIONAL}


def decode_server_text(raw: bytes) -> str:
    """Strict UTF-8, then strict GB18030 (Chinese servers), then UTF-8 with replacements."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def _text(reply: bytes | str) -> str:
    text = reply if isinstance(reply, str) else decode_server_text(reply)
    # Control characters (other than line breaks) are never shown as they came.
    return "".join(ch if ch in "\r\n\t" or ch.isprintable() else "\ufffd" for ch in text)


# -- wording ------------------------------------------------------------------------------------


def _has(text: str, *needles: str) -> bool:
    return any(n in text for n in needles)


def _provider_token(upper: str) -> Diagnosis | None:
    if "ERR.LOGIN.IPDENY" in upper:
        return Diagnosis(S.IP_DENIED, "netease_ip_denied")
    if "ERR.LOGIN.DOMAINNOTEXIST" in upper:
        return Diagnosis(S.SERVER_NOT_FOUND, "netease_domain_not_exist")
    if "UC_LOGIN_SOURCE_NOT_ALLOWED" in upper:
        return Diagnosis(S.SERVICE_DISABLED, "service_disabled")
    return None


def _auth_hint(lower: str, family: str) -> str:
    """The hint for a rejected login: the provider's wording first, then its family."""
    if _has(lower, "application-specific password", "app password", "app-specific password"):
        return "gmail_app_password" if family == GMAIL or "google" in lower else "app_password"
    if _has(lower, "basic authentication is disabled", "basic auth"):
        return "outlook_oauth_only"
    if _has(lower, "smtpclientauthentication is disabled"):
        return "outlook_smtp_auth_disabled"
    if _has(lower, "log in via your web browser", "web login required"):
        return "web_login_required"
    if _has(lower, "account is abnormal", "login frequency limited"):
        return "qq_login_fail"
    # "Use an authorization code" (授权码) is said by NetEase, QQ, Sina, Alibaba...: only the
    # provider's family says whose web settings make one; others get the generic hint.
    return _FAMILY_AUTH_HINTS.get(family, "auth_rejected")


# Whose web settings a rejected login sends the user to, by the provider's hint family.
_FAMILY_AUTH_HINTS = {
    NETEASE: "netease_auth_code",
    NETEASE_QIYE: "netease_qiye_auth_code",
    QQ: "qq_auth_code",
    EXMAIL: "exmail_auth",
    ALIYUN_QIYE: "aliyun_qiye_auth",
    GMAIL: "gmail_auth",
    OUTLOOK: "outlook_auth",
}


def _rate_limited(lower: str) -> bool:
    return _has(lower, "too many", "frequency", "频繁", "rate limit", "try again later")


# -- IMAP ---------------------------------------------------------------------------------------

_IMAP_STATUS = re.compile(
    r"^(?P<tag>\S+)\s+(?P<word>OK|NO|BAD|BYE|PREAUTH)\b\s*(?:\[(?P<code>[^\]]*)\])?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)

_IMAP_CODES: dict[str, Diagnosis] = {
    "AUTHENTICATIONFAILED": Diagnosis(S.AUTH_FAILED, ""),
    "AUTHORIZATIONFAILED": Diagnosis(S.AUTH_FAILED, ""),
    "EXPIRED": Diagnosis(S.AUTH_FAILED, "code_expired"),
    "UNAVAILABLE": Diagnosis(S.TEMPORARY_FAILURE, "temporary"),
    "SERVERBUG": Diagnosis(S.TEMPORARY_FAILURE, "temporary"),
    "LIMIT": Diagnosis(S.TEMPORARY_FAILURE, "rate_limited"),
    "INUSE": Diagnosis(S.TEMPORARY_FAILURE, "temporary"),
    "PRIVACYREQUIRED": Diagnosis(S.INSECURE_REFUSED, "tls_required"),
    "CONTACTADMIN": Diagnosis(S.SERVICE_DISABLED, "contact_admin"),
}


def diagnose_imap_failure(
    stage: Stage, reply: bytes | str, *, family: str = "", id_sent: bool = False
) -> Diagnosis:
    """Diagnose an IMAP status line (tagged or untagged) the probe did not accept."""
    text = _text(reply).strip()
    upper, lower = text.upper(), text.lower()
    token = _provider_token(upper)
    if token is not None:
        return token
    match = _IMAP_STATUS.match(text)
    if match is None:
        return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")
    word = match.group("word").upper()
    code = (match.group("code") or "").split(" ", 1)[0].upper()
    if word in ("OK", "PREAUTH"):
        return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")
    known = _IMAP_CODES.get(code)
    if known is not None:
        if known.status is S.AUTH_FAILED and not known.hint_id:
            return Diagnosis(S.AUTH_FAILED, _auth_hint(lower, family))
        return known
    if "unsafe login" in lower:
        return Diagnosis(
            S.UNSAFE_LOGIN, "netease_unsafe_login" if id_sent else "unsafe_login_no_id"
        )
    if _has(lower, "basic authentication is disabled"):
        return Diagnosis(S.SERVICE_DISABLED, "outlook_oauth_only")
    if _rate_limited(lower):
        return Diagnosis(S.TEMPORARY_FAILURE, "rate_limited")
    if word == "BYE":
        if stage in (Stage.GREETING, Stage.CONNECT):
            return Diagnosis(S.TEMPORARY_FAILURE, "server_busy")
        return Diagnosis(S.CONNECTION_FAILED, "connection_closed")
    if stage is Stage.STARTTLS:
        return Diagnosis(S.INSECURE_REFUSED, "starttls_failed")
    if stage is Stage.AUTH:
        if word == "BAD":
            return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")
        if _has(lower, "imap not enabled", "imap access is disabled", "not enabled", "未开启"):
            return Diagnosis(S.SERVICE_DISABLED, "service_disabled")
        return Diagnosis(S.AUTH_FAILED, _auth_hint(lower, family))
    if stage is Stage.EXAMINE and word == "NO":
        return Diagnosis(S.UNSAFE_LOGIN, "mailbox_refused")
    return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")


# -- SMTP ---------------------------------------------------------------------------------------

_SMTP_LINE = re.compile(r"^(?P<code>[2-5]\d\d)(?:[ -](?P<text>.*))?$", re.DOTALL)
_ENHANCED = re.compile(r"^\s*(?P<cls>[245])\.(?P<sub>\d{1,3})\.(?P<det>\d{1,3})\b")


@dataclass(frozen=True)
class SmtpReply:
    """A parsed SMTP reply: its code, enhanced status code (if any) and joined text."""

    code: int
    enhanced: str
    text: str


def parse_smtp_reply(reply: bytes | str) -> SmtpReply | None:
    """Parse a (possibly multi-line) reply; None when it is not SMTP at all."""
    lines = [ln for ln in _text(reply).replace("\r\n", "\n").split("\n") if ln.strip()]
    if not lines:
        return None
    code = 0
    texts: list[str] = []
    for line in lines:
        match = _SMTP_LINE.match(line.strip())
        if match is None:
            return None
        code = int(match.group("code"))
        texts.append((match.group("text") or "").strip())
    enhanced = ""
    found = _ENHANCED.match(texts[-1]) or _ENHANCED.match(texts[0])
    if found is not None:
        enhanced = f"{found.group('cls')}.{found.group('sub')}.{found.group('det')}"
    return SmtpReply(code, enhanced, " ".join(t for t in texts if t))


def diagnose_smtp_failure(stage: Stage, reply: bytes | str, *, family: str = "") -> Diagnosis:
    """Diagnose an SMTP reply the probe did not accept."""
    text = _text(reply)
    token = _provider_token(text.upper())
    if token is not None:
        return token
    parsed = parse_smtp_reply(text)
    if parsed is None:
        return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")
    lower = parsed.text.lower()
    code, enhanced = parsed.code, parsed.enhanced
    # Enhanced status codes first: they are the most precise evidence.
    if enhanced == "5.7.139":
        if "smtpclientauthentication" in lower:
            return Diagnosis(S.SERVICE_DISABLED, "outlook_smtp_auth_disabled")
        return Diagnosis(S.SERVICE_DISABLED, "outlook_oauth_only")
    if enhanced == "5.7.9":
        return Diagnosis(
            S.AUTH_FAILED,
            "gmail_app_password" if family == GMAIL or "google" in lower else "app_password",
        )
    if enhanced in ("5.7.0", "5.7.11") and "starttls" in lower:
        return Diagnosis(S.INSECURE_REFUSED, "tls_required")
    if code < 400:
        return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")
    if code < 500 or enhanced.startswith("4."):
        if stage is Stage.STARTTLS:
            return Diagnosis(S.INSECURE_REFUSED, "starttls_failed")
        return Diagnosis(
            S.TEMPORARY_FAILURE, "rate_limited" if _rate_limited(lower) else "temporary"
        )
    # 5xx: permanent; the stage decides the class, the wording the hint.
    if stage is Stage.STARTTLS:
        return Diagnosis(S.INSECURE_REFUSED, "starttls_failed")
    if stage in (Stage.GREETING, Stage.CONNECT):
        return Diagnosis(S.CONNECTION_FAILED, "server_refused_connection")
    if stage is Stage.AUTH:
        if code == 530 and "starttls" in lower:
            return Diagnosis(S.INSECURE_REFUSED, "tls_required")
        if code in (500, 502, 504):
            return Diagnosis(S.PROTOCOL_ERROR, "auth_mechanism_unsupported")
        if _has(lower, "not enabled", "未开启") and "password" not in lower:
            return Diagnosis(S.SERVICE_DISABLED, "service_disabled")
        return Diagnosis(S.AUTH_FAILED, _auth_hint(lower, family))
    if stage is Stage.MAIL_FROM:
        if "no permission" in lower:
            return Diagnosis(S.SERVICE_DISABLED, "netease_smtp_disabled")
        if _has(lower, "dt:spm", "spam"):
            return Diagnosis(S.SERVICE_DISABLED, "smtp_sending_blocked")
        if code == 530:
            return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")
        return Diagnosis(S.SERVICE_DISABLED, "smtp_sender_rejected")
    return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")


# -- everything below the protocol --------------------------------------------------------------


def diagnose_error(exc: BaseException, *, family: str = "") -> Diagnosis:
    """Diagnose a failure below the protocol (name lookup, connect, TLS, time, framing)."""
    if isinstance(exc, wire.Cancelled):
        return Diagnosis(S.TIMEOUT, "cancelled")
    if isinstance(exc, wire.ProbeTimeout):
        return Diagnosis(
            S.TIMEOUT, "timeout_international" if family in _INTERNATIONAL else "timeout"
        )
    if isinstance(exc, wire.NameNotFound):
        return Diagnosis(S.SERVER_NOT_FOUND, "server_not_found")
    if isinstance(exc, wire.ConnectFailed):
        return Diagnosis(
            S.CONNECTION_FAILED, "connection_refused" if exc.refused else "connection_failed"
        )
    if isinstance(exc, wire.TlsFailure):
        return Diagnosis(S.TLS_ERROR, f"tls_{exc.kind}")
    if isinstance(exc, wire.ConnectionClosed):
        return Diagnosis(S.CONNECTION_FAILED, "connection_closed")
    if isinstance(exc, (wire.LineTooLong, wire.LiteralTooLarge)):
        return Diagnosis(S.PROTOCOL_ERROR, "reply_too_long")
    return Diagnosis(S.PROTOCOL_ERROR, "protocol_error")


def diagnose_reply(protocol: str, stage: Stage, reply: bytes, *, family: str = "") -> Diagnosis:
    """Either protocol's failure diagnosis, chosen by name (``imap`` or ``smtp``)."""
    if protocol == "imap":
        return diagnose_imap_failure(stage, reply, family=family)
    return diagnose_smtp_failure(stage, reply, family=family)
