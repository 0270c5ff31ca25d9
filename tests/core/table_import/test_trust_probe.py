"""Spreadsheet rows an attacker might write (security probe after issue 20): who may get a code.

Pure: rows are built and judged as the import does, without a network. Each case says what
the rule decided; the batch sends nothing for an untrusted row (test_batch.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailmanager.core import trust
from mailmanager.core.model.accounts import Security
from mailmanager.core.table_import import consent
from mailmanager.core.table_import.headers import map_columns
from mailmanager.core.table_import.model import ImportRow, Result
from mailmanager.core.table_import.reading import read_text
from mailmanager.core.table_import.rows import Defaults, build_rows, existing_lookup

NOW = datetime(2026, 12, 2, tzinfo=UTC)
CODE = "ABCDEFGHIJKLMNOP"
HEADER = "email,code,imap_host,imap_port,smtp_host,smtp_port,security,username\n"


def judged(line: str, **defaults: object) -> ImportRow:
    table = read_text(HEADER + line + "\n")
    (row,) = build_rows(
        table.rows,
        map_columns(table.headers),
        trust.bundled_catalogue(),
        existing_lookup([]),
        Defaults(label="x", **defaults),  # type: ignore[arg-type]
    )
    consent.judge([row])
    return row


@pytest.mark.parametrize(
    ("imap", "smtp"),
    [
        ("imap.evil.example", "smtp.163.com"),  # a foreign host
        ("imap.163.com.evil.example", "smtp.163.com"),  # the provider's name as a prefix
        ("imap.163.com", "smtp.126.com"),  # two catalogue groups mixed
        ("imap.163.com", "smtp.qq.com"),  # another provider's server
        ("imap.163.соm", "smtp.163.com"),  # Cyrillic 'с' and 'о': another registrable domain
        ("imap.l63.com", "smtp.163.com"),
        ("203.0.113.5", "smtp.163.com"),  # an IP literal
        ("[::1]", "smtp.163.com"),
        ("imap.163.com%00.evil", "smtp.163.com"),
    ],
)
def test_a_catalogue_address_with_other_servers_is_untrusted(imap: str, smtp: str) -> None:
    row = judged(f"zhang@163.com,{CODE},{imap},993,{smtp},465,ssl,")
    assert row.final() in (Result.UNTRUSTED, Result.INVALID), row.reason
    assert not row.checkable


def test_a_look_alike_label_under_the_real_domain_is_still_that_domains_name() -> None:
    # "imаp" with a Cyrillic 'а' is xn--imp-7cd.163.com: a name only 163.com's owner can
    # create, so it is as much the provider's as any other name under 163.com.
    assert trust.ascii_host("imаp.163.com") == "xn--imp-7cd.163.com"
    assert trust.under_domain("imаp.163.com", "163.com")


def test_a_trailing_dot_or_upper_case_is_the_same_catalogue_host() -> None:
    # The resolver and the certificate check read "imap.163.com." as imap.163.com: no gain.
    row = judged(f"zhang@163.com,{CODE},IMAP.163.COM.,993,smtp.163.com.,465,ssl,")
    assert row.checkable and row.refusals == []


def test_ssl_on_port_143_stays_ssl_and_plain_needs_consent() -> None:
    # The security column wins: TLS is attempted on 143 (the handshake fails, nothing sent);
    # it never falls back to plain text.
    row = judged(f"a@example.com,{CODE},imap.example.com,143,smtp.example.com,25,ssl,")
    assert row.account is not None and row.account.imap.security is Security.SSL
    assert row.checkable
    plain = judged(f"a@example.com,{CODE},imap.example.com,143,smtp.example.com,25,plain,")
    assert plain.final() is Result.UNTRUSTED
    assert {r.kind for r in plain.refusals} == {trust.RefusalKind.PLAIN}


def test_an_ip_literal_needs_a_confirmation_even_under_the_domain() -> None:
    row = judged(f"a@example.com,{CODE},192.0.2.7,993,smtp.example.com,465,ssl,")
    assert row.final() is Result.UNTRUSTED
    assert [r.option for r in row.refusals] == ["--trust-server 192.0.2.7"]


def test_someone_elses_user_name_goes_to_the_addresss_own_servers_only() -> None:
    # Held by the rule's design: the code may reach only the address's provider's servers,
    # whatever user name the row gives (a wrong one fails the login there).
    row = judged(f"zhang@163.com,{CODE},,,,,,victim@qq.com")
    assert row.account is not None and row.checkable
    assert row.account.imap.host == "imap.163.com" and row.account.imap.username == "victim@qq.com"


def test_paste_mode_with_a_foreign_host_is_untrusted() -> None:
    row = judged(
        f"li@corp.example,{CODE},imap.evil.example,993,smtp.evil.example,465,ssl,",
        provider_id="netease_qiye",
    )
    assert row.final() is Result.UNTRUSTED
