"""Review finding: cancel must stop a probe that waits in the TLS handshake or the name lookup.

``LineConnection`` polled the cancel flag only while reading lines. The TLS handshake ran as
one blocking call bounded by the whole deadline, and so did the wait for the name lookup: a
server that accepts and never answers the ClientHello kept a cancelled probe (and
``CheckerService.shutdown(wait=True)``, called on the GUI thread at quit) waiting for the whole
time limit (20 s by default), and the result then read "timeout" rather than "cancelled", so the
checker recorded a timeout the user never saw happen.
"""

from __future__ import annotations

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
def silent_server() -> Iterator[int]:
    """Accepts connections and never sends a byte."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.05)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for sock in accepted:
        sock.close()
    server.close()


def test_cancel_stops_a_probe_waiting_in_the_tls_handshake(silent_server: int) -> None:
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    result = probe_imap(
        Endpoint("127.0.0.1", silent_server, Security.SSL, "u"),
        "Secret12345",
        timeout=10,
        cancel=cancel,
    )
    timer.join()
    assert result.cancelled, result  # before the fix: "timeout", after the whole 10 s


def test_cancel_stops_the_wait_for_a_name_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def slow_lookup(*_args: object, **_kwargs: object) -> list[object]:
        release.wait(10)
        raise socket.gaierror(socket.EAI_NONAME, "not found")

    monkeypatch.setattr(socket, "getaddrinfo", slow_lookup)
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    try:
        with pytest.raises(wire.Cancelled):
            wire.LineConnection.connect("slow.example", 993, wire.Deadline(10), cancel)
    finally:
        release.set()
        timer.join()


def test_a_slow_but_honest_handshake_still_succeeds(tmp_path: Path) -> None:
    """The handshake now waits in short slices: one that spans several must still complete."""
    pki = make_pki(tmp_path / "pki")
    server_context = pki.server_context()
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def serve() -> None:
        sock, _ = server.accept()
        time.sleep(0.35)  # several of the handshake's wait slices
        with server_context.wrap_socket(sock, server_side=True) as tls:
            tls.sendall(b"* OK ready\r\n")
            tls.recv(100)

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
    assert isinstance(server_context, ssl.SSLContext)
