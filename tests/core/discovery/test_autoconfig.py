"""Autoconfig files: parsing, hostile XML refused with clear errors, import as a user provider."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.user_providers import (
    ProviderImportError,
    import_autoconfig,
    remove_user_provider,
    to_toml,
)
from mailmanager.core.discovery.autoconfig import (
    MAX_AUTOCONFIG_BYTES,
    AutoconfigError,
    parse_autoconfig,
)
from mailmanager.core.discovery.detector import Source, detect
from mailmanager.core.model.accounts import Endpoint, Security
from mailmanager.core.model.address import UsernameForm, parse_address

GOOD = """<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="corp.example">
    <domain>corp.example</domain>
    <domain>Corp-Mail.example</domain>
    <displayName>Corp Mail 公司邮箱</displayName>
    <displayShortName>Corp</displayShortName>
    <incomingServer type="pop3">
      <hostname>pop.corp.example</hostname><port>995</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.%EMAILDOMAIN%</hostname><port>143</port><socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>IMAP.corp.example</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.corp.example</hostname><port>465</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </outgoingServer>
    <documentation url="https://help.corp.example/mail"><descr>Help</descr></documentation>
  </emailProvider>
</clientConfig>
"""


def test_parses_servers_in_secure_first_order() -> None:
    doc = parse_autoconfig(GOOD.encode())
    assert doc.domains == ("corp.example", "corp-mail.example")
    assert doc.display_name == "Corp Mail 公司邮箱"
    assert [(s.port, s.security) for s in doc.imap] == [
        (993, Security.SSL),
        (143, Security.STARTTLS),
    ]
    assert doc.imap[0].host == "imap.corp.example"  # lower-cased
    assert doc.imap[1].host == "imap.%EMAILDOMAIN%"  # placeholder kept
    assert doc.documentation_url == "https://help.corp.example/mail"
    pairs = doc.pairs_for(parse_address("Ann@Corp-Mail.example"))
    assert pairs[0] == (
        Endpoint("imap.corp.example", 993, Security.SSL, "Ann"),
        Endpoint("smtp.corp.example", 465, Security.SSL, "Ann@corp-mail.example"),
    )
    assert pairs[1][0] == Endpoint("imap.corp-mail.example", 143, Security.STARTTLS, "Ann")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<clientConfig><emailProvider id="x"><displayName>&lol9;</displayName></emailProvider></clientConfig>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<clientConfig><emailProvider id="x"><displayName>&xxe;</displayName></emailProvider></clientConfig>
"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig SYSTEM "http://127.0.0.1:9/evil.dtd">
<clientConfig/>
"""
PARAMETER = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]><clientConfig/>
"""


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (BILLION_LAUGHS, "document type declaration"),
        (BILLION_LAUGHS.decode().encode("utf-16"), "document type declaration"),
        (BILLION_LAUGHS.replace(b"<!DOCTYPE", b"<!doctype"), "document type declaration"),
        (EXTERNAL, "document type declaration"),
        (EXTERNAL_DTD, "document type declaration"),
        (PARAMETER, "document type declaration"),
        (b"<clientConfig>&undefined;</clientConfig>", "undefined entity"),
        (b"<clientConfig>" + b"x" * (MAX_AUTOCONFIG_BYTES + 1) + b"</clientConfig>", "larger than"),
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"not xml at all", "malformed XML at line 1"),
        (b"<clientConfig><emailProvider>", "malformed XML"),
        (b"<clientConfig></clientConfg>", "mismatched tag"),
        (b"\xff\xfe\x00\x01garbage", "malformed XML"),
        (b"<html><body>404</body></html>", "root element is <html>"),
        (b"<clientConfig/>", "<emailProvider> is missing"),
        (b"<a>" * 40 + b"</a>" * 40, "nested deeper"),
        (b"<clientConfig>" + b"<x/>" * 3000 + b"</clientConfig>", "more than 2000 elements"),
        (b"<clientConfig>" + b"y" * 5000 + b"</clientConfig>", "longer than 4096"),
        (b"<a/><b/>", "malformed XML"),
    ],
)
def test_hostile_or_broken_xml_is_refused_clearly(data: bytes, fragment: str) -> None:
    with pytest.raises(AutoconfigError) as info:
        parse_autoconfig(data)
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message and len(message) < 300


def _server_xml(host: str = "imap.corp.example", port: str = "993", sock: str = "SSL") -> bytes:
    return (
        '<clientConfig><emailProvider id="c"><domain>corp.example</domain>'
        f'<incomingServer type="imap"><hostname>{host}</hostname><port>{port}</port>'
        f"<socketType>{sock}</socketType></incomingServer></emailProvider></clientConfig>"
    ).encode()


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (_server_xml(port="99999"), "<port> must be a number from 1 to 65535"),
        (_server_xml(port="abc"), "<port> must be a number"),
        (_server_xml(sock="TLS1.3"), "<socketType> must be SSL, STARTTLS or plain"),
        (_server_xml(host=""), "<hostname> is missing"),
        (_server_xml(host="imap corp"), "is not a valid host name"),
        (_server_xml(host="imap.%EMAILUSER%.x"), "unknown placeholder"),
        (_server_xml(host="%EMAILLOCALPART%.corp.example"), "only use the %EMAILDOMAIN%"),
    ],
)
def test_bad_server_entries_are_named(data: bytes, fragment: str) -> None:
    with pytest.raises(AutoconfigError, match="incomingServer #1") as info:
        parse_autoconfig(data)
    assert fragment in str(info.value)


def test_an_ip_address_host_is_accepted() -> None:
    doc = parse_autoconfig(_server_xml(host="192.0.2.7"))
    assert doc.imap[0].host == "192.0.2.7"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise_anything_but_autoconfig_error(data: bytes) -> None:
    with contextlib.suppress(AutoconfigError):
        parse_autoconfig(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_random_text_inside_a_document_never_crashes(text: str) -> None:
    wrapped = GOOD.replace("Corp Mail 公司邮箱", text.replace("<", "&lt;"))
    with contextlib.suppress(AutoconfigError):
        parse_autoconfig(wrapped)


# -- import ---------------------------------------------------------------------------------


def test_import_creates_a_user_provider_that_detection_uses(tmp_path: Path) -> None:
    user_dir = tmp_path / "providers"
    provider = import_autoconfig(GOOD.encode(), user_dir, origin="/x/config-v1.1.xml")
    assert provider.id == "user_corp_example"
    assert provider.user and provider.domains == ("corp.example", "corp-mail.example")
    assert provider.imap_username is UsernameForm.LOCAL_PART
    assert provider.smtp_username is UsernameForm.ADDRESS
    assert provider.settings_url == "https://help.corp.example/mail"
    assert provider.server_groups[0].imap == Endpoint("imap.corp.example", 993, Security.SSL)
    assert provider.server_groups[1].imap.host == "imap.corp.example"  # %EMAILDOMAIN% filled
    assert provider.server_groups[0].source == "autoconfig:config-v1.1.xml"
    assert (user_dir / "user_corp_example.toml").is_file()
    assert [p.name for p in user_dir.iterdir()] == ["user_corp_example.toml"]  # no temp files

    catalogue = Catalogue.load(user_dir)
    detection = detect("ann@corp-mail.example", network=False, catalogue=catalogue)
    assert detection.source is Source.USER and detection.provider == provider
    assert detection.imap == Endpoint("imap.corp.example", 993, Security.SSL, "ann")
    assert detection.smtp == Endpoint(
        "smtp.corp.example", 465, Security.SSL, "ann@corp-mail.example"
    )


def test_import_refuses_duplicates_unless_replacing(tmp_path: Path) -> None:
    user_dir = tmp_path / "providers"
    import_autoconfig(GOOD, user_dir)
    with pytest.raises(ProviderImportError, match="exists already"):
        import_autoconfig(GOOD, user_dir)
    replaced = import_autoconfig(GOOD.replace("Corp Mail 公司邮箱", "New"), user_dir, replace=True)
    assert replaced.name("en") == "New"
    with pytest.raises(ProviderImportError, match="already served by user provider"):
        import_autoconfig(GOOD, user_dir, provider_id="user_other")
    with pytest.raises(ProviderImportError, match="not a valid provider id"):
        import_autoconfig(GOOD, user_dir, provider_id="Bad-Id", replace=True)
    assert remove_user_provider(user_dir, "user_corp_example")
    assert not remove_user_provider(user_dir, "user_corp_example")
    assert not remove_user_provider(user_dir, "../etc")


def test_import_needs_domains_and_both_servers(tmp_path: Path) -> None:
    with pytest.raises(ProviderImportError, match="no <domain>"):
        import_autoconfig(GOOD.replace("<domain>", "<x>").replace("</domain>", "</x>"), tmp_path)
    no_smtp = GOOD[: GOOD.index("<outgoingServer")] + "</emailProvider></clientConfig>"
    with pytest.raises(ProviderImportError, match="no SMTP server"):
        import_autoconfig(no_smtp, tmp_path)
    with pytest.raises(AutoconfigError):
        import_autoconfig(BILLION_LAUGHS, tmp_path)
    assert not list(tmp_path.glob("*.toml"))


def test_oauth_only_servers_make_an_oauth_only_provider(tmp_path: Path) -> None:
    oauth = GOOD.replace("password-cleartext", "OAuth2")
    provider = import_autoconfig(oauth, tmp_path)
    assert provider.oauth_only and provider.oauth_note is not None


def test_toml_writer_escapes_strings() -> None:
    import tomllib

    text = to_toml({"a": 'quote " and \\ and \n and 中文', "b": [1, 2], "t": {"x": True}})
    assert tomllib.loads(text) == {
        "a": 'quote " and \\ and \n and 中文',
        "b": [1, 2],
        "t": {"x": True},
    }
