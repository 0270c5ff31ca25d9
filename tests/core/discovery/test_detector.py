"""Detection over the network, against real servers on loopback: a dnslib DNS server (MX, SRV,
A records), an HTTPS/HTTP autoconfig server with a trustme certificate, scripted IMAP/SMTP
greeting servers for the guess, and a black-hole DNS server for the timeout."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator

import pytest
import trustme

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.discovery.detector import Source, detect
from mailmanager.core.discovery.model import (
    NOTE_AUTOCONFIG_HTTP,
    NOTE_CANCELLED,
    NOTE_DNS_TIMEOUT,
    NOTE_PARTIAL,
    DiscoveryConfig,
)
from mailmanager.core.model.accounts import Endpoint, Security
from tests.helpers.banner_server import BannerServer
from tests.helpers.dns_server import BlackHoleDns, DnsServer
from tests.helpers.web_server import WebServer

DOMAIN = "corp.test"
ADDRESS = f"ann@{DOMAIN}"

AUTOCONFIG = b"""<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="corp.test">
  <domain>corp.test</domain><displayName>Corp</displayName>
  <incomingServer type="imap"><hostname>mail.%EMAILDOMAIN%</hostname><port>993</port>
    <socketType>SSL</socketType><username>%EMAILLOCALPART%</username></incomingServer>
  <incomingServer type="imap"><hostname>mail.corp.test</hostname><port>143</port>
    <socketType>STARTTLS</socketType><username>%EMAILLOCALPART%</username></incomingServer>
  <outgoingServer type="smtp"><hostname>mail.corp.test</hostname><port>587</port>
    <socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username></outgoingServer>
</emailProvider></clientConfig>
"""


@pytest.fixture(scope="module")
def shared_dns() -> Iterator[DnsServer]:
    with DnsServer() as server:
        yield server


@pytest.fixture
def dns(shared_dns: DnsServer) -> DnsServer:
    shared_dns.reset()
    return shared_dns


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def client_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(include_user=False)


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _no_guess(tls: ssl.SSLContext | None = None, **ports: int) -> DiscoveryConfig:
    closed = _closed_port()
    return DiscoveryConfig(
        https_port=ports.get("https", closed),
        http_port=ports.get("http", closed),
        tls_context=tls,
        guess=False,
    )


@pytest.mark.parametrize(
    ("mx", "provider_id", "imap_host"),
    [
        ("qiye163mx01.mxmail.netease.com.", "netease_qiye", "hwhzimap.qiye.163.com"),
        ("mx.ym.163.com.", "netease_ym", "imap.ym.163.com"),
        ("mxbiz1.qq.com.", "tencent_exmail", "imap.exmail.qq.com"),
        ("mx1.qiye.aliyun.com.", "aliyun_qiye", "imap.qiye.aliyun.com"),
        ("mxn.mxhichina.com.", "aliyun_qiye", "imap.qiye.aliyun.com"),
        ("aspmx.l.google.com.", "google", "imap.gmail.com"),
        ("corp-test.mail.protection.outlook.com.", "microsoft", "outlook.office365.com"),
        ("mx.zoho.com.", "zoho", "imappro.zoho.com"),
    ],
)
def test_mx_reveals_the_provider_behind_a_company_domain(
    dns: DnsServer, catalogue: Catalogue, mx: str, provider_id: str, imap_host: str
) -> None:
    dns.add(DOMAIN, "MX", "20 backup.unknown.example.")
    dns.add(DOMAIN, "MX", f"10 {mx}")
    detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=_no_guess())
    assert detection.source is Source.MX
    assert detection.provider is not None and detection.provider.id == provider_id
    assert detection.evidence == mx.rstrip(".")  # no trailing dot
    assert detection.imap is not None and detection.imap.host == imap_host
    assert detection.imap.username == ADDRESS
    assert (DOMAIN, "MX") in dns.queries


def test_netease_enterprise_by_mx_offers_the_backup_group(
    dns: DnsServer, catalogue: Catalogue
) -> None:
    dns.add(DOMAIN, "MX", "5 qiye163mx01.mxmail.netease.com.")
    detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=_no_guess())
    assert detection.group is not None and detection.group.group_id == "recommended"
    backup = detection.alternatives[0]
    assert backup.group_id == "backup"
    assert (backup.imap.host, backup.smtp.host) == ("imap.qiye.163.com", "smtp.qiye.163.com")
    imap, _smtp = backup
    assert imap == Endpoint("imap.qiye.163.com", 993, Security.SSL, ADDRESS)


def test_truncated_udp_answers_are_retried_over_tcp(dns: DnsServer, catalogue: Catalogue) -> None:
    dns.truncate_udp = True
    dns.add(DOMAIN, "MX", "10 mxbiz2.qq.com.")
    detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=_no_guess())
    assert detection.source is Source.MX
    assert detection.provider is not None and detection.provider.id == "tencent_exmail"
    assert "tcp" in dns.transports and "udp" in dns.transports


def test_srv_records(dns: DnsServer, catalogue: Catalogue) -> None:
    dns.add(DOMAIN, "MX", "10 mx.unknown.example.")
    dns.add(f"_imaps._tcp.{DOMAIN}", "SRV", "0 1 993 mail.corp.test.")
    dns.add(f"_imap._tcp.{DOMAIN}", "SRV", "0 1 143 mail.corp.test.")
    dns.add(f"_submissions._tcp.{DOMAIN}", "SRV", "0 0 0 .")  # "not offered" (RFC 6186)
    dns.add(f"_submission._tcp.{DOMAIN}", "SRV", "10 1 2587 second.corp.test.")
    dns.add(f"_submission._tcp.{DOMAIN}", "SRV", "0 5 587 Smtp.Corp.Test.")
    detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=_no_guess())
    assert detection.source is Source.SRV
    assert detection.provider is None
    assert detection.imap == Endpoint("mail.corp.test", 993, Security.SSL, ADDRESS)
    assert detection.smtp == Endpoint("smtp.corp.test", 587, Security.STARTTLS, ADDRESS)
    asked = set(dns.asked("SRV"))
    assert asked == {
        f"_imaps._tcp.{DOMAIN}",
        f"_imap._tcp.{DOMAIN}",
        f"_submissions._tcp.{DOMAIN}",
        f"_submission._tcp.{DOMAIN}",
    }


def test_srv_pointing_at_a_known_provider_names_it(dns: DnsServer, catalogue: Catalogue) -> None:
    dns.add(f"_imaps._tcp.{DOMAIN}", "SRV", "0 1 993 imap.qiye.163.com.")
    dns.add(f"_submissions._tcp.{DOMAIN}", "SRV", "0 1 465 smtp.qiye.163.com.")
    detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=_no_guess())
    assert detection.source is Source.SRV
    assert detection.provider is not None and detection.provider.id == "netease_qiye"


def test_autoconfig_over_https(
    dns: DnsServer, catalogue: Catalogue, ca: trustme.CA, client_tls: ssl.SSLContext
) -> None:
    dns.add(f"autoconfig.{DOMAIN}", "A", "127.0.0.1")
    with WebServer(ca=ca, names=(f"autoconfig.{DOMAIN}",)) as web:
        web.routes["/mail/config-v1.1.xml"] = (200, AUTOCONFIG)
        config = _no_guess(client_tls, https=web.port)
        detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=config)
    assert detection.source is Source.AUTOCONFIG
    assert detection.imap == Endpoint("mail.corp.test", 993, Security.SSL, "ann")
    assert detection.smtp == Endpoint("mail.corp.test", 587, Security.STARTTLS, ADDRESS)
    assert [tuple(c) for c in detection.alternatives] == [
        (
            Endpoint("mail.corp.test", 143, Security.STARTTLS, "ann"),
            Endpoint("mail.corp.test", 587, Security.STARTTLS, ADDRESS),
        )
    ]
    assert detection.evidence.startswith(f"https://autoconfig.{DOMAIN}/mail/config-v1.1.xml?")
    assert NOTE_AUTOCONFIG_HTTP not in detection.notes
    assert web.requests == [
        (f"autoconfig.{DOMAIN}", "/mail/config-v1.1.xml?emailaddress=ann@corp.test")
    ]
    assert f"autoconfig.{DOMAIN}" in dns.asked("A")  # the host was resolved by our server


def test_autoconfig_falls_back_to_http_when_https_fails(
    dns: DnsServer, catalogue: Catalogue, ca: trustme.CA, client_tls: ssl.SSLContext
) -> None:
    dns.add(f"autoconfig.{DOMAIN}", "A", "127.0.0.1")
    # The HTTPS server's certificate is for another name: verification must fail.
    with (
        WebServer(ca=ca, names=("wrong.example",)) as https,
        WebServer() as http,
    ):
        https.routes["/mail/config-v1.1.xml"] = (200, AUTOCONFIG)
        http.routes["/mail/config-v1.1.xml"] = (200, AUTOCONFIG)
        config = _no_guess(client_tls, https=https.port, http=http.port)
        detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=config)
    assert https.requests == []  # nothing was sent over the unverified connection
    assert detection.source is Source.AUTOCONFIG
    assert NOTE_AUTOCONFIG_HTTP in detection.notes
    assert detection.evidence.startswith("http://")


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (
            200,
            b'<!DOCTYPE a [<!ENTITY a "aaaa">]><clientConfig>&a;</clientConfig>',
        ),
        (200, b"<clientConfig>" + b"<x/>" * 100_000 + b"</clientConfig>"),
        (200, b"<html>not a config</html>"),
        (404, AUTOCONFIG),
    ],
)
def test_a_bad_autoconfig_answer_is_ignored(
    dns: DnsServer, catalogue: Catalogue, status: int, body: bytes
) -> None:
    dns.add(f"autoconfig.{DOMAIN}", "A", "127.0.0.1")
    with WebServer() as http:
        http.routes["/mail/config-v1.1.xml"] = (status, body)
        config = _no_guess(http=http.port)
        detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=config)
    assert len(http.requests) == 1
    assert detection.source is Source.NONE and not detection.found


def test_guess_probes_greetings_only(
    dns: DnsServer, catalogue: Catalogue, ca: trustme.CA, client_tls: ssl.SSLContext
) -> None:
    for host in ("imap", "mail", "smtp"):
        dns.add(f"{host}.{DOMAIN}", "A", "127.0.0.1")
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(f"imap.{DOMAIN}", f"smtp.{DOMAIN}", f"mail.{DOMAIN}").configure_cert(server_tls)
    closed = _closed_port()
    with (
        BannerServer("imap", "ssl", server_tls) as imap_ssl,
        BannerServer("imap", "starttls", server_tls) as imap_starttls,
        BannerServer("smtp", "starttls", server_tls) as submission,
    ):
        config = DiscoveryConfig(
            https_port=closed,
            http_port=closed,
            imap_ports=((imap_ssl.port, Security.SSL), (imap_starttls.port, Security.STARTTLS)),
            smtp_ports=((closed, Security.SSL), (submission.port, Security.STARTTLS)),
            tls_context=client_tls,
        )
        detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=config)
    assert detection.source is Source.GUESS
    assert detection.imap == Endpoint(f"imap.{DOMAIN}", imap_ssl.port, Security.SSL, ADDRESS)
    assert detection.smtp == Endpoint(f"smtp.{DOMAIN}", submission.port, Security.STARTTLS, ADDRESS)
    commands = imap_ssl.commands + imap_starttls.commands + submission.commands
    assert commands, "the servers were probed"
    verbs = {c.split()[1].upper() if c[:1].islower() else c.split()[0].upper() for c in commands}
    assert verbs <= {"CAPABILITY", "STARTTLS", "LOGOUT", "EHLO", "QUIT"}, commands
    assert set(dns.asked("A")) >= {f"imap.{DOMAIN}", f"mail.{DOMAIN}", f"smtp.{DOMAIN}"}


def test_a_partial_guess_is_shown_but_not_found(
    dns: DnsServer, catalogue: Catalogue, ca: trustme.CA, client_tls: ssl.SSLContext
) -> None:
    dns.add(f"imap.{DOMAIN}", "A", "127.0.0.1")
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(f"imap.{DOMAIN}").configure_cert(server_tls)
    closed = _closed_port()
    with BannerServer("imap", "ssl", server_tls) as imap_ssl:
        config = DiscoveryConfig(
            https_port=closed,
            http_port=closed,
            imap_ports=((imap_ssl.port, Security.SSL),),
            smtp_ports=((closed, Security.SSL),),
            tls_context=client_tls,
        )
        detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=config)
    assert detection.source is Source.NONE and not detection.found
    assert detection.imap is not None and detection.imap.host == f"imap.{DOMAIN}"
    assert detection.smtp is None
    assert NOTE_PARTIAL in detection.notes


def test_a_guess_with_an_untrusted_certificate_is_not_offered(
    dns: DnsServer, catalogue: Catalogue, client_tls: ssl.SSLContext
) -> None:
    dns.add(f"imap.{DOMAIN}", "A", "127.0.0.1")
    other_ca = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    other_ca.issue_cert(f"imap.{DOMAIN}").configure_cert(server_tls)
    closed = _closed_port()
    with BannerServer("imap", "ssl", server_tls) as imap_ssl:
        config = DiscoveryConfig(
            https_port=closed,
            http_port=closed,
            imap_ports=((imap_ssl.port, Security.SSL),),
            smtp_ports=(),
            tls_context=client_tls,
        )
        detection = detect(ADDRESS, dns_server=dns.address, catalogue=catalogue, config=config)
    assert detection.imap is None and detection.source is Source.NONE
    assert imap_ssl.commands == []


def test_catalogue_domains_and_no_network_ask_no_dns(dns: DnsServer, catalogue: Catalogue) -> None:
    assert (
        detect("bob@163.com", dns_server=dns.address, catalogue=catalogue).source
        is Source.CATALOGUE
    )
    detection = detect(ADDRESS, network=False, dns_server=dns.address, catalogue=catalogue)
    assert detection.source is Source.NONE
    assert dns.queries == []


def test_a_silent_dns_server_times_out_within_the_budget(catalogue: Catalogue) -> None:
    with BlackHoleDns() as hole:
        started = time.monotonic()
        detection = detect(ADDRESS, dns_server=hole.address, timeout=0.6, catalogue=catalogue)
        elapsed = time.monotonic() - started
    assert detection.source in (Source.NONE, Source.GUESS)
    assert NOTE_DNS_TIMEOUT in detection.notes
    # A functional bound (it returns at all, and near its budget), not a performance figure.
    assert elapsed < 3.0


def test_cancel_stops_detection_at_once(catalogue: Catalogue) -> None:
    cancel = threading.Event()
    with BlackHoleDns() as hole:
        timer = threading.Timer(0.2, cancel.set)
        timer.start()
        started = time.monotonic()
        detection = detect(
            ADDRESS, dns_server=hole.address, timeout=30, cancel=cancel, catalogue=catalogue
        )
        elapsed = time.monotonic() - started
        timer.join()
    assert detection.cancelled and detection.source is Source.NONE
    assert NOTE_CANCELLED in detection.notes
    assert elapsed < 5.0
