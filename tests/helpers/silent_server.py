"""A TCP server on loopback that accepts connections and never says a word."""

from __future__ import annotations

import socket
import threading


class SilentServer:
    """Accepts connections and never answers; ``connected`` is set at the first one."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.both_connected = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(conn)
            if len(self.connections) >= 2:
                self.both_connected.set()

    def close(self) -> None:
        self.listener.close()
        for conn in self.connections:
            conn.close()

    def hang_up(self) -> None:
        """Close the connections accepted so far (the probes then end at once)."""
        for conn in self.connections:
            conn.close()
