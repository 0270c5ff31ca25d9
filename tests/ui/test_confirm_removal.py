"""The removal question: it links the mailbox's own web settings, marked when unconfirmed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mailmanager.ui.confirm_removal import confirm_removal
from mailmanager.ui.provider_info import ProviderDirectory


def test_the_question_links_the_suffixs_own_web_settings(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    directory = ProviderDirectory("en")
    for address, url, unsure in (
        ("wang@126.com", "https://mail.126.com/", False),
        ("wang@188.com", "https://mail.188.com/", True),
    ):
        look = directory.look("netease_personal", address)
        assert (look.settings_url, look.settings_unconfirmed) == (url, unsure)
        box, _remove = confirm_removal(
            parent, address, look.settings_url, unsure=look.settings_unconfirmed
        )
        text = box.informativeText()
        assert f'href="{url}"' in text and "revoke" in text
        assert ("(not confirmed by the provider)" in text) is unsure
        box.deleteLater()
    box, _remove = confirm_removal(parent, "a@example.org")
    assert "href" not in box.informativeText()
