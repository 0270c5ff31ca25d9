"""`import-table` rows without servers at domains the catalogue does not know, end to end.

Detection runs for real (``core.table_import.detection`` over ``core.discovery``) against a
dnslib server on loopback (``--dns-server``: SRV and A records) and an autoconfig server over
plain HTTP on port 80 of a private 127.x address; the mail servers are scripted loopback servers
over TLS with the test's own CA (``--ca-file``). Host names resolve through the fake
``getaddrinfo`` of the trust tests: the test's names go to loopback, every other name fails.

What the trust rule does not accept (an SRV record naming a host outside the address's domain,
an autoconfig file fetched over plain HTTP) ends "untrusted" with zero connections at its
servers; ``--trust-server`` for those hosts then lets the rows be proven and saved, and the row
saved by the first run is "unchanged".
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
import trustme

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.secrets import SecretStore
from mailmanager.core.table_import.detection import detect_domains
from mailmanager.core.trust import bundled_catalogue
from tests.cli.test_trust_options import (
    AutoconfigHttp,
    FakeNames,
    autoconfig_xml,
    tls_for,
)
from tests.helpers.dns_server import DnsServer
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.scripted_server import ScriptedServer, imap_script, smtp_script

CODES = {
    "ann@corp-a.test": "DetectCodeA-7Qw2",  # SRV under the domain: accepted
    "bob@corp-b.test": "DetectCodeB-9Er4",  # SRV naming a hoster's host: needs consent
    "cat@corp.test": "DetectCodeC-3Ty6",  # autoconfig over plain HTTP: needs consent
}
HOSTER = "mail.hoster.example"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> FakeNames:
    import socket

    fake = FakeNames()
    monkeypatch.setattr(socket, "getaddrinfo", fake.getaddrinfo)
    return fake


@pytest.fixture
def dns() -> Iterator[DnsServer]:
    with DnsServer() as server:
        yield server


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


Pair = tuple[ScriptedServer, ScriptedServer]


@pytest.fixture
def pair_for(ca: trustme.CA) -> Iterator[Callable[[str, str], Pair]]:
    """A scripted IMAP and SMTP server over implicit TLS for ``host``, accepting ``code``."""
    with ExitStack() as stack:

        def make(host: str, code: str) -> Pair:
            context = tls_for(ca, host)
            imap = stack.enter_context(
                ScriptedServer(imap_script(password=code), tls_context=context)
            )
            smtp = stack.enter_context(
                ScriptedServer(smtp_script(password=code), tls_context=context)
            )
            return imap, smtp

        yield make


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(["--json", *argv])
    captured = capsys.readouterr()
    for secret in CODES.values():
        assert secret not in captured.out and secret not in captured.err
    assert "Traceback" not in captured.err
    return code, json.loads(captured.out), captured.err


def logins(server: ScriptedServer) -> list[tuple[str, str]]:
    return list(server.auth_attempts)


def untouched(*servers: ScriptedServer) -> None:
    for server in servers:
        assert server.connections == 0, server.received
        assert server.auth_attempts == []


@pytest.fixture
def world(
    names: FakeNames,
    dns: DnsServer,
    pair_for: Callable[[str, str], Pair],
) -> Iterator[dict[str, Pair]]:
    """Three company domains, each found by detection in a different way."""
    servers = {
        "corp-a.test": pair_for("mail.corp-a.test", CODES["ann@corp-a.test"]),
        "corp-b.test": pair_for(HOSTER, CODES["bob@corp-b.test"]),
        "corp.test": pair_for("mail.corp.test", CODES["cat@corp.test"]),
    }
    for host in ("mail.corp-a.test", HOSTER, "mail.corp.test"):
        names.add(host)
    a_imap, a_smtp = servers["corp-a.test"]
    dns.add("_imaps._tcp.corp-a.test", "SRV", f"0 1 {a_imap.port} mail.corp-a.test.")
    dns.add("_submissions._tcp.corp-a.test", "SRV", f"0 1 {a_smtp.port} mail.corp-a.test.")
    b_imap, b_smtp = servers["corp-b.test"]
    dns.add("_imaps._tcp.corp-b.test", "SRV", f"0 1 {b_imap.port} {HOSTER}.")
    dns.add("_submissions._tcp.corp-b.test", "SRV", f"0 1 {b_smtp.port} {HOSTER}.")
    c_imap, c_smtp = servers["corp.test"]
    body = autoconfig_xml(
        ("mail.corp.test", c_imap.port, "SSL", "mail.corp.test", c_smtp.port, "SSL")
    )
    with AutoconfigHttp(body) as web:
        dns.add("autoconfig.corp.test", "A", web.ip)
        yield servers


def sheet(tmp_path: Path) -> str:
    path = tmp_path / "boxes.csv"
    lines = ["email,code", *(f"{address},{code}" for address, code in CODES.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_detected_servers_the_rule_refuses_get_nothing_until_trusted(
    world: dict[str, Pair],
    dns: DnsServer,
    ca: trustme.CA,
    tmp_path: Path,
    app_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    ca_file = tmp_path / "company-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    common = ["import-table", sheet(tmp_path), "--ca-file", str(ca_file)]
    dns_opt = ["--dns-server", f"127.0.0.1:{dns.port}"]

    # Without --dns-server pointing at the test's DNS nothing is found: every row is invalid
    # ("--offline": no network at all), and nothing reaches any server.
    status, rows, _ = run(capsys, *common, "--offline")
    assert status == 1
    assert [r["result"] for r in rows] == ["invalid"] * 3
    assert "missing" in rows[0]["reason"]

    status, rows, err = run(capsys, *common, *dns_opt)
    assert status == 1, err
    by_address = {r["address"]: r for r in rows}
    assert [by_address[a]["result"] for a in CODES] == ["saved", "untrusted", "untrusted"]
    assert f"--trust-server {HOSTER}" in by_address["bob@corp-b.test"]["reason"]
    assert "plain HTTP" in by_address["cat@corp.test"]["reason"]
    assert "--trust-server mail.corp.test" in by_address["cat@corp.test"]["reason"]
    assert by_address["bob@corp-b.test"]["imap"] is None
    # Detection asked the DNS server for the SRV records and fetched the autoconfig file.
    assert "_imaps._tcp.corp-b.test" in dns.asked("SRV")
    a_imap, a_smtp = world["corp-a.test"]
    assert logins(a_imap) == [("ann@corp-a.test", CODES["ann@corp-a.test"])]
    assert logins(a_smtp) == [("ann@corp-a.test", CODES["ann@corp-a.test"])]
    untouched(*world["corp-b.test"], *world["corp.test"])  # zero login attempts, zero connections
    assert SecretStore(paths.resolve()).get("bob@corp-b.test") is None

    # The user's consent for exactly those hosts: the rows are proven and saved; the row saved
    # before is unchanged and sends nothing again.
    status, rows, err = run(
        capsys, *common, *dns_opt, "--trust-server", HOSTER, "--trust-server", "mail.corp.test"
    )
    assert status == 0, err
    assert [r["result"] for r in rows] == ["unchanged", "saved", "saved"]
    assert len(logins(a_imap)) == 1
    for domain, address in (("corp-b.test", "bob@corp-b.test"), ("corp.test", "cat@corp.test")):
        imap, smtp = world[domain]
        assert logins(imap) == [(address, CODES[address])]
        assert logins(smtp) == [(address, CODES[address])]
    codes = SecretStore(paths.resolve())
    assert all(codes.get(address) == code for address, code in CODES.items())
    status, listed, _ = run(capsys, "list")
    shown = {r["address"]: r for r in listed}
    assert shown["bob@corp-b.test"]["imap"]["host"] == HOSTER
    for path in app_home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [c for c in CODES.values() if c.encode() in data], path


def test_detect_domains_finds_mx_srv_and_autoconfig_and_skips_the_rest(
    world: dict[str, Pair], dns: DnsServer
) -> None:
    dns.add("corp-d.test", "MX", "10 mxbiz1.qq.com.")  # Tencent Exmail behind a company domain
    found = detect_domains(
        ["corp-a.test", "corp-b.test", "corp.test", "corp-d.test", "nothing.test"],
        bundled_catalogue(),
        dns_server=("127.0.0.1", dns.port),
        timeout=5,
    )
    assert sorted(found) == ["corp-a.test", "corp-b.test", "corp-d.test", "corp.test"]
    imap, _smtp, provider = found["corp-d.test"]
    assert (imap.host, provider) == ("imap.exmail.qq.com", "tencent_exmail")
    imap, _smtp, provider = found["corp-b.test"]
    assert (imap.host, imap.port, provider) == (HOSTER, world["corp-b.test"][0].port, None)
    assert imap.origin.source.value == "srv"
    imap, _smtp, _provider = found["corp.test"]
    assert imap.origin.source.value == "autoconfig_http"
    assert detect_domains(["corp-a.test"], bundled_catalogue(), network=False) == {}
    for server in (s for pair in world.values() for s in pair):
        assert server.connections == 0  # detection never logs in
