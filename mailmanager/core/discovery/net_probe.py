"""Small, bounded network reads for detection: an HTTP(S) GET and an IMAP/SMTP greeting probe.

Why not http.client / imaplib / smtplib: detection talks to servers nobody vouched for, so every
read must respect one deadline (a server trickling a byte a second must not hold the worker), the
amount read is capped, and the connection goes to an address that *our* resolver produced (so
``--dns-server`` and split DNS apply to these hosts too) while TLS still verifies the host name.
The greeting probe reads the greeting and capabilities only: it never sends a credential and
never issues LOGIN, AUTH or MAIL.

Every function returns a result or None and never raises.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
from dataclasses import dataclass

from mailmanager.core.discovery.dns_lookup import Deadline
from mailmanager.core.model.accounts import Protocol, Security

log = logging.getLogger("mailmanager.discovery")

MAX_LINE = 8 * 1024
MAX_REPLY = 64 * 1024
MAX_HEADER = 16 * 1024


class _Stop(Exception):
    """The deadline passed, the peer misbehaved or the cancel flag was set."""


class _Conn:
    """A socket with deadline-bounded, size-bounded reads."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self.sock = sock
        self.deadline = deadline
        self.buffer = b""
        self.total = 0

    def _recv(self) -> bytes:
        if self.deadline.is_expired():
            raise _Stop("deadline")
        self.sock.settimeout(max(0.01, self.deadline.remaining()))
        data = self.sock.recv(4096)
        self.total += len(data)
        if self.total > MAX_REPLY + MAX_HEADER + 1024 * 1024:
            raise _Stop("too much data")
        return data

    def read_line(self) -> str:
        while b"\n" not in self.buffer:
            if len(self.buffer) > MAX_LINE:
                raise _Stop("line too long")
            data = self._recv()
            if not data:
                raise _Stop("connection closed")
            self.buffer += data
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.rstrip(b"\r").decode("utf-8", "replace")

    def read_all(self, limit: int) -> bytes:
        chunks = [self.buffer]
        size = len(self.buffer)
        self.buffer = b""
        while size <= limit:
            data = self._recv()
            if not data:
                break
            chunks.append(data)
            size += len(data)
        if size > limit:
            raise _Stop("too large")
        return b"".join(chunks)

    def send(self, text: str) -> None:
        if self.deadline.is_expired():
            raise _Stop("deadline")
        self.sock.settimeout(max(0.01, self.deadline.remaining()))
        self.sock.sendall(text.encode("ascii"))

    def start_tls(self, context: ssl.SSLContext, host: str) -> None:
        self.sock.settimeout(max(0.01, self.deadline.remaining()))
        self.sock = context.wrap_socket(self.sock, server_hostname=host)
        self.buffer = b""


def _connect(ip: str, port: int, deadline: Deadline) -> socket.socket:
    if deadline.is_expired():
        raise _Stop("deadline")
    return socket.create_connection((ip, port), timeout=max(0.01, deadline.remaining()))


@dataclass(frozen=True)
class HttpResult:
    status: int
    body: bytes


def _dechunk(body: bytes, limit: int) -> bytes:
    out = bytearray()
    rest = body
    while True:
        size_line, sep, rest = rest.partition(b"\r\n")
        if not sep:
            raise _Stop("bad chunked body")
        size = int(size_line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return bytes(out)
        out += rest[:size]
        if len(out) > limit:
            raise _Stop("too large")
        rest = rest[size + 2 :]


def http_get(
    host: str,
    ip: str,
    port: int,
    path: str,
    *,
    tls: ssl.SSLContext | None,
    deadline: Deadline,
    limit: int,
) -> HttpResult | None:
    """GET ``path`` from ``host`` at ``ip:port`` (HTTPS when ``tls`` is given, verifying
    ``host``); None on any failure, a body over ``limit`` bytes, or the deadline."""
    try:
        sock = _connect(ip, port, deadline)
    except (OSError, _Stop) as exc:
        log.debug("autoconfig: cannot connect to %s (%s) port %s: %s", host, ip, port, exc)
        return None
    conn = _Conn(sock, deadline)
    try:
        if tls is not None:
            conn.start_tls(tls, host)
        conn.send(
            f"GET {path} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: mailmanager\r\n"
            "Accept: application/xml, text/xml\r\nConnection: close\r\n\r\n"
        )
        raw = conn.read_all(limit + MAX_HEADER)
        head, sep, body = raw.partition(b"\r\n\r\n")
        if not sep:
            return None
        lines = head.decode("iso-8859-1").split("\r\n")
        parts = lines[0].split()
        if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
            return None
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:])
        }
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = _dechunk(body, limit)
        if len(body) > limit:
            return None
        return HttpResult(int(parts[1]), body)
    except (OSError, ssl.SSLError, _Stop, ValueError, UnicodeError) as exc:
        log.debug("autoconfig: GET %s from %s failed: %s", path, host, exc)
        return None
    finally:
        with contextlib.suppress(OSError):
            conn.sock.close()


@dataclass(frozen=True)
class Banner:
    """What a server said when probed: its greeting and capabilities (never a login)."""

    greeting: str
    capabilities: tuple[str, ...]


def _imap(conn: _Conn, security: Security, host: str, tls: ssl.SSLContext) -> Banner:
    greeting = conn.read_line()
    if not greeting.upper().startswith(("* OK", "* PREAUTH")):
        raise _Stop("not an IMAP greeting")

    def capability(tag: str) -> list[str]:
        conn.send(f"{tag} CAPABILITY\r\n")
        caps: list[str] = []
        for _ in range(100):
            line = conn.read_line()
            if line.upper().startswith("* CAPABILITY"):
                caps += line.split()[2:]
            elif line.startswith(f"{tag} "):
                if line.split()[1:2] != ["OK"]:
                    raise _Stop("CAPABILITY refused")
                return caps
        raise _Stop("no end to CAPABILITY")

    caps = capability("m1")
    if security is Security.STARTTLS:
        if "STARTTLS" not in (c.upper() for c in caps):
            raise _Stop("STARTTLS not offered")
        conn.send("m2 STARTTLS\r\n")
        if not conn.read_line().upper().startswith("M2 OK"):
            raise _Stop("STARTTLS refused")
        conn.start_tls(tls, host)
        caps = capability("m3")
    with contextlib.suppress(OSError, _Stop):
        conn.send("m9 LOGOUT\r\n")
    return Banner(greeting[:200], tuple(caps))


def _smtp_reply(conn: _Conn) -> tuple[int, list[str]]:
    lines: list[str] = []
    for _ in range(100):
        line = conn.read_line()
        if len(line) < 3 or not line[:3].isdigit():
            raise _Stop("not an SMTP reply")
        lines.append(line[4:])
        if line[3:4] != "-":
            return int(line[:3]), lines
    raise _Stop("endless SMTP reply")


def _smtp(conn: _Conn, security: Security, host: str, tls: ssl.SSLContext) -> Banner:
    code, greeting = _smtp_reply(conn)
    if code != 220:
        raise _Stop("not an SMTP greeting")
    conn.send("EHLO mailmanager.invalid\r\n")
    code, caps = _smtp_reply(conn)
    if code != 250:
        raise _Stop("EHLO refused")
    if security is Security.STARTTLS:
        if not any(c.upper().startswith("STARTTLS") for c in caps[1:]):
            raise _Stop("STARTTLS not offered")
        conn.send("STARTTLS\r\n")
        if _smtp_reply(conn)[0] != 220:
            raise _Stop("STARTTLS refused")
        conn.start_tls(tls, host)
        conn.send("EHLO mailmanager.invalid\r\n")
        code, caps = _smtp_reply(conn)
        if code != 250:
            raise _Stop("EHLO refused after STARTTLS")
    with contextlib.suppress(OSError, _Stop):
        conn.send("QUIT\r\n")
    return Banner(" ".join(greeting)[:200], tuple(caps[1:]))


def probe_banner(
    protocol: Protocol,
    host: str,
    ip: str,
    port: int,
    security: Security,
    *,
    tls: ssl.SSLContext,
    deadline: Deadline,
) -> Banner | None:
    """Connect, secure the connection as ``security`` says (verifying ``host``'s certificate),
    read the greeting and capabilities, and say goodbye. None if anything is wrong.

    ``plain`` is never probed: a guess never proposes an unencrypted server.
    """
    if security is Security.PLAIN:
        return None
    try:
        sock = _connect(ip, port, deadline)
    except (OSError, _Stop):
        return None
    conn = _Conn(sock, deadline)
    try:
        if security is Security.SSL:
            conn.start_tls(tls, host)
        if protocol is Protocol.IMAP:
            return _imap(conn, security, host, tls)
        return _smtp(conn, security, host, tls)
    except (OSError, ssl.SSLError, _Stop, ValueError, UnicodeError) as exc:
        log.debug("guess: %s %s:%s (%s) not usable: %s", protocol, host, port, security, exc)
        return None
    finally:
        with contextlib.suppress(OSError):
            conn.sock.close()
