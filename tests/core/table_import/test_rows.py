"""Rows into candidates: headers in two languages, the mapping, ports and security, one code per
mailbox, codes that lost digits, duplicates in the file and against the store, and the trust
rule per row (catalogue groups, foreign hosts, consent)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from mailmanager.core import trust
from mailmanager.core.model.accounts import Account, Security
from mailmanager.core.table_import import consent, headers
from mailmanager.core.table_import.headers import Field, MappingError, map_columns
from mailmanager.core.table_import.model import ImportRow, Result
from mailmanager.core.table_import.reading import LOST_DIGITS, Row, read_text
from mailmanager.core.table_import.rows import Defaults, build_rows, existing_lookup
from tests.helpers.factories import make_account

NOW = datetime(2026, 12, 2, tzinfo=UTC)
CODE = "ABCDEFGHIJKLMNOP"


def build(
    text: str,
    *,
    stored: Sequence[Account] = (),
    overrides: dict[str, str] | None = None,
    defaults: Defaults | None = None,
) -> list[ImportRow]:
    table = read_text(text)
    columns = map_columns(table.headers, overrides)
    rows = list(
        build_rows(
            table.rows,
            columns,
            trust.bundled_catalogue(),
            existing_lookup(stored),
            defaults or Defaults(label="mailmanager 2026-12"),
        )
    )
    consent.judge(rows)
    return rows


def test_english_and_chinese_headers() -> None:
    english = map_columns(["From Email", "SMTP_Password", "imap host", "Group", "notes"])
    assert english.columns == {
        Field.ADDRESS: 0,
        Field.SMTP_PASSWORD: 1,
        Field.IMAP_HOST: 2,
        Field.GROUP: 3,
    }
    chinese = map_columns(
        ["邮箱地址", "授权码", "发信服务器", "发信端口", "加密方式", "备注", "用途"]
    )
    assert chinese.columns[Field.ADDRESS] == 0 and chinese.columns[Field.LABEL] == 6
    assert chinese.columns[Field.SECURITY] == 4
    assert not chinese.unknown and not chinese.missing()


def test_unknown_headers_go_through_the_mapping() -> None:
    columns = map_columns(["Mailbox ID", "Secret sauce", "Whatever"])
    assert columns.missing() == ["address", "code"]
    assert [h for _i, h in columns.unknown] == ["Mailbox ID", "Secret sauce", "Whatever"]
    mapped = map_columns(["Mailbox ID", "Secret sauce"], {"Mailbox ID": "address", "2": "授权码"})
    assert mapped.columns == {Field.ADDRESS: 0, Field.CODE: 1} and not mapped.missing()
    with pytest.raises(MappingError, match="does not have"):
        map_columns(["a"], {"b": "address"})
    with pytest.raises(MappingError, match="unknown field"):
        map_columns(["a"], {"a": "shoe size"})
    assert headers.parse_field("ignore") is Field.IGNORE


def test_catalogue_servers_group_and_label() -> None:
    rows = build(f"邮箱,授权码,分组\nzhang.wei@163.com,{CODE}, 客户  甲 \n")
    row = rows[0]
    assert row.checkable and row.account is not None
    assert (row.account.imap.host, row.account.smtp.host) == ("imap.163.com", "smtp.163.com")
    assert row.account.group == "客户 甲"
    assert row.account.credential_label == "mailmanager 2026-12"
    assert row.secret == CODE


@pytest.mark.parametrize(
    ("port", "security", "expected"),
    [
        ("993", "", Security.SSL),
        ("143", "", Security.STARTTLS),
        ("1993", "SSL", Security.SSL),
        ("1143", "starttls", Security.STARTTLS),
    ],
)
def test_ports_and_security(port: str, security: str, expected: Security) -> None:
    rows = build(
        "email,code,imap_host,imap_port,smtp_host,smtp_port,security\n"
        f"a@example.com,x1,mail.example.com,{port},mail.example.com,465,{security}\n"
    )
    assert rows[0].account is not None and rows[0].account.imap.security is expected
    assert rows[0].account.imap.port == int(port)


def test_bad_rows_are_reported_with_their_numbers_and_the_others_kept() -> None:
    rows = build(
        "email,code,imap_host,imap_port,smtp_host,smtp_port\n"
        "\n"
        "not-an-address,x1,,,,\n"
        "a@example.com,x1,mail.example.com,1993,mail.example.com,465\n"
        "b@example.com,x1,mail.example.com,99999,mail.example.com,465\n"
        f"c@163.com,{CODE},,,,\n"
        "d@example.com,x1,,,,\n"
    )
    assert [(r.number, r.final()) for r in rows] == [
        (3, Result.INVALID),
        (4, Result.INVALID),
        (5, Result.INVALID),
        (6, Result.FAILED),  # valid, not yet checked
        (7, Result.INVALID),
    ]
    assert rows[1].reason is not None and "1993 is not a standard port" in rows[1].reason.text()
    assert rows[2].reason is not None and "99999" in rows[2].reason.text()
    assert rows[4].reason is not None and "not in the catalogue" in rows[4].reason.text()
    assert rows[3].checkable
    assert all(r.secret == "" for r in rows if r.result is Result.INVALID)
    assert rows[0].address == ""  # a cell without '@' is never echoed (it may be a code)


def test_one_code_per_mailbox() -> None:
    rows = build(
        "email,imap_password,smtp_password\n"
        f"a@163.com,{CODE},{CODE}\n"
        f"b@163.com,{CODE},{CODE[::-1]}\n"
    )
    assert rows[0].checkable
    assert rows[1].result is Result.INVALID
    assert rows[1].reason is not None and "differ" in rows[1].reason.text()


def test_codes_that_lost_digits_are_invalid() -> None:
    rows = build(
        "email,code\na@163.com,1.23457E+15\nb@163.com,ABCDEFGH\nc@163.com,ABCD EFGH IJKL MNOP\n"
    )
    assert rows[0].result is Result.INVALID and rows[0].reason is not None
    assert "lost digits" in rows[0].reason.text()
    assert rows[1].result is Result.INVALID and rows[1].reason is not None
    assert "has 8 characters" in rows[1].reason.text()
    assert rows[2].checkable and rows[2].secret == CODE
    table_rows = [Row(2, ("x@163.com", LOST_DIGITS))]
    built = list(
        build_rows(
            table_rows,
            map_columns(["email", "code"]),
            trust.bundled_catalogue(),
            existing_lookup([]),
            Defaults(),
        )
    )
    assert built[0].result is Result.INVALID


def test_duplicates_in_the_file_and_against_the_store() -> None:
    stored = [
        make_account("same@163.com", id=1),
        make_account("other@163.com", domain="126.com", id=2),
    ]
    rows = build(
        "email,code\n"
        f"a@163.com,{CODE}\n"
        f"A@163.com,{CODE}\n"
        f"same@163.com,{CODE}\n"
        f"other@163.com,{CODE}\n",
        stored=stored,
    )
    assert [r.final() for r in rows[1:]] == [Result.DUPLICATE, Result.UNCHANGED, Result.DUPLICATE]
    assert rows[1].reason is not None and "row 2" in rows[1].reason.text()
    assert rows[0].checkable


def test_foreign_host_is_untrusted_until_confirmed() -> None:
    rows = build(
        "email,code,smtp_host,smtp_port,imap_host,imap_port\n"
        f"a@163.com,{CODE},smtp.evil.example,465,imap.163.com,993\n"
        f"b@163.com,{CODE},smtp.evil.example,465,imap.163.com,993\n"
        f"c@126.com,{CODE},smtp.evil.example,465,imap.126.com,993\n"
    )
    assert all(r.result is Result.UNTRUSTED and not r.checkable for r in rows)
    assert rows[0].refusals[0].option == "--trust-server smtp.evil.example"
    consent.give_consent(rows, NOW, hosts=["smtp.evil.example"], domain="163.com")
    assert [r.checkable for r in rows] == [True, True, False]


def test_servers_must_be_one_catalogue_group() -> None:
    rows = build(
        "email,code,imap_host,smtp_host\n"
        f"a@126.com,{CODE},imap.126.com,smtp.126.com\n"
        f"b@126.com,{CODE},imap.126.com,smtp.163.com\n"
    )
    assert rows[0].checkable
    assert rows[1].result is Result.UNTRUSTED
    assert rows[1].reason is not None and "not paired" in rows[1].reason.text()
    consent.give_consent(rows, NOW, hosts=["smtp.163.com"])
    assert rows[1].checkable


def test_plain_needs_consent_and_a_ca_needs_a_choice() -> None:
    rows = build(
        "email,code,imap_host,imap_port,smtp_host,smtp_port,security\n"
        "a@example.com,x1,mail.example.com,143,mail.example.com,25,plain\n"
    )
    assert rows[0].result is Result.UNTRUSTED
    consent.give_consent(rows, NOW, plain=["mail.example.com:143", "mail.example.com:25"])
    assert rows[0].checkable


def test_servers_found_by_detection_are_judged_by_the_trust_rule() -> None:
    from mailmanager.core.model.accounts import Endpoint, EndpointSource, Origin
    from mailmanager.core.table_import.rows import needs_detection

    text = "email,code\nboss@corp-mail.cn,x1\nhr@corp-mail.cn,x2\n"
    first = build(text)
    assert needs_detection(first) == {"corp-mail.cn"}
    guessed = Origin(EndpointSource.GUESSED, "guess")
    srv = Origin(EndpointSource.SRV, "_imaps._tcp.corp-mail.cn")
    for origin, expected in ((guessed, Result.UNTRUSTED), (srv, None)):
        detected = {
            "corp-mail.cn": (
                Endpoint("mail.corp-mail.cn", 993, Security.SSL, "x", origin),
                Endpoint("mail.corp-mail.cn", 465, Security.SSL, "x", origin),
                None,
            )
        }
        rows = build(text, defaults=Defaults(label="l", detected=detected))
        assert [r.result for r in rows] == [expected, expected]
        assert rows[1].account is not None and rows[1].account.imap.username == "hr@corp-mail.cn"
    mx = {"corp-mail.cn": (Endpoint("a", 993, Security.SSL), Endpoint("b", 465, Security.SSL),
                           "netease_qiye")}  # fmt: skip
    rows = build(
        f"email,code\nboss@corp-mail.cn,{CODE}\n", defaults=Defaults(label="l", detected=mx)
    )
    assert rows[0].provider is not None and rows[0].provider.id == "netease_qiye"
    assert rows[0].checkable  # the provider's catalogue servers, as `add` chooses them
