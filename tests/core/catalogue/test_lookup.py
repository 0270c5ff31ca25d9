"""The bundled provider catalogue: consistency, the facts the issue requires, and schema errors."""

from __future__ import annotations

import logging
import re
import shutil
import tomllib
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from mailmanager.core.catalogue.lookup import Catalogue, bundled_dir
from mailmanager.core.catalogue.model import CredentialKind
from mailmanager.core.catalogue.schema import ID_PATTERN, CatalogueError
from mailmanager.core.discovery.detector import Source, detect
from mailmanager.core.model.accounts import Security
from mailmanager.core.model.address import UsernameForm, is_valid_hostname
from mailmanager.core.model.status import ConnectionStatus

REQUIRED_IDS = {
    "netease_personal", "netease_vip", "netease_qiye", "netease_ym", "tencent_qq",
    "tencent_exmail", "aliyun_personal", "aliyun_qiye", "sohu", "sina", "cmcc_139", "ctc_189",
    "google", "microsoft", "icloud", "yahoo", "zoho", "yandex", "gmx", "aol",
}  # fmt: skip
CJK = re.compile(r"[\u4e00-\u9fff]")
SEED = re.compile(r"seed:(\S+)")
SEED_NAME = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(include_user=False)


def _sample_host(pattern: str) -> str:
    """A concrete host a glob matches: the first choice of each class, 'x' for wildcards."""
    host = re.sub(r"\[(.)[^\]]*\]", r"\1", pattern)
    return host.replace("*", "x").replace("?", "x")


def test_every_required_family_has_a_file(catalogue: Catalogue) -> None:
    ids = {p.id for p in catalogue.all()}
    assert ids >= REQUIRED_IDS
    files = {path.stem for path in bundled_dir().glob("*.toml")}
    assert files >= REQUIRED_IDS
    for provider in catalogue.all():
        assert provider.origin == f"{provider.id}.toml"


def test_ids_are_snake_case_and_unique(catalogue: Catalogue) -> None:
    ids = [p.id for p in catalogue.all()]
    assert len(ids) == len(set(ids))
    assert all(ID_PATTERN.match(i) for i in ids)


def test_every_domain_belongs_to_one_provider_only() -> None:
    owners: dict[str, str] = {}
    for path in sorted(bundled_dir().glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for domain in data.get("domains", []):
            assert domain not in owners, f"{domain} in {path.name} and {owners[domain]}"
            owners[domain] = path.name
            assert is_valid_hostname(domain)


def test_mx_patterns_are_unambiguous(catalogue: Catalogue) -> None:
    for provider in catalogue.all():
        for pattern in provider.mx_patterns:
            host = _sample_host(pattern)
            assert fnmatchcase(host, pattern), pattern
            owners = [p.id for p in catalogue.all() if p.matches_mx(host)]
            assert owners == [provider.id], f"{host} matches {owners}"
            assert catalogue.match_mx(host.upper() + ".") is provider


def test_every_provider_has_steps_and_pitfalls_in_both_languages(catalogue: Catalogue) -> None:
    for provider in catalogue.all():
        zh, en = provider.steps("zh"), provider.steps("en")
        assert zh and en, provider.id
        assert all(CJK.search(step) for step in zh), provider.id
        assert all(not CJK.search(re.sub(r"\([^)]*\)", "", s)) for s in en), provider.id
        assert provider.pitfalls("zh") and provider.pitfalls("en"), provider.id
        for pitfall in provider.pitfall_list:
            assert CJK.search(pitfall.text.zh) and pitfall.text.en, provider.id
            assert pitfall.source, provider.id
            assert not pitfall.status or pitfall.status in set(ConnectionStatus)
        assert CJK.search(provider.name("zh_CN")) or provider.name("zh") == provider.name("en")
        assert provider.name("en") and provider.name("de") == provider.name("en")
        assert provider.credential.name.zh and provider.credential.name.en


def test_every_server_is_well_formed_and_sourced(catalogue: Catalogue) -> None:
    for provider in catalogue.all():
        assert provider.server_groups, provider.id
        for group in provider.server_groups:
            assert group.source, f"{provider.id}/{group.id}"
            assert group.name.zh and group.name.en
            for endpoint in (group.imap, group.smtp):
                assert is_valid_hostname(endpoint.host), endpoint
                assert 0 < endpoint.port < 65536
                assert endpoint.security in (Security.SSL, Security.STARTTLS), endpoint
                assert endpoint.username == ""
            assert set(group.domains) <= set(provider.domains)


def test_every_fact_section_has_a_source(catalogue: Catalogue) -> None:
    for provider in catalogue.all():
        assert provider.credential.source, provider.id
        assert provider.source_of("steps"), provider.id
        if provider.domains:
            assert provider.source_of("domains"), provider.id
        if provider.mx_patterns:
            assert provider.source_of("mx_patterns"), provider.id
        for part in (provider.sending, provider.inactivity):
            assert part is None or part.source
        sources = [*provider.sources.values(), provider.credential.source]
        sources += [g.source for g in provider.server_groups]
        sources += [p.source for p in provider.pitfall_list]
        for source in sources:
            for seed in SEED.findall(source):
                assert SEED_NAME.match(seed), f"{provider.id}: bad seed reference {seed}"


def test_mx_only_providers_are_reachable_by_mx(catalogue: Catalogue) -> None:
    for provider in catalogue.all():
        assert provider.domains or provider.mx_patterns, provider.id
    for provider_id in ("netease_qiye", "netease_ym", "tencent_exmail", "aliyun_qiye"):
        hosted = catalogue.get(provider_id)
        assert hosted is not None and not hosted.domains and hosted.mx_patterns


def test_credentials_are_consistent(catalogue: Catalogue) -> None:
    for provider in catalogue.all():
        cred = provider.credential
        assert (cred.kind is CredentialKind.OAUTH_ONLY) == (not provider.accepts_passwords)
        if cred.user_chosen:
            assert not cred.shown_once, provider.id
        if cred.format.pattern:
            re.compile(cred.format.pattern)
    assert Catalogue.load(include_user=False).get("nothing") is None


def test_the_facts_the_issue_names(catalogue: Catalogue) -> None:
    netease = catalogue.get("netease_personal")
    assert netease is not None
    assert set(netease.domains) == {"163.com", "126.com", "yeah.net", "188.com"}
    assert netease.requires_imap_id
    assert netease.credential.kind is CredentialKind.AUTHORIZATION_CODE
    assert netease.credential.shown_once and netease.credential.mandatory
    assert netease.credential.format.length == 16
    assert netease.inactivity is not None and netease.inactivity.days == 90
    assert netease.registration is not None and len(netease.registration.zh) >= 4
    assert netease.is_unconfirmed("domains[188.com]")
    assert not netease.is_unconfirmed("domains[163.com]")
    assert netease.is_unconfirmed("credential.format.pattern")

    for provider_id in ("netease_personal", "tencent_qq"):
        provider = catalogue.get(provider_id)
        assert provider is not None and provider.sending is not None
        assert provider.sending.one_to_one_only
        first, middle, stable = (provider.sending.stage_for_week(w) for w in (1, 3, 20))
        assert first is not None and first.max_per_day == 50
        assert (first.min_interval_minutes, first.max_interval_minutes) == (5, 10)
        assert middle is not None and (middle.min_per_day, middle.max_per_day) == (100, 200)
        assert stable is not None and stable.max_per_day == 300
        assert provider.suitability is not None

    vip = catalogue.get("netease_vip")
    assert vip is not None and {"vip.163.com", "vip.126.com"} <= set(vip.domains)

    qiye = catalogue.get("netease_qiye")
    assert qiye is not None
    recommended, backup = qiye.server_groups[:2]
    assert (recommended.id, recommended.imap.host, recommended.smtp.host) == (
        "recommended", "hwhzimap.qiye.163.com", "hwhzsmtp.qiye.163.com",
    )  # fmt: skip
    assert (backup.id, backup.imap.host, backup.smtp.host) == (
        "backup", "imap.qiye.163.com", "smtp.qiye.163.com",
    )  # fmt: skip
    assert qiye.credential.expires
    assert any(p.status == "ip_denied" and "安全与审计" in p.text.zh for p in qiye.pitfall_list)

    ym = catalogue.get("netease_ym")
    assert ym is not None and ym.matches_mx("mx.ym.163.com")

    qq = catalogue.get("tencent_qq")
    assert qq is not None
    assert {"qq.com", "foxmail.com", "vip.qq.com"} <= set(qq.domains)
    assert qq.credential.format.group_size == 4
    assert qq.credential.format.normalise(" abcd efgh\u3000ijkl mnop ") == "abcdefghijklmnop"
    assert qq.credential.format.matches("abcdefghijklmnop")
    assert qq.credential.format.display("abcdefghijklmnop") == "abcd efgh ijkl mnop"

    icloud = catalogue.get("icloud")
    assert icloud is not None
    assert (icloud.imap_username, icloud.smtp_username) == (
        UsernameForm.LOCAL_PART, UsernameForm.ADDRESS,
    )  # fmt: skip
    code = icloud.credential.format.normalise(" abcd-efgh-ijkl-mnop ")
    assert code == "abcd-efgh-ijkl-mnop" and icloud.credential.format.matches(code)

    microsoft = catalogue.get("microsoft")
    assert microsoft is not None
    assert microsoft.oauth_only and not microsoft.accepts_passwords
    assert microsoft.oauth_only_since == date(2024, 9, 16)
    assert microsoft.oauth_note is not None and "2024" in microsoft.oauth_note.zh
    assert microsoft.credential.kind is CredentialKind.OAUTH_ONLY


@pytest.mark.parametrize(
    ("mx_host", "provider_id"),
    [
        ("qiye163mx01.mxmail.netease.com", "netease_qiye"),
        ("mx.ym.163.com", "netease_ym"),
        ("mxbiz1.qq.com", "tencent_exmail"),
        ("mx1.qiye.aliyun.com", "aliyun_qiye"),
        ("mxw.mxhichina.com", "aliyun_qiye"),
        ("aspmx.l.google.com", "google"),
        ("alt3.aspmx.l.google.com", "google"),
        ("contoso-com.mail.protection.outlook.com", "microsoft"),
        ("mx.zoho.eu", "zoho"),
        ("mx02.mail.icloud.com", "icloud"),
        ("mx1.qq.com", "tencent_qq"),
        ("mx3.mail.139.com", "cmcc_139"),
        ("unknown.example.net", None),
    ],
)
def test_match_mx(catalogue: Catalogue, mx_host: str, provider_id: str | None) -> None:
    provider = catalogue.match_mx(mx_host)
    assert (provider.id if provider else None) == provider_id


def test_detection_of_every_catalogue_domain(catalogue: Catalogue) -> None:
    count = 0
    for provider in catalogue.all():
        for domain in provider.domains:
            detection = detect(f"Test.User@{domain.upper()}", network=False, catalogue=catalogue)
            assert detection.provider is provider, domain
            assert detection.source is Source.CATALOGUE
            assert detection.found and detection.imap is not None and detection.smtp is not None
            assert detection.group is not None and detection.group.group_id
            imap_user = "Test.User" if provider.imap_username is UsernameForm.LOCAL_PART else None
            assert detection.imap.username == (imap_user or f"Test.User@{domain}")
            assert detection.smtp.username == f"Test.User@{domain}"
            hosts = {(c.imap, c.smtp) for c in detection.choices}
            assert len(hosts) == len(detection.choices)  # no duplicate choices
            count += 1
    assert count >= 100


def test_the_shared_netease_group_is_the_default_for_every_suffix(catalogue: Catalogue) -> None:
    """Seed 000: imap.163.com / smtp.163.com serve all four suffixes with the best
    compatibility; a suffix's own servers are the alternative (188's only from 3P code)."""
    for domain, own in (("126.com", "imap.126.com"), ("yeah.net", "imap.yeah.net")):
        detection = detect(f"a@{domain}", network=False, catalogue=catalogue)
        assert detection.imap is not None and detection.imap.host == "imap.163.com"
        assert detection.smtp is not None and detection.smtp.host == "smtp.163.com"
        assert [c.imap.host for c in detection.alternatives] == [own]
    detection = detect("a@188.com", network=False, catalogue=catalogue)
    assert detection.imap is not None and detection.imap.host == "imap.163.com"
    netease = catalogue.get("netease_personal")
    assert netease is not None
    assert [g.unconfirmed for g in netease.groups_for("188.com")] == [False, True]
    detection = detect("a@163.com", network=False, catalogue=catalogue)
    assert detection.imap is not None and detection.imap.host == "imap.163.com"
    assert detection.alternatives == ()
    for imap, smtp in detect("a@qq.com", network=False, catalogue=catalogue).alternatives:
        assert (imap.port, smtp.port, smtp.security) == (993, 587, Security.STARTTLS)


def test_the_first_group_in_a_file_that_applies_is_the_default(catalogue: Catalogue) -> None:
    """What the catalogue files say ("the first group that applies to an address's domain is
    the default"), true for every provider and domain."""
    for provider in catalogue.all():
        for domain in provider.domains or ("customer.example",):
            applies = [g for g in provider.server_groups if g.applies_to(domain)]
            assert provider.groups_for(domain)[0] is applies[0], (provider.id, domain)


def test_issue_17_steps_and_pitfalls(catalogue: Catalogue) -> None:
    """The facts issue 17 found wrong, as the sources have them."""
    qq = catalogue.get("tencent_qq")
    assert qq is not None
    # LFX 106 (Chinese original), reference §4: the code is made under 设置 → 账户.
    assert "切换到“账户”" in qq.steps("zh")[0]
    assert "设置 → 账户" in qq.pitfall_list[1].text.zh
    # ... while revocation stays under 账号 → 设备管理 (IT之家 notice).
    assert any("“账号 → 设备管理”" in p.text.zh for p in qq.pitfall_list)
    # "shown in groups of four" has no source: not asserted, and the format says so.
    assert not any("四个一组" in step for step in qq.steps("zh"))
    assert not any("groups of four" in step for step in qq.steps("en"))
    assert qq.is_unconfirmed("credential.format.group_size")
    # Seed 003 FAQ Q3: @qq.com and @foxmail.com share one set of codes.
    assert qq.credential.invalidated_by is not None
    assert "foxmail.com" in qq.credential.invalidated_by.zh
    assert "foxmail.com" in qq.credential.invalidated_by.en
    qiye = catalogue.get("netease_qiye")
    assert qiye is not None
    # The app calls the expiry field 有效期至 (and Expires on in English).
    assert any("“有效期至”" in step for step in qiye.steps("zh"))
    assert any("Expires on" in step for step in qiye.steps("en"))
    domain_pitfall = next(p for p in qiye.pitfall_list if "DOMAINNOTEXIST" in p.text.en)
    assert "不稳定或无法访问" in domain_pitfall.text.zh
    for provider in catalogue.all():
        texts = [*provider.steps("zh"), *provider.pitfalls("zh")]
        assert not any("到期日" in text for text in texts), provider.id
    # Seed 000 FAQ Q1 / pitfalls: a password change or IMAP off kills every code.
    netease = catalogue.get("netease_personal")
    assert netease is not None and netease.credential.invalidated_by is not None
    assert "所有授权码都会失效" in netease.credential.invalidated_by.zh
    # Seeds 000 and 003, FAQ Q5: domestic providers need no VPN.
    for provider in (netease, qq):
        assert provider.suitability is not None
        assert "VPN" in provider.suitability.zh and "VPN" in provider.suitability.en


def test_bundled_catalogue_is_cached() -> None:
    first = Catalogue.load(include_user=False)
    second = Catalogue.load(include_user=False)
    assert first.get("google") is second.get("google")


# -- broken files ---------------------------------------------------------------------------


def _broken(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "providers"
    folder.mkdir(exist_ok=True)
    source = (bundled_dir() / name).read_text("utf-8")
    assert old in source, old
    (folder / name).write_text(source.replace(old, new, 1), "utf-8")
    return folder


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        (
            'port = 993, security = "ssl" }',
            'port = "993x", security = "ssl" }',
            "servers[0].imap.port",
            "integer",
        ),
        (
            'security = "ssl" }',
            'security = "tls" }',
            "servers[0].imap.security",
            "ssl, starttls or plain",
        ),
        ('host = "imap.163.com"', 'host = "imap 163.com"', "servers[0].imap.host", "host name"),
        ('id = "netease_personal"', 'id = "NetEase-Personal"', "id", "snake_case"),
        ('kind = "authorization_code"', 'kind = "magic"', "credential.kind", "expected one of"),
        ("mandatory = true", "mandatory = 1", "credential.mandatory", "true or false"),
        (
            "requires_imap_id = true",
            "requires_imap_ids = true",
            "requires_imap_ids",
            "unknown field",
        ),
        ("\nen = [\n", "\nen_GB = [\n", "steps.en", "missing"),
        ('"domains[188.com]"', '"domains[189.com]"', "unconfirmed[0]", "not in domains"),
        ('"credential.expires"', '"credentials.expires"', "unconfirmed[3]", "does not name"),
        ('color = "#C62828"', 'color = "red"', "mark.color", "#RRGGBB"),
        ("days = 90", "days = 0", "inactivity.days", "integer"),
        (
            'domains = ["126.com"]',
            'domains = ["127.com"]',
            "servers[1].domains",
            "not in this file",
        ),
        ("schema = 1", "schema = 2", "schema", "schema 1"),
    ],
)
def test_a_broken_file_names_the_file_and_the_field(
    tmp_path: Path, old: str, new: str, field: str, problem: str
) -> None:
    folder = _broken(tmp_path, "netease_personal.toml", old, new)
    with pytest.raises(CatalogueError) as info:
        Catalogue.load(bundled_dir_override=folder, include_user=False)
    error = info.value
    assert error.file == "netease_personal.toml"
    assert error.field == field
    assert problem in error.problem
    assert str(error).startswith(f"netease_personal.toml: {field}: ")


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "sohu.toml", 'id = "sohu"', 'id = "sohu')
    with pytest.raises(CatalogueError, match=r"^sohu\.toml: is not valid TOML"):
        Catalogue.load(bundled_dir_override=folder, include_user=False)


def test_a_domain_in_two_files_is_refused(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "sohu.toml", '"vip.sohu.com"', '"163.com"')
    shutil.copy(bundled_dir() / "netease_personal.toml", folder)
    with pytest.raises(CatalogueError, match=r"'163\.com' is also listed in"):
        Catalogue.load(bundled_dir_override=folder, include_user=False)


def test_an_oauth_only_provider_needs_oauth_credential(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "microsoft.toml", 'kind = "oauth_only"', 'kind = "app_password"')
    with pytest.raises(CatalogueError, match=r"microsoft\.toml: credential\.kind: must be oauth"):
        Catalogue.load(bundled_dir_override=folder, include_user=False)


def test_user_providers_never_take_a_bundled_domain_and_broken_ones_are_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A provider file claiming sohu.com (and a domain of its own) keeps only its own domain:
    a planted or mailed file must not become the provider of a bundled domain (issue 13)."""
    user_dir = tmp_path / "user"
    user_dir.mkdir()
    good = (bundled_dir() / "sohu.toml").read_text("utf-8")
    good = good.replace('id = "sohu"', 'id = "user_sohu"').replace('"Sohu Mail"', '"My Sohu"')
    good = good.replace('"vip.sohu.com"', '"vip.sohu.com", "mail.my-company.cn"')
    (user_dir / "user_sohu.toml").write_text(good, "utf-8")
    (user_dir / "broken.toml").write_text("schema = 1\nid = 'x'\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="mailmanager.providers"):
        catalogue = Catalogue.load(user_dir)
    assert "broken.toml" in caplog.text
    assert "ignoring sohu.com, vip.sohu.com" in caplog.text
    bundled = catalogue.by_domain("sohu.com")
    assert bundled is not None and bundled.id == "sohu" and not bundled.user
    detection = detect("me@sohu.com", network=False, catalogue=catalogue)
    assert detection.source is Source.CATALOGUE and detection.provider is bundled
    own = catalogue.by_domain("mail.my-company.cn")
    assert own is not None and own.id == "user_sohu" and own.user
    assert own.domains == ("mail.my-company.cn",)
    detection = detect("me@mail.my-company.cn", network=False, catalogue=catalogue)
    assert detection.source is Source.USER and detection.provider is own


def test_default_user_dir_comes_from_the_app_home(app_home: Path) -> None:
    catalogue = Catalogue.load()
    assert catalogue.user_providers() == ()
    assert len(catalogue) >= 20
