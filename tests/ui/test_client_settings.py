"""The settings for a client in that client's layout and the UI language (issue 19): the
sending platform gets the platform table's columns with empty password cells, the Chinese UI
uses Foxmail's own Chinese labels, and a code's label picks its client."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from mailmanager.core.model.accounts import Security
from mailmanager.ui import language
from mailmanager.ui.client_settings import Client, client_settings_text, guess_client
from tests.helpers.factories import make_account


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[None]:
    loaded = language.install(qapp, language.chosen_locale("zh_CN"))
    try:
        yield
    finally:
        for translator in loaded:
            qapp.removeTranslator(translator)


def test_a_sending_platform_gets_its_columns_without_a_code() -> None:
    account = make_account("sales@163.com")
    rows = list(csv.DictReader(io.StringIO(client_settings_text(account, Client.SENDING_PLATFORM))))
    assert len(rows) == 1
    row = rows[0]
    for column in (
        "from_email", "smtp_host", "smtp_port", "smtp_username", "smtp_password",
        "imap_host", "imap_port", "imap_username", "imap_password",
    ):  # fmt: skip
        assert column in row, column
    assert row["from_email"] == "sales@163.com"
    assert (row["smtp_host"], row["smtp_port"]) == ("smtp.163.com", "465")
    assert (row["imap_host"], row["imap_port"]) == ("imap.163.com", "993")
    assert row["smtp_password"] == row["imap_password"] == ""


def test_foxmail_in_chinese_uses_its_own_labels(chinese: None) -> None:
    account = make_account("zhang.wei@163.com")
    lines = [line.strip() for line in client_settings_text(account, Client.FOXMAIL).splitlines()]
    assert lines[0] == "收信服务器类型：IMAP"
    start = lines.index("收信服务器：imap.163.com")
    assert lines[start + 1 : start + 3] == ["端口：993", "SSL：☑"]
    assert "发信服务器：smtp.163.com" in lines


def test_thunderbird_names_starttls() -> None:
    account = make_account("zhang.wei@163.com")
    account = account.replace(
        smtp=dataclasses.replace(account.smtp, port=587, security=Security.STARTTLS)
    )
    text = client_settings_text(account, Client.THUNDERBIRD)
    outgoing = text[text.index("Outgoing server") :]
    assert "Port: 587" in outgoing and "Connection security: STARTTLS" in outgoing


@pytest.mark.parametrize(
    ("label", "client"),
    [
        ("Foxmail", Client.FOXMAIL),
        ("my iPhone", Client.APPLE_MAIL),
        ("发信平台", Client.SENDING_PLATFORM),
        ("Thunderbird at work", Client.THUNDERBIRD),
        ("mailmanager 2026-12", Client.GENERIC),
    ],
)
def test_a_codes_label_picks_its_client(label: str, client: Client) -> None:
    assert guess_client(label) is client
