"""The code inventory dialog (issue 19): add a code for another client with the wizard's
"shown only once" gate, revoke, invalidate, audit, copy a kept code to a client, and check one
on request against the real Dovecot and aiosmtpd. Changes run as async slots in the loop's
executor (the ``qloop`` fixture); the test waits on the store, never on time."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from mailmanager import paths
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.checking.proof import Unproven
from mailmanager.core.model.accounts import Endpoint, Security
from mailmanager.core.model.codes import CodeState
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretStore, code_entry
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.client_settings import Client
from mailmanager.ui.code_add_dialog import AddCodeDialog
from mailmanager.ui.code_edit_dialog import CodeEditDialog
from mailmanager.ui.code_inventory import CodeInventoryDialog
from mailmanager.ui.code_jobs import RegistryJobs
from mailmanager.ui.secret_clipboard import PASSWORD_HINT_MIME, SecretClipboard
from tests.helpers.dovecot import Dovecot
from tests.helpers.factories import make_account
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.smtp_server import aiosmtpd_server

# Dialogs on the offscreen platform (QMessageBox, a dialog opened from a dialog).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
OWN = "OwnCodeAbcd1234"
FOXMAIL = "FoxmailCodeWxyz5678"


@pytest.fixture
def store() -> Iterator[AccountStore]:
    app_paths = paths.resolve()
    app_paths.ensure()
    with AccountStore.open(app_paths.database, clock=lambda: NOW) as opened:
        yield opened


def registry(store: AccountStore) -> Registry:
    return Registry(store, SecretStore(paths.resolve()), clock=lambda: NOW)


def open_dialog(
    qtbot: Any, store: AccountStore, account_id: int, now: datetime = NOW, **kw: Any
) -> CodeInventoryDialog:
    netease = Catalogue.load(include_user=False).get("netease_personal")
    jobs = RegistryJobs(store.path, lambda: SecretStore(paths.resolve()), clock=lambda: now)
    dialog = CodeInventoryDialog(store, account_id, netease, "en", jobs, clock=lambda: now, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cell(dialog: CodeInventoryDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return item.text() if item is not None else ""


def netease_mailbox(store: AccountStore) -> int:
    account = make_account(
        provider_id="netease_personal",
        credential_label="",
        code_created=date(2026, 11, 1),
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    saved = registry(store).add(account, Unproven(OWN, "test"))
    return saved.id or 0


def confirm(dialog: CodeInventoryDialog) -> None:
    box = dialog.confirm_box
    assert box is not None
    (yes,) = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
    yes.click()


def test_add_a_kept_code_for_another_client(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore, memory_keyring: MemoryKeyring
) -> None:
    account_id = netease_mailbox(store)
    dialog = open_dialog(qtbot, store, account_id)
    assert dialog.table.rowCount() == 1 and cell(dialog, 0, 0) == "mailmanager"
    assert "mailmanager checks with it" in cell(dialog, 0, 1)
    dialog.open_add()
    add = dialog.add_dialog
    assert isinstance(add, AddCodeDialog)
    # The wizard's gate: nothing can be saved before the "shown only once" acknowledgement.
    add.label_edit.setText("Foxmail")
    add.check.setChecked(False)
    add.keep.setChecked(True)
    add.code_edit.setText(FOXMAIL)
    assert not add.save_button.isEnabled()
    add.once.acknowledge.setChecked(True)
    assert add.save_button.isEnabled()
    add.label_edit.setText("MailManager")
    assert not add.save_button.isEnabled() and "already has a code" in add.problem.text()
    add.label_edit.setText("Foxmail")
    add.save_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5000)
    code = store.find_code(account_id, "Foxmail")
    assert code is not None and code.kept and code.last_proven is None
    assert SecretStore(paths.resolve()).get(code_entry(account_id, code.id or 0)) == FOXMAIL
    assert "Added the code Foxmail" in dialog.status.text()


def test_the_limit_warns_before_a_third_code(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore
) -> None:
    account_id = netease_mailbox(store)
    registry(store).add_code(account_id, "Foxmail")
    dialog = open_dialog(qtbot, store, account_id)
    assert not dialog.limit.isHidden()
    assert "not confirmed by the provider" in dialog.limit.text()
    dialog.open_add()
    add = dialog.add_dialog
    assert isinstance(add, AddCodeDialog)
    assert (
        not add.limit.isHidden()
        and "already has 2 active code" in add.limit.body.text() + add.limit.title.text()
    )


def test_revoke_marks_the_date_and_forgets_the_value(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore, memory_keyring: MemoryKeyring
) -> None:
    account_id = netease_mailbox(store)
    registry(store).add_code(account_id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    dialog = open_dialog(qtbot, store, account_id)
    dialog.select_label("Foxmail")
    dialog.ask_revoke()
    confirm(dialog)
    qtbot.waitUntil(
        lambda: store.find_code(account_id, "Foxmail").state is CodeState.REVOKED,  # type: ignore[union-attr]
        timeout=5000,
    )
    code = store.find_code(account_id, "Foxmail")
    assert code is not None and code.revoked == date(2026, 12, 1) and not code.kept
    assert FOXMAIL not in memory_keyring.entries.values()
    qtbot.waitUntil(lambda: "Revoked on" in cell(dialog, 1, 1), timeout=5000)


def test_a_password_change_invalidates_everything(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore
) -> None:
    account_id = netease_mailbox(store)
    registry(store).add_code(account_id, "Foxmail")
    dialog = open_dialog(qtbot, store, account_id)
    dialog.ask_invalidate()
    confirm(dialog)
    qtbot.waitUntil(lambda: store.get_account(account_id).paused, timeout=5000)
    assert {c.state for c in store.codes(account_id)} == {CodeState.INVALIDATED}
    qtbot.waitUntil(lambda: "checks are paused" in dialog.status.text(), timeout=5000)
    # It leads to making a new code for mailmanager (the wizard's Fix, in the main window).
    assert dialog.new_code_button.isVisible()
    with qtbot.waitSignal(dialog.newCodeRequested) as asked:
        dialog.new_code_button.click()
    assert asked.args == [account_id]


def test_audit_reminder_and_done(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore
) -> None:
    account_id = netease_mailbox(store)
    # 90 days after the mailbox was bound: the first audit is due.
    later = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
    dialog = open_dialog(qtbot, store, account_id, later)
    assert dialog.audit.kind == "warning"
    assert "https://mail.163.com" in dialog.audit.body.text()
    dialog.audit_done.click()
    qtbot.waitUntil(lambda: store.code_audit(account_id).audited_on is not None, timeout=5000)
    qtbot.waitUntil(lambda: dialog.audit.kind == "info", timeout=5000)
    dialog.interval.setValue(30)
    dialog.save_interval()
    qtbot.waitUntil(lambda: store.code_audit(account_id).interval_days == 30, timeout=5000)


def test_codes_not_proven_for_long_are_suggested(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore
) -> None:
    account_id = netease_mailbox(store)
    registry(store).add_code(account_id, "old phone", created=date(2025, 1, 1))
    dialog = open_dialog(qtbot, store, account_id)
    assert not dialog.suggestion.isHidden()
    assert "old phone" in dialog.suggestion.title.text()


def test_edit_a_codes_label_note_and_expiry(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore
) -> None:
    account_id = netease_mailbox(store)
    registry(store).add_code(account_id, "Foxmail", created=date(2026, 11, 20))
    registry(store).add_code(account_id, "phone")
    dialog = open_dialog(qtbot, store, account_id)
    assert not dialog.edit_button.isEnabled()  # nothing selected
    dialog.select_label("Foxmail")
    edit = dialog.open_edit()
    assert isinstance(edit, CodeEditDialog)
    assert edit.expiry() is None  # the code had none
    edit.label_edit.setText("PHONE")
    assert "already has a code labelled PHONE" in edit.problem.text()
    assert not edit.save_button.isEnabled()
    edit.label_edit.setText("Foxmail laptop")
    edit.expires.setProperty("date", QDate(2026, 11, 1))  # before it was made
    assert "before the code was created" in edit.problem.text()
    assert not edit.save_button.isEnabled()
    edit.expires.setProperty("date", QDate(2027, 6, 30))
    edit.note_edit.setText("the work laptop")
    assert edit.save_button.isEnabled() and edit.problem.text() == ""
    edit.save_button.click()
    qtbot.waitUntil(lambda: store.find_code(account_id, "Foxmail laptop") is not None, timeout=5000)
    saved = store.find_code(account_id, "Foxmail laptop")
    assert saved is not None
    assert (saved.note, saved.expires) == ("the work laptop", date(2027, 6, 30))
    assert store.find_code(account_id, "Foxmail") is None
    qtbot.waitUntil(lambda: "Saved the code Foxmail laptop" in dialog.status.text(), timeout=5000)
    labels = [cell(dialog, row, 0) for row in range(dialog.table.rowCount())]
    assert "Foxmail laptop" in labels and "Foxmail" not in labels
    # The own code: its label is the mailbox's.
    dialog.select_label("mailmanager")
    edit = dialog.open_edit()
    assert isinstance(edit, CodeEditDialog)
    edit.label_edit.setText("desktop")
    edit.save_button.click()
    qtbot.waitUntil(
        lambda: store.get_account(account_id).credential_label == "desktop", timeout=5000
    )


def test_copy_to_a_client_in_its_layout_then_the_code_alone(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore
) -> None:
    account_id = netease_mailbox(store)
    registry(store).add_code(account_id, "Foxmail", Unproven(FOXMAIL, "test"), keep=True)
    clipboard = SecretClipboard(clear_after_ms=300)
    dialog = open_dialog(qtbot, store, account_id, clipboard=clipboard)
    dialog.select_label("mailmanager")
    assert dialog.copy_button.isEnabled()
    dialog.select_label("Foxmail")
    copy = dialog.open_copy_to_client()
    assert copy is not None
    assert copy.chosen() is Client.FOXMAIL  # the code's label names its client
    board = QGuiApplication.clipboard()
    # Foxmail's manual setup, field by field in its order.
    copy.copy_settings.click()
    text = board.text()
    lines = [line.strip() for line in text.splitlines()]
    assert lines[:2] == ["Incoming server type: IMAP", "Email account: zhang.wei@163.com"]
    start = lines.index("Incoming server: imap.163.com")
    assert lines[start : start + 3] == ["Incoming server: imap.163.com", "Port: 993", "SSL: ☑"]
    assert "Outgoing server: smtp.163.com" in lines and FOXMAIL not in text
    mime = board.mimeData()
    assert mime is not None and not mime.hasFormat(PASSWORD_HINT_MIME)  # no secret in it
    # Thunderbird's manual configuration.
    copy.choose(Client.THUNDERBIRD)
    copy.copy_settings.click()
    lines = [line.strip() for line in board.text().splitlines()]
    incoming = lines.index("Incoming server")
    assert lines[incoming + 1 : incoming + 7] == [
        "Protocol: IMAP",
        "Hostname: imap.163.com",
        "Port: 993",
        "Connection security: SSL/TLS",
        "Authentication method: Normal password",
        "Username: zhang.wei@163.com",
    ]
    assert FOXMAIL not in board.text()
    # Then the code, alone, marked as a secret, and gone after the timeout.
    copy.copy_code.click()
    qtbot.waitUntil(lambda: board.text() == FOXMAIL, timeout=5000)
    mime = board.mimeData()
    assert mime is not None and bytes(mime.data(PASSWORD_HINT_MIME).data()) == b"secret"
    assert "30 second" in copy.status.text()
    qtbot.waitUntil(lambda: board.text() == "", timeout=5000)
    assert not clipboard.pending


@pytest.mark.dovecot
def test_check_a_kept_code_on_request(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, store: AccountStore, dovecot: Dovecot
) -> None:
    good = dovecot.users["alice@example.org"]
    with aiosmtpd_server(dovecot.pki, mode="ssl", password=good) as smtp:
        account = make_account("alice@example.org").replace(
            imap=Endpoint("127.0.0.1", dovecot.imaps_port, Security.SSL, "alice@example.org"),
            smtp=Endpoint("127.0.0.1", smtp.port, Security.SSL, "alice@example.org"),
            **dovecot.pki.account_ca(),
        )
        saved = registry(store).add(account, Unproven(OWN, "test"))
        account_id = saved.id or 0
        registry(store).add_code(account_id, "Foxmail", Unproven(good, "test"), keep=True)
        dialog = open_dialog(qtbot, store, account_id)
        assert len(smtp.recorder.auth_attempts) == 0  # nothing logs in by itself
        dialog.select_label("Foxmail")
        dialog.check_selected()
        qtbot.waitUntil(lambda: "works" in dialog.status.text(), timeout=20_000)
        assert len(smtp.recorder.auth_attempts) == 1
    code = store.find_code(account_id, "Foxmail")
    assert code is not None and code.last_proven == NOW
    own = store.own_code(account_id)
    assert own is not None and own.last_proven is None
