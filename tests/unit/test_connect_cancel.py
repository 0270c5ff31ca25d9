"""Cancel stops a probe whose TCP connect hangs (a server that drops the SYN).

On loopback a full accept queue drops new SYNs, so connect() waits and retries exactly like a
connection to a host that swallows packets. Before connect() was made cancellable, a cancelled
probe sat out its whole deadline there.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from mailmanager.core.checking import wire


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
    time.sleep(0.1)
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
