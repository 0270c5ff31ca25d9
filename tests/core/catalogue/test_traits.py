"""Provider traits come from the catalogue, through one function, for every caller (issue 15).

``check_traits`` is what the runner asks, and the runner is what the wizard's live test, the
app's checker and the CLI all check through; so these tests pin the traits per provider and
show that the callers no longer decide them.
"""

from __future__ import annotations

import inspect

import pytest

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.model import HINT_FAMILIES
from mailmanager.core.catalogue.traits import CheckTraits, check_traits, traits_of
from mailmanager.core.checking import runner
from mailmanager.core.model.accounts import Account, Endpoint, Security

BUNDLED = Catalogue.load(include_user=False)

# What each bundled provider's TOML says: whose hints apply, and whether IMAP needs ID.
EXPECTED = {
    "netease_personal": ("netease", True),
    "netease_vip": ("netease", True),
    "netease_qiye": ("netease_qiye", True),
    "netease_ym": ("netease_qiye", True),
    "tencent_qq": ("qq", None),
    "tencent_exmail": ("exmail", None),
    "google": ("gmail", None),
    "microsoft": ("outlook", None),
    "yahoo": ("international", None),
    "aol": ("international", None),
    "icloud": ("international", None),
    "gmx": ("international", None),
    "yandex": ("international", None),
    "zoho": ("international", None),
    # Alibaba enterprise is not NetEase: neither NetEase's hints nor its ID rule.
    "aliyun_qiye": ("aliyun_qiye", None),
    "aliyun_personal": ("", None),
    "sohu": ("", None),
    "sina": ("", None),
    "cmcc_139": ("", None),
    "ctc_189": ("", None),
}


def _account(address: str, imap_host: str, provider_id: str | None = None) -> Account:
    return Account(
        address,
        Endpoint(imap_host, 993, Security.SSL, address),
        Endpoint(imap_host, 465, Security.SSL, address),
        provider_id=provider_id,
    )


def test_every_bundled_provider_has_its_expected_traits() -> None:
    assert {p.id for p in BUNDLED} == set(EXPECTED)
    for provider in BUNDLED:
        family, send_id = EXPECTED[provider.id]
        assert provider.hint_family in HINT_FAMILIES | {""}
        assert traits_of(provider) == CheckTraits(family, send_id, provider.id), provider.id


@pytest.mark.parametrize("provider", list(BUNDLED), ids=lambda p: p.id)
def test_the_same_traits_by_id_by_domain_and_by_server_host(provider) -> None:
    group = provider.server_groups[0]
    expected = traits_of(provider)
    # As saved (the wizard and the CLI store the provider's id) ...
    assert check_traits(_account("a@x.example", group.imap.host, provider.id)) == expected
    # ... by the address's domain (an ad-hoc CLI check names no provider) ...
    if provider.domains:
        assert check_traits(_account(f"a@{provider.domains[0]}", "127.0.0.1")) == expected
    # ... and by the server (a company domain hosted by the provider).
    found = BUNDLED.by_server_host(group.imap.host)
    assert found is not None
    assert check_traits(_account("a@company.example", group.imap.host)) == traits_of(found)


def test_an_unknown_mailbox_gets_no_provider_traits() -> None:
    assert check_traits(_account("a@example.org", "mail.example.org")) == CheckTraits()
    # A look-alike of a NetEase host is not NetEase.
    assert check_traits(_account("a@evil163.com", "imap.evil163.com")) == CheckTraits()


def test_no_caller_passes_traits_of_its_own() -> None:
    """The runner reads the traits itself: check_account and CheckRunner take none."""
    assert "requires_id" not in inspect.signature(runner.check_account).parameters
    assert "requires_id_for" not in inspect.signature(runner.CheckRunner).parameters
