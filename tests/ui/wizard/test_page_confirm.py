"""The wizard's confirmation page: a server that DNS suggested outside the address's domain is
asked about, nothing is sent before the box is ticked, and the consent is recorded with the
mailbox (issue 13).

Real parts only: the real detector asks a dnslib server on loopback, whose SRV records point at
``localhost`` (not part of example.cn); scripted IMAP and SMTP servers with trustme certificates
record every line they receive.
"""

from __future__ import annotations

from pathlib import Path

from mailmanager.core.model.accounts import EndpointSource
from mailmanager.ui.wizard import F, PageId
from tests.helpers import scripted_server as ss
from tests.helpers.certs import Pki
from tests.helpers.dns_server import dns_server
from tests.helpers.wizard import (
    TIMEOUT_MS,
    click_next,
    make_services,
    make_wizard,
    next_button,
    stored_accounts,
    type_address,
)

ADDRESS = "zhang@example.cn"
CODE = "right-code"


def _walk_to_servers(qtbot, pki: Pki, dns, imap_port: int, smtp_port: int):
    from mailmanager.core.discovery import detector

    dns.add("_imaps._tcp.example.cn", "SRV", f"0 1 {imap_port} localhost.")
    dns.add("_submissions._tcp.example.cn", "SRV", f"0 1 {smtp_port} localhost.")
    services = make_services()
    services.detect = lambda address, cancel: detector.detect(
        address, dns_server=dns.address, timeout=3.0, cancel=cancel
    )
    wizard = make_wizard(qtbot, services)
    type_address(qtbot, wizard, ADDRESS)
    assert wizard.ctx.found.groups, "detection found the SRV servers"
    assert click_next(qtbot, wizard) == PageId.PREPARE
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    wizard.credential_page.password_edit.setText(CODE)
    assert click_next(qtbot, wizard) == PageId.SERVERS
    assert wizard.field(F.IMAP_HOST) == "localhost"
    wizard.setField(F.CA_FILE, pki.ca_file)  # the user chose the company CA here
    return wizard


def test_a_foreign_srv_server_is_asked_about_and_nothing_is_sent_before(
    qtbot, pki: Pki, app_home: Path, memory_keyring
) -> None:
    context = pki.server_context()
    imap_script = ss.imap_script(password=CODE)
    smtp_script = ss.smtp_script(password=CODE)
    with (
        dns_server() as dns,
        ss.running(imap_script, tls_context=context) as imap,
        ss.running(smtp_script, tls_context=context) as smtp,
    ):
        wizard = _walk_to_servers(qtbot, pki, dns, imap.port, smtp.port)
        assert click_next(qtbot, wizard) == PageId.CONFIRM
        page = wizard.confirm_page
        boxes = [box for _refusal, box in page._boxes]
        # One question for the one host (used for both IMAP and SMTP), unticked.
        assert len(boxes) == 1 and not boxes[0].isChecked()
        assert "localhost" in boxes[0].text() and ADDRESS in boxes[0].text()
        assert not next_button(wizard).isEnabled()
        assert wizard.validateCurrentPage() is False
        assert (imap.connections, smtp.connections) == (0, 0)

        boxes[0].setChecked(True)
        assert click_next(qtbot, wizard) == PageId.TEST
        qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
        assert wizard.ctx.check is not None and wizard.ctx.check.ok, wizard.ctx.check
        assert imap.auth_attempts == [(ADDRESS, CODE)]
        assert smtp.auth_attempts == [(ADDRESS, CODE)]
        with qtbot.waitSignal(wizard.accountSaved, timeout=TIMEOUT_MS):
            assert click_next(qtbot, wizard) == PageId.DONE

    (account,) = stored_accounts()
    for endpoint in (account.imap, account.smtp):
        assert endpoint.host == "localhost"
        assert endpoint.origin.source is EndpointSource.SRV
        assert endpoint.origin.detail.endswith("._tcp.example.cn")
        assert endpoint.origin.confirmed_at is not None
    assert account.ca_pem and account.ca_confirmed_at is not None


def test_going_back_forgets_the_tick_and_a_typed_server_needs_no_question(
    qtbot, pki: Pki, app_home: Path, memory_keyring
) -> None:
    with dns_server() as dns:
        wizard = _walk_to_servers(qtbot, pki, dns, 1, 2)
        assert click_next(qtbot, wizard) == PageId.CONFIRM
        wizard.confirm_page._boxes[0][1].setChecked(True)
        wizard.back()
        assert wizard.currentId() == PageId.SERVERS
        # The user types the servers themselves: their own choice needs no confirmation.
        for prefix in ("imap", "smtp"):
            wizard.setField(prefix + "Host", "127.0.0.1")
        assert wizard.nextId() == PageId.TEST
        # Back to the suggested host: asked again, unticked.
        for prefix in ("imap", "smtp"):
            wizard.setField(prefix + "Host", "localhost")
        assert click_next(qtbot, wizard) == PageId.CONFIRM
        assert not wizard.confirm_page._boxes[0][1].isChecked()
