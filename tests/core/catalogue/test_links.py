"""Every catalogue provider's web-settings and help links, per address (issue 17, item 6)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from mailmanager.core.catalogue import links
from mailmanager.core.catalogue.lookup import Catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(include_user=False)


def test_every_provider_and_domain_gets_a_real_https_link(catalogue: Catalogue) -> None:
    """No template is ever handed out, and every domain gets a page of its provider."""
    for provider in catalogue.all():
        for domain in provider.domains or ("firm.example",):
            url = links.settings_url(provider, domain)
            assert url, (provider.id, domain)
            assert links.DOMAIN_PLACEHOLDER not in url and "{" not in url
            parts = urlsplit(url)
            assert parts.scheme in ("https", "http") and parts.hostname, url
        help_url = links.help_url(provider)
        assert "{" not in help_url
        if help_url:
            assert urlsplit(help_url).hostname


@pytest.mark.parametrize(
    ("domain", "url", "unconfirmed"),
    [
        ("163.com", "https://mail.163.com/", False),
        ("126.com", "https://mail.126.com/", False),
        ("yeah.net", "https://mail.yeah.net/", False),
        ("188.com", "https://mail.188.com/", True),
        ("126.COM ", "https://mail.126.com/", False),
    ],
)
def test_each_netease_suffix_signs_in_at_its_own_webmail(
    catalogue: Catalogue, domain: str, url: str, unconfirmed: bool
) -> None:
    netease = catalogue.get("netease_personal")
    assert links.settings_url(netease, domain) == url
    assert links.settings_url_unconfirmed(netease, domain) is unconfirmed


def test_a_domain_the_provider_does_not_list_gets_its_first_domains_page(
    catalogue: Catalogue,
) -> None:
    netease = catalogue.get("netease_personal")
    assert links.settings_url(netease, "elsewhere.example") == "https://mail.163.com/"


def test_fixed_links_and_no_provider(catalogue: Catalogue) -> None:
    qq = catalogue.get("tencent_qq")
    assert links.settings_url(qq, "foxmail.com") == "https://mail.qq.com/"
    assert links.help_url(qq) == "https://service.mail.qq.com/detail/0/75"
    assert not links.help_url_unconfirmed(qq)
    netease = catalogue.get("netease_personal")
    assert links.help_url_unconfirmed(netease)  # 3P-CODE
    assert links.settings_url(None, "163.com") == "" and links.help_url(None) == ""
    assert not links.settings_url_unconfirmed(None, "163.com")
