"""The IMAP probe: prove that an account can log in and open its inbox, read-only.

A small client of its own over ``wire`` instead of imaplib, because imaplib has per-read
timeouts only (a trickling server defeats them), reads unbounded lines and literals, has no ID
command (NetEase needs it), and would happily log in in plain text after a failed STARTTLS.

The dialogue: greeting -> CAPABILITY (unless the greeting carried it) -> STARTTLS (starttls
security only) -> CAPABILITY -> LOGIN or AUTHENTICATE PLAIN (exactly once) -> ID (RFC 2971, when
the server advertises it or the provider needs it: NetEase shows "Unsafe Login" at the first
EXAMINE/SELECT otherwise) -> EXAMINE INBOX -> LOGOUT.
"""

from __future__ import annotations

import base64
import re
import threading
import time
from collections.abc import Callable, Mapping

from mailmanager import __version__
from mailmanager.core import redact
from mailmanager.core.catalogue.traits import NO_TRAITS, CheckTraits
from mailmanager.core.checking.diagnosis import (
    Stage,
    decode_server_text,
    diagnose_imap_failure,
)
from mailmanager.core.checking.result import (
    ProbeFailed,
    ProbeResult,
    ProbeTrace,
    start_tls_or_refuse,
)
from mailmanager.core.checking.wire import (
    Deadline,
    LineConnection,
    LineTooLong,
    WireError,
    make_tls_context,
)
from mailmanager.core.model.accounts import Endpoint, Protocol, Security
from mailmanager.core.model.status import ConnectionStatus as S

CLIENT_ID: Mapping[str, str] = {
    "name": "mailmanager",
    "version": __version__,
    "vendor": "mailmanager",
    "support-email": "support@mailmanager.invalid",
}

_LITERAL = re.compile(rb"\{(\d{1,20})\+?\}$")
_CAPABILITY = re.compile(rb"\[CAPABILITY ([^\]]*)\]", re.IGNORECASE)
_MAX_LOGICAL_LINE = 256 * 1024
_KEEP_UNTAGGED = 32
_LOGOUT_SECONDS = 2.0


def _quotable(value: str) -> bool:
    return value.isascii() and value.isprintable()


def _quote(value: str) -> bytes:
    return b'"' + redact.imap_quoted(value).encode("ascii") + b'"'


class _ImapSession:
    """Tagged commands and their responses over one LineConnection."""

    def __init__(self, conn: LineConnection, trace: ProbeTrace, family: str) -> None:
        self.conn = conn
        self.trace = trace
        self.family = family
        self.capabilities: set[str] = set()
        self._counter = 0
        self.id_sent = False

    def next_tag(self) -> bytes:
        self._counter += 1
        return b"M%d" % self._counter

    def read_logical_line(self) -> bytes:
        """One response line, with any literals skipped (bounded by the wire's limits)."""
        line = self.conn.read_line()
        while True:
            match = _LITERAL.search(line)
            if match is None:
                return line
            kept = self.conn.discard_exact(int(match.group(1)))
            line = line[: match.start()] + b'"' + kept[:64] + b'"' + self.conn.read_line()
            if len(line) > _MAX_LOGICAL_LINE:
                raise LineTooLong("the server sent an oversized response")

    def read_until_tagged(self, tag: bytes, stage: Stage) -> tuple[bytes, list[bytes]]:
        """Read untagged lines until the tagged completion of ``tag``.

        Returns (completion line, the last few untagged lines). A BYE followed by a closed
        connection is diagnosed from the BYE's own words."""
        untagged: list[bytes] = []
        bye: bytes | None = None
        while True:
            try:
                line = self.read_logical_line()
            except WireError:
                if bye is not None:
                    self.fail(stage, bye)
                raise
            if line.startswith(tag + b" "):
                return line, untagged
            if line.upper().startswith(b"* BYE"):
                bye = line
            elif line.startswith(b"+"):
                self.fail(stage, line)
            untagged.append(line)
            del untagged[:-_KEEP_UNTAGGED]

    def command(self, stage: Stage, text: bytes) -> tuple[bytes, list[bytes]]:
        tag = self.next_tag()
        self.conn.write(tag + b" " + text + b"\r\n")
        return self.read_until_tagged(tag, stage)

    def fail(self, stage: Stage, line: bytes) -> None:
        diagnosis = diagnose_imap_failure(stage, line, family=self.family, id_sent=self.id_sent)
        raise ProbeFailed(diagnosis.status, diagnosis.hint_id, message_of(line))

    def expect_ok(self, stage: Stage, line: bytes) -> None:
        parts = line.split(b" ", 2)
        if len(parts) < 2 or parts[1].upper() != b"OK":
            self.fail(stage, line)

    def learn_capabilities(self, lines: list[bytes]) -> None:
        for line in lines:
            found = _CAPABILITY.search(line)
            words: bytes | None = None
            if found is not None:
                words = found.group(1)
            elif line.upper().startswith(b"* CAPABILITY "):
                words = line[len(b"* CAPABILITY ") :]
            if words is not None:
                self.capabilities = {w.upper() for w in decode_server_text(words).split()}

    def capability(self) -> None:
        self.capabilities = set()
        done, untagged = self.command(Stage.CAPABILITY, b"CAPABILITY")
        self.expect_ok(Stage.CAPABILITY, done)
        self.learn_capabilities([*untagged, done])


def message_of(line: bytes) -> str:
    """A status line as shown to the user: decoded, without the tag."""
    text = decode_server_text(line)
    parts = text.split(" ", 1)
    return parts[1] if len(parts) == 2 else text


def _login(session: _ImapSession, username: str, secret: str) -> bytes:
    """Exactly one credential attempt; returns the tagged completion line."""
    caps = session.capabilities
    use_plain = "LOGINDISABLED" in caps or not (_quotable(username) and _quotable(secret))
    if use_plain and "AUTH=PLAIN" in caps:
        token = base64.b64encode(b"\0" + username.encode() + b"\0" + secret.encode())
        tag = session.next_tag()
        if "SASL-IR" in caps:
            session.conn.write(tag + b" AUTHENTICATE PLAIN " + token + b"\r\n")
        else:
            session.conn.write(tag + b" AUTHENTICATE PLAIN\r\n")
            line = session.read_logical_line()
            if not line.startswith(b"+"):
                if line.startswith(tag + b" "):
                    return line
                session.fail(Stage.AUTH, line)
            session.conn.write(token + b"\r\n")
        return session.read_until_tagged(tag, Stage.AUTH)[0]
    if "LOGINDISABLED" in caps:
        raise ProbeFailed(S.PROTOCOL_ERROR, "auth_mechanism_unsupported")
    if _quotable(username) and _quotable(secret):
        return session.command(Stage.AUTH, b"LOGIN " + _quote(username) + b" " + _quote(secret))[0]
    # Non-ASCII credentials without AUTH=PLAIN: synchronising literals.
    tag = session.next_tag()
    user_raw, secret_raw = username.encode(), secret.encode()
    session.conn.write(tag + b" LOGIN {%d}\r\n" % len(user_raw))
    for chunk, last in ((user_raw, False), (secret_raw, True)):
        line = session.read_logical_line()
        if not line.startswith(b"+"):
            if line.startswith(tag + b" "):
                return line
            session.fail(Stage.AUTH, line)
        tail = b"\r\n" if last else b" {%d}\r\n" % len(secret_raw)
        session.conn.write(chunk + tail)
    return session.read_until_tagged(tag, Stage.AUTH)[0]


def _id_command() -> bytes:
    fields = b" ".join(_quote(k) + b" " + _quote(v) for k, v in CLIENT_ID.items())
    return b"ID (" + fields + b")"


def probe_imap(
    endpoint: Endpoint,
    secret: str,
    *,
    address: str = "",
    timeout: float = 20.0,
    cancel: threading.Event | None = None,
    progress: Callable[[str], None] | None = None,
    traits: CheckTraits = NO_TRAITS,
    ca_file: str | None = None,
    ca_pem: str | None = None,
) -> ProbeResult:
    """Log in to ``endpoint`` once and open INBOX read-only; never raises for the server's doing.

    ``traits.send_id`` True always sends ID (NetEase, from the catalogue); None sends it when
    the server greets as Coremail; ID is also sent whenever the server advertises it.
    ``traits.hint_family`` picks the provider's hints for a refusal.
    """
    redact.register(secret)
    started = time.monotonic()
    deadline = Deadline(timeout)
    trace = ProbeTrace(Protocol.IMAP, started, secret, progress)
    family = traits.hint_family
    want_id = bool(traits.send_id)
    username = endpoint.username or address
    plain = endpoint.security is Security.PLAIN
    conn: LineConnection | None = None
    login_text = ""
    try:
        context = None if plain else make_tls_context(ca_file, ca_pem=ca_pem)
        conn = LineConnection.connect(
            endpoint.host,
            endpoint.port,
            deadline,
            cancel,
            tls_context=context if endpoint.security is Security.SSL else None,
        )
        trace.step("connect")
        session = _ImapSession(conn, trace, family)
        greeting = session.read_logical_line()
        trace.step("greeting", message_of(greeting))
        upper = greeting.upper()
        if not upper.startswith(b"* OK"):
            session.fail(Stage.GREETING, greeting)
        if b"COREMAIL" in upper and traits.send_id is None:
            want_id = True
        session.learn_capabilities([greeting])
        if not session.capabilities:
            session.capability()
        if endpoint.security is Security.STARTTLS:
            if "STARTTLS" not in session.capabilities:
                raise ProbeFailed(S.INSECURE_REFUSED, "starttls_missing", message_of(greeting))
            done, _ = session.command(Stage.STARTTLS, b"STARTTLS")
            session.expect_ok(Stage.STARTTLS, done)
            assert context is not None
            start_tls_or_refuse(conn, context, endpoint.host)
            trace.step("starttls")
            session.capability()
        if plain and "LOGINDISABLED" in session.capabilities:
            raise ProbeFailed(S.INSECURE_REFUSED, "tls_required", "LOGINDISABLED")
        trace.step("capability", " ".join(sorted(session.capabilities)))
        done = _login(session, username, secret)
        login_text = message_of(done)
        session.expect_ok(Stage.AUTH, done)
        session.learn_capabilities([done])
        trace.step("login", login_text)
        if want_id or "ID" in session.capabilities:
            session.id_sent = True
            done, _ = session.command(Stage.ID, _id_command())
            trace.step("id", message_of(done))
        done, _ = session.command(Stage.EXAMINE, b"EXAMINE INBOX")
        session.expect_ok(Stage.EXAMINE, done)
        trace.step("examine", message_of(done))
        _logout(session)
        trace.step("logout")
        return trace.success(login_text, plain=plain)
    except (ProbeFailed, WireError) as exc:
        return trace.failure(exc, plain=plain, family=family)
    finally:
        if conn is not None:
            conn.close()


def _logout(session: _ImapSession) -> None:
    """Say goodbye politely, briefly; the verdict is already in, so failures here do not count."""
    conn = session.conn
    try:
        conn.shorten_deadline(_LOGOUT_SECONDS)
        session.command(Stage.LOGOUT, b"LOGOUT")
    except (WireError, ProbeFailed):
        pass
