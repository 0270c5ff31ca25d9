"""Address normalisation: canonical forms, IDNA, full-width input, clear rejections, and which
names can be servers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mailmanager.core.model.address import (
    AddressError,
    UsernameForm,
    is_valid_hostname,
    normalise_address,
    normalise_domain,
    parse_address,
    server_name_problem,
    username_for,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bob@163.com", "bob@163.com"),
        ("  Bob@QQ.COM \n", "Bob@qq.com"),  # trimmed, domain lower-cased, local part kept
        ("alice＠126．com", "alice@126.com"),  # full-width @ and . from a Chinese input method
        ("alice@126。com", "alice@126.com"),  # ideographic full stop
        ("\u3000carol@yeah.net\u3000", "carol@yeah.net"),  # ideographic spaces
        ("mailto:dan@sina.com", "dan@sina.com"),
        ("<erin@sohu.com>", "erin@sohu.com"),
        ("first.last+tag@example.com.", "first.last+tag@example.com"),  # trailing dot dropped
        ("user@bücher.de", "user@xn--bcher-kva.de"),
        ("张三@例子.中国", "张三@xn--fsqu00a.xn--fiqs8s"),
        ("x@XN--BCHER-KVA.DE", "x@xn--bcher-kva.de"),
    ],
)
def test_normalises(text: str, expected: str) -> None:
    assert normalise_address(text) == expected


def test_keeps_the_unicode_domain_for_display() -> None:
    address = parse_address("user@BÜCHER.de")
    assert address.domain == "xn--bcher-kva.de"
    assert address.domain_unicode == "bücher.de"
    assert address.display == "user@bücher.de"
    assert str(address) == "user@xn--bcher-kva.de"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("bob", "no '@'"),
        ("bob@", "domain after '@' is empty"),
        ("@163.com", "before '@' is empty"),
        ("a@b@163.com", "more than one '@'"),
        ("bob smith@163.com", "space"),
        ("bob@163 .com", "space"),
        ("bob@localhost", "at least one dot"),
        ("bob@163..com", "empty label"),
        ("bob@-bad.com", "letters, digits and inner hyphens"),
        ("bob@bad_.com", "letters, digits and inner hyphens"),
        ("bob@[127.0.0.1]", "IP address"),
        ("bob@127.0.0.1", "IP address"),
        ("bob@example.123", "cannot be a number"),
        (".bob@163.com", "dot"),
        ("bo..b@163.com", "dot"),
        ('"bob smith"@163.com', "space"),
        ('"bob"@163.com', "quoted"),
        ("bo(b@163.com", "not allowed"),
        ("bob\x00@163.com", "control character"),
        ("a" * 65 + "@163.com", "longer than 64"),
        ("bob@" + "a" * 64 + ".com", "longer than 63"),
        ("bob@" + ".".join(["abcdefghi"] * 26) + ".com", "longer than 253"),
    ],
)
def test_rejects_with_a_clear_message(text: str, fragment: str) -> None:
    with pytest.raises(AddressError) as info:
        parse_address(text)
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message
    assert isinstance(info.value, ValueError)


def test_username_forms() -> None:
    assert username_for("Tim@icloud.com", UsernameForm.LOCAL_PART) == "Tim"
    assert username_for("Tim@ICLOUD.com", UsernameForm.ADDRESS) == "Tim@icloud.com"


def test_normalise_domain_and_hostnames() -> None:
    assert normalise_domain("Mail.Example.COM.") == ("mail.example.com", "mail.example.com")
    assert is_valid_hostname("imap.163.com")
    assert not is_valid_hostname("IMAP.163.com")
    assert not is_valid_hostname("imap")
    assert not is_valid_hostname("imap..com")
    assert not is_valid_hostname("")


@given(st.text(max_size=80))
def test_any_text_either_normalises_idempotently_or_raises_address_error(text: str) -> None:
    try:
        canonical = normalise_address(text)
    except AddressError:
        return
    assert normalise_address(canonical) == canonical
    assert canonical.count("@") == 1
    assert canonical.split("@")[1] == canonical.split("@")[1].lower()


def test_names_that_are_servers() -> None:
    for good in ("imap.163.com", "IMAP.QQ.COM", "mail", "127.0.0.1", "::1", "邮件.例子.中国",
                 "smtp.example.org."):  # fmt: skip
        assert server_name_problem(good) is None, good
    for good in ("[::1]", "mail_server.lan"):
        assert server_name_problem(good) is None, good
    for bad in ("", "h ost", "a/b", "a..b", "-a.com", "x" * 300, "\u200bimap.qq.com",
                "ⅰmap.qq.com", "[]"):  # fmt: skip
        assert server_name_problem(bad) is not None, bad
