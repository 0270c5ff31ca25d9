"""The address page in Fix: the card shows the mailbox's saved servers (issue 18, item 7)."""

from __future__ import annotations

from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.ui.wizard import WizardMode
from tests.helpers.wizard import make_services, make_wizard


def test_fix_card_shows_the_saved_servers_not_the_catalogue_s(qtbot) -> None:
    account = Account(
        "wangfang@126.com",
        Endpoint("imap.126.com", 993, Security.SSL, "wangfang@126.com"),
        Endpoint("smtp.126.com", 994, Security.SSL, "wangfang@126.com"),
        provider_id="netease_personal",
        id=4,
    )
    wizard = make_wizard(qtbot, make_services(), WizardMode.FIX, account)
    catalogue_imap = wizard.ctx.found.groups[0].imap.host
    assert catalogue_imap == "imap.163.com"  # what the catalogue would suggest
    text = wizard.address_page.servers_label.text()
    assert wizard.address_page.servers_label.isVisible()
    assert "imap.126.com:993" in text and "smtp.126.com:994" in text
    assert catalogue_imap not in text
