"""core/trust.py: the one rule deciding where an authorization code may go.

Each test builds accounts the way a source would hand them over (catalogue, typed, SRV,
autoconfig over HTTPS or HTTP, guessed, an import file, a provider file, an upgraded store) and
asserts what the rule refuses, why, and which consent lifts the refusal. The last tests run the
check runner against a scripted server to show a refusal means no connection at all.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trustme

from mailmanager.core import trust
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.user_providers import import_autoconfig
from mailmanager.core.checking.runner import check_account
from mailmanager.core.model.accounts import (
    Account,
    Endpoint,
    EndpointSource,
    Origin,
    Protocol,
    Security,
)
from mailmanager.core.model.certificates import ca_fingerprint
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.trust import RefusalKind
from tests.helpers.scripted_server import ScriptedServer, imap_script, smtp_script

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
S = EndpointSource


def ep(
    host: str,
    port: int = 993,
    security: Security = Security.SSL,
    source: EndpointSource = S.SRV,
    *,
    confirmed: datetime | None = None,
    plain_ok: datetime | None = None,
) -> Endpoint:
    origin = Origin(source, "test", confirmed_at=confirmed, plain_confirmed_at=plain_ok)
    return Endpoint(host, port, security, "user", origin=origin)


def account(
    address: str,
    imap: Endpoint,
    smtp: Endpoint | None = None,
    **fields: object,
) -> Account:
    return Account(address=address, imap=imap, smtp=smtp or imap, **fields)  # type: ignore[arg-type]


def kinds(refused: list[trust.Refusal]) -> list[tuple[Protocol | None, RefusalKind, str]]:
    return [(r.protocol, r.kind, r.host) for r in refused]


@pytest.fixture(scope="module")
def ca_pem() -> str:
    return trustme.CA().cert_pem.bytes().decode("ascii")


# -- (b) hosts -------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [S.CATALOGUE, S.IMPORT_FILE, S.EARLIER, S.AUTOCONFIG_HTTP])
def test_catalogue_hosts_of_the_matched_provider_pass(source: EndpointSource) -> None:
    # The bundled catalogue vouches for its own hosts whoever suggested them.
    imap = ep("imap.163.com", 993, source=source)
    smtp = ep("smtp.163.com", 465, source=source)
    assert trust.refusals(account("zhang.wei@163.com", imap, smtp)) == []


def test_provider_id_lends_its_catalogue_hosts_to_a_company_domain() -> None:
    # A company domain on NetEase enterprise (found by MX): the provider's hosts count.
    imap = ep("hwhzimap.qiye.163.com", source=S.CATALOGUE)
    smtp = ep("hwhzsmtp.qiye.163.com", 465, source=S.CATALOGUE)
    assert trust.refusals(account("li@corp.example.cn", imap, smtp)) != []
    ok = account("li@corp.example.cn", imap, smtp, provider_id="netease_qiye")
    assert trust.refusals(ok) == []


def test_a_foreign_host_is_refused_naming_the_option() -> None:
    imap = ep("mail.other-host.net", source=S.SRV)
    smtp = ep("smtp.163.com", 465, source=S.CATALOGUE)
    refused = trust.refusals(account("zhang.wei@163.com", imap, smtp))
    assert kinds(refused) == [(Protocol.IMAP, RefusalKind.HOST, "mail.other-host.net")]
    assert refused[0].option == "--trust-server mail.other-host.net"
    assert refused[0].reason == trust.REASON_FOREIGN
    message = refused[0].message()
    assert "mail.other-host.net" in message and "163.com" in message


def test_another_providers_catalogue_host_is_still_foreign() -> None:
    # imap.qq.com is in the catalogue, but not for 163.com.
    refused = trust.refusals(account("zhang.wei@163.com", ep("imap.qq.com", source=S.IMPORT_FILE)))
    assert {r.kind for r in refused} == {RefusalKind.HOST}


@pytest.mark.parametrize("source", [S.SRV, S.AUTOCONFIG_HTTPS, S.IMPORT_FILE, S.EARLIER])
def test_a_host_under_the_address_domain_passes(source: EndpointSource) -> None:
    imap = ep("mail.example.cn", source=source)
    smtp = ep("smtp.mx.example.cn", 465, source=source)
    assert trust.refusals(account("ann@example.cn", imap, smtp)) == []
    # The registrable domain counts, not the address's full domain.
    assert trust.refusals(account("ann@dept.example.cn", imap, smtp)) == []


@pytest.mark.parametrize("source", [S.AUTOCONFIG_HTTP, S.GUESSED])
def test_unprotected_sources_need_confirmation_even_under_the_domain(
    source: EndpointSource,
) -> None:
    mailbox = account("ann@example.cn", ep("mail.example.cn", source=source))
    refused = trust.refusals(mailbox)
    assert kinds(refused) == [
        (Protocol.IMAP, RefusalKind.HOST, "mail.example.cn"),
        (Protocol.SMTP, RefusalKind.HOST, "mail.example.cn"),
    ]
    assert all(r.reason == trust.REASON_UNVERIFIED for r in refused)
    assert refused[0].option == "--trust-server mail.example.cn"
    # Consent for another host changes nothing; for this host it is recorded with its time.
    assert trust.confirm(mailbox, NOW, hosts=["example.cn"]) == mailbox
    assert trust.refusals(trust.confirm(mailbox, NOW, hosts=["other.example.cn"])) != []
    confirmed = trust.confirm(mailbox, NOW, hosts=["MAIL.example.cn."])
    assert confirmed.imap.origin.confirmed_at == NOW
    assert confirmed.smtp.origin.confirmed_at == NOW
    assert confirmed.imap.origin.source is source  # the source is kept, consent added
    assert trust.refusals(confirmed) == []


def test_a_foreign_host_is_accepted_once_confirmed_and_only_that_one() -> None:
    imap = ep("imap.other-host.net", source=S.IMPORT_FILE)
    smtp = ep("smtp.third-host.net", 465, source=S.IMPORT_FILE)
    mailbox = account("ann@example.cn", imap, smtp)
    half = trust.confirm(mailbox, NOW, hosts=["imap.other-host.net"])
    assert kinds(trust.refusals(half)) == [(Protocol.SMTP, RefusalKind.HOST, "smtp.third-host.net")]
    assert trust.confirm(half, NOW, hosts=["smtp.third-host.net"]).smtp.origin.confirmed_at == NOW


def test_typed_hosts_pass_anywhere() -> None:
    mailbox = account("ann@example.cn", ep("mail.other-host.net", source=S.TYPED))
    assert trust.refusals(mailbox) == []


def test_idn_domains_compare_in_a_label_form() -> None:
    address = "王@邮件.中国"
    a_label = "邮件.中国".encode("idna").decode("ascii")
    assert a_label == "xn--5nq051n.xn--fiqs8s"
    assert trust.registrable_domain("邮件.中国") == a_label
    assert trust.under_domain(f"imap.{a_label}", "邮件.中国")
    assert trust.under_domain("imap.邮件.中国", a_label)
    assert trust.refusals(account(address, ep(f"imap.{a_label}"))) == []
    assert trust.refusals(account(address, ep("imap.邮件.中国"))) == []
    # A look-alike domain is not the same domain.
    refused = trust.refusals(account(address, ep("imap.邮件.中國")))
    assert {r.kind for r in refused} == {RefusalKind.HOST}
    # Consent given in one form applies to the other.
    guessed = account(address, ep(f"mail.{a_label}", source=S.GUESSED))
    assert trust.refusals(trust.confirm(guessed, NOW, hosts=["mail.邮件.中国"])) == []


@pytest.mark.parametrize(
    ("address", "host"),
    [
        ("ann@foo.com.cn", "evil.com.cn"),  # a sibling under the public suffix com.cn
        ("ann@foo.com.cn", "com.cn"),  # the public suffix itself
        ("ann@com.cn", "mail.com.cn"),  # an address at a public suffix has no own domain
        ("ann@foo.co.uk", "mail.co.uk"),
        ("ann@bob.synology.me", "eve.synology.me"),  # private section: anyone registers here
        ("ann@alice.github.io", "mallory.github.io"),
        ("ann@example.cn", "example.cn.evil.net"),
        ("ann@example.cn", "evilexample.cn"),
    ],
)
def test_a_public_suffix_is_not_the_address_domain(address: str, host: str) -> None:
    refused = trust.refusals(account(address, ep(host, source=S.SRV)))
    assert [r.kind for r in refused] == [RefusalKind.HOST, RefusalKind.HOST]
    assert not trust.under_domain(host, address.rpartition("@")[2])


def test_registrable_domains() -> None:
    assert trust.registrable_domain("mail.foo.com.cn") == "foo.com.cn"
    assert trust.registrable_domain("com.cn") is None
    assert trust.registrable_domain("bob.synology.me") == "bob.synology.me"
    assert trust.under_domain("mail.bob.synology.me", "bob.synology.me")


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "::1", "[::1]", "10.0.0.5", "fe80::1%eth0", "fe80::1%mail.example.cn"]
)
@pytest.mark.parametrize("source", [S.SRV, S.IMPORT_FILE, S.AUTOCONFIG_HTTPS, S.EARLIER])
def test_ip_literals_are_never_under_a_domain(host: str, source: EndpointSource) -> None:
    assert trust.registrable_domain(host) is None
    assert not trust.under_domain(host, "example.cn")
    refused = trust.refusals(account("ann@example.cn", ep(host, source=source)))
    assert [r.kind for r in refused] == [RefusalKind.HOST, RefusalKind.HOST]
    assert trust.refusals(account("ann@example.cn", ep(host, source=S.TYPED))) == []


@pytest.mark.parametrize(
    "host",
    [
        "evil.example\x00.163.com",  # getaddrinfo would stop at the NUL and reach evil.example
        "127.0.0.1\x00.163.com",
        "evil.example\t.163.com",
        "evil.example/.163.com",
        "evil.example\\.163.com",
        "evil example.163.com",
        "a" * 64 + ".163.com",  # not encodable
    ],
)
def test_a_name_that_is_not_a_host_name_is_refused_and_cannot_be_confirmed(host: str) -> None:
    mailbox = account("zhang.wei@163.com", ep(host, source=S.IMPORT_FILE))
    refused = trust.refusals(mailbox)
    assert [r.kind for r in refused] == [RefusalKind.HOST, RefusalKind.HOST]
    assert "\x00" not in refused[0].option and "\t" not in refused[0].message()
    for consent in (host, refused[0].host, "", "163.com", "evil.example"):
        assert trust.refusals(trust.confirm(mailbox, NOW, hosts=[consent])) != []


# -- (a) encryption ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [S.SRV, S.AUTOCONFIG_HTTPS, S.AUTOCONFIG_HTTP, S.IMPORT_FILE, S.PROVIDER_FILE, S.EARLIER],
)
def test_plain_from_anything_but_the_user_is_refused(source: EndpointSource) -> None:
    # Even on the provider's own catalogue host: encryption is a separate condition.
    imap = ep("imap.163.com", 143, Security.PLAIN, source=source)
    smtp = ep("smtp.163.com", 465, source=S.CATALOGUE)
    refused = trust.refusals(account("zhao@163.com", imap, smtp))
    plain = [r for r in refused if r.kind is RefusalKind.PLAIN]
    assert [(r.protocol, r.host, r.port) for r in plain] == [(Protocol.IMAP, "imap.163.com", 143)]
    assert plain[0].option == "--allow-plain imap.163.com:143"


def test_plain_typed_by_the_user_is_allowed() -> None:
    imap = ep("mail.example.cn", 143, Security.PLAIN, source=S.TYPED)
    smtp = ep("mail.example.cn", 25, Security.PLAIN, source=S.TYPED)
    assert trust.refusals(account("ann@example.cn", imap, smtp)) == []


def test_allow_plain_is_recorded_by_confirm_for_that_endpoint_only() -> None:
    imap = ep("mail.example.cn", 143, Security.PLAIN, source=S.IMPORT_FILE)
    smtp = ep("mail.example.cn", 25, Security.PLAIN, source=S.IMPORT_FILE)
    mailbox = account("ann@example.cn", imap, smtp)
    assert [r.kind for r in trust.refusals(mailbox)] == [RefusalKind.PLAIN, RefusalKind.PLAIN]
    # Trusting the host is not allowing plain text; a different port is not this endpoint.
    assert len(trust.refusals(trust.confirm(mailbox, NOW, hosts=["mail.example.cn"]))) == 2
    assert len(trust.refusals(trust.confirm(mailbox, NOW, plain=["mail.example.cn:587"]))) == 2
    one = trust.confirm(mailbox, NOW, plain=["MAIL.example.cn:143"])
    assert one.imap.origin.plain_confirmed_at == NOW
    assert one.imap.origin.confirmed_at is None
    assert one.smtp.origin.plain_confirmed_at is None
    assert kinds(trust.refusals(one)) == [(Protocol.SMTP, RefusalKind.PLAIN, "mail.example.cn")]


def test_allow_plain_does_not_vouch_for_a_foreign_host() -> None:
    imap = ep("mail.other-host.net", 143, Security.PLAIN, source=S.IMPORT_FILE)
    mailbox = account("ann@example.cn", imap, ep("mail.example.cn", source=S.IMPORT_FILE))
    allowed = trust.confirm(mailbox, NOW, plain=["mail.other-host.net:143"])
    assert kinds(trust.refusals(allowed)) == [
        (Protocol.IMAP, RefusalKind.HOST, "mail.other-host.net")
    ]


# -- (c) certificates ----------------------------------------------------------------------------


def _ca_kinds(mailbox: Account) -> list[RefusalKind]:
    return [r.kind for r in trust.refusals(mailbox)]


def test_an_unconfirmed_ca_pem_is_refused_and_a_confirmed_one_accepted(ca_pem: str) -> None:
    fingerprint = ca_fingerprint(ca_pem)
    mailbox = account("ann@example.cn", ep("mail.example.cn"), ca_pem=ca_pem)
    refused = trust.refusals(mailbox)
    assert [(r.protocol, r.kind) for r in refused] == [(None, RefusalKind.CA)]
    assert refused[0].option == f"--trust-ca-file {fingerprint}"
    assert fingerprint in refused[0].message()
    assert trust.confirm(mailbox, NOW, ca_sha256=["00" * 32]) == mailbox
    # Upper case and colons, as openssl prints it, are the same fingerprint.
    spelled = ":".join(fingerprint[i : i + 2] for i in range(0, 64, 2)).upper()
    confirmed = trust.confirm(mailbox, NOW, ca_sha256=[spelled])
    assert confirmed.ca_confirmed_at == NOW
    assert trust.refusals(confirmed) == []


def test_the_fingerprint_does_not_change_with_line_endings_or_comments(ca_pem: str) -> None:
    crlf = ca_pem.replace("\n", "\r\n")
    commented = "# issued by the IT department\n" + ca_pem + "\n\n"
    assert ca_fingerprint(crlf) == ca_fingerprint(ca_pem) == ca_fingerprint(commented)
    mailbox = account("ann@example.cn", ep("mail.example.cn"), ca_pem=crlf)
    confirmed = trust.confirm(mailbox, NOW, ca_sha256=[ca_fingerprint(ca_pem)])
    assert trust.refusals(confirmed) == []


def test_a_legacy_ca_file_path_waits_for_its_fingerprint(ca_pem: str, tmp_path: Path) -> None:
    path = tmp_path / "corp-ca.pem"
    path.write_text(ca_pem)
    mailbox = account("chen@corp.example.org", ep("mail.corp.example.org"), ca_file=str(path))
    refused = trust.refusals(mailbox)
    assert [r.kind for r in refused] == [RefusalKind.CA]
    assert refused[0].option == "--trust-ca-file SHA256"
    # The right fingerprint of another file's content, or a wrong one, keeps it refused.
    wrong = trust.confirm(mailbox, NOW, ca_sha256=["ab" * 32], ca_pem_of_file=ca_pem)
    assert wrong == mailbox
    other_pem = trustme.CA().cert_pem.bytes().decode("ascii")
    swapped = trust.confirm(
        mailbox, NOW, ca_sha256=[ca_fingerprint(ca_pem)], ca_pem_of_file=other_pem
    )
    assert trust.refusals(swapped) != []
    kept = trust.confirm(mailbox, NOW, ca_sha256=[ca_fingerprint(ca_pem)], ca_pem_of_file=ca_pem)
    assert kept.ca_pem == ca_pem and kept.ca_confirmed_at == NOW
    assert trust.refusals(kept) == []


def _smuggled(ca_pem: str) -> list[str]:
    """PEM files showing ``ca_pem``'s fingerprint but making OpenSSL trust another CA too."""
    evil = trustme.CA().cert_pem.bytes().decode("ascii")
    old_style = evil.replace("BEGIN CERTIFICATE", "BEGIN X509 CERTIFICATE").replace(
        "END CERTIFICATE", "END X509 CERTIFICATE"
    )
    body = "".join(evil.splitlines(keepends=True)[1:-1])
    with_header = (
        "-----BEGIN CERTIFICATE-----\nProc-Type: 4,CRL\n\n" + body + "-----END CERTIFICATE-----\n"
    )
    return [ca_pem + old_style, old_style + ca_pem, ca_pem + with_header]


def test_a_pem_smuggling_a_second_ca_past_the_fingerprint_is_refused(ca_pem: str) -> None:
    for pem in _smuggled(ca_pem):
        mailbox = account("ann@example.cn", ep("mail.example.cn"), ca_pem=pem)
        assert _ca_kinds(mailbox) == [RefusalKind.CA]
        fingerprint = ca_fingerprint(ca_pem)
        assert trust.confirm(mailbox, NOW, ca_sha256=[fingerprint]) == mailbox
        # Even marked as chosen by the user, it is not used.
        assert _ca_kinds(mailbox.replace(ca_confirmed_at=NOW)) == [RefusalKind.CA]
    assert trust.only_certificates(ca_pem)
    assert trust.only_certificates(ca_pem.replace("\n", "\r\n"))


# -- provider files ------------------------------------------------------------------------------

HOSTILE_PROVIDER = """<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="163.com">
  <domain>163.com</domain><domain>evil-corp.test</domain>
  <displayName>NetEase (really)</displayName>
  <incomingServer type="imap"><hostname>imap.evil-host.net</hostname><port>993</port>
    <socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.evil-host.net</hostname><port>465</port>
    <socketType>SSL</socketType><username>%EMAILADDRESS%</username></outgoingServer>
</emailProvider></clientConfig>
"""


@pytest.mark.expected_warnings(
    "user_163_com.toml: ignoring 163.com (served by the bundled catalogue)",
)
def test_a_user_provider_file_claiming_163_neither_takes_it_nor_vouches(tmp_path: Path) -> None:
    user_dir = tmp_path / "providers"
    imported = import_autoconfig(HOSTILE_PROVIDER, user_dir, origin="hostile.xml")
    catalogue = Catalogue.load(user_dir, include_user=True)
    netease = catalogue.by_domain("163.com")
    assert netease is not None and not netease.user and netease.id == "netease_personal"
    own = catalogue.by_domain("evil-corp.test")
    assert own is not None and own.user and own.id == imported.id
    group = own.server_groups[0]
    assert group.imap.origin.source is S.PROVIDER_FILE
    # The file's servers for 163.com: refused, whichever provider the account names.
    for provider_id in (imported.id, "netease_personal", None):
        mailbox = account("x@163.com", group.imap, group.smtp, provider_id=provider_id)
        assert trust.matched_provider(mailbox, catalogue) is netease
        assert [r.kind for r in trust.refusals(mailbox, catalogue=catalogue)] == [
            RefusalKind.HOST,
            RefusalKind.HOST,
        ]
    # And for its own domain: a provider file is a suggestion, not a catalogue.
    mailbox = account("x@evil-corp.test", group.imap, group.smtp, provider_id=imported.id)
    assert trust.matched_provider(mailbox, catalogue) is None
    assert trust.catalogue_hosts(own) == frozenset()
    assert [r.host for r in trust.refusals(mailbox, catalogue=catalogue)] == [
        "imap.evil-host.net",
        "smtp.evil-host.net",
    ]


# -- the upgraded store ----------------------------------------------------------------------------


def test_the_upgraded_v2_store(tmp_path: Path) -> None:
    database = tmp_path / "accounts.sqlite3"
    shutil.copy(FIXTURES / "store_v2.sqlite3", database)
    with AccountStore.open(database) as store:
        accounts = {a.address: a for a in store.list_accounts()}
    assert all(a.imap.origin.source is S.EARLIER for a in accounts.values())
    assert trust.refusals(accounts["zhang.wei@163.com"]) == []
    assert trust.refusals(accounts["li.na@corp.example.cn"]) == []
    wang = trust.refusals(accounts["wang@example.cn"])
    assert kinds(wang) == [(Protocol.IMAP, RefusalKind.HOST, "mail.other-host.net")]
    assert wang[0].option == "--trust-server mail.other-host.net"
    zhao = trust.refusals(accounts["zhao@163.com"])
    assert kinds(zhao) == [(Protocol.IMAP, RefusalKind.PLAIN, "imap.163.com")]
    assert zhao[0].option == "--allow-plain imap.163.com:143"
    chen = trust.refusals(accounts["chen@corp.example.org"])
    assert kinds(chen) == [(None, RefusalKind.CA, "")]
    # Consent lifts exactly what it names.
    assert trust.refusals(trust.confirm(accounts["wang@example.cn"], NOW, hosts=["other-host.net"]))
    lifted = trust.confirm(accounts["wang@example.cn"], NOW, hosts=["mail.other-host.net"])
    assert trust.refusals(lifted) == []


# -- the runner applies the rule before any connection ------------------------------------------


@pytest.mark.expected_warnings(
    "imap of ann@example.cn not checked: 127.0.0.1 is not part of example.cn",
    "smtp of ann@example.cn not checked: 127.0.0.1 is not part of example.cn",
)
def test_the_runner_sends_nothing_where_the_rule_refuses() -> None:
    with (
        ScriptedServer(imap_script(password="Code123456")) as imap_server,
        ScriptedServer(smtp_script(password="Code123456")) as smtp_server,
    ):
        mailboxes = [
            # plain from an import file, on the address's own domain
            account(
                "ann@example.cn",
                ep("127.0.0.1", imap_server.port, Security.PLAIN, S.IMPORT_FILE),
                ep("127.0.0.1", smtp_server.port, Security.PLAIN, S.IMPORT_FILE),
            ),
            # a foreign host (an IP literal) from SRV
            account(
                "ann@example.cn",
                ep("127.0.0.1", imap_server.port, Security.SSL, S.SRV),
                ep("127.0.0.1", smtp_server.port, Security.SSL, S.SRV),
            ),
        ]
        for mailbox in mailboxes:
            check = check_account(mailbox, "Code123456", timeout=5)
            assert [r.status for r in check.results()] == [ConnectionStatus.INSECURE_REFUSED] * 2
            assert {r.hint_id for r in check.results()} <= {
                "server_not_confirmed",
                "plain_not_allowed",
            }
        assert imap_server.connections == smtp_server.connections == 0
        assert imap_server.received == smtp_server.received == []
        assert imap_server.auth_attempts == smtp_server.auth_attempts == []
        # Control: the same servers typed as plain by the user are used (the rule lets the
        # user's own choice through).
        typed = account(
            "ann@example.cn",
            ep("127.0.0.1", imap_server.port, Security.PLAIN, S.TYPED),
            ep("127.0.0.1", smtp_server.port, Security.PLAIN, S.TYPED),
        )
        check = check_account(typed, "Code123456", timeout=5)
        assert imap_server.auth_attempts == [("user", "Code123456")]
        assert check.imap.ok
