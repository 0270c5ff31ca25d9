"""The trust rule end to end through the real CLI, as an attacker would try it, on loopback.

Every scenario runs ``mailmanager-cli`` in-process against real loopback servers: a dnslib DNS
server (SRV, A records, given to ``add --dns-server``), an autoconfig server over plain HTTP on
port 80 of a private 127.x address, and scripted IMAP/SMTP servers that record every line and
every credential they receive. Host names are resolved by a fake ``getaddrinfo`` that sends the
test's names to loopback and refuses every other name, so nothing can reach the internet.

Each test asserts what the servers RECEIVED (no connection, no LOGIN/AUTH line, no code) where
nothing may be sent, that the code never appears on stdout or stderr, and, where the user gave
the consent the refusal named, that the code does arrive: the rule must not refuse everything.

``HOSTILE_INPUTS`` counts the hostile inputs tried; the total is printed after the module.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import random
import socket
import ssl
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import trustme

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.model.certificates import ca_fingerprint
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.dns_server import DnsServer
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.scripted_server import Script, ScriptedServer, imap_script, smtp_script

CODE = "TrustCode-q8Vx3mZ1"  # the authorization code; it must never be seen where not agreed
NEW_CODE = "TrustCode-rotated-k2P9"
DOMAIN = "corp.test"
ADDRESS = f"ann@{DOMAIN}"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# Hostile inputs tried, one entry per input (a file, a DNS answer, a server's behaviour).
HOSTILE_INPUTS: list[str] = []


def hostile(name: str) -> None:
    HOSTILE_INPUTS.append(name)


@pytest.fixture(scope="module", autouse=True)
def _report_count(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the module's tests (in any order), print how many hostile inputs were tried."""
    yield
    line = f"{len(HOSTILE_INPUTS)} hostile inputs tried, 0 codes sent without consent"
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\n{line}")


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


# -- name resolution: the test's names to loopback, nothing else ---------------------------------

_REAL_GETADDRINFO = socket.getaddrinfo


class FakeNames:
    """``socket.getaddrinfo`` for the CLI under test: test names go to 127.0.0.1 (optionally
    to another port), IP literals pass through, every other name fails. ``asked`` lists
    every name looked up, so a test can prove a hostile name was not even resolved."""

    def __init__(self) -> None:
        self.names: dict[str, int | None] = {}
        self.asked: list[str] = []
        self._lock = threading.Lock()

    def add(self, host: str, port: int | None = None) -> None:
        self.names[host.lower()] = port

    def getaddrinfo(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is None or _is_ip(name):
            return _REAL_GETADDRINFO(host, port, *args, **kwargs)
        with self._lock:
            self.asked.append(name)
        key = name.lower().rstrip(".")
        if key in self.names:
            return _REAL_GETADDRINFO("127.0.0.1", self.names[key] or port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"{name!r} is not a test name")


def _is_ip(name: str) -> bool:
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in name else socket.AF_INET, name.strip("[]"))
    except OSError:
        return False
    return True


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> FakeNames:
    fake = FakeNames()
    monkeypatch.setattr(socket, "getaddrinfo", fake.getaddrinfo)
    return fake


# -- servers -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "company-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def tls_for(ca: trustme.CA, *hosts: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*hosts).configure_cert(context)
    return context


@pytest.fixture
def servers() -> Iterator[Callable[..., ScriptedServer]]:
    """A factory of scripted servers (stopped at the end of the test)."""
    with ExitStack() as stack:

        def make(
            kind: str, context: ssl.SSLContext | None = None, *, password: str = CODE
        ) -> ScriptedServer:
            script = (
                imap_script(password=password) if kind == "imap" else smtp_script(password=password)
            )
            return stack.enter_context(ScriptedServer(script, tls_context=context))

        yield make


@pytest.fixture(scope="module")
def shared_dns() -> Iterator[DnsServer]:
    with DnsServer() as server:
        yield server


@pytest.fixture
def dns(shared_dns: DnsServer) -> DnsServer:
    shared_dns.reset()
    return shared_dns


class AutoconfigHttp:
    """An autoconfig server over plain HTTP on port 80 of a private loopback address (what an
    attacker on the user's Wi-Fi answers for autoconfig.<domain>). ``requests`` lists paths."""

    def __init__(self, body: bytes) -> None:
        self.requests: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                del format, args

        ThreadingHTTPServer.allow_reuse_address = True
        self.ip = f"127.13.{random.randint(1, 250)}.{random.randint(2, 250)}"
        try:
            self.httpd = ThreadingHTTPServer((self.ip, 80), Handler)
        except OSError as exc:  # port 80 needs root
            pytest.skip(f"cannot serve HTTP on {self.ip}:80: {exc}")
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> AutoconfigHttp:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)


def autoconfig_xml(*pairs: tuple[str, int, str, str, int, str]) -> bytes:
    """A config-v1.1 file listing (imap host, port, socketType, smtp host, port, socketType)."""
    servers = ""
    for imap_host, imap_port, imap_sec, smtp_host, smtp_port, smtp_sec in pairs:
        servers += (
            f'<incomingServer type="imap"><hostname>{imap_host}</hostname>'
            f"<port>{imap_port}</port><socketType>{imap_sec}</socketType>"
            "<username>%EMAILADDRESS%</username></incomingServer>"
        )
        servers += (
            f'<outgoingServer type="smtp"><hostname>{smtp_host}</hostname>'
            f"<port>{smtp_port}</port><socketType>{smtp_sec}</socketType>"
            "<username>%EMAILADDRESS%</username></outgoingServer>"
        )
    return (
        '<?xml version="1.0"?><clientConfig version="1.1">'
        f'<emailProvider id="{DOMAIN}"><domain>{DOMAIN}</domain><displayName>Corp</displayName>'
        f"{servers}</emailProvider></clientConfig>"
    ).encode()


# -- running the CLI -----------------------------------------------------------------------------


class Result:
    def __init__(self, code: int, out: str, err: str, stdin_read: int) -> None:
        self.code, self.out, self.err, self.stdin_read = code, out, err, stdin_read

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    def run(*argv: str, stdin: str = CODE + "\n") -> Result:
        stream = io.StringIO(stdin)
        monkeypatch.setattr(sys, "stdin", stream)
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        for secret in (CODE, NEW_CODE):
            assert secret not in captured.out and secret not in captured.err
        assert "Traceback" not in captured.err
        return Result(code, captured.out, captured.err, stream.tell())

    return run


def untouched(*servers: ScriptedServer) -> None:
    """Nothing reached these servers: no connection, no line, no credential."""
    for server in servers:
        assert server.connections == 0, server.received
        assert server.received == []
        assert server.auth_attempts == []


def no_credentials(*servers: ScriptedServer) -> None:
    """Connections may have been made, but no LOGIN/AUTH line and no code arrived."""
    for server in servers:
        assert server.auth_attempts == []
        assert server.lines_matching(r"^\S+ (LOGIN|AUTHENTICATE)|^AUTH ") == []
        encoded = base64.b64encode(CODE.encode())
        assert not any(CODE.encode() in line or encoded in line for line in server.received)


def logged_in(server: ScriptedServer, code: str = CODE) -> None:
    assert [secret for _user, secret in server.auth_attempts] == [code]


def refusal_lines(result: Result) -> list[str]:
    return [line for line in result.err.splitlines() if "to accept it:" in line]


def refused(result: Result, *options: str) -> None:
    """Exit 1, one stderr line per refusal naming the option, nothing read from stdin."""
    assert result.code == 1, (result.out, result.err)
    assert "nothing was sent" in result.err
    lines = refusal_lines(result)
    assert sorted(line.split("to accept it: ", 1)[1] for line in lines) == sorted(options)
    assert result.stdin_read == 0  # the code was not even read


def rows(cli: Any) -> dict[str, Any]:
    return {row["address"]: row for row in cli("list", "--json").json()}


def codes() -> SecretStore:
    return SecretStore(paths.resolve())


def no_code_in_files(home: Path) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            assert CODE.encode() not in path.read_bytes(), path


# -- (a) autoconfig over plain HTTP naming plain servers ------------------------------------------


@pytest.mark.parametrize(
    "pairs",
    [
        pytest.param([("mail", 0, "plain", "mail", 0, "plain")], id="plain-both"),
        pytest.param([("mail", 0, "plain", "mail", 1, "SSL")], id="plain-imap-ssl-smtp"),
        pytest.param([("mail", 1, "SSL", "mail", 0, "plain")], id="ssl-imap-plain-smtp"),
    ],
)
def test_a_http_autoconfig_naming_plain_servers_is_never_offered(
    cli: Any,
    names: FakeNames,
    dns: DnsServer,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    app_home: Path,
    pairs: list[tuple[str, int, str, str, int, str]],
) -> None:
    plain_imap, plain_smtp = servers("imap"), servers("smtp")
    tls_imap = servers("imap", tls_for(ca, f"mail.{DOMAIN}"))
    tls_smtp = servers("smtp", tls_for(ca, f"mail.{DOMAIN}"))
    by_port = {0: (plain_imap.port, plain_smtp.port), 1: (tls_imap.port, tls_smtp.port)}
    filled = [
        (f"{h1}.{DOMAIN}", by_port[p1][0], s1, f"{h2}.{DOMAIN}", by_port[p2][1], s2)
        for h1, p1, s1, h2, p2, s2 in pairs
    ]
    names.add(f"mail.{DOMAIN}")
    with AutoconfigHttp(autoconfig_xml(*filled)) as web:
        dns.add(f"autoconfig.{DOMAIN}", "A", web.ip)
        hostile(f"HTTP autoconfig with a plain server ({pairs[0]})")
        result = cli("add", ADDRESS, "--password-stdin", "--dns-server", f"127.0.0.1:{dns.port}")
        # With --allow-plain for the plain server it is still not offered: discovery's
        # plain servers are dropped, not waiting for consent.
        plain_port = plain_imap.port if pairs[0][2] == "plain" else plain_smtp.port
        again = cli(
            "add",
            ADDRESS,
            "--password-stdin",
            "--dns-server",
            f"127.0.0.1:{dns.port}",
            "--allow-plain",
            f"mail.{DOMAIN}:{plain_port}",
            "--trust-server",
            f"mail.{DOMAIN}",
        )
        assert web.requests, "detection did fetch the autoconfig file over HTTP"
    for outcome in (result, again):
        # Nothing usable was found, so add asks for --imap/--smtp (a usage error, exit 2).
        assert outcome.code == 2, outcome.err
        assert "could not be found" in outcome.err
        assert "--allow-plain" not in outcome.err
        assert outcome.stdin_read == 0
    untouched(plain_imap, plain_smtp, tls_imap, tls_smtp)
    assert names.asked == []  # not even a name look-up for the servers
    assert rows(cli) == {}
    no_code_in_files(app_home)


def test_a_http_autoconfig_listing_a_plain_then_a_tls_pair_offers_only_the_tls_one(
    cli: Any, names: FakeNames, dns: DnsServer, servers: Callable[..., ScriptedServer]
) -> None:
    plain_imap, plain_smtp = servers("imap"), servers("smtp")
    names.add(f"plain.{DOMAIN}")
    names.add(f"mail.{DOMAIN}")
    body = autoconfig_xml(
        (f"plain.{DOMAIN}", plain_imap.port, "plain", f"plain.{DOMAIN}", plain_smtp.port, "plain"),
        (f"mail.{DOMAIN}", 993, "SSL", f"mail.{DOMAIN}", 465, "SSL"),
    )
    with AutoconfigHttp(body) as web:
        dns.add(f"autoconfig.{DOMAIN}", "A", web.ip)
        hostile("HTTP autoconfig: a plain pair before a TLS pair")
        result = cli("add", ADDRESS, "--password-stdin", "--dns-server", f"127.0.0.1:{dns.port}")
    refused(result, f"--trust-server mail.{DOMAIN}", f"--trust-server mail.{DOMAIN}")
    assert f"plain.{DOMAIN}" not in result.err
    assert "plain HTTP or a guess" in result.err
    untouched(plain_imap, plain_smtp)
    assert names.asked == []


# -- (b) autoconfig over plain HTTP naming a TLS server under the domain --------------------------


def test_b_http_autoconfig_under_the_domain_waits_for_trust_server(
    cli: Any,
    names: FakeNames,
    dns: DnsServer,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    ca_file: str,
    app_home: Path,
) -> None:
    host = f"mail.{DOMAIN}"
    imap, smtp = servers("imap", tls_for(ca, host)), servers("smtp", tls_for(ca, host))
    names.add(host)
    body = autoconfig_xml((host, imap.port, "SSL", host, smtp.port, "SSL"))
    dns_opt = ["--dns-server", f"127.0.0.1:{dns.port}"]
    with AutoconfigHttp(body) as web:
        dns.add(f"autoconfig.{DOMAIN}", "A", web.ip)
        hostile("HTTP autoconfig naming a TLS server under the domain")
        result = cli("add", ADDRESS, "--password-stdin", *dns_opt, "--ca-file", ca_file)
        refused(result, f"--trust-server {host}", f"--trust-server {host}")
        assert f"IMAP {host}:{imap.port}" in result.err and f"SMTP {host}:{smtp.port}" in result.err
        untouched(imap, smtp)
        assert rows(cli) == {}
        # The user's consent, given for this host: the code goes there, and only then.
        accepted = cli(
            "add", ADDRESS, "--password-stdin", *dns_opt, "--ca-file", ca_file,
            "--trust-server", host,
        )  # fmt: skip
    assert accepted.code == 0, accepted.err
    logged_in(imap)
    logged_in(smtp)
    row = rows(cli)[ADDRESS]
    assert row["imap"]["source"] == "autoconfig_http"
    assert row["imap"]["source_detail"].startswith(f"http://autoconfig.{DOMAIN}/")
    assert row["imap"]["confirmed_at"] and row["smtp"]["confirmed_at"]
    assert row["needs_confirmation"] == []
    no_code_in_files(app_home)


# -- (c) SRV records pointing outside the domain ---------------------------------------------------


def _srv(
    dns: DnsServer, imap_target: str, imap_port: int, smtp_target: str, smtp_port: int
) -> None:
    dns.add(f"_imaps._tcp.{DOMAIN}", "SRV", f"0 1 {imap_port} {imap_target}.")
    dns.add(f"_submissions._tcp.{DOMAIN}", "SRV", f"0 1 {smtp_port} {smtp_target}.")


def test_c_srv_outside_the_domain_is_refused_until_each_host_is_trusted(
    cli: Any,
    names: FakeNames,
    dns: DnsServer,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    ca_file: str,
) -> None:
    imap_host, smtp_host = "imap.evil-host.test", "smtp.evil-host.test"
    imap = servers("imap", tls_for(ca, imap_host))
    smtp = servers("smtp", tls_for(ca, smtp_host))
    names.add(imap_host)
    names.add(smtp_host)
    _srv(dns, imap_host, imap.port, smtp_host, smtp.port)
    hostile("SRV records naming hosts outside the address's domain")
    base = ["add", ADDRESS, "--password-stdin", "--dns-server", f"127.0.0.1:{dns.port}"]
    result = cli(*base, "--ca-file", ca_file)
    refused(result, f"--trust-server {imap_host}", f"--trust-server {smtp_host}")
    assert f"{imap_host} is not part of {DOMAIN}" in result.err
    assert f"{smtp_host} is not part of {DOMAIN}" in result.err
    # Consent for one host is not consent for the other: still nothing is sent to either.
    half = cli(*base, "--ca-file", ca_file, "--trust-server", imap_host)
    refused(half, f"--trust-server {smtp_host}")
    # Trusting the domain or a parent is not trusting the host.
    parent = cli(*base, "--ca-file", ca_file, "--trust-server", "evil-host.test")
    refused(parent, f"--trust-server {imap_host}", f"--trust-server {smtp_host}")
    untouched(imap, smtp)
    assert names.asked == []
    accepted = cli(
        *base, "--ca-file", ca_file, "--trust-server", imap_host, "--trust-server", smtp_host
    )
    assert accepted.code == 0, accepted.err
    logged_in(imap)
    logged_in(smtp)
    row = rows(cli)[ADDRESS]
    assert (row["imap"]["host"], row["imap"]["source"]) == (imap_host, "srv")
    assert row["imap"]["confirmed_at"] and row["smtp"]["confirmed_at"]


def test_c_srv_pointing_at_an_ip_literal_is_foreign(
    cli: Any, dns: DnsServer, names: FakeNames, servers: Callable[..., ScriptedServer]
) -> None:
    imap, smtp = servers("imap"), servers("smtp")
    dns.add(f"_imaps._tcp.{DOMAIN}", "SRV", f"0 1 {imap.port} localhost.")
    dns.add(f"_submissions._tcp.{DOMAIN}", "SRV", f"0 1 {smtp.port} localhost.")
    hostile("SRV records naming localhost")
    result = cli("add", ADDRESS, "--password-stdin", "--dns-server", f"127.0.0.1:{dns.port}")
    refused(result, "--trust-server localhost", "--trust-server localhost")
    untouched(imap, smtp)


# -- (d) SRV under the domain with a trustme certificate: must work ------------------------------


def test_d_srv_under_the_domain_with_a_valid_certificate_just_works(
    cli: Any,
    names: FakeNames,
    dns: DnsServer,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    ca_file: str,
) -> None:
    host = f"mail.{DOMAIN}"
    imap, smtp = servers("imap", tls_for(ca, host)), servers("smtp", tls_for(ca, host))
    names.add(host)
    _srv(dns, host, imap.port, host, smtp.port)
    result = cli(
        "add", ADDRESS, "--password-stdin", "--dns-server", f"127.0.0.1:{dns.port}",
        "--ca-file", ca_file,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "login checked" in result.out
    logged_in(imap)
    logged_in(smtp)
    row = rows(cli)[ADDRESS]
    assert row["imap"]["source"] == "srv" and row["imap"]["confirmed_at"] is None
    assert row["needs_confirmation"] == []
    assert codes().get(ADDRESS) == CODE


def test_d_srv_under_the_domain_with_a_certificate_for_another_name_sends_nothing(
    cli: Any,
    names: FakeNames,
    dns: DnsServer,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    ca_file: str,
) -> None:
    # The DNS answer is "under the domain", but the server behind it cannot prove the name.
    host = f"mail.{DOMAIN}"
    imap = servers("imap", tls_for(ca, "mail.evil-host.test"))
    smtp = servers("smtp", tls_for(ca, "mail.evil-host.test"))
    names.add(host)
    _srv(dns, host, imap.port, host, smtp.port)
    hostile("SRV under the domain, server certificate for another name")
    result = cli(
        "add", ADDRESS, "--password-stdin", "--dns-server", f"127.0.0.1:{dns.port}",
        "--ca-file", ca_file,
    )  # fmt: skip
    assert result.code == 1
    no_credentials(imap, smtp)
    assert rows(cli) == {}


def test_d_starttls_stripped_by_the_server_sends_nothing(
    cli: Any, names: FakeNames, servers: Callable[..., ScriptedServer]
) -> None:
    # A typed STARTTLS endpoint whose server (or a man in the middle) does not offer STARTTLS.
    imap, smtp = servers("imap"), servers("smtp")
    names.add(f"mail.{DOMAIN}")
    hostile("STARTTLS stripped (IMAP and SMTP)")
    result = cli(
        "check", "--address", ADDRESS, "--password-stdin",
        "--imap", f"mail.{DOMAIN}:{imap.port}:starttls",
        "--smtp", f"mail.{DOMAIN}:{smtp.port}:starttls",
    )  # fmt: skip
    assert result.code == 1
    assert imap.connections >= 1 and smtp.connections >= 1
    no_credentials(imap, smtp)


def test_d_starttls_announced_then_refused_or_faked_sends_nothing(
    cli: Any, names: FakeNames
) -> None:
    # IMAP answers "OK" to STARTTLS and then keeps talking in clear text; SMTP announces
    # STARTTLS and then refuses it. Neither may get a login.
    imap_faker = Script(
        greeting=b"* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] ready\r\n",
        rules=[
            (r"\S+ CAPABILITY", b"* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\r\n{tag} OK\r\n"),
            (r"\S+ STARTTLS", b"{tag} OK go ahead\r\n* OK still plain\r\n"),
        ],
    )
    smtp_refuser = Script(
        greeting=b"220 ready\r\n",
        rules=[
            (r"EHLO", b"250-scripted\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n"),
            (r"STARTTLS", b"454 4.7.0 TLS not available due to temporary reason\r\n"),
        ],
        default=b"500 5.5.2 unknown command\r\n",
    )
    names.add(f"mail.{DOMAIN}")
    hostile("IMAP STARTTLS answered OK without TLS")
    hostile("SMTP STARTTLS announced, then refused")
    with ScriptedServer(imap_faker) as imap, ScriptedServer(smtp_refuser) as smtp:
        result = cli(
            "check", "--address", ADDRESS, "--password-stdin", "--timeout", "3",
            "--imap", f"mail.{DOMAIN}:{imap.port}:starttls",
            "--smtp", f"mail.{DOMAIN}:{smtp.port}:starttls",
        )  # fmt: skip
        assert result.code == 1
        assert imap.connections == 1 and smtp.connections == 1
        no_credentials(imap, smtp)


# -- (e) a provider file claiming 163.com ------------------------------------------------------


@pytest.mark.expected_warnings(
    "user_163_com.toml: ignoring 163.com (served by the bundled catalogue)",
)
def test_e_a_provider_file_claiming_163_never_replaces_the_bundled_servers(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    ca_file: str,
    tmp_path: Path,
) -> None:
    file_imap, file_smtp = servers("imap"), servers("smtp")  # the file's plain servers
    names.add("mail.evil-host.test")
    real_imap = servers("imap", tls_for(ca, "imap.163.com"))
    real_smtp = servers("smtp", tls_for(ca, "smtp.163.com"))
    names.add("imap.163.com", real_imap.port)
    names.add("smtp.163.com", real_smtp.port)
    xml = tmp_path / "config-v1.1.xml"
    xml.write_text(
        '<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="163.com">'
        "<domain>163.com</domain><domain>evil-corp.test</domain>"
        "<displayName>网易163邮箱</displayName>"
        '<incomingServer type="imap"><hostname>mail.evil-host.test</hostname>'
        f"<port>{file_imap.port}</port><socketType>plain</socketType>"
        "<username>%EMAILADDRESS%</username></incomingServer>"
        '<outgoingServer type="smtp"><hostname>mail.evil-host.test</hostname>'
        f"<port>{file_smtp.port}</port><socketType>plain</socketType>"
        "<username>%EMAILADDRESS%</username></outgoingServer>"
        "</emailProvider></clientConfig>"
    )
    hostile("provider file claiming 163.com with plain servers on another host")
    imported = cli("provider", "import", str(xml))
    assert imported.code == 0, imported.err
    result = cli("add", "zhang@163.com", "--password-stdin", "--ca-file", ca_file)
    assert result.code == 0, result.err
    logged_in(real_imap)
    logged_in(real_smtp)
    row = rows(cli)["zhang@163.com"]
    assert (row["imap"]["host"], row["imap"]["source"]) == ("imap.163.com", "catalogue")
    assert row["provider"] not in (None, "") and "evil" not in json.dumps(row)
    # The file's other domain gets the file's servers as a suggestion only.
    own = cli("add", "bob@evil-corp.test", "--password-stdin", "--no-check")
    refused(
        own,
        "--trust-server mail.evil-host.test",
        "--trust-server mail.evil-host.test",
        f"--allow-plain mail.evil-host.test:{file_imap.port}",
        f"--allow-plain mail.evil-host.test:{file_smtp.port}",
    )
    untouched(file_imap, file_smtp)
    assert "mail.evil-host.test" not in names.asked


# -- (f) an import file with plain servers, a foreign host and a foreign CA -------------------


def export_file(*accounts: dict[str, Any]) -> str:
    return json.dumps(
        {"format": "mailmanager-accounts", "version": 2, "accounts": list(accounts)},
        ensure_ascii=False,
    )


def entry(
    address: str,
    imap: tuple[str, int, str],
    smtp: tuple[str, int, str],
    **extra: Any,
) -> dict[str, Any]:
    def server(spec: tuple[str, int, str]) -> dict[str, Any]:
        host, port, security = spec
        # A tampered file may claim anything about where its servers came from.
        return {
            "host": host, "port": port, "security": security, "username": address,
            "source": "typed", "source_detail": "you typed this", "confirmed_at": "2026-01-01",
            "plain_confirmed_at": "2026-01-01T00:00:00+00:00",
        }  # fmt: skip

    return {
        "address": address, "provider_id": "netease_personal", "imap": server(imap),
        "smtp": server(smtp), "ca_confirmed_at": "2026-01-01T00:00:00+00:00", **extra,
    }  # fmt: skip


def test_f_a_tampered_import_waits_for_each_consent_and_then_works(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    tmp_path: Path,
    app_home: Path,
) -> None:
    foreign_ca = trustme.CA()
    plain_imap = servers("imap")  # the file's plain IMAP, on the provider's own host name
    foreign_smtp = servers("smtp", tls_for(foreign_ca, "smtp.evil-host.test"))
    names.add("imap.163.com", plain_imap.port)
    names.add("smtp.evil-host.test")
    pem = foreign_ca.cert_pem.bytes().decode()
    fingerprint = ca_fingerprint(pem)
    path = tmp_path / "accounts.json"
    path.write_text(
        export_file(
            entry(
                "zhang.wei@163.com",
                ("imap.163.com", plain_imap.port, "plain"),
                ("smtp.evil-host.test", foreign_smtp.port, "ssl"),
                ca_pem=pem,
            )
        )
    )
    hostile("import: plain IMAP on the catalogue host")
    hostile("import: foreign SMTP host")
    hostile("import: foreign CA PEM")
    hostile("import: claims source=typed and confirmations")
    assert cli("import", str(path)).code == 0
    row = rows(cli)["zhang.wei@163.com"]
    assert row["imap"]["source"] == "import_file" and row["imap"]["confirmed_at"] is None
    assert row["imap"]["plain_confirmed_at"] is None
    every = [
        f"--allow-plain imap.163.com:{plain_imap.port}",
        "--trust-server smtp.evil-host.test",
        f"--trust-ca-file {fingerprint}",
    ]
    assert sorted(row["needs_confirmation"]) == sorted(every)
    restore = ["add", "zhang.wei@163.com", "--password-stdin"]
    result = cli(*restore)
    refused(result, *every)
    assert "imap.163.com" in result.err and "smtp.evil-host.test" in result.err
    # Any two of the three consents are not enough, and nothing is sent meanwhile.
    options = [
        ["--allow-plain", f"imap.163.com:{plain_imap.port}"],
        ["--trust-server", "smtp.evil-host.test"],
        ["--trust-ca-file", fingerprint],
    ]
    for left_out in range(3):
        given = [word for i, pair in enumerate(options) if i != left_out for word in pair]
        refused(cli(*restore, *given), every[left_out])
    # check and rotate of the imported mailbox stop in the same way.
    checked = cli("check", "zhang.wei@163.com")
    assert checked.code == 1
    assert sorted(ln.split("to accept it: ", 1)[1] for ln in refusal_lines(checked)) == sorted(
        every
    )
    refused(cli("rotate", "zhang.wei@163.com", "--password-stdin"), *every)
    untouched(plain_imap, foreign_smtp)
    assert names.asked == []
    assert codes().get("zhang.wei@163.com") is None
    # All three, as the user's own decision: it proceeds to exactly these servers.
    accepted = cli(*restore, *(word for pair in options for word in pair))
    assert accepted.code == 0, accepted.err
    logged_in(plain_imap)
    logged_in(foreign_smtp)
    row = rows(cli)["zhang.wei@163.com"]
    assert row["imap"]["plain_confirmed_at"] and row["smtp"]["confirmed_at"]
    assert row["needs_confirmation"] == []
    no_code_in_files(app_home)


def test_f_a_version_1_import_is_a_suggestion_too(
    cli: Any, names: FakeNames, servers: Callable[..., ScriptedServer], tmp_path: Path
) -> None:
    imap, smtp = servers("imap"), servers("smtp")
    names.add("mail.evil-host.test")
    document = {
        "format": "mailmanager-accounts",
        "version": 1,
        "accounts": [
            {
                "address": "qian@163.com",
                "imap": {"host": "MAIL.EVIL-HOST.TEST.", "port": imap.port, "security": "plain"},
                "smtp": {"host": "mail.evil-host.test", "port": smtp.port, "security": "ssl"},
            }
        ],
    }
    path = tmp_path / "old-export.json"
    path.write_text(json.dumps(document))
    hostile("version 1 import: foreign plain IMAP (upper case, trailing dot), foreign SMTP")
    assert cli("import", str(path)).code == 0
    result = cli("add", "qian@163.com", "--password-stdin")
    # The option names the endpoint as stored; given back as shown, it is accepted.
    allow = f"mail.evil-host.test.:{imap.port}"
    refused(
        result,
        "--trust-server mail.evil-host.test",
        f"--allow-plain {allow}",
        "--trust-server mail.evil-host.test",
    )
    untouched(imap, smtp)
    accepted = cli(
        "add", "qian@163.com", "--password-stdin",
        "--trust-server", "mail.evil-host.test", "--allow-plain", allow,
    )  # fmt: skip
    logged_in(imap)
    assert accepted.code == 1  # the "ssl" SMTP server speaks no TLS: no code goes there
    no_credentials(smtp)


def test_f_servers_typed_on_the_restore_step_replace_the_imported_ones(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    ca_file: str,
    tmp_path: Path,
) -> None:
    imported_imap, imported_smtp = servers("imap"), servers("smtp")
    names.add("mail.evil-host.test")
    typed_imap = servers("imap", tls_for(ca, "127.0.0.1"))
    typed_smtp = servers("smtp", tls_for(ca, "127.0.0.1"))
    path = tmp_path / "accounts.json"
    path.write_text(
        export_file(
            entry(
                "li.na@163.com",
                ("mail.evil-host.test", imported_imap.port, "plain"),
                ("mail.evil-host.test", imported_smtp.port, "plain"),
            )
        )
    )
    hostile("import: foreign plain servers, replaced on restore")
    assert cli("import", str(path)).code == 0
    result = cli(
        "add", "li.na@163.com", "--password-stdin", "--ca-file", ca_file,
        "--imap", f"127.0.0.1:{typed_imap.port}:ssl",
        "--smtp", f"127.0.0.1:{typed_smtp.port}:ssl",
    )  # fmt: skip
    assert result.code == 0, result.err
    logged_in(typed_imap)
    logged_in(typed_smtp)
    untouched(imported_imap, imported_smtp)
    assert names.asked == []
    row = rows(cli)["li.na@163.com"]
    assert (row["imap"]["host"], row["imap"]["source"]) == ("127.0.0.1", "typed")
    assert (row["smtp"]["host"], row["smtp"]["source"]) == ("127.0.0.1", "typed")


def test_f_typing_one_server_keeps_the_other_imported_one_refused(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    ca_file: str,
    tmp_path: Path,
) -> None:
    imported_smtp = servers("smtp", tls_for(ca, "smtp.evil-host.test"))
    typed_imap = servers("imap", tls_for(ca, "127.0.0.1"))
    names.add("smtp.evil-host.test")
    path = tmp_path / "accounts.json"
    path.write_text(
        export_file(
            entry(
                "wu@163.com",
                ("imap.evil-host.test", 993, "ssl"),
                ("smtp.evil-host.test", imported_smtp.port, "ssl"),
            )
        )
    )
    hostile("import: foreign servers, only IMAP replaced on restore")
    assert cli("import", str(path)).code == 0
    result = cli(
        "add", "wu@163.com", "--password-stdin", "--ca-file", ca_file,
        "--imap", f"127.0.0.1:{typed_imap.port}:ssl",
    )  # fmt: skip
    refused(result, "--trust-server smtp.evil-host.test")
    untouched(typed_imap, imported_smtp)


@pytest.mark.parametrize(
    ("host", "shown"),
    [
        ("127.0.0.1\u0000.163.com", "127.0.0.1\\x00.163.com"),
        ("localhost\u0000.163.com", "localhost\\x00.163.com"),
        ("mail.evil-host.test\u0000.163.com", "mail.evil-host.test\\x00.163.com"),
    ],
)
def test_f_a_host_with_a_nul_is_not_under_163(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    tmp_path: Path,
    host: str,
    shown: str,
) -> None:
    # The resolver and the certificate check stop at the NUL: "x\0.163.com" reaches x.
    imap = servers("imap", tls_for(ca, "127.0.0.1", "localhost", "mail.evil-host.test"))
    smtp = servers("smtp", tls_for(ca, "127.0.0.1", "localhost", "mail.evil-host.test"))
    names.add("mail.evil-host.test")
    path = tmp_path / "accounts.json"
    path.write_text(
        export_file(entry("he@163.com", (host, imap.port, "ssl"), (host, smtp.port, "ssl")))
    )
    hostile(f"import: host with a NUL ({shown})")
    # Import validates server names as `add` does: the entry is refused outright (and were it
    # in the store, the trust rule would refuse the name too: test_trust.py).
    imported = cli("import", str(path))
    assert imported.code == 1 and "Entry 1 not imported" in imported.out
    assert "\x00" not in imported.out + imported.err
    assert cli("list", "--json").out.strip() == "[]"
    untouched(imap, smtp)


def test_f_a_ca_pem_smuggling_a_second_ca_is_never_used(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    tmp_path: Path,
) -> None:
    # The file shows the company CA's fingerprint, and hides the attacker's CA in an old-style
    # "X509 CERTIFICATE" block that OpenSSL loads too.
    attacker = trustme.CA()
    imap = servers("imap", tls_for(attacker, "imap.163.com"))
    smtp = servers("smtp", tls_for(attacker, "smtp.163.com"))
    names.add("imap.163.com", imap.port)
    names.add("smtp.163.com", smtp.port)
    company = ca.cert_pem.bytes().decode()
    hidden = (
        attacker.cert_pem.bytes()
        .decode()
        .replace("BEGIN CERTIFICATE", "BEGIN X509 CERTIFICATE")
        .replace("END CERTIFICATE", "END X509 CERTIFICATE")
    )
    path = tmp_path / "accounts.json"
    path.write_text(
        export_file(
            entry(
                "sun@163.com",
                ("imap.163.com", 993, "ssl"),
                ("smtp.163.com", 465, "ssl"),
                ca_pem=company + hidden,
            )
        )
    )
    hostile("import: CA PEM with a hidden second CA (X509 CERTIFICATE block)")
    assert cli("import", str(path)).code == 0
    restore = ["add", "sun@163.com", "--password-stdin"]
    result = cli(*restore, "--trust-ca-file", ca_fingerprint(company))
    assert result.code == 1 and result.stdin_read == 0
    assert "also holds other content" in result.err
    untouched(imap, smtp)
    # The same trick in a file the user names with --ca-file is refused as well.
    smuggled = tmp_path / "company-ca.pem"
    smuggled.write_text(company + hidden)
    hostile("--ca-file with a hidden second CA")
    typed = cli(*restore, "--ca-file", str(smuggled))
    assert typed.code == 1 and typed.stdin_read == 0
    untouched(imap, smtp)


@pytest.mark.parametrize("kind", ["fifo", "stdin"])
def test_f_an_imported_ca_path_that_is_not_a_file_is_not_read(
    cli: Any, names: FakeNames, tmp_path: Path, kind: str
) -> None:
    # A tampered import names a FIFO (reading it would hang) or /dev/stdin (where the code
    # is waiting) as its CA file; confirming a fingerprint must not read from it.
    if kind == "fifo":
        target = tmp_path / "ca.pem"
        os.mkfifo(target)
        ca_path = str(target)
    else:
        ca_path = "/dev/stdin"
    path = tmp_path / "accounts.json"
    path.write_text(
        export_file(
            entry(
                "fu@163.com",
                ("imap.163.com", 993, "ssl"),
                ("smtp.163.com", 465, "ssl"),
                ca_file=ca_path,
            )
        )
    )
    hostile(f"import: CA path naming {kind}")
    assert cli("import", str(path)).code == 0
    outcome: list[Result] = []
    worker = threading.Thread(
        target=lambda: outcome.append(
            cli("add", "fu@163.com", "--password-stdin", "--trust-ca-file", "ab" * 32)
        ),
        daemon=True,
    )
    worker.start()
    worker.join(5)
    if worker.is_alive():  # unblock the reader, then fail
        with contextlib.suppress(OSError), open(ca_path, "w") as unblock:
            unblock.write("x")
        worker.join(5)
        pytest.fail(f"add hung reading the imported CA path {ca_path}")
    [result] = outcome
    assert result.code == 2, result.err
    assert "not a regular file" in result.err
    assert result.stdin_read == 0
    assert names.asked == []


# -- (g) check and (h) rotate of stored mailboxes that need consent --------------------------------


@pytest.fixture
def upgraded(app_home: Path, cli: Any) -> dict[str, Any]:
    """The committed version-2 store as the user's store, upgraded on open, with codes."""
    database = paths.resolve().database
    database.parent.mkdir(parents=True, exist_ok=True)
    database.write_bytes((FIXTURES / "store_v2.sqlite3").read_bytes())
    with AccountStore.open(database) as store:
        addresses = [a.address for a in store.list_accounts()]
    for address in addresses:
        codes().set(address, CODE)
    return rows(cli)


def test_g_check_of_upgraded_mailboxes_names_the_hosts_and_sends_nothing(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    upgraded: dict[str, Any],
) -> None:
    foreign = servers("imap", tls_for(ca, "mail.other-host.net"))
    own_smtp = servers("smtp", tls_for(ca, "mail.example.cn"))
    plain_imap = servers("imap")
    names.add("mail.other-host.net", foreign.port)
    names.add("mail.example.cn", own_smtp.port)
    names.add("imap.163.com", plain_imap.port)
    hostile("upgraded store: foreign IMAP host")
    hostile("upgraded store: plain IMAP")
    hostile("upgraded store: CA given as a path")
    assert upgraded["wang@example.cn"]["needs_confirmation"] == [
        "--trust-server mail.other-host.net"
    ]
    result = cli("check", "wang@example.cn", "zhao@163.com", "chen@corp.example.org")
    assert result.code == 1
    lines = refusal_lines(result)
    assert any(
        "mail.other-host.net" in ln and "--trust-server mail.other-host.net" in ln for ln in lines
    )
    assert any("--allow-plain imap.163.com:143" in ln for ln in lines)
    assert any("--trust-ca-file SHA256" in ln for ln in lines)
    untouched(foreign, own_smtp, plain_imap)
    assert names.asked == []
    # JSON names them too.
    as_json = cli("check", "wang@example.cn", "--json")
    assert as_json.code == 1
    [entry_json] = as_json.json()
    assert [u["option"] for u in entry_json["untrusted"]] == ["--trust-server mail.other-host.net"]
    untouched(foreign, own_smtp, plain_imap)
    # Consent for the plain endpoint: the code goes there now (and the consent is kept).
    allowed = cli("check", "zhao@163.com", "--allow-plain", "imap.163.com:143")
    logged_in(plain_imap)
    assert allowed.code == 1  # its SMTP (smtp.163.com) is not reachable here
    assert rows(cli)["zhao@163.com"]["imap"]["plain_confirmed_at"]


def test_h_rotate_of_a_mailbox_that_needs_consent_sends_nothing(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    ca: trustme.CA,
    upgraded: dict[str, Any],
) -> None:
    foreign = servers("imap", tls_for(ca, "mail.other-host.net"), password=NEW_CODE)
    own_smtp = servers("smtp", tls_for(ca, "mail.example.cn"), password=NEW_CODE)
    names.add("mail.other-host.net", foreign.port)
    names.add("mail.example.cn", own_smtp.port)
    hostile("rotate: upgraded store, foreign IMAP host")
    result = cli("rotate", "wang@example.cn", "--password-stdin", stdin=NEW_CODE + "\n")
    refused(result, "--trust-server mail.other-host.net")
    untouched(foreign, own_smtp)
    assert codes().get("wang@example.cn") == CODE  # the old code stays
    hostile("rotate: upgraded store, CA given as a path")
    ca_only = cli("rotate", "chen@corp.example.org", "--password-stdin", stdin=NEW_CODE + "\n")
    refused(ca_only, "--trust-ca-file SHA256")
    assert names.asked == []
    # With consent it proceeds to the server (whose certificate the system does not trust
    # here, so the TLS check still stops the code: the connection is made, no credential).
    proceeded = cli(
        "rotate", "wang@example.cn", "--password-stdin", "--trust-server", "mail.other-host.net",
        stdin=NEW_CODE + "\n",
    )  # fmt: skip
    assert proceeded.code == 1 and proceeded.stdin_read > 0
    assert foreign.connections >= 1
    no_credentials(foreign)
    assert codes().get("wang@example.cn") == CODE


def test_h_rotate_after_consent_on_restore_uses_the_confirmed_servers(
    cli: Any,
    names: FakeNames,
    servers: Callable[..., ScriptedServer],
    tmp_path: Path,
) -> None:
    foreign_ca = trustme.CA()
    imap = servers("imap", tls_for(foreign_ca, "imap.evil-host.test"))
    smtp = servers("smtp", tls_for(foreign_ca, "smtp.evil-host.test"))
    names.add("imap.evil-host.test")
    names.add("smtp.evil-host.test")
    pem = foreign_ca.cert_pem.bytes().decode()
    path = tmp_path / "accounts.json"
    path.write_text(
        export_file(
            entry(
                "ma@163.com",
                ("imap.evil-host.test", imap.port, "ssl"),
                ("smtp.evil-host.test", smtp.port, "ssl"),
                ca_pem=pem,
            )
        )
    )
    assert cli("import", str(path)).code == 0
    consent = [
        "--trust-server", "imap.evil-host.test", "--trust-server", "smtp.evil-host.test",
        "--trust-ca-file", ca_fingerprint(pem),
    ]  # fmt: skip
    assert cli("add", "ma@163.com", "--password-stdin", *consent).code == 0
    logged_in(imap)
    # The consent is kept with the mailbox: rotate needs no option now.
    imap.auth_attempts.clear()
    rotated = cli("rotate", "ma@163.com", "--password-stdin", stdin=CODE + "\n")
    assert rotated.code == 0, rotated.err
    logged_in(imap)
