"""The hint texts say what the sources say (issue 17), in English and in their Chinese translation.

A hint is the one sentence a user reads when a login is refused, so its facts are checked here
against the seed documents (by tag: docs/sources.md): where a code is made, what a server reply
means, and that one provider's menu names never appear in another provider's hint.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from mailmanager.core.checking.hints import HINT_CONTEXT, HINTS, hint_text
from scripts import ts_tool


def _chinese(hint_id: str) -> str:
    """The zh_CN translation of a hint, as committed."""
    tree = ET.parse(ts_tool.ts_path("zh_CN"))
    source = hint_text(hint_id)
    for context, message in ts_tool.messages(tree):
        if context == HINT_CONTEXT and message.findtext("source", "") == source:
            return message.findtext("translation", "")
    raise AssertionError(f"{hint_id} has no Chinese entry")


def test_qq_hint_names_the_account_tab_as_the_chinese_original_does() -> None:
    """LFX 106 (Chinese original) and reference §4: 设置 → 账户, not 账号."""
    assert "Settings > Account > POP3/IMAP/SMTP" in hint_text("qq_auth_code")
    zh = _chinese("qq_auth_code")
    assert "设置 → 账户 → POP3/IMAP/SMTP" in zh
    assert "账号" not in zh


def test_qq_hint_does_not_assert_the_unconfirmed_letters_only_format() -> None:
    """Seed 003 says 16 characters; that they are letters only is unconfirmed."""
    assert "16-letter" not in hint_text("qq_auth_code")
    assert "16-character" in hint_text("qq_auth_code")


def test_domain_not_exist_says_the_group_is_unstable_and_to_switch() -> None:
    """Seed 002 FAQ: the server group in use is unstable or unreachable; switch groups."""
    text = hint_text("netease_domain_not_exist")
    assert "does not serve" not in text
    assert "unstable or cannot be reached" in text
    assert "hwhzimap.qiye.163.com" in text and "imap.qiye.163.com" in text
    zh = _chinese("netease_domain_not_exist")
    assert "不稳定" in zh and "无法访问" in zh
    assert "不承载" not in zh


def test_netease_enterprise_hint_has_its_own_menu_and_the_expiry() -> None:
    """Seed 002: 邮箱设置 → 客户端设置, confirm with 确定, passwords carry an expiry date."""
    text = hint_text("netease_qiye_auth_code")
    assert "Mailbox settings > Client settings" in text
    assert "expired" in text and "click OK" in text
    assert "POP3/SMTP/IMAP" not in text  # the personal mailbox's menu
    zh = _chinese("netease_qiye_auth_code")
    assert "邮箱设置 → 客户端设置" in zh
    assert "有效期至" in zh  # the app's own name for the expiry field
    assert "POP3/SMTP/IMAP" not in zh


def test_alibaba_enterprise_hint_is_not_netease() -> None:
    """Reference §7 (ALI-DOC 444380): the third-party client security password, which only an
    administrator's policy makes mandatory; nothing of NetEase's."""
    text = hint_text("aliyun_qiye_auth")
    assert "third-party client security password" in text
    assert "NetEase" not in text and "POP3/SMTP/IMAP" not in text
    assert "三方客户端安全密码" in _chinese("aliyun_qiye_auth")


@pytest.mark.parametrize("hint_id", sorted(HINTS))
def test_no_hint_calls_the_expiry_field_by_another_name(hint_id: str) -> None:
    """The app's field is 有效期至; a hint must not send the user looking for 到期日."""
    assert "到期日" not in _chinese(hint_id)
