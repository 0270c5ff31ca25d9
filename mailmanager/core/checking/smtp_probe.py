"""The SMTP probe: prove that an account can log in and would be allowed to send, sending nothing.

A small client of its own over ``wire`` instead of smtplib, because smtplib's ``login()`` tries
every advertised mechanism in turn (several failed logins per check lock provider accounts),
its timeouts are per read, and it reads replies without a memory bound.

The dialogue: greeting -> EHLO -> STARTTLS + EHLO (starttls security only) -> AUTH with exactly
one mechanism (PLAIN, else LOGIN) -> MAIL FROM:<address> (NetEase refuses only here when SMTP
is not enabled: "550 User has no permission") -> RSET -> QUIT. No RCPT, no DATA.
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable

from mailmanager.core import redact
from mailmanager.core.catalogue.traits import NO_TRAITS, CheckTraits
from mailmanager.core.checking.diagnosis import (
    Stage,
    decode_server_text,
    diagnose_smtp_failure,
)
from mailmanager.core.checking.result import (
    ProbeFailed,
    ProbeResult,
    ProbeTrace,
    start_tls_or_refuse,
)
from mailmanager.core.checking.wire import Deadline, LineConnection, WireError, make_tls_context
from mailmanager.core.model.accounts import Endpoint, Protocol, Security
from mailmanager.core.model.status import ConnectionStatus as S

_MAX_REPLY_LINES = 100
_GOODBYE_SECONDS = 2.0


class _SmtpSession:
    """Commands and (multi-line) replies over one LineConnection."""

    def __init__(self, conn: LineConnection, family: str) -> None:
        self.conn = conn
        self.family = family

    def read_reply(self, stage: Stage) -> tuple[int, list[bytes]]:
        """(code, lines) of the next reply; garbage ends the probe as a protocol error."""
        lines: list[bytes] = []
        while True:
            line = self.conn.read_line()
            lines.append(line)
            head = line[:3]
            if len(line) < 3 or not head.isdigit() or line[3:4] not in (b"", b" ", b"-"):
                self.fail(stage, b"\n".join(lines))
            if line[3:4] != b"-":
                return int(head), lines
            if len(lines) >= _MAX_REPLY_LINES:
                self.fail(stage, b"\n".join(lines[:5]))

    def command(self, stage: Stage, text: bytes) -> tuple[int, list[bytes]]:
        self.conn.write(text + b"\r\n")
        return self.read_reply(stage)

    def fail(self, stage: Stage, reply: bytes) -> None:
        diagnosis = diagnose_smtp_failure(stage, reply, family=self.family)
        raise ProbeFailed(diagnosis.status, diagnosis.hint_id, decode_server_text(reply))

    def expect(self, stage: Stage, reply: tuple[int, list[bytes]], *codes: int) -> None:
        if reply[0] not in codes:
            self.fail(stage, b"\n".join(reply[1]))

    def ehlo(self, name: bytes) -> set[str]:
        reply = self.command(Stage.EHLO, b"EHLO " + name)
        self.expect(Stage.EHLO, reply, 250)
        return {decode_server_text(line[4:]).upper().strip() for line in reply[1][1:]}


def _auth_mechanisms(extensions: set[str]) -> set[str]:
    found: set[str] = set()
    for ext in extensions:
        words = ext.replace("=", " ").split()
        if words and words[0] == "AUTH":
            found.update(words[1:])
    return found


def _text(reply: tuple[int, list[bytes]]) -> str:
    return decode_server_text(b"\n".join(reply[1]))


def _authenticate(session: _SmtpSession, mechanisms: set[str], user: str, secret: str) -> str:
    """Exactly one AUTH exchange with one mechanism; returns the server's success text."""
    b64 = base64.b64encode
    if "PLAIN" in mechanisms:
        token = b64(b"\0" + user.encode() + b"\0" + secret.encode())
        reply = session.command(Stage.AUTH, b"AUTH PLAIN " + token)
        if reply[0] == 334:
            # The server ignored the initial response; cancel rather than send anything again.
            session.command(Stage.AUTH, b"*")
            raise ProbeFailed(S.PROTOCOL_ERROR, "auth_mechanism_unsupported", _text(reply))
        session.expect(Stage.AUTH, reply, 235)
        return _text(reply)
    reply = session.command(Stage.AUTH, b"AUTH LOGIN")
    session.expect(Stage.AUTH, reply, 334)
    reply = session.command(Stage.AUTH, b64(user.encode()))
    session.expect(Stage.AUTH, reply, 334)
    reply = session.command(Stage.AUTH, b64(secret.encode()))
    session.expect(Stage.AUTH, reply, 235)
    return _text(reply)


def _helo_name(conn: LineConnection) -> bytes:
    host = conn.local_address()
    if not host:
        return b"localhost"
    return (f"[IPv6:{host}]" if ":" in host else f"[{host}]").encode("ascii")


def probe_smtp(
    endpoint: Endpoint,
    secret: str,
    *,
    address: str = "",
    timeout: float = 20.0,
    cancel: threading.Event | None = None,
    progress: Callable[[str], None] | None = None,
    ca_file: str | None = None,
    ca_pem: str | None = None,
    traits: CheckTraits = NO_TRAITS,
) -> ProbeResult:
    """Log in to ``endpoint`` once and ask to send as ``address``; never raises for the
    server's doing and never sends a message."""
    redact.register(secret)
    started = time.monotonic()
    deadline = Deadline(timeout)
    trace = ProbeTrace(Protocol.SMTP, started, secret, progress)
    family = traits.hint_family
    username = endpoint.username or address
    # Never let an address smuggle a line break (or a second command) onto the wire.
    sender = "".join(ch for ch in (address or username) if ch.isprintable() and ch not in "<>")
    plain = endpoint.security is Security.PLAIN
    conn: LineConnection | None = None
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
        session = _SmtpSession(conn, family)
        greeting = session.read_reply(Stage.GREETING)
        session.expect(Stage.GREETING, greeting, 220)
        trace.step("greeting", _text(greeting))
        name = _helo_name(conn)
        extensions = session.ehlo(name)
        if endpoint.security is Security.STARTTLS:
            if "STARTTLS" not in extensions:
                raise ProbeFailed(S.INSECURE_REFUSED, "starttls_missing", _text(greeting))
            reply = session.command(Stage.STARTTLS, b"STARTTLS")
            session.expect(Stage.STARTTLS, reply, 220)
            assert context is not None
            start_tls_or_refuse(conn, context, endpoint.host)
            trace.step("starttls")
            extensions = session.ehlo(name)
        trace.step("ehlo", " ".join(sorted(extensions)))
        mechanisms = _auth_mechanisms(extensions)
        if not mechanisms & {"PLAIN", "LOGIN"}:
            if plain and "STARTTLS" in extensions:
                raise ProbeFailed(S.INSECURE_REFUSED, "tls_required", "")
            raise ProbeFailed(S.PROTOCOL_ERROR, "auth_mechanism_unsupported", "")
        auth_text = _authenticate(session, mechanisms, username, secret)
        trace.step("auth", auth_text)
        reply = session.command(Stage.MAIL_FROM, b"MAIL FROM:<" + sender.encode() + b">")
        session.expect(Stage.MAIL_FROM, reply, 250)
        trace.step("mail_from", _text(reply))
        _goodbye(session)
        trace.step("quit")
        return trace.success(auth_text, plain=plain)
    except (ProbeFailed, WireError) as exc:
        return trace.failure(exc, plain=plain, family=family)
    finally:
        if conn is not None:
            conn.close()


def _goodbye(session: _SmtpSession) -> None:
    """RSET and QUIT, briefly; the verdict is already in, so failures here do not count."""
    conn = session.conn
    try:
        conn.shorten_deadline(_GOODBYE_SECONDS)
        session.command(Stage.LOGOUT, b"RSET")
        session.command(Stage.LOGOUT, b"QUIT")
    except (WireError, ProbeFailed):
        pass
