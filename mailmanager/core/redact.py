"""Keep secrets out of logs, stored server messages, exception texts and output.

The process registers each secret it handles (``register``); ``redact_text`` then replaces the
secret and the forms a server might echo it in: plain (in any letter case, for secrets of 8
characters or more), as an IMAP quoted string (``LOGIN user "co\\"de"`` escapes ``"`` and
``\\``), hex, and base64 of every string that embeds it at each byte alignment (SASL PLAIN
sends ``\\0user\\0code``, so a base64 echo of the whole exchange contains the code at an
arbitrary offset).
"""

from __future__ import annotations

import base64
import re
import threading

MASK = "********"
# Shorter secrets are matched in their exact letter case only: "info" must not mask "INFO"
# in every log line. Authorization codes are 16 characters.
ANY_CASE_FROM = 8
_lock = threading.Lock()
# Each registered secret with its forms, worked out once (redaction runs on every log line).
_secrets: dict[str, tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]] = {}


def register(secret: str) -> None:
    """Remember ``secret`` so that every later ``redact_text`` hides it."""
    if len(secret) >= 4:
        forms = _forms(secret)
        with _lock:
            _secrets[secret] = forms


def forget(secret: str) -> None:
    with _lock:
        _secrets.pop(secret, None)


def _base64_fragments(raw: bytes) -> set[str]:
    """Base64 text that appears whenever ``raw`` is encoded inside a longer string.

    Encoding works in 3-byte groups, so ``raw`` at offset 0, 1 or 2 of a group yields three
    different encodings; the characters that depend only on ``raw`` are the stable middle part.
    """
    fragments = set()
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw).decode("ascii")
        # Keep only the characters whose 6 bits all come from ``raw``: the first starts at
        # bit 8*shift, the last ends at bit 8*(shift+len) - 1.
        start = -(-8 * shift // 6)
        end = 8 * (shift + len(raw)) // 6
        fragment = encoded[start:end]
        if len(fragment) >= 6:
            fragments.add(fragment)
    return fragments


def imap_quoted(secret: str) -> str:
    """``secret`` as it stands between the quotes of an IMAP quoted string (RFC 3501)."""
    return secret.replace("\\", "\\\\").replace('"', '\\"')


def _forms(secret: str) -> tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]:
    """The patterns for the text forms (longest first), and the exact forms (longest first)."""
    flags = re.IGNORECASE if len(secret) >= ANY_CASE_FROM else 0
    texts = sorted({secret, imap_quoted(secret)}, key=len, reverse=True)
    patterns = tuple(re.compile(re.escape(form), flags) for form in texts)
    exact = tuple(sorted(_exact_forms(secret), key=len, reverse=True))
    return patterns, exact


def _exact_forms(secret: str) -> set[str]:
    # surrogatepass: a secret holding a lone surrogate must not make every redaction (and so
    # every log call, whose filter redacts) raise UnicodeEncodeError.
    raw = secret.encode("utf-8", "surrogatepass")
    forms = {raw.hex(), raw.hex().upper()}
    forms |= _base64_fragments(raw)  # base64 is case-sensitive: a case change is other bytes
    return {f for f in forms if f}


def redact_text(text: str, extra: tuple[str, ...] = ()) -> str:
    """``text`` with every registered secret (and ``extra``) replaced by ``MASK``."""
    if not text:
        return text
    with _lock:
        known = dict(_secrets)
    for secret in extra:
        if len(secret) >= 4 and secret not in known:
            known[secret] = _forms(secret)
    for secret in sorted(known, key=len, reverse=True):
        patterns, exact = known[secret]
        for pattern in patterns:
            text = pattern.sub(MASK, text)
        for form in exact:
            if form in text:
                text = text.replace(form, MASK)
    return text
