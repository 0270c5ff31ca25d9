"""The wizard's pages and branching: the acknowledgement gate, the Outlook stop, the fields,
normalisation per the catalogue, required expiry, server groups, Fix and Rotate.

Checks that need a server use scripted loopback servers (fast, and they record what they got).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget, QWizard

from mailmanager import paths
from mailmanager.core.checking.proof import Unproven
from mailmanager.core.model.accounts import Account, CredentialEventKind, Endpoint, Security
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.wizard import ALL_FIELDS, F, PageId, WizardMode
from tests.helpers import scripted_server as ss
from tests.helpers.certs import make_pki
from tests.helpers.wizard import (
    TIMEOUT_MS,
    UrlRecorder,
    click_next,
    fill_servers,
    make_services,
    make_wizard,
    next_button,
    stored_accounts,
    type_address,
)

ISSUE_FIELDS = {
    "address", "displayName", "password", "codeAcknowledged", "codeLabel", "codeCreated",
    "codeExpires", "rotateDays", "imapHost", "imapPort", "imapSecurity", "imapUsername",
    "smtpHost", "smtpPort", "smtpSecurity", "smtpUsername", "caFile", "serverGroup",
}  # fmt: skip


def test_fields_are_exactly_the_issues(qtbot) -> None:
    wizard = make_wizard(qtbot, make_services())
    assert set(ALL_FIELDS) == ISSUE_FIELDS
    type_address(qtbot, wizard, "someone@qq.com")
    click_next(qtbot, wizard)
    assert wizard.field(F.CODE_EXPIRES) == QDate()  # empty expiry: an invalid QDate
    assert not wizard.field(F.CODE_EXPIRES).isValid()
    assert wizard.field(F.CODE_CREATED) == QDate.currentDate()
    assert wizard.field(F.ROTATE_DAYS) == 90
    wizard.setField(F.CODE_EXPIRES, QDate(2031, 5, 1))
    assert wizard.field(F.CODE_EXPIRES) == QDate(2031, 5, 1)
    assert wizard.credential_page.expires_edit.check.isChecked()
    wizard.setField(F.CODE_EXPIRES, QDate())
    assert not wizard.field(F.CODE_EXPIRES).isValid()
    wizard.servers_page.prefill()
    assert wizard.field(F.IMAP_SECURITY) == "ssl"
    assert wizard.field(F.IMAP_HOST) == "imap.qq.com"
    assert wizard.field(F.IMAP_USERNAME) == "someone@qq.com"
    for value in ("starttls", "plain", "ssl"):
        wizard.setField(F.SMTP_SECURITY, value)
        assert wizard.field(F.SMTP_SECURITY) == value


def test_address_validated_as_typed(qtbot) -> None:
    wizard = make_wizard(qtbot, make_services())
    page = wizard.address_page
    page.address_edit.setText("zhangwei")
    assert page.address_error.isVisible() and "@" in page.address_error.text()
    assert not page.isComplete()
    assert not next_button(wizard).isEnabled()
    page.address_edit.setText("zhangwei＠QQ.com")  # full-width @ from an IME
    assert not page.address_error.isVisible()
    assert page.isComplete()
    assert page.provider_label.text() == wizard.ctx.provider.name("en")  # type: ignore[union-attr]
    assert page.source_label.text().startswith("Recognised from the address")


def test_code_once_gate_cannot_be_skipped(qtbot) -> None:
    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "zhangwei@163.com")
    # Setting the field early does not count: the tick belongs to the page's own visit.
    wizard.setField(F.CODE_ACKNOWLEDGED, True)
    assert click_next(qtbot, wizard) == PageId.PREPARE
    page = wizard.prepare_page
    # The warning comes before the steps that create the code (issue 18, item 1).
    assert page.code_once.isVisible() and page.steps.isVisible()
    assert page.code_once.y() < page.steps_heading.y() < page.steps.y()
    assert "only once" in page.code_once.warning.title.text()
    assert wizard.field(F.CODE_ACKNOWLEDGED) is False
    assert not next_button(wizard).isEnabled()
    wizard.next()  # from code, too
    assert wizard.currentId() == PageId.PREPARE
    page.acknowledge.setChecked(True)
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    # Leaving the page backwards and coming forward again needs a new tick.
    wizard.back()
    assert wizard.currentId() == PageId.PREPARE
    wizard.back()
    assert wizard.currentId() == PageId.ADDRESS
    assert not page.acknowledge.isChecked()
    wizard.setField(F.CODE_ACKNOWLEDGED, True)
    wizard.next()
    assert wizard.currentId() == PageId.PREPARE and not wizard.field(F.CODE_ACKNOWLEDGED)
    assert not next_button(wizard).isEnabled()
    # A wizard that starts past the page cannot save: the gate was never passed.
    skipper = make_wizard(qtbot, make_services())
    type_address(qtbot, skipper, "zhangwei@163.com")
    skipper.setStartId(PageId.CREDENTIAL)
    skipper.restart()
    skipper.credential_page.password_edit.setText("abcdefghijklmnop")
    assert not skipper.gate_passed()
    skipper.next()
    assert skipper.currentId() == PageId.CREDENTIAL


def test_code_once_warning_only_where_it_applies(qtbot) -> None:
    # Fix keeping the stored code: no new code, no warning; choosing a new one brings it.
    account = Account(
        "wang@163.com",
        Endpoint("imap.163.com", 993, Security.SSL, "wang@163.com"),
        Endpoint("smtp.163.com", 465, Security.SSL, "wang@163.com"),
        provider_id="netease_personal",
        id=1,
    )
    wizard = make_wizard(qtbot, make_services(), WizardMode.FIX, account)
    assert click_next(qtbot, wizard) == PageId.PREPARE
    page = wizard.prepare_page
    page.keep_code.setChecked(True)
    assert not page.code_once.isVisible() and next_button(wizard).isEnabled()
    page.new_code.setChecked(True)
    assert page.code_once.isVisible() and not next_button(wizard).isEnabled()
    page.acknowledge.setChecked(True)
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL


def test_code_once_warning_skipped_where_catalogue_says_so(qtbot) -> None:
    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "someone@189.cn")  # China Telecom: the login password
    provider = wizard.ctx.provider
    assert provider is not None and not provider.credential.shown_once
    click_next(qtbot, wizard)
    assert not wizard.prepare_page.code_once.isVisible()
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL


def test_outlook_stops_at_prepare_with_the_reason(qtbot) -> None:
    urls = UrlRecorder()
    wizard = make_wizard(qtbot, make_services(urls))
    type_address(qtbot, wizard, "someone@outlook.com")
    assert click_next(qtbot, wizard) == PageId.PREPARE
    page = wizard.prepare_page
    assert page.blocked()
    assert page.stop.isVisible()
    assert "OAuth" in page.stop.body.text()
    assert wizard.nextId() == -1
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
        assert not wizard.button(which).isVisible()
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Close"
    wizard.next()
    assert wizard.currentId() == PageId.PREPARE
    assert not page.steps.isVisible() and not page.open_button.isVisible()
    # Back to a provider that works: the normal buttons return.
    wizard.back()
    type_address(qtbot, wizard, "someone@qq.com")
    assert click_next(qtbot, wizard) == PageId.PREPARE
    assert not page.stop.isVisible() and wizard.button(QWizard.WizardButton.NextButton).isVisible()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert urls.opened == [wizard.ctx.provider.settings_url]  # type: ignore[union-attr]


def test_prepare_shows_steps_pitfalls_and_credential_name(qtbot) -> None:
    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "zhangwei@126.com")
    click_next(qtbot, wizard)
    provider = wizard.ctx.provider
    assert provider is not None
    page = wizard.prepare_page
    assert provider.steps("en")[0][:20] in page.steps.text()
    assert provider.credential.name.get("en") in page.credential_label.text()
    assert page.pitfalls.isVisible()
    # A @126.com mailbox makes its code at mail.126.com (issue 17), not mail.163.com.
    assert page.url_label.text() == "https://mail.126.com/"


def test_credential_normalisation_follows_catalogue(qtbot) -> None:
    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "12345@qq.com")
    click_next(qtbot, wizard)
    wizard.prepare_page.acknowledge.setChecked(True)
    click_next(qtbot, wizard)
    page = wizard.credential_page
    page.password_edit.setText("abcd efgh ijkl mnop")
    assert wizard.field(F.PASSWORD) == "abcdefghijklmnop"
    assert not page.format_warning.isVisible()
    page.password_edit.setText("MyQQ#Pass2024")  # looks like a login password
    assert page.format_warning.isVisible() and "login password" in page.format_warning.text()
    assert next_button(wizard).isEnabled()  # a warning, not a block
    assert page.password_edit.echoMode() == page.password_edit.EchoMode.Password
    page.show_button.click()
    assert page.password_edit.echoMode() == page.password_edit.EchoMode.Normal

    icloud = make_wizard(qtbot, make_services())
    type_address(qtbot, icloud, "someone@icloud.com")
    click_next(qtbot, icloud)
    if icloud.prepare_page.gate_applies():
        icloud.prepare_page.acknowledge.setChecked(True)
    click_next(qtbot, icloud)
    icloud.credential_page.password_edit.setText(" abcd-efgh-ijkl-mnop ")
    assert icloud.credential_page.secret() == "abcd-efgh-ijkl-mnop"  # hyphens kept
    assert not icloud.credential_page.format_warning.isVisible()


def test_expiry_required_for_netease_enterprise_and_backup_group(qtbot) -> None:
    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "li@company-example.cn")
    page = wizard.address_page
    assert page.override_link.isVisible()
    page._show_chooser()
    index = page.chooser.findData("netease_qiye")
    page.chooser.setCurrentIndex(index)
    page.chooser.activated.emit(index)
    assert wizard.ctx.provider is not None and wizard.ctx.provider.id == "netease_qiye"
    click_next(qtbot, wizard)
    wizard.prepare_page.acknowledge.setChecked(True)
    click_next(qtbot, wizard)
    credential = wizard.credential_page
    credential.password_edit.setText("abcdefghijklmnop")
    assert credential.expiry_required()
    assert not next_button(wizard).isEnabled()  # expiry required
    wizard.setField(F.CODE_EXPIRES, QDate.currentDate().addDays(180))
    assert click_next(qtbot, wizard) == PageId.SERVERS
    assert wizard.field(F.SERVER_GROUP) == "recommended"
    assert wizard.field(F.IMAP_HOST) == "hwhzimap.qiye.163.com"
    assert wizard.servers_page.group_combo.isVisible()
    wizard.setField(F.SERVER_GROUP, "backup")
    assert wizard.field(F.IMAP_HOST) == "imap.qiye.163.com"
    assert wizard.field(F.SMTP_HOST) == "smtp.qiye.163.com"
    wizard.setField(F.IMAP_PORT, 1993)  # edited by hand: no longer the group
    assert wizard.field(F.SERVER_GROUP) == ""


def test_test_page_offers_backup_servers_on_domain_not_exist(qtbot, tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    refuse = ss.imap_script(password="x", login_failure=b"NO ERR.LOGIN.DOMAINNOTEXIST")
    with (
        ss.ScriptedServer(refuse, tls_context=pki.server_context()) as imap,
        ss.ScriptedServer(ss.smtp_script(password="x"), tls_context=pki.server_context()) as smtp,
    ):
        wizard = make_wizard(qtbot, make_services())
        type_address(qtbot, wizard, "li@company-example.cn")
        page = wizard.address_page
        page._show_chooser()
        index = page.chooser.findData("netease_qiye")
        page.chooser.activated.emit(index)
        click_next(qtbot, wizard)
        wizard.prepare_page.acknowledge.setChecked(True)
        click_next(qtbot, wizard)
        wizard.credential_page.password_edit.setText("abcdefghijklmnop")
        wizard.setField(F.CODE_EXPIRES, QDate.currentDate().addDays(30))
        click_next(qtbot, wizard)
        fill_servers(wizard, imap_port=imap.port, smtp_port=smtp.port, ca_file=pki.ca_file)
        # The test page offers the provider's other groups even after a manual edit.
        click_next(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
        test = wizard.test_page
        assert test.backup_button.isVisible()
        assert "Recommended" in test.backup_button.text()
        assert test.save_anyway.isVisible()
        test.save_anyway.setChecked(True)
        assert next_button(wizard).isEnabled()  # save anyway is an explicit choice
        qtbot.mouseClick(test.backup_button, Qt.MouseButton.LeftButton)
        assert wizard.field(F.SERVER_GROUP) == "recommended"
        assert wizard.field(F.IMAP_HOST) == "hwhzimap.qiye.163.com"
        assert not test.save_anyway.isChecked()
        test.stop()
        assert not test.running()
        assert test.result.title.text() == "The test was stopped. Nothing was saved."


def save_with_registry(address: str, code: str, imap: Endpoint, smtp: Endpoint, **kw) -> Account:
    app_paths = paths.resolve()
    app_paths.ensure()
    with AccountStore.open(app_paths.database) as store:
        account = Account(address, imap, smtp, **kw)
        return Registry(store, SecretStore(app_paths)).add(account, Unproven(code, "test set-up"))


def test_rotate_keeps_old_code_until_new_one_works(qtbot, tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    new_code = "qrstuvwxyzabcdef"
    servers = (
        ss.ScriptedServer(ss.imap_script(password=new_code), tls_context=pki.server_context()),
        ss.ScriptedServer(ss.smtp_script(password=new_code), tls_context=pki.server_context()),
    )
    with servers[0] as imap, servers[1] as smtp:
        account = save_with_registry(
            "wang@163.com",
            "oldoldoldoldoldo",
            Endpoint("127.0.0.1", imap.port, Security.SSL, "wang@163.com"),
            Endpoint("127.0.0.1", smtp.port, Security.SSL, "wang@163.com"),
            provider_id="netease_personal",
            **pki.account_ca(),
            credential_label="laptop",
        )
        urls = UrlRecorder()
        wizard = make_wizard(qtbot, make_services(urls), WizardMode.ROTATE, account)
        assert wizard.currentId() == PageId.PREPARE
        assert wizard.prepare_page.rotate_note.isVisible()
        wizard.prepare_page.acknowledge.setChecked(True)
        assert click_next(qtbot, wizard) == PageId.CREDENTIAL
        # A dated label of its own, so that the revoke reminder can name the old one.
        assert str(wizard.field(F.CODE_LABEL)).startswith("laptop 20")
        wizard.credential_page.password_edit.setText("wrongwrongwrongw")
        assert click_next(qtbot, wizard) == PageId.TEST  # servers are not asked again
        qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
        assert not wizard.ctx.check.ok  # type: ignore[union-attr]
        assert not wizard.test_page.save_anyway.isVisible()  # never store an unproven code
        assert SecretStore().get("wang@163.com") == "oldoldoldoldoldo"
        qtbot.mouseClick(wizard.test_page.code_button, Qt.MouseButton.LeftButton)
        wizard.credential_page.password_edit.setText(new_code)
        assert click_next(qtbot, wizard) == PageId.TEST
        qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
        assert wizard.ctx.check.ok  # type: ignore[union-attr]
        assert SecretStore().get("wang@163.com") == "oldoldoldoldoldo"  # not yet
        with qtbot.waitSignal(wizard.accountSaved, timeout=TIMEOUT_MS):
            click_next(qtbot, wizard)
    assert SecretStore().get("wang@163.com") == new_code
    done = wizard.done_page
    assert done.revoke.isVisible() and done.revoke_button.isVisible()
    assert "“laptop”" in done.revoke.title.text()
    qtbot.mouseClick(done.revoke_button, Qt.MouseButton.LeftButton)
    assert urls.opened == ["https://mail.163.com/"]
    with AccountStore.open(paths.resolve().database) as store:
        events = [e.kind for e in store.credential_events(account.id)]  # type: ignore[arg-type]
        (saved,) = store.list_accounts()
    assert sorted(events) == [CredentialEventKind.CREATED, CredentialEventKind.ROTATED]
    assert saved.code_created == QDate.currentDate().toPython()


@pytest.mark.parametrize("keep", [True, False])
def test_fix_prefills_and_can_keep_the_stored_code(qtbot, tmp_path: Path, keep: bool) -> None:
    pki = make_pki(tmp_path / "pki")
    code = "keepkeepkeepkeep"
    with (
        ss.ScriptedServer(ss.imap_script(password=code), tls_context=pki.server_context()) as imap,
        ss.ScriptedServer(ss.smtp_script(password=code), tls_context=pki.server_context()) as smtp,
    ):
        account = save_with_registry(
            "chen@126.com",
            code,
            Endpoint("127.0.0.1", 1, Security.SSL, "chen@126.com"),  # a broken port
            Endpoint("127.0.0.1", smtp.port, Security.SSL, "chen@126.com"),
            provider_id="netease_personal",
            **pki.account_ca(),
        )
        wizard = make_wizard(qtbot, make_services(), WizardMode.FIX, account)
        assert wizard.currentId() == PageId.ADDRESS
        assert wizard.address_page.address_edit.isReadOnly()
        assert wizard.field(F.IMAP_PORT) == 1
        assert click_next(qtbot, wizard) == PageId.PREPARE
        assert wizard.prepare_page.choice.isVisible()
        if keep:
            wizard.prepare_page.keep_code.setChecked(True)
            assert click_next(qtbot, wizard) == PageId.SERVERS
        else:
            wizard.prepare_page.new_code.setChecked(True)
            wizard.prepare_page.acknowledge.setChecked(True)
            assert click_next(qtbot, wizard) == PageId.CREDENTIAL
            wizard.credential_page.password_edit.setText(code)
            assert click_next(qtbot, wizard) == PageId.SERVERS
        assert wizard.field(F.IMAP_HOST) == "127.0.0.1"  # the account's, not the catalogue's
        wizard.setField(F.IMAP_PORT, imap.port)
        assert click_next(qtbot, wizard) == PageId.TEST
        qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
        assert wizard.ctx.check.ok  # type: ignore[union-attr]
        with qtbot.waitSignal(wizard.accountSaved, timeout=TIMEOUT_MS) as saved:
            click_next(qtbot, wizard)
    assert saved.args == [account.id]
    (fixed,) = stored_accounts()
    assert fixed.imap.port == imap.port
    assert SecretStore().get("chen@126.com") == code


def test_background_detection_by_mx_shows_provider_and_source(qtbot) -> None:
    from mailmanager.core.discovery import detector
    from tests.helpers.dns_server import dns_server

    with dns_server() as dns:
        dns.add("company-example.cn", "MX", "10 qiye163mx01.mxmail.netease.com.")
        services = make_services()
        services.detect = lambda address, cancel: detector.detect(
            address, dns_server=dns.address, timeout=3.0, cancel=cancel
        )
        wizard = make_wizard(qtbot, services)
        page = wizard.address_page
        page.address_edit.setText("li@company-example.cn")
        assert page.detecting() and not page.isComplete()
        qtbot.waitUntil(page.isComplete, timeout=TIMEOUT_MS)
    assert wizard.ctx.provider is not None and wizard.ctx.provider.id == "netease_qiye"
    assert "MX" in page.source_label.text()
    assert page.provider_label.text() == "NetEase Enterprise Mail"
    assert not page.busy_row.isVisible()


def test_detection_can_be_cancelled(qtbot) -> None:
    from mailmanager.core.discovery import detector
    from tests.helpers.dns_server import BlackHoleDns

    with BlackHoleDns() as dns:
        services = make_services()
        services.detect = lambda address, cancel: detector.detect(
            address, dns_server=dns.address, timeout=5.0, cancel=cancel
        )
        wizard = make_wizard(qtbot, services)
        page = wizard.address_page
        page.address_edit.setText("li@nowhere-example.cn")
        qtbot.waitUntil(lambda: page._task is not None, timeout=TIMEOUT_MS)
        assert page.busy_row.isVisible()
        task = page._task
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        assert not page.busy_row.isVisible()
        assert page.isComplete()  # go on and enter the servers by hand
        assert "No settings were found" in page.source_label.text()
        assert task is not None
        qtbot.waitUntil(task.done)
        assert task.cancelled()  # detection's flag is set: it stops asking the network


def test_save_anyway_records_the_failure(qtbot, tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    imap_script = ss.imap_script(password="right", login_failure=b"NO LOGIN Login error")
    with (
        ss.ScriptedServer(imap_script, tls_context=pki.server_context()) as imap,
        ss.ScriptedServer(
            ss.smtp_script(password="right"), tls_context=pki.server_context()
        ) as smtp,
    ):
        wizard = make_wizard(qtbot, make_services())
        type_address(qtbot, wizard, "later@example.net")
        click_next(qtbot, wizard)
        click_next(qtbot, wizard)
        wizard.credential_page.password_edit.setText("not-right")
        click_next(qtbot, wizard)
        fill_servers(wizard, imap_port=imap.port, smtp_port=smtp.port, ca_file=pki.ca_file)
        click_next(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
        assert not next_button(wizard).isEnabled()  # a failed test does not save by itself
        wizard.test_page.save_anyway.setChecked(True)
        with qtbot.waitSignal(wizard.accountSaved, timeout=TIMEOUT_MS):
            click_next(qtbot, wizard)
    assert wizard.done_page.status.kind == "warning"
    (account,) = stored_accounts()
    with AccountStore.open(paths.resolve().database) as store:
        summary = store.summary(account.id)  # type: ignore[arg-type]
    assert summary.last_imap is not None and summary.last_imap.status.value == "auth_failed"
    assert SecretStore().get("later@example.net") == "not-right"
    wizard.accept()
    assert wizard.credential_page.password_edit.text() == ""


def test_the_reminder_has_the_core_s_limits_and_never(qtbot) -> None:
    """The code page's reminder is the edit dialog's field (ui/account_fields.RotateDaysSpin):
    0 ("Never") or 7-3650 days (core/model/limits.py), where it used to be 7-730. The server
    editors' own tests (ports, the server-name line) are in tests/ui/test_account_fields.py."""
    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "someone@example.org")
    spin = wizard.credential_page.rotate_spin
    assert (spin.minimum(), spin.maximum()) == (0, 3650)
    wizard.setField(F.ROTATE_DAYS, 0)
    assert wizard.field(F.ROTATE_DAYS) == 0 and spin.text() == "Never"
    wizard.setField(F.ROTATE_DAYS, 3)  # a mailbox saved by an earlier version
    assert wizard.field(F.ROTATE_DAYS) == 7
    wizard.setField(F.ROTATE_DAYS, 36500)
    assert wizard.field(F.ROTATE_DAYS) == 3650


def test_fix_says_a_hint_shared_by_imap_and_smtp_once(qtbot) -> None:
    """Issue 17, item 10: IMAP and SMTP refusing the same code is one problem with one fix;
    Fix names both protocols and prints the hint once. Different failures keep a line each."""
    from datetime import UTC, datetime

    from mailmanager.core.model.accounts import CheckRecord, Protocol
    from mailmanager.core.model.status import ConnectionStatus
    from mailmanager.ui.wizard.wizard import SetupWizard
    from tests.helpers.factories import make_account

    now = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    account = make_account("chen@126.com", id=3, provider_id="netease_personal")
    refused = ConnectionStatus.AUTH_FAILED
    both = [
        CheckRecord(3, now, Protocol.IMAP, refused, "netease_auth_code"),
        CheckRecord(3, now, Protocol.SMTP, refused, "netease_auth_code"),
    ]
    wizard = SetupWizard(WizardMode.FIX, account, services=make_services(), last_results=both)
    qtbot.addWidget(wizard)
    body = wizard.address_page.problem.body.text()
    assert body.count("NetEase rejected the login") == 1
    assert "IMAP · SMTP" in body
    apart = [both[0], CheckRecord(3, now, Protocol.SMTP, ConnectionStatus.TIMEOUT, "timeout")]
    wizard = SetupWizard(WizardMode.FIX, account, services=make_services(), last_results=apart)
    qtbot.addWidget(wizard)
    body = wizard.address_page.problem.body.text()
    assert body.count("<br>") == 1 and "IMAP: " in body and "SMTP: " in body


def test_prepare_shows_what_to_know_and_marks_what_is_unconfirmed(qtbot) -> None:
    """Issue 17, items 7 and 9: suitability, what kills every code, the whole sending ramp and
    the help page on the provider's page; unconfirmed steps, pitfalls and links carry the
    marker unconfirmed server groups carry."""
    marker = "(not confirmed by the provider)"
    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "li@188.com")
    click_next(qtbot, wizard)
    page = wizard.prepare_page
    facts = page.facts.text()
    assert page.facts.isVisible()
    assert "Suitability: " in facts and "foreign trade" in facts and "no VPN" in facts
    assert "Changing the web login password or turning the IMAP/SMTP service off" in facts
    assert "Week 1: about 50 messages a day, 5–10 minutes apart" in facts
    assert "Weeks 2–4: 100–200 messages a day" in facts
    assert "From week 5: at most 300 messages a day" in facts
    assert "https://help.mail.163.com/" in facts and facts.count(marker) >= 1
    assert page.url_label.text() == f"https://mail.188.com/ {marker}"
    assert marker not in page.steps.text()  # NetEase's steps are sourced (seeds 000, 001)

    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "li@vip.163.com")  # steps listed unconfirmed as a whole
    click_next(qtbot, wizard)
    provider = wizard.ctx.provider
    assert provider is not None and provider.id == "netease_vip"
    assert wizard.prepare_page.steps.text().count(marker) == len(provider.steps("en"))

    wizard = make_wizard(qtbot, make_services())
    type_address(qtbot, wizard, "li@aliyun.com")  # one pitfall flagged unconfirmed
    click_next(qtbot, wizard)
    provider = wizard.ctx.provider
    assert provider is not None
    flagged = sum(p.unconfirmed for p in provider.pitfall_list)
    assert flagged and wizard.prepare_page.pitfalls.text().count(marker) == flagged


@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_the_address_page_opens_the_registration_guidance(qtbot) -> None:
    """Issue 17, item 8: someone with no mailbox yet finds NetEase's registration rules
    (seed 004) from the address page, in the UI language."""
    from PySide6.QtCore import QLocale

    wizard = make_wizard(qtbot, make_services())
    page = wizard.address_page
    assert page.register_link.isVisible()
    page.register_link.linkActivated.emit("#register")
    guide = page.registration
    assert guide is not None
    qtbot.waitUntil(guide.isVisible, timeout=2000)
    text = guide.points.text()
    for fact in ("mainland Chinese mobile number", "virtual", "60 seconds", "24 hours",
                 "mobile data", "6–18 characters", "QR code", "90 days"):  # fmt: skip
        assert fact in text, fact
    guide.close()

    original = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        wizard = make_wizard(qtbot, make_services())
        wizard.address_page.show_registration()
        guide = wizard.address_page.registration
        assert guide is not None
        text = guide.points.text()
        assert "中国大陆手机号" in text and "60 秒" in text and "90 天" in text
        guide.close()
    finally:
        QLocale.setDefault(original)

    from tests.helpers.factories import make_account

    account = make_account("chen@126.com", id=1, provider_id="netease_personal")
    fixing = make_wizard(qtbot, make_services(), WizardMode.FIX, account)
    assert not fixing.address_page.register_link.isVisible()


def _assert_focus_on_page(wizard, where: str) -> QWidget:
    """The focused widget is visible and belongs to the current page or the buttons."""
    focused = QApplication.focusWidget()
    assert focused is not None, where
    assert focused.isVisible(), (where, focused.objectName(), type(focused).__name__)
    B = QWizard.WizardButton
    buttons = [wizard.button(b) for b in (B.BackButton, B.NextButton, B.CommitButton,
                                          B.FinishButton, B.CancelButton)]  # fmt: skip
    assert wizard.currentPage().isAncestorOf(focused) or focused in buttons, where
    return focused


def test_keys_typed_on_every_page_never_reach_the_code(qtbot, tmp_path: Path) -> None:
    """Issue 18, item 2: Enter on the code page, then a key on the servers page, changed the
    code (focus stayed on the hidden field). Real key events go to whatever has focus."""
    pki = make_pki(tmp_path / "pki")
    code = "abcdefghijklmnop"
    with (
        ss.ScriptedServer(ss.imap_script(password=code), tls_context=pki.server_context()) as imap,
        ss.ScriptedServer(ss.smtp_script(password=code), tls_context=pki.server_context()) as smtp,
    ):
        wizard = make_wizard(qtbot, make_services())
        wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=TIMEOUT_MS)
        focused = _assert_focus_on_page(wizard, "address")
        assert focused is wizard.address_page.address_edit
        QTest.keyClicks(focused, "zhang.wei@163.com")
        qtbot.waitUntil(wizard.address_page.isComplete, timeout=TIMEOUT_MS)
        QTest.keyClick(focused, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.PREPARE, timeout=TIMEOUT_MS)
        QTest.keyClicks(_assert_focus_on_page(wizard, "prepare"), "qz")
        assert wizard.currentId() == PageId.PREPARE
        wizard.prepare_page.acknowledge.setChecked(True)
        assert click_next(qtbot, wizard) == PageId.CREDENTIAL
        focused = _assert_focus_on_page(wizard, "credential")
        assert focused is wizard.credential_page.password_edit
        QTest.keyClicks(focused, code)
        assert wizard.credential_page.secret() == code
        QTest.keyClick(focused, Qt.Key.Key_Return)  # Enter: Next, as a user presses it
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.SERVERS, timeout=TIMEOUT_MS)
        QTest.keyClicks(_assert_focus_on_page(wizard, "servers"), "qz7")
        assert wizard.credential_page.secret() == code
        fill_servers(wizard, imap_port=imap.port, smtp_port=smtp.port, ca_file=pki.ca_file)
        page_id = click_next(qtbot, wizard)
        if page_id == PageId.CONFIRM:
            QTest.keyClicks(_assert_focus_on_page(wizard, "confirm"), "qz")
            for box in wizard.confirm_page.findChildren(QCheckBox):
                box.setChecked(True)
            page_id = click_next(qtbot, wizard)
        assert page_id == PageId.TEST
        QTest.keyClicks(_assert_focus_on_page(wizard, "test"), "qz")
        qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
        QTest.keyClicks(_assert_focus_on_page(wizard, "test, done"), "qz")
        assert wizard.ctx.check is not None and wizard.ctx.check.ok, wizard.ctx.check
        assert wizard.credential_page.secret() == code


def test_step_indicator_counts_this_visit_s_pages(qtbot) -> None:
    """Issue 18, item 5: "Step 3 of 6" beside the buttons, counted along this visit's path."""
    wizard = make_wizard(qtbot, make_services())
    assert wizard.step_label.text() == "Step 1 of 6" and wizard.step_label.isVisible()
    type_address(qtbot, wizard, "zhangwei@163.com")
    assert click_next(qtbot, wizard) == PageId.PREPARE
    assert wizard.step_label.text() == "Step 2 of 6"
    wizard.prepare_page.acknowledge.setChecked(True)
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    assert wizard.step_label.text() == "Step 3 of 6"
    wizard.credential_page.password_edit.setText("abcdefghijklmnop")
    assert click_next(qtbot, wizard) == PageId.SERVERS
    assert wizard.step_label.text() == "Step 4 of 6"
    wizard.back()
    assert wizard.step_label.text() == "Step 3 of 6"
    # The Outlook.com stop has no steps to count.
    outlook = make_wizard(qtbot, make_services())
    type_address(qtbot, outlook, "someone@outlook.com")
    assert click_next(qtbot, outlook) == PageId.PREPARE
    assert outlook.step_label.text() == ""
    # Fix keeping the stored code skips the code page: one step fewer.
    account = Account(
        "wang@163.com",
        Endpoint("imap.163.com", 993, Security.SSL, "wang@163.com"),
        Endpoint("smtp.163.com", 465, Security.SSL, "wang@163.com"),
        provider_id="netease_personal",
        id=1,
    )
    fix = make_wizard(qtbot, make_services(), WizardMode.FIX, account)
    assert click_next(qtbot, fix) == PageId.PREPARE
    fix.prepare_page.keep_code.setChecked(True)
    assert fix.step_label.text() == "Step 2 of 5"
    fix.prepare_page.new_code.setChecked(True)
    assert fix.step_label.text() == "Step 2 of 6"
