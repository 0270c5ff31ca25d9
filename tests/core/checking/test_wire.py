"""The wire: a whole-probe deadline, bounded lines and literals, cancel before every write, during
a hanging connect, in the TLS handshake and in the name lookup."""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailmanager.core.checking import wire
from mailmanager.core.checking.imap_probe import probe_imap
from mailmanager.core.model.accounts import Endpoint, Security
from tests.helpers.certs import make_pki


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    left, right = socket.socketpair()
    yield left, right
    left.close()
    right.close()


def conn_for(sock: socket.socket, seconds: float = 2.0, **kwargs: object) -> wire.LineConnection:
    return wire.LineConnection(sock, wire.Deadline(seconds), **kwargs)  # type: ignore[arg-type]


def test_lines_crlf_and_lf(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    right.sendall(b"one\r\ntwo\nthree\r\n")
    conn = conn_for(left)
    assert [conn.read_line() for _ in range(3)] == [b"one", b"two", b"three"]


def test_line_too_long_is_bounded(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    right.sendall(b"x" * 5000)
    conn = conn_for(left, max_line=1024)
    with pytest.raises(wire.LineTooLong):
        conn.read_line()


def test_complete_line_over_limit(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    right.sendall(b"y" * 2000 + b"\r\n")
    with pytest.raises(wire.LineTooLong):
        conn_for(left, max_line=1024).read_line()


def test_deadline_beats_a_trickling_server(pair: tuple[socket.socket, socket.socket]) -> None:
    """Each byte comes well within any per-read timeout; the whole-probe deadline ends it."""
    left, right = pair
    stop = threading.Event()

    def trickle() -> None:
        while not stop.is_set():
            try:
                right.sendall(b"a")
            except OSError:
                return
            time.sleep(0.05)  # the server's pace, not synchronisation: one byte per 50 ms

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    started = time.monotonic()
    with pytest.raises(wire.ProbeTimeout):
        conn_for(left, 0.5).read_line()
    stop.set()
    thread.join()
    assert time.monotonic() - started < 2.0


def test_literal_limit_refuses_before_reading(pair: tuple[socket.socket, socket.socket]) -> None:
    left, _right = pair
    conn = conn_for(left, max_literal=1000)
    with pytest.raises(wire.LiteralTooLarge):
        conn.discard_exact(50_000_000)


def test_literal_within_limit_is_skipped(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    right.sendall(b"0123456789rest\r\n")
    conn = conn_for(left)
    assert conn.discard_exact(10) == b"0123456789"
    assert conn.read_line() == b"rest"


def test_closed_connection(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    right.sendall(b"partial")
    right.close()
    with pytest.raises(wire.ConnectionClosed):
        conn_for(left).read_line()


def test_cancel_before_write_sends_nothing(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    cancel = threading.Event()
    conn = conn_for(left, cancel=cancel)
    cancel.set()
    with pytest.raises(wire.Cancelled):
        conn.write(b"a1 LOGIN user secret\r\n")
    right.setblocking(False)
    with pytest.raises(BlockingIOError):
        right.recv(100)


def test_cancel_wakes_a_blocked_read(pair: tuple[socket.socket, socket.socket]) -> None:
    left, _right = pair
    cancel = threading.Event()
    conn = conn_for(left, 10.0, cancel=cancel)
    # A bounded wait is the only way here: a read blocked on a quiet socket shows nowhere, so
    # the cancel comes after 0.2 s, while the read (almost certainly) waits.
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(wire.Cancelled):
        conn.read_line()
    assert time.monotonic() - started < 1.5


def test_bytes_buffered_before_starttls_are_refused(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    """Plain-text bytes that arrive with the STARTTLS answer were injected on the path."""
    left, right = pair
    right.sendall(b"a1 OK begin TLS\r\ninjected\r\n")
    conn = conn_for(left)
    assert conn.read_line() == b"a1 OK begin TLS"
    with pytest.raises(wire.TlsFailure):
        conn.start_tls(ssl.create_default_context(), "localhost")


def test_deadline_counts_down() -> None:
    now = [100.0]
    deadline = wire.Deadline(5, clock=lambda: now[0])
    assert deadline.remaining() == 5
    now[0] = 104.0
    assert deadline.remaining() == pytest.approx(1)
    assert deadline.elapsed_ms() == 4000
    now[0] = 105.5
    with pytest.raises(wire.ProbeTimeout):
        deadline.remaining()


def test_connect_refused_and_unknown_name() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(wire.ConnectFailed) as refused:
        wire.LineConnection.connect("127.0.0.1", port, wire.Deadline(2))
    assert refused.value.refused
    with pytest.raises(wire.NameNotFound):
        wire.LineConnection.connect("no-such-host.invalid", 993, wire.Deadline(2))


def test_connect_after_cancel_does_nothing() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(wire.Cancelled):
        wire.LineConnection.connect("127.0.0.1", 9, wire.Deadline(2), cancel)


def test_bad_ca_file(tmp_path) -> None:
    missing = tmp_path / "missing.pem"
    with pytest.raises(wire.TlsFailure) as exc:
        wire.make_tls_context(str(missing))
    assert exc.value.kind == "cafile"
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(wire.TlsFailure):
        wire.make_tls_context(str(junk))


def test_tls_contexts_verify_and_are_shared() -> None:
    context = wire.make_tls_context()
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    assert wire.make_tls_context() is context


# -- cancel stops a probe whose TCP connect hangs (a server that drops the SYN) -----------------
#
# On loopback a full accept queue drops new SYNs, so connect() waits and retries exactly like a
# connection to a host that swallows packets. Before connect() was made cancellable, a cancelled
# probe sat out its whole deadline there.


@pytest.fixture
def full_backlog() -> Iterator[int]:
    """A listening socket that never accepts, with its accept queue already full."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(("127.0.0.1", port))
        fillers.append(filler)
    # The queue is full once a filler's handshake has completed (it turns writable); the SYNs of
    # the others are dropped.
    select.select([], fillers, [], 2)
    yield port
    for filler in fillers:
        filler.close()
    server.close()


def _connect_hangs(port: int) -> bool:
    probe = socket.socket()
    probe.settimeout(0.3)
    try:
        probe.connect(("127.0.0.1", port))
    except TimeoutError:
        return True
    except OSError:
        return False
    finally:
        probe.close()
    return False


def test_cancel_interrupts_a_hanging_connect(full_backlog: int) -> None:
    if not _connect_hangs(full_backlog):
        pytest.skip("this kernel does not drop SYNs on a full accept queue")
    cancel = threading.Event()
    # A bounded wait is the only way here: a dropped SYN shows nowhere (no accept, no byte), so
    # the cancel comes after 0.2 s, while connect() (almost certainly) waits for the retry.
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(wire.Cancelled):
        wire.LineConnection.connect("127.0.0.1", full_backlog, wire.Deadline(10), cancel)
    assert time.monotonic() - started < 1.5


def test_a_hanging_connect_ends_at_the_deadline(full_backlog: int) -> None:
    if not _connect_hangs(full_backlog):
        pytest.skip("this kernel does not drop SYNs on a full accept queue")
    started = time.monotonic()
    with pytest.raises(wire.ProbeTimeout):
        wire.LineConnection.connect("127.0.0.1", full_backlog, wire.Deadline(0.5))
    assert time.monotonic() - started < 1.5


def test_refused_and_working_connects_still_behave() -> None:
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        closed_port = spare.getsockname()[1]
    with pytest.raises(wire.ConnectFailed) as info:
        wire.LineConnection.connect("127.0.0.1", closed_port, wire.Deadline(2))
    assert info.value.refused
    server = socket.create_server(("127.0.0.1", 0))
    try:
        conn = wire.LineConnection.connect("127.0.0.1", server.getsockname()[1], wire.Deadline(2))
        peer, _ = server.accept()
        peer.sendall(b"* OK hello\r\n")
        assert conn.read_line() == b"* OK hello"
        conn.close()
        peer.close()
    finally:
        server.close()


# -- cancel stops a probe that waits in the TLS handshake or the name lookup -------------------
#
# Found in review: ``LineConnection`` polled the cancel flag only while reading lines. The TLS
# handshake ran as one blocking call bounded by the whole deadline, and so did the wait for the
# name lookup: a server that accepts and never answers the ClientHello kept a cancelled probe
# (and ``CheckerService.shutdown(wait=True)``, called on the GUI thread at quit) waiting for the
# whole time limit (20 s by default), and the result then read "timeout" rather than
# "cancelled", so the checker recorded a timeout the user never saw happen.


class SilentServer:
    """Accepts connections and never sends a byte; ``client_spoke`` is set once a client has
    sent something (a ClientHello: the client now waits in the TLS handshake)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.client_spoke = threading.Event()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = socket.create_server(("127.0.0.1", 0))
    silent = SilentServer(server.getsockname()[1])
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.05)
        while not stop.is_set():
            try:
                sock = server.accept()[0]
            except TimeoutError:
                continue
            accepted.append(sock)
            sock.settimeout(5)
            with contextlib.suppress(OSError):
                if sock.recv(1):
                    silent.client_spoke.set()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield silent
    stop.set()
    thread.join()
    for sock in accepted:
        sock.close()
    server.close()


def test_cancel_stops_a_probe_waiting_in_the_tls_handshake(silent_server: SilentServer) -> None:
    cancel = threading.Event()

    def cancel_in_the_handshake() -> None:  # the server has the ClientHello and stays silent
        if silent_server.client_spoke.wait(5):
            cancel.set()

    canceller = threading.Thread(target=cancel_in_the_handshake, daemon=True)
    canceller.start()
    result = probe_imap(
        Endpoint("127.0.0.1", silent_server.port, Security.SSL, "u"),
        "Secret12345",
        timeout=10,
        cancel=cancel,
    )
    canceller.join()
    assert silent_server.client_spoke.is_set()
    assert result.cancelled, result  # before the fix: "timeout", after the whole 10 s


def test_cancel_stops_the_wait_for_a_name_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    cancel = threading.Event()

    def slow_lookup(*_args: object, **_kwargs: object) -> list[object]:
        cancel.set()  # the cancel comes while the lookup is under way
        release.wait(10)
        raise socket.gaierror(socket.EAI_NONAME, "not found")

    monkeypatch.setattr(socket, "getaddrinfo", slow_lookup)
    try:
        with pytest.raises(wire.Cancelled):
            wire.LineConnection.connect("slow.example", 993, wire.Deadline(10), cancel)
    finally:
        release.set()
    assert cancel.is_set()  # the lookup had started


def test_a_slow_but_honest_handshake_still_succeeds(tmp_path: Path) -> None:
    """The handshake now waits in short slices: one that spans several must still complete."""
    pki = make_pki(tmp_path / "pki")
    server_context = pki.server_context()
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    received = bytearray()

    def serve() -> None:
        sock, _ = server.accept()
        # Not synchronisation: the server is slow to answer the ClientHello, for several of the
        # handshake's wait slices.
        time.sleep(0.35)
        with server_context.wrap_socket(sock, server_side=True) as tls:
            tls.sendall(b"* OK ready\r\n")
            tls.settimeout(5)
            while b"\n" not in received:
                chunk = tls.recv(100)
                if not chunk:
                    break
                received.extend(chunk)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    conn = wire.LineConnection.connect(
        "127.0.0.1", port, wire.Deadline(10), tls_context=wire.make_tls_context(pki.ca_file)
    )
    try:
        assert conn.tls
        assert conn.read_line() == b"* OK ready"
        conn.write(b"bye\r\n")
    finally:
        conn.close()
        thread.join(5)
        server.close()
    assert not thread.is_alive()
    assert bytes(received) == b"bye\r\n"  # the client's line arrived through the slow handshake
