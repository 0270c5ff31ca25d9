"""The test page's failure text (issue 18, item 5): each failed line explains itself."""

from __future__ import annotations

from pathlib import Path

from mailmanager.ui.wizard import PageId
from tests.helpers import scripted_server as ss
from tests.helpers.certs import make_pki
from tests.helpers.wizard import (
    TIMEOUT_MS,
    click_next,
    fill_servers,
    make_services,
    make_wizard,
    type_address,
)


def test_smtp_line_explains_its_own_535_when_imap_failed_alike(qtbot, tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    with (
        ss.ScriptedServer(ss.imap_script(), tls_context=pki.server_context()) as imap,
        ss.ScriptedServer(ss.smtp_script(), tls_context=pki.server_context()) as smtp,
    ):
        wizard = make_wizard(qtbot, make_services())
        type_address(qtbot, wizard, "zhangwei@163.com")
        assert click_next(qtbot, wizard) == PageId.PREPARE
        wizard.prepare_page.acknowledge.setChecked(True)
        assert click_next(qtbot, wizard) == PageId.CREDENTIAL
        wizard.credential_page.password_edit.setText("wrongwrongwrongw")
        assert click_next(qtbot, wizard) == PageId.SERVERS
        fill_servers(wizard, imap_port=imap.port, smtp_port=smtp.port, ca_file=pki.ca_file)
        assert click_next(qtbot, wizard) == PageId.TEST
        qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
    body = wizard.test_page.result.body.text()
    imap_part, smtp_part = body.split("<br><br>")
    assert "Receiving (IMAP)" in imap_part and "Sending (SMTP)" in smtp_part
    hint = "NetEase"  # the provider's own hint, given once, on the first line
    assert hint in imap_part and hint not in smtp_part
    # The SMTP line is not bare: what went wrong, that the same fix applies, and the 535.
    own = "The server rejected the authorization code or password. What to do is the same as above."
    assert own in smtp_part
    assert "535 5.7.8" in smtp_part
