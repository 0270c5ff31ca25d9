"""The servers page folds the catalogue's servers away (issue 18, item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mailmanager.ui.wizard import F, PageId
from tests.helpers.wizard import click_next, make_services, make_wizard, type_address


def to_servers(qtbot, address: str):
    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, address)
    assert click_next(qtbot, wizard) == PageId.PREPARE
    if wizard.prepare_page.gate_applies():
        wizard.prepare_page.acknowledge.setChecked(True)
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    wizard.credential_page.password_edit.setText("abcdefghijklmnop")
    assert click_next(qtbot, wizard) == PageId.SERVERS
    return wizard


def test_catalogue_servers_fold_under_change_servers(qtbot) -> None:
    wizard = to_servers(qtbot, "zhangwei@163.com")
    page = wizard.servers_page
    assert page.folded()
    assert not page.imap.isVisible() and not page.smtp.isVisible()
    assert page.change_button.isVisible() and page.change_button.text() == "Change servers…"
    summary = page.summary.text()
    assert "Receiving (IMAP)" in summary and "imap.163.com, port 993" in summary
    assert "Sending (SMTP)" in summary and "smtp.163.com, port 465" in summary
    assert "SSL/\u2060TLS" in summary and "zhangwei@163.com" in summary  # kept on one line
    # Opening it shows the editors with the same values; the test uses them unchanged.
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert not page.folded() and page.imap.isVisible() and page.smtp.isVisible()
    assert page.imap.host.text() == "imap.163.com"
    assert not page.summary.isVisible()
    # Back and forward again: folded as the catalogue still has them.
    wizard.back()
    assert click_next(qtbot, wizard) == PageId.SERVERS
    assert page.folded()


def test_servers_stay_open_when_they_need_the_user(qtbot) -> None:
    # A server typed from elsewhere (the test page's or a script's) unfolds the page.
    wizard = to_servers(qtbot, "zhangwei@163.com")
    page = wizard.servers_page
    wizard.setField(F.IMAP_HOST, "mail.example.net")
    assert not page.folded() and page.imap.isVisible()
    # No catalogue provider: the fields are for the user to fill in.
    other = to_servers(qtbot, "li@company-example.cn")
    assert other.ctx.provider is None
    assert not other.servers_page.folded() and other.servers_page.imap.isVisible()
    assert not other.servers_page.change_button.isVisible()
    assert other.focusWidget() is other.servers_page.imap.host
