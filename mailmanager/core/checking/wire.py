"""A deadline-bounded, memory-bounded line connection for the IMAP and SMTP probes.

Why not plain ``socket`` timeouts (or imaplib/smtplib)? A per-read timeout restarts with every
byte, so a server that trickles one byte a second holds a probe forever; a server that sends an
endless line or announces a huge literal makes a naive reader buffer without limit. Here:

* ``Deadline`` is one monotonic end time for the WHOLE probe (name lookup, connect, TLS
  handshake, every read and write). Every blocking call gets at most the time that is left.
* ``LineConnection.read_line`` stops at ``max_line`` bytes; ``discard_exact`` refuses literals
  above ``max_literal`` before reading them. Memory per probe is bounded by these limits.
* A ``threading.Event`` cancels the probe: it is checked before every write, so no credential
  leaves after a cancel, and reads wake up every ``_POLL`` seconds to notice it.

Failures are raised as ``WireError`` subclasses that the diagnosis turns into statuses.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable
from pathlib import Path

_POLL = 0.1  # seconds a blocking read waits before looking at the cancel flag again
_RECV = 16384

DEFAULT_MAX_LINE = 64 * 1024
DEFAULT_MAX_LITERAL = 256 * 1024


class WireError(Exception):
    """A failure below the protocol: the message never contains a credential."""


class ProbeTimeout(WireError):
    """The probe's deadline passed."""


class Cancelled(WireError):
    """The caller cancelled the probe."""


class NameNotFound(WireError):
    """The server's host name could not be resolved."""


class ConnectFailed(WireError):
    """No TCP connection could be made (refused, unreachable)."""

    def __init__(self, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused


class ConnectionClosed(WireError):
    """The server closed the connection (or reset it) before the dialogue was over."""


class TlsFailure(WireError):
    """The TLS handshake failed; ``kind`` is untrusted, expired, hostname or handshake."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class LineTooLong(WireError):
    """The server sent a line longer than the allowed maximum."""


class LiteralTooLarge(WireError):
    """The server announced a literal larger than the allowed maximum."""


class Deadline:
    """One end time for a whole probe, on the monotonic clock."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.started = clock()
        self.end = self.started + seconds

    def remaining(self) -> float:
        """Seconds left; raises ProbeTimeout when none are."""
        left = self.end - self._clock()
        if left <= 0:
            raise ProbeTimeout("the check took longer than its time limit")
        return left

    def elapsed_ms(self) -> int:
        return int((self._clock() - self.started) * 1000)


def _resolve(
    host: str, port: int, deadline: Deadline, cancel: threading.Event | None = None
) -> list[tuple[int, tuple[str, int]]]:
    """getaddrinfo bounded by the deadline (it has no timeout of its own, so it runs aside);
    the wait wakes up every ``_POLL`` seconds to notice a cancel."""
    result: list[tuple[int, tuple[str, int]]] = []
    error: list[BaseException] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            for family, _type, _proto, _name, sockaddr in socket.getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            ):
                result.append((family, (str(sockaddr[0]), int(sockaddr[1]))))
        except BaseException as exc:  # handed over to the waiting thread
            error.append(exc)
        finally:
            done.set()

    threading.Thread(target=lookup, name="mailmanager-dns", daemon=True).start()
    while True:
        if cancel is not None and cancel.is_set():
            raise Cancelled("cancelled")
        try:
            wait = min(deadline.remaining(), _POLL)
        except ProbeTimeout:
            raise ProbeTimeout("looking up the server name took too long") from None
        if done.wait(wait):
            break
    if error:
        exc = error[0]
        if isinstance(exc, socket.gaierror):
            raise NameNotFound(f"the server name {host!r} was not found ({exc.strerror})")
        raise ConnectFailed(f"looking up {host!r} failed: {exc}")
    if not result:
        raise NameNotFound(f"the server name {host!r} has no address")
    return result


def _classify_tls(exc: ssl.SSLError) -> TlsFailure:
    text = str(exc)
    if isinstance(exc, ssl.SSLCertVerificationError):
        verify = (exc.verify_message or "").lower()
        if "expired" in verify:
            return TlsFailure(f"certificate has expired: {text}", "expired")
        if "hostname" in verify or "ip address mismatch" in verify or "mismatch" in verify:
            return TlsFailure(f"certificate is for another name: {text}", "hostname")
        return TlsFailure(f"certificate not trusted: {text}", "untrusted")
    return TlsFailure(f"TLS handshake failed: {text}", "handshake")


_contexts: dict[tuple[str, str | float], ssl.SSLContext] = {}
_contexts_lock = threading.Lock()


def make_tls_context(ca_file: str | None = None, *, ca_pem: str | None = None) -> ssl.SSLContext:
    """The system trust store plus optional extra CAs; host names are always checked.

    ``ca_pem`` is what an account's checks use: the CA certificates kept with the account, so
    that swapping a file on disk cannot change what is trusted. ``ca_file`` (read at each call)
    is for probes run directly, e.g. by tests. Loading the system store costs milliseconds of
    CPU, so contexts are shared (an SSLContext is safe to use from several threads)."""
    key: tuple[str, str | float] = ("", 0.0)
    if ca_pem:
        key = ("pem", hashlib.sha256(ca_pem.encode()).hexdigest())
    elif ca_file:
        try:
            key = (ca_file, Path(ca_file).stat().st_mtime)
        except OSError as exc:
            raise TlsFailure(f"the CA file could not be read: {exc.strerror}", "cafile") from None
    with _contexts_lock:
        cached = _contexts.get(key)
    if cached is not None:
        return cached
    context = ssl.create_default_context()
    try:
        if ca_pem:
            context.load_verify_locations(cadata=ca_pem)
        elif ca_file:
            context.load_verify_locations(cafile=ca_file)
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise TlsFailure(f"the CA certificates could not be loaded: {exc}", "cafile") from None
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    with _contexts_lock:
        if len(_contexts) > 32:
            _contexts.clear()
        _contexts[key] = context
    return context


_IN_PROGRESS = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, 10035}  # 10035: Windows


def _connect(
    sock: socket.socket,
    sockaddr: tuple[str, int],
    deadline: Deadline,
    cancel: threading.Event | None,
) -> None:
    """connect() in slices of ``_POLL`` seconds, so that a cancel is noticed while a server
    that drops packets keeps the connection attempt waiting (a blocking connect would sit out
    the whole deadline, and with it the app's shutdown)."""
    sock.setblocking(False)
    code = sock.connect_ex(sockaddr)
    while code != 0:
        if code not in _IN_PROGRESS:
            raise OSError(code, os.strerror(code))  # e.g. ConnectionRefusedError
        if cancel is not None and cancel.is_set():
            raise Cancelled("cancelled while connecting")
        try:
            wait = min(deadline.remaining(), _POLL)
        except ProbeTimeout:
            raise TimeoutError from None
        _readable, writable, failed = select.select([], [sock], [sock], wait)
        if writable or failed:
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code == 0:
                break
            raise OSError(code, os.strerror(code))
    sock.setblocking(True)


class LineConnection:
    """A connected socket read line by line within a deadline, with bounded memory."""

    def __init__(
        self,
        sock: socket.socket,
        deadline: Deadline,
        cancel: threading.Event | None = None,
        *,
        max_line: int = DEFAULT_MAX_LINE,
        max_literal: int = DEFAULT_MAX_LITERAL,
    ) -> None:
        self._sock = sock
        self.deadline = deadline
        self.cancel = cancel or threading.Event()
        self.max_line = max_line
        self.max_literal = max_literal
        self._buffer = bytearray()
        self.tls = isinstance(sock, ssl.SSLSocket)

    def shorten_deadline(self, seconds: float) -> None:
        """Allow at most ``seconds`` more (never more than is left): for a polite goodbye once
        the verdict is in, which must not keep the check waiting."""
        left = max(self.deadline.end - time.monotonic(), 0.01)
        self.deadline = Deadline(min(seconds, left))

    @classmethod
    def connect(
        cls,
        host: str,
        port: int,
        deadline: Deadline,
        cancel: threading.Event | None = None,
        *,
        tls_context: ssl.SSLContext | None = None,
        max_line: int = DEFAULT_MAX_LINE,
        max_literal: int = DEFAULT_MAX_LITERAL,
    ) -> LineConnection:
        """Resolve, connect and (with ``tls_context``) do the TLS handshake, all within
        ``deadline``."""
        if cancel is not None and cancel.is_set():
            raise Cancelled("cancelled")
        last: WireError | None = None
        for family, sockaddr in _resolve(host, port, deadline, cancel):
            sock = socket.socket(family, socket.SOCK_STREAM)
            # Short commands each waiting for a reply: Nagle's algorithm would only add delay.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                _connect(sock, sockaddr, deadline, cancel)
            except TimeoutError:
                sock.close()
                raise ProbeTimeout("connecting to the server took too long") from None
            except Cancelled:
                sock.close()
                raise
            except ConnectionRefusedError:
                sock.close()
                last = ConnectFailed(f"connection to {host}:{port} refused", refused=True)
                continue
            except ProbeTimeout:
                sock.close()
                raise
            except OSError as exc:
                sock.close()
                last = ConnectFailed(f"connection to {host}:{port} failed: {exc.strerror}")
                continue
            conn = cls(sock, deadline, cancel, max_line=max_line, max_literal=max_literal)
            if tls_context is not None:
                try:
                    conn.start_tls(tls_context, host)
                except BaseException:
                    conn.close()
                    raise
            return conn
        raise last or ConnectFailed(f"connection to {host}:{port} failed")

    def start_tls(self, context: ssl.SSLContext, server_hostname: str) -> None:
        """Switch to TLS. Bytes already buffered from the server before the switch would have
        been injected by someone on the path (a known STARTTLS attack), so they are an error.

        The handshake waits in ``_POLL`` slices (it resumes where it stopped), so a cancel is
        noticed while a server sits on the ClientHello, as it is during reads."""
        if self._buffer:
            raise TlsFailure("the server sent data before the TLS handshake", "handshake")
        try:
            wrapped = context.wrap_socket(
                self._sock, server_hostname=server_hostname, do_handshake_on_connect=False
            )
        except ssl.SSLError as exc:
            raise _classify_tls(exc) from None
        except OSError as exc:
            raise ConnectionClosed(
                f"the connection closed during the TLS handshake: {exc}"
            ) from None
        self._sock = wrapped  # close() must close the wrapped socket: it owns the descriptor
        while True:
            self._check_cancel()
            try:
                wrapped.settimeout(min(self.deadline.remaining(), _POLL))
                wrapped.do_handshake()
                break
            except ProbeTimeout:
                raise ProbeTimeout("the TLS handshake took too long") from None
            except ssl.SSLError as exc:
                raise _classify_tls(exc) from None
            except TimeoutError:
                continue
            except (ConnectionError, OSError) as exc:
                raise ConnectionClosed(
                    f"the connection closed during the TLS handshake: {exc}"
                ) from None
        self.tls = True

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("cancelled")

    def _fill(self) -> None:
        """Read more bytes into the buffer, waking up to notice a cancel or the deadline."""
        while True:
            self._check_cancel()
            wait = min(self.deadline.remaining(), _POLL)
            try:
                self._sock.settimeout(wait)
                chunk = self._sock.recv(_RECV)
            except TimeoutError:
                continue
            except ssl.SSLError as exc:
                raise ConnectionClosed(f"the secure connection failed: {exc}") from None
            except OSError as exc:
                raise ConnectionClosed(f"the connection was reset: {exc.strerror}") from None
            if not chunk:
                raise ConnectionClosed("the server closed the connection")
            self._buffer += chunk
            return

    def read_line(self) -> bytes:
        """The next line without its CRLF (or bare LF); at most ``max_line`` bytes."""
        start = 0
        while True:
            index = self._buffer.find(b"\n", start)
            if index >= 0:
                if index > self.max_line:
                    raise LineTooLong(f"the server sent a line longer than {self.max_line} bytes")
                line = bytes(self._buffer[:index])
                del self._buffer[: index + 1]
                return line[:-1] if line.endswith(b"\r") else line
            if len(self._buffer) > self.max_line:
                raise LineTooLong(f"the server sent a line longer than {self.max_line} bytes")
            start = len(self._buffer)
            self._fill()

    def discard_exact(self, size: int) -> bytes:
        """Read a literal of ``size`` bytes; returns at most its first 1 KiB (kept for messages).

        A literal above ``max_literal`` is refused before any of it is read."""
        if size > self.max_literal:
            raise LiteralTooLarge(f"the server announced {size} bytes (limit {self.max_literal})")
        kept = bytearray()
        left = size
        while left > 0:
            if not self._buffer:
                self._fill()
            take = min(left, len(self._buffer))
            if len(kept) < 1024:
                kept += self._buffer[: min(take, 1024 - len(kept))]
            del self._buffer[:take]
            left -= take
        return bytes(kept)

    def write(self, data: bytes) -> None:
        """Send ``data`` unless cancelled; bounded by the deadline."""
        self._check_cancel()
        try:
            self._sock.settimeout(self.deadline.remaining())
            self._sock.sendall(data)
        except TimeoutError:
            raise ProbeTimeout("sending to the server took too long") from None
        except ssl.SSLError as exc:
            raise ConnectionClosed(f"the secure connection failed: {exc}") from None
        except OSError as exc:
            raise ConnectionClosed(f"the connection was reset: {exc.strerror}") from None

    def local_address(self) -> str:
        """This side's IP address ("" if unknown), for SMTP's EHLO."""
        try:
            return str(self._sock.getsockname()[0])
        except OSError:
            return ""

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._sock.close()
