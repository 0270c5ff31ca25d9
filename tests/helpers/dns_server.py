"""A programmable DNS server on loopback (dnslib, UDP and TCP on one port), and a black hole.

``DnsServer`` answers from records a test adds (``add("example.test", "MX", "10 mx.example.")``):
a known name asked for a missing type gets an empty NOERROR answer (dnspython's NoAnswer), an
unknown name gets NXDOMAIN. ``queries`` records every question, so a test can assert which names
detection asked and that it asked nothing else.

``BlackHoleDns`` binds a UDP socket and a TCP listener that never answer: queries to it time out,
which is what an unreachable or filtering DNS server looks like.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

from dnslib import QTYPE, RCODE, RR, DNSRecord
from dnslib.server import BaseResolver, DNSLogger
from dnslib.server import DNSServer as _DNSServer

_QUIET = DNSLogger(log="-request,-reply,-truncated,-error,-recv,-send,-data", prefix=False)


def _free_port() -> int:
    """A port that is free for both UDP and TCP on 127.0.0.1."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = int(udp.getsockname()[1])
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free port for the DNS server")


class _Resolver(BaseResolver):  # type: ignore[misc]
    def __init__(self, server: DnsServer) -> None:
        self.server = server

    def resolve(self, request: DNSRecord, handler: Any) -> DNSRecord:
        reply = request.reply()
        qname = str(request.q.qname).rstrip(".").lower()
        qtype = QTYPE[request.q.qtype]
        with self.server.lock:
            self.server.queries.append((qname, qtype))
            self.server.transports.append(str(getattr(handler, "protocol", "")))
            records = self.server.records.get(qname)
        if self.server.truncate_udp and getattr(handler, "protocol", "") == "udp":
            reply.header.tc = 1  # "answer too big for UDP": the client must retry over TCP
            return reply
        if records is None:
            reply.header.rcode = RCODE.NXDOMAIN
            return reply
        for rtype, text in records:
            if rtype == qtype:
                reply.add_answer(*RR.fromZone(f"{qname}. 60 IN {rtype} {text}"))
        return reply


class DnsServer:
    """A dnslib server on 127.0.0.1 (UDP + TCP, same port) answering programmed records."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.records: dict[str, list[tuple[str, str]]] = {}
        self.queries: list[tuple[str, str]] = []
        self.transports: list[str] = []  # "udp" or "tcp", one per query
        self.truncate_udp = False  # answer every UDP query with TC set, forcing TCP
        self.port = _free_port()
        self._threads: list[threading.Thread] = []
        resolver = _Resolver(self)
        self._servers = [
            _DNSServer(resolver, address="127.0.0.1", port=self.port, logger=_QUIET),
            _DNSServer(resolver, address="127.0.0.1", port=self.port, tcp=True, logger=_QUIET),
        ]

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    def add(self, name: str, rtype: str, value: str) -> None:
        """Add a record in zone-file syntax: ``add("a.test", "SRV", "0 1 993 imap.a.test.")``."""
        with self.lock:
            self.records.setdefault(name.rstrip(".").lower(), []).append((rtype.upper(), value))

    def add_name(self, name: str) -> None:
        """Make ``name`` exist (NOERROR, no records of any type)."""
        with self.lock:
            self.records.setdefault(name.rstrip(".").lower(), [])

    def asked(self, rtype: str | None = None) -> list[str]:
        with self.lock:
            return [n for n, t in self.queries if rtype is None or t == rtype]

    def reset(self) -> None:
        """Forget every record and query (for a server shared by several tests)."""
        with self.lock:
            self.records.clear()
            self.queries.clear()
            self.transports.clear()
            self.truncate_udp = False

    def start(self) -> DnsServer:
        for server in self._servers:
            # dnslib's start_thread() polls for shutdown every 0.5 s; poll faster.
            thread = threading.Thread(
                target=server.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self._servers:
            with contextlib.suppress(Exception):
                server.server.shutdown()
            with contextlib.suppress(Exception):
                server.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> DnsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class BlackHoleDns:
    """A UDP socket and a TCP listener on one port that never answer anything."""

    def __init__(self) -> None:
        self.port = _free_port()
        self._udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._udp.bind(("127.0.0.1", self.port))
        self._tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._tcp.bind(("127.0.0.1", self.port))
        self._tcp.listen(16)

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    def close(self) -> None:
        self._udp.close()
        self._tcp.close()

    def __enter__(self) -> BlackHoleDns:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def dns_server() -> Iterator[DnsServer]:
    """Context manager form, for fixtures: ``with dns_server() as dns: ...``."""
    server = DnsServer().start()
    try:
        yield server
    finally:
        server.stop()
