"""The setup wizard end to end against real servers on loopback.

Dovecot (IMAP) and aiosmtpd (SMTP) with trustme certificates, trusted through the caFile field;
a scripted NetEase-like IMAP server that refuses EXAMINE until ID was sent; a silent server for
cancelling a test. Nothing is patched: the wizard runs its real check on worker threads, and its
real registry writes the store and the (in-memory) keyring.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.secrets import SecretStore
from mailmanager.ui.wizard import F, PageId
from tests.helpers import scripted_server as ss
from tests.helpers.dovecot import Dovecot
from tests.helpers.smtp_server import aiosmtpd_server
from tests.helpers.wizard import (
    TIMEOUT_MS,
    click_next,
    files_containing,
    fill_servers,
    make_services,
    make_wizard,
    stored_accounts,
    type_address,
)

ADDRESS = "alice@example.org"


def walk_to_test(qtbot, wizard, dovecot: Dovecot, smtp_port: int, code: str) -> None:
    """Address -> prepare -> credential -> servers -> test, for an unknown provider."""
    type_address(qtbot, wizard, ADDRESS)
    assert wizard.ctx.provider is None
    assert click_next(qtbot, wizard) == PageId.PREPARE
    # The catalogue says nothing about example.org, so no code-shown-once page.
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    wizard.credential_page.password_edit.setText(code)
    assert click_next(qtbot, wizard) == PageId.SERVERS
    fill_servers(
        wizard, imap_port=dovecot.imaps_port, smtp_port=smtp_port, ca_file=dovecot.pki.ca_file
    )
    assert click_next(qtbot, wizard) == PageId.TEST


def wait_for_check(qtbot, wizard) -> None:
    qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)


def test_success_saves_account_and_code_only_in_keyring(
    qtbot, dovecot: Dovecot, app_home: Path, memory_keyring
) -> None:
    code = dovecot.users[ADDRESS]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=code) as smtp:
        wizard = make_wizard(qtbot, make_services())
        walk_to_test(qtbot, wizard, dovecot, smtp.port, code)
        wait_for_check(qtbot, wizard)
        assert wizard.ctx.check is not None and wizard.ctx.check.ok, wizard.ctx.check
        steps = wizard.test_page.imap_view.states
        assert steps == {"connect": "done", "tls": "done", "login": "done", "id": "done",
                         "inbox": "done"}  # fmt: skip
        assert wizard.test_page.smtp_view.time_label.text()
        assert stored_accounts() == []  # nothing is saved before Save
        with qtbot.waitSignal(wizard.accountSaved, timeout=TIMEOUT_MS) as saved:
            assert click_next(qtbot, wizard) == PageId.DONE
        assert smtp.recorder.mail_from == [ADDRESS] and smtp.recorder.data == 0

    (account,) = stored_accounts()
    assert saved.args == [account.id]
    assert account.address == ADDRESS
    assert (account.imap.host, account.imap.port) == ("127.0.0.1", dovecot.imaps_port)
    assert account.ca_file == dovecot.pki.ca_file
    # Dated by default (issue 19): a later replacement can be told apart from it.
    assert account.credential_label.startswith("mailmanager 20") and account.rotate_days == 90
    assert SecretStore().get(ADDRESS) == code
    holders = [key for key, value in memory_keyring.entries.items() if code in value]
    assert holders == [(SecretStore().service, ADDRESS)]
    assert files_containing(app_home, code) == []
    assert wizard.currentId() == PageId.DONE and wizard.done_page.isComplete()


def test_wrong_code_shows_hint_then_corrected_code_succeeds(qtbot, dovecot: Dovecot) -> None:
    code = dovecot.users[ADDRESS]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=code) as smtp:
        wizard = make_wizard(qtbot, make_services())
        walk_to_test(qtbot, wizard, dovecot, smtp.port, "my-login-password")
        wait_for_check(qtbot, wizard)
        check = wizard.ctx.check
        assert check is not None and not check.ok
        assert check.imap.status is ConnectionStatus.AUTH_FAILED
        page = wizard.test_page
        assert page.result.isVisible()
        assert "web login password" in page.result.body.text()  # the auth_rejected hint
        assert not page.isComplete()
        assert page.code_button.isVisible()
        # One click goes back to the code; the servers typed earlier are kept.
        qtbot.mouseClick(page.code_button, Qt.MouseButton.LeftButton)
        assert wizard.currentId() == PageId.CREDENTIAL
        wizard.credential_page.password_edit.setText(code)
        assert click_next(qtbot, wizard) == PageId.SERVERS
        assert wizard.field(F.IMAP_PORT) == dovecot.imaps_port
        assert click_next(qtbot, wizard) == PageId.TEST
        wait_for_check(qtbot, wizard)
        assert wizard.ctx.check is not None and wizard.ctx.check.ok
        with qtbot.waitSignal(wizard.accountSaved, timeout=TIMEOUT_MS):
            click_next(qtbot, wizard)
        assert len(smtp.recorder.auth_attempts) == 2  # one per test, never retried
    (account,) = stored_accounts()
    assert SecretStore().get(account.address) == code


def test_netease_like_server_refusing_examine_without_id_passes(qtbot, tmp_path: Path) -> None:
    from tests.helpers.certs import make_pki

    pki = make_pki(tmp_path / "pki")
    code = "abcdefghijklmnop"  # NetEase codes are 16 letters
    imap_script = ss.imap_script(password=code, capabilities="IMAP4rev1 AUTH=PLAIN",
                                 require_id=True)  # fmt: skip
    with (
        ss.ScriptedServer(imap_script, tls_context=pki.server_context()) as imap,
        ss.ScriptedServer(ss.smtp_script(password=code), tls_context=pki.server_context()) as smtp,
    ):
        wizard = make_wizard(qtbot, make_services())
        type_address(qtbot, wizard, "zhang.wei@163.com")
        assert wizard.ctx.provider is not None and wizard.ctx.provider.id == "netease_personal"
        assert click_next(qtbot, wizard) == PageId.PREPARE
        wizard.prepare_page.acknowledge.setChecked(True)  # the code-once warning, on this page
        assert click_next(qtbot, wizard) == PageId.CREDENTIAL
        wizard.credential_page.password_edit.setText("abcd efgh ijkl mnop")
        assert wizard.field(F.PASSWORD) == code  # display spaces removed
        assert click_next(qtbot, wizard) == PageId.SERVERS
        fill_servers(wizard, imap_port=imap.port, smtp_port=smtp.port, ca_file=pki.ca_file)
        assert click_next(qtbot, wizard) == PageId.TEST
        wait_for_check(qtbot, wizard)
        assert wizard.ctx.check is not None and wizard.ctx.check.ok, wizard.ctx.check
        commands = [line.split()[1].upper() for line in imap.received]
        assert commands == [b"CAPABILITY", b"LOGIN", b"ID", b"EXAMINE", b"LOGOUT"]
        assert wizard.test_page.imap_view.states["id"] == "done"
        with qtbot.waitSignal(wizard.accountSaved, timeout=TIMEOUT_MS):
            click_next(qtbot, wizard)
    (account,) = stored_accounts()
    assert account.provider_id == "netease_personal"


def test_cancel_during_test_saves_nothing(qtbot, tmp_path: Path, app_home: Path, memory_keyring):
    from tests.helpers.certs import make_pki

    pki = make_pki(tmp_path / "pki")
    code = "cancel-me-code"
    with (
        ss.ScriptedServer(ss.silent()) as imap,
        ss.ScriptedServer(ss.silent()) as smtp,
    ):
        wizard = make_wizard(qtbot, make_services())
        type_address(qtbot, wizard, ADDRESS)
        click_next(qtbot, wizard)
        click_next(qtbot, wizard)
        wizard.credential_page.password_edit.setText(code)
        click_next(qtbot, wizard)
        fill_servers(wizard, imap_port=imap.port, smtp_port=smtp.port, ca_file=pki.ca_file)
        assert click_next(qtbot, wizard) == PageId.TEST
        qtbot.waitUntil(lambda: imap.connections >= 1 and smtp.connections >= 1)
        assert wizard.test_page.running()
        task = wizard.test_page._task
        assert task is not None
        qtbot.mouseClick(wizard.button(wizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
        assert not wizard.isVisible()  # closed at once, without waiting for the servers
        qtbot.waitUntil(task.done)
        assert task.cancelled()  # its probes' flag is set: they stop before sending the code
        # The servers have finished with the sessions: all the probes sent is recorded.
        assert imap.wait_sessions_ended(1) and smtp.wait_sessions_ended(1)
    assert stored_accounts() == []
    assert memory_keyring.entries == {}
    assert files_containing(app_home, code) == []
    assert not [line for line in imap.received + smtp.received if code.encode() in line]
