"""A tiny threaded line server on loopback that answers each command per a script.

Used to reproduce what real providers say (NetEase's "Unsafe Login", QQ's 535 in GBK, ...) and
how misbehaving servers act (silence, trickle, endless lines, huge literals), without patching
the code under test. Every line a server receives is recorded, so tests assert on what reached
the server (a wrong code exactly once; no credential after a missing STARTTLS).

A ``Script`` is a greeting plus rules: the first rule whose regular expression matches the start
of a received line answers it, either with bytes (``{tag}`` is replaced by the IMAP tag) or with
a callable ``(session, line) -> None``. ``imap_script`` and ``smtp_script`` build the usual
dialogues; ``latency`` delays every reply (for the benchmark).

Tests synchronise on what the server saw rather than sleeping: ``wait_for_line`` (a received line),
``wait_connections`` (accepted connections) and ``wait_sessions_ended`` (sessions the server has
finished with, every line of them recorded), or ``wait_until`` with any predicate of the server.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

Handler = Callable[["Session", bytes], None]
Answer = bytes | Handler


@dataclass
class Script:
    """What a scripted server says: ``greeting`` (bytes, a callable, or None for silence)."""

    greeting: bytes | Callable[[Session], None] | None
    rules: list[tuple[str, Answer]] = field(default_factory=list)
    default: Answer | None = b"{tag} BAD unknown command\r\n"
    latency: float = 0.0
    starttls_context: ssl.SSLContext | None = None

    def compiled(self) -> list[tuple[re.Pattern[bytes], Answer]]:
        return [(re.compile(p.encode(), re.IGNORECASE), a) for p, a in self.rules]


class Session:
    """One client connection; handlers use ``send``/``start_tls``/``close`` and ``state``."""

    def __init__(self, server: ScriptedServer, sock: socket.socket) -> None:
        self.server = server
        self.sock = sock
        self.state: dict[str, Any] = {}
        self.closed = False
        # When set, the next received line goes to this handler instead of the rules.
        self.next_line: Handler | None = None

    def send(self, data: bytes, *, delay: bool = True) -> bool:
        """Send (after the script's latency); False once the connection is gone."""
        if delay and self.server.script.latency:
            time.sleep(self.server.script.latency)
        try:
            self.sock.sendall(data)
        except OSError:
            self.closed = True
        return not self.closed

    def start_tls(self) -> None:
        context = self.server.script.starttls_context
        assert context is not None, "script has no starttls_context"
        self.sock = context.wrap_socket(self.sock, server_side=True)

    def close(self) -> None:
        """Close the connection (idempotent: a failed send marks it closed but leaves the
        socket to this method)."""
        self.closed = True
        with suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()

    def finish(self) -> None:
        """Stop counting this connection as active (once); the logout handlers call it before
        their last reply, so a client that reconnects at once is never counted twice."""
        if not self.state.get("finished"):
            self.state["finished"] = True
            for gauge in self.server._gauges():
                gauge.leave()

    def hang(self) -> None:
        """Stop answering, keep the connection open until the client goes away."""
        self.state["hang"] = True


def tag_of(line: bytes) -> bytes:
    return line.split(b" ", 1)[0]


class Gauge:
    """Counts connections open at once (shared by several servers to see a global maximum)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.active = 0
        self.peak = 0

    def enter(self) -> None:
        with self._lock:
            self.active += 1
            self.peak = max(self.peak, self.active)

    def leave(self) -> None:
        with self._lock:
            self.active -= 1


class ScriptedServer:
    """A threaded scripted server on ``host`` (127.0.0.x); implicit TLS with ``tls_context``.

    Attributes:
        received: every line received, in order, over all connections.
        auth_attempts: (user, secret) pairs the script saw (filled by the credential handlers).
        connections: how many connections were accepted.
    """

    def __init__(
        self,
        script: Script,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tls_context: ssl.SSLContext | None = None,
        max_line: int = 1 << 20,
        gauge: Gauge | None = None,
    ) -> None:
        self.script = script
        self.gauge = Gauge()
        self.shared_gauge = gauge
        self._rules = script.compiled()
        self.tls_context = tls_context
        self.max_line = max_line
        self.received: list[bytes] = []
        self.auth_attempts: list[tuple[str, str]] = []
        self.connections = 0
        self.sessions_ended = 0
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._listener = socket.create_server((host, port))
        self._listener.settimeout(0.2)
        self.host, self.port = self._listener.getsockname()[:2]
        self._stop = threading.Event()
        self._sessions: list[Session] = []
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()
        with self._lock:
            sessions = list(self._sessions)
        for session in sessions:
            session.close()
        self._thread.join(2)

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def record(self, line: bytes) -> None:
        with self._changed:
            self.received.append(line)
            self._changed.notify_all()

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        """Wait until ``predicate()`` holds (checked whenever a line, a connection or the end of
        a session is recorded); False after ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(predicate, timeout)

    def wait_for_line(self, pattern: str, count: int = 1, timeout: float = 5.0) -> bool:
        """Wait until ``count`` received lines match ``pattern``."""
        return self.wait_until(lambda: len(self.lines_matching(pattern)) >= count, timeout)

    def wait_connections(self, count: int = 1, timeout: float = 5.0) -> bool:
        """Wait until ``count`` connections were accepted."""
        return self.wait_until(lambda: self.connections >= count, timeout)

    def wait_sessions_ended(self, count: int | None = None, timeout: float = 5.0) -> bool:
        """Wait until ``count`` sessions (default: every accepted one) have ended, so every
        line their clients sent has been recorded."""
        return self.wait_until(
            lambda: self.sessions_ended >= (self.connections if count is None else count), timeout
        )

    def _session_ended(self) -> None:
        with self._changed:
            self.sessions_ended += 1
            self._changed.notify_all()

    def lines_matching(self, pattern: str) -> list[bytes]:
        regex = re.compile(pattern.encode(), re.IGNORECASE)
        with self._lock:
            return [line for line in self.received if regex.search(line)]

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._changed:
                self.connections += 1
                self._changed.notify_all()
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def _serve(self, sock: socket.socket) -> None:
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            if self.tls_context is not None:
                sock.settimeout(5)
                sock = self.tls_context.wrap_socket(sock, server_side=True)
                sock.settimeout(None)
        except (OSError, ssl.SSLError):
            sock.close()
            self._session_ended()
            return
        session = Session(self, sock)
        with self._lock:
            self._sessions.append(session)
        for gauge in self._gauges():
            gauge.enter()
        try:
            self._dialogue(session)
        except (OSError, ssl.SSLError, ValueError):
            pass
        finally:
            session.close()
            session.finish()
            self._session_ended()

    def _gauges(self) -> list[Gauge]:
        return [g for g in (self.gauge, self.shared_gauge) if g is not None]

    def _dialogue(self, session: Session) -> None:
        greeting = self.script.greeting
        if callable(greeting):
            greeting(session)
        elif greeting is not None:
            session.send(greeting)
        buffer = b""
        while not session.closed and not self._stop.is_set():
            chunk = session.sock.recv(65536)
            if not chunk:
                return
            buffer += chunk
            while b"\n" in buffer and not session.closed:
                raw, buffer = buffer.split(b"\n", 1)
                line = raw.rstrip(b"\r")
                self.record(line)
                if session.state.get("hang"):
                    continue
                self._answer(session, line)
                if session.state.get("tls_now"):
                    # STARTTLS: bytes pipelined before the handshake must not survive it.
                    session.state.pop("tls_now")
                    buffer = b""
                    session.start_tls()
            if len(buffer) > self.max_line:
                return

    def _answer(self, session: Session, line: bytes) -> None:
        if session.next_line is not None:
            handler, session.next_line = session.next_line, None
            handler(session, line)
            return
        answer = next((a for p, a in self._rules if p.match(line)), self.script.default)
        if answer is None:
            return
        if callable(answer):
            answer(session, line)
        else:
            session.send(answer.replace(b"{tag}", tag_of(line)))


@contextmanager
def running(script: Script, **kwargs: Any) -> Iterator[ScriptedServer]:
    with ScriptedServer(script, **kwargs) as server:
        yield server


# -- ready-made dialogues -------------------------------------------------------------------------

_ASTRING = rb'(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))'  # quoted string or atom
_LOGIN = re.compile(rb"^\S+ LOGIN " + _ASTRING + rb" " + _ASTRING + rb"\s*$", re.IGNORECASE)


def _unquote(raw: bytes) -> str:
    return re.sub(rb"\\(.)", rb"\1", raw).decode("utf-8", "replace")


def _plain_credentials(token: bytes) -> tuple[str, str]:
    try:
        parts = base64.b64decode(token.strip(), validate=True).split(b"\0")
    except ValueError:
        return ("", "")
    if len(parts) != 3:
        return ("", "")
    return parts[1].decode("utf-8", "replace"), parts[2].decode("utf-8", "replace")


def imap_script(
    *,
    password: str = "right-code",
    capabilities: str = "IMAP4rev1 ID AUTH=PLAIN AUTH=LOGIN",
    greeting_capabilities: bool = False,
    greeting_text: bytes = b"scripted IMAP ready",
    login_failure: bytes = b"NO [AUTHENTICATIONFAILED] Authentication failed.",
    require_id: bool = False,
    examine_reply: bytes | None = None,
    starttls_context: ssl.SSLContext | None = None,
    latency: float = 0.0,
) -> Script:
    """An IMAP server that knows one password; ``require_id`` behaves like NetEase."""
    caps = capabilities + (" STARTTLS" if starttls_context is not None else "")

    def logged_in(session: Session, tag: bytes, user: str, secret: str) -> None:
        session.server.auth_attempts.append((user, secret))
        if secret == password:
            session.state["authenticated"] = True
            session.send(tag + b" OK [CAPABILITY " + capabilities.encode() + b"] Logged in\r\n")
        else:
            session.send(tag + b" " + login_failure + b"\r\n")

    def login(session: Session, line: bytes) -> None:
        match = _LOGIN.match(line)
        if match is None:
            session.send(tag_of(line) + b" BAD invalid LOGIN\r\n")
            return
        user = _unquote(match.group(1)) if match.group(1) is not None else _unquote(match.group(2))
        secret = (
            _unquote(match.group(3)) if match.group(3) is not None else _unquote(match.group(4))
        )
        logged_in(session, tag_of(line), user, secret)

    def authenticate(session: Session, line: bytes) -> None:
        words = line.split()
        tag = tag_of(line)
        if len(words) >= 4:
            logged_in(session, tag, *_plain_credentials(words[3]))
            return

        def token(session: Session, line: bytes) -> None:
            logged_in(session, tag, *_plain_credentials(line))

        session.next_line = token
        session.send(b"+ \r\n")

    def capability(session: Session, line: bytes) -> None:
        current = capabilities if session.state.get("tls") or "STARTTLS" not in caps else caps
        session.send(b"* CAPABILITY " + current.encode() + b"\r\n" + tag_of(line) + b" OK done\r\n")

    def starttls(session: Session, line: bytes) -> None:
        if starttls_context is None:
            session.send(tag_of(line) + b" BAD STARTTLS not supported\r\n")
            return
        session.send(tag_of(line) + b" OK Begin TLS negotiation now\r\n")
        session.state["tls"] = True
        session.state["tls_now"] = True

    def ident(session: Session, line: bytes) -> None:
        session.state["id"] = True
        session.send(b'* ID ("name" "scripted")\r\n' + tag_of(line) + b" OK ID completed\r\n")

    def examine(session: Session, line: bytes) -> None:
        tag = tag_of(line)
        if not session.state.get("authenticated"):
            session.send(tag + b" BAD not authenticated\r\n")
        elif examine_reply is not None:
            session.send(tag + b" " + examine_reply + b"\r\n")
        elif require_id and not session.state.get("id"):
            word = line.split()[1].upper() if len(line.split()) > 1 else b"SELECT"
            session.send(
                tag + b" NO " + word + b" Unsafe Login. Please contact kefu@188.com for help\r\n"
            )
        else:
            session.send(
                b"* FLAGS (\\Answered \\Seen)\r\n* 3 EXISTS\r\n* 0 RECENT\r\n"
                + tag
                + b" OK [READ-ONLY] EXAMINE completed\r\n"
            )

    def logout(session: Session, line: bytes) -> None:
        session.finish()
        session.send(b"* BYE logging out\r\n" + tag_of(line) + b" OK LOGOUT completed\r\n")
        session.close()

    greeting = b"* OK "
    if greeting_capabilities:
        greeting += b"[CAPABILITY " + caps.encode() + b"] "
    return Script(
        greeting=greeting + greeting_text + b"\r\n",
        rules=[
            (r"\S+ CAPABILITY", capability),
            (r"\S+ STARTTLS", starttls),
            (r"\S+ LOGIN ", login),
            (r"\S+ AUTHENTICATE PLAIN", authenticate),
            (r"\S+ ID ", ident),
            (r"\S+ (EXAMINE|SELECT) ", examine),
            (r"\S+ LOGOUT", logout),
            (r"\S+ NOOP", b"{tag} OK NOOP\r\n"),
        ],
        latency=latency,
        starttls_context=starttls_context,
    )


def smtp_script(
    *,
    password: str = "right-code",
    greeting: bytes = b"220 scripted ESMTP ready\r\n",
    extensions: tuple[str, ...] = ("PIPELINING", "AUTH PLAIN LOGIN", "8BITMIME"),
    auth_failure: bytes = b"535 5.7.8 Authentication credentials invalid\r\n",
    mail_reply: bytes = b"250 2.1.0 OK\r\n",
    starttls_context: ssl.SSLContext | None = None,
    latency: float = 0.0,
) -> Script:
    """An SMTP server that knows one password and never accepts a message."""

    def ehlo(session: Session, line: bytes) -> None:
        exts = list(extensions)
        if starttls_context is not None and not session.state.get("tls"):
            exts = [*[e for e in exts if not e.startswith("AUTH")], "STARTTLS"]
        lines = [b"scripted", *(e.encode() for e in exts)]
        out = b"".join(b"250-" + ln + b"\r\n" for ln in lines[:-1]) + b"250 " + lines[-1] + b"\r\n"
        session.send(out)

    def starttls(session: Session, line: bytes) -> None:
        if starttls_context is None:
            session.send(b"502 5.5.1 STARTTLS not available\r\n")
            return
        session.send(b"220 2.0.0 Ready to start TLS\r\n")
        session.state["tls"] = True
        session.state["tls_now"] = True

    def checked(session: Session, user: str, secret: str) -> None:
        session.server.auth_attempts.append((user, secret))
        if secret == password:
            session.state["authenticated"] = True
            session.send(b"235 2.7.0 Authentication successful\r\n")
        else:
            session.send(auth_failure)

    def auth(session: Session, line: bytes) -> None:
        words = line.split()
        mechanism = words[1].upper() if len(words) > 1 else b""
        if mechanism == b"PLAIN" and len(words) > 2:
            checked(session, *_plain_credentials(words[2]))
        elif mechanism == b"LOGIN":

            def user(session: Session, line: bytes) -> None:
                name = base64.b64decode(line).decode("utf-8", "replace")

                def secret(session: Session, line: bytes) -> None:
                    checked(session, name, base64.b64decode(line).decode("utf-8", "replace"))

                session.next_line = secret
                session.send(b"334 UGFzc3dvcmQ6\r\n")

            session.next_line = user
            session.send(b"334 VXNlcm5hbWU6\r\n")
        else:
            session.send(b"504 5.5.4 mechanism not supported\r\n")

    def mail(session: Session, line: bytes) -> None:
        if not session.state.get("authenticated"):
            session.send(b"530 5.7.0 Authentication required\r\n")
        else:
            session.send(mail_reply)

    def quit_(session: Session, line: bytes) -> None:
        session.finish()
        session.send(b"221 2.0.0 Bye\r\n")
        session.close()

    return Script(
        greeting=greeting,
        rules=[
            (r"EHLO ", ehlo),
            (r"HELO ", b"250 scripted\r\n"),
            (r"STARTTLS", starttls),
            (r"AUTH ", auth),
            (r"MAIL FROM:", mail),
            (r"RCPT TO:", b"554 5.7.1 this test server never accepts mail\r\n"),
            (r"DATA", b"554 5.7.1 this test server never accepts mail\r\n"),
            (r"RSET", b"250 2.0.0 OK\r\n"),
            (r"NOOP", b"250 2.0.0 OK\r\n"),
            (r"QUIT", quit_),
        ],
        default=b"500 5.5.2 unknown command\r\n",
        latency=latency,
        starttls_context=starttls_context,
    )


# -- misbehaving servers --------------------------------------------------------------------------


def silent() -> Script:
    """Accepts the connection and never says a word."""
    return Script(greeting=None, default=None)


def trickle(text: bytes, interval: float = 0.2) -> Script:
    """Sends ``text`` (repeated forever) one byte per ``interval`` seconds."""

    def greet(session: Session) -> None:
        while not session.closed:
            for byte in text:
                time.sleep(interval)
                if not session.send(bytes([byte]), delay=False):
                    return

    return Script(greeting=greet, default=None)


def endless_line(prefix: bytes = b"* OK ") -> Script:
    """Sends one line that never ends."""

    def greet(session: Session) -> None:
        session.send(prefix, delay=False)
        block = b"A" * 65536
        while session.send(block, delay=False):
            pass

    return Script(greeting=greet, default=None)


def close_after(greeting: bytes) -> Script:
    """Sends the greeting, then hangs up."""

    def greet(session: Session) -> None:
        session.send(greeting)
        session.close()

    return Script(greeting=greet, default=None)


def held(script: Script, gate: threading.Event, limit: float = 30.0) -> Script:
    """``script`` whose greeting waits until ``gate`` is set: a test that cancels a check can
    do so while the client is surely still before its login, whatever the machine's load, then
    release the gate and see that no login follows."""
    greeting = script.greeting
    assert isinstance(greeting, bytes), "held() delays a plain greeting"

    def greet(session: Session) -> None:
        gate.wait(limit)
        session.send(greeting)

    return dataclasses.replace(script, greeting=greet)
