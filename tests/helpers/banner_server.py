"""A scripted IMAP or SMTP server on loopback that only greets, for detection's guess step.

It speaks just enough (greeting, CAPABILITY / EHLO, STARTTLS, LOGOUT / QUIT) to be recognised,
and records every command line it receives, so a test can assert that the guess never sent a
credential (no LOGIN, AUTHENTICATE, AUTH or MAIL).
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading


class _Lines:
    """Reads CRLF-terminated lines from a socket that may be upgraded to TLS mid-session."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def read(self) -> str:
        while b"\n" not in self.buffer:
            data = self.sock.recv(4096)
            if not data:
                return ""
            self.buffer += data
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode("ascii", "replace").strip()

    def send(self, text: str) -> None:
        self.sock.sendall(text.encode("ascii"))

    def start_tls(self, context: ssl.SSLContext) -> None:
        self.sock = context.wrap_socket(self.sock, server_side=True)
        self.buffer = b""


class BannerServer:
    """``protocol`` is "imap" or "smtp"; ``security`` is "ssl" or "starttls"."""

    def __init__(self, protocol: str, security: str, context: ssl.SSLContext) -> None:
        self.protocol = protocol
        self.security = security
        self.context = context
        self.commands: list[str] = []
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = int(self.listener.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> BannerServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        lines = _Lines(conn)
        try:
            if self.security == "ssl":
                lines.start_tls(self.context)
            if self.protocol == "imap":
                self._imap(lines)
            else:
                self._smtp(lines)
        except (OSError, ssl.SSLError):
            pass
        finally:
            with contextlib.suppress(OSError):
                lines.sock.close()

    def _imap(self, lines: _Lines) -> None:
        tls = self.security == "ssl"
        lines.send("* OK Scripted IMAP ready\r\n")
        while line := lines.read():
            self.commands.append(line)
            tag, _, command = line.partition(" ")
            verb = command.split(" ")[0].upper()
            if verb == "CAPABILITY":
                extra = "" if tls else " STARTTLS LOGINDISABLED"
                lines.send(f"* CAPABILITY IMAP4rev1 ID{extra}\r\n{tag} OK done\r\n")
            elif verb == "STARTTLS" and not tls:
                lines.send(f"{tag} OK begin TLS\r\n")
                lines.start_tls(self.context)
                tls = True
            elif verb == "LOGOUT":
                lines.send(f"* BYE\r\n{tag} OK bye\r\n")
                return
            else:
                lines.send(f"{tag} BAD not in this script\r\n")

    def _smtp(self, lines: _Lines) -> None:
        tls = self.security == "ssl"
        lines.send("220 scripted.test ESMTP ready\r\n")
        while line := lines.read():
            self.commands.append(line)
            verb = line.split(" ")[0].upper()
            if verb == "EHLO":
                extra = "" if tls else "250-STARTTLS\r\n"
                lines.send(f"250-scripted.test\r\n{extra}250 AUTH PLAIN LOGIN\r\n")
            elif verb == "STARTTLS" and not tls:
                lines.send("220 go ahead\r\n")
                lines.start_tls(self.context)
                tls = True
            elif verb == "QUIT":
                lines.send("221 bye\r\n")
                return
            else:
                lines.send("502 not in this script\r\n")
