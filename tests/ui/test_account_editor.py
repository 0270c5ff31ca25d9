"""The Edit dialog against the real store, registry and (in-memory) keyring.

Moved here from the main window's tests when the form lost its Add and Replace-code modes (the
wizard does both, tested in tests/ui/wizard/): the code is never asked for, and values the
dialog cannot show are kept. Added: unchanged servers keep their origin (the trust rule reads
it), a reminder outside the core's limits is refused in the words of ui/errors.user_message,
and a failed save leaves the dialog open with the store's message.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QGridLayout, QLineEdit, QPushButton, QSpinBox

from mailmanager.core.model.accounts import Account, EndpointSource, Origin, Security
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.account_ops import AccountOps
from mailmanager.ui.account_editor import EditAccountDialog
from tests.helpers.factories import make_account
from tests.helpers.sample_accounts import sample_account, seed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_editor(qtbot, ops: AccountOps, account: Account) -> EditAccountDialog:
    dialog = EditAccountDialog(ops, account, today=date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def stored_id(store: AccountStore, address: str) -> int:
    account = store.find_by_address(address)
    assert account is not None and account.id is not None
    return account.id


def save(qtbot, dialog: EditAccountDialog) -> Account:
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    assert dialog.saved is not None
    return dialog.saved


def test_edit_never_asks_for_the_code(
    make_window, qtbot, store: AccountStore, secret_store: SecretStore
) -> None:
    seed(store)
    secret_store.set("ok@163.com", "the-code-of-163")
    window = make_window()
    window.select_account(stored_id(store, "ok@163.com"))
    form = window.edit_selected()
    assert isinstance(form, EditAccountDialog)
    assert form.findChild(QLineEdit, "codeEdit") is None
    assert form.findChild(QLineEdit, "passwordEdit") is None
    form.display_name.setText("Renamed")
    form.save_button.click()
    qtbot.waitUntil(
        lambda: getattr(store.find_by_address("ok@163.com"), "display_name", "") == "Renamed",
        timeout=5000,
    )
    assert secret_store.get("ok@163.com") == "the-code-of-163"
    qtbot.waitUntil(lambda: "ok@163.com was saved." in window.statusBar().currentMessage())


def test_editing_one_field_keeps_the_values_the_form_cannot_show(
    make_window, qtbot, store: AccountStore
) -> None:
    """Earlier versions, the CLI and import stored values beyond the dialog's date and number
    fields (no code date, a date before the year 100, a 36,500-day reminder, an hourly interval
    of a year): renaming a mailbox must not rewrite them. A field the user changes is saved as
    shown."""
    store.add_account(
        sample_account(
            "odd@163.com",
            code_created=None,
            sending_since=date(1, 1, 1),
            rotate_days=36500,
            check_interval_hours=8784,
        )
    )
    window = make_window()
    window.select_account(stored_id(store, "odd@163.com"))
    form = window.edit_selected()
    assert form.findChild(QDateEdit, "codeCreatedEdit").displayFormat() == "yyyy-MM-dd"
    form.findChild(QLineEdit, "displayNameEdit").setText("Renamed")
    form.findChild(QPushButton, "saveButton").click()
    qtbot.waitUntil(
        lambda: getattr(store.find_by_address("odd@163.com"), "display_name", "") == "Renamed",
        timeout=5000,
    )
    saved = store.find_by_address("odd@163.com")
    assert saved is not None
    assert (saved.code_created, saved.sending_since) == (None, date(1, 1, 1))
    assert (saved.rotate_days, saved.check_interval_hours) == (36500, 8784)

    window.select_account(saved.id)
    form = window.edit_selected()
    form.findChild(QDateEdit, "codeCreatedEdit").setDate(QDate(2026, 10, 1))
    form.findChild(QSpinBox, "rotateDaysSpin").setValue(30)
    form.findChild(QPushButton, "saveButton").click()
    qtbot.waitUntil(
        lambda: getattr(store.find_by_address("odd@163.com"), "rotate_days", 0) == 30,
        timeout=5000,
    )
    saved = store.find_by_address("odd@163.com")
    assert saved is not None and saved.code_created == date(2026, 10, 1)
    assert saved.sending_since == date(1, 1, 1)


def test_edit_sets_interval_sending_start_and_never_remind(
    qtbot, store: AccountStore, ops: AccountOps
) -> None:
    """(Moved from tests/ui/test_details_pane.py, which shows these values.)"""
    from PySide6.QtWidgets import QCheckBox

    stored = store.add_account(sample_account("li@163.com"))
    dialog = open_editor(qtbot, ops, stored)
    dialog.findChild(QSpinBox, "checkHoursSpin").setValue(24)  # type: ignore[union-attr]
    dialog.findChild(QSpinBox, "rotateDaysSpin").setValue(0)  # type: ignore[union-attr]
    assert dialog.rotate_days.text() == "Never"
    dialog.findChild(QCheckBox, "sendingSinceCheck").setChecked(True)  # type: ignore[union-attr]
    dialog.findChild(QDateEdit, "sendingSinceEdit").setDate(QDate(2026, 11, 1))  # type: ignore[union-attr]
    saved = save(qtbot, dialog)
    assert saved.check_interval_hours == 24
    assert saved.sending_since == date(2026, 11, 1)
    assert saved.rotate_days == 0
    current = store.get_account(stored.id or 0)
    assert (current.check_interval_hours, current.sending_since, current.rotate_days) == (
        24,
        date(2026, 11, 1),
        0,
    )


def test_unchanged_servers_keep_their_origin_and_a_changed_one_is_typed(
    qtbot, store: AccountStore, ops: AccountOps
) -> None:
    """The trust rule (core/trust.py) reads where a server came from and whether the user
    confirmed it: editing the display name must not lose that, and a server the user changes
    here is one they typed."""
    confirmed = Origin(
        EndpointSource.SRV, "_imaps._tcp.example.cn", datetime(2026, 1, 2, tzinfo=UTC)
    )
    account = make_account("wang@example.cn", domain="mail.example.net")
    account = account.replace(
        imap=account.imap.with_origin(confirmed),
        smtp=account.smtp.with_origin(Origin(EndpointSource.CATALOGUE, "example")),
    )
    stored = store.add_account(account)
    dialog = open_editor(qtbot, ops, stored)
    dialog.display_name.setText("Wang")
    saved = save(qtbot, dialog)
    assert saved.imap.origin == confirmed
    assert saved.smtp.origin.source is EndpointSource.CATALOGUE

    dialog = open_editor(qtbot, ops, saved)
    dialog.smtp.port.setValue(2465)
    dialog.imap.username.setText("wang")  # a user name is not part of where a server is
    saved = save(qtbot, dialog)
    assert saved.imap.origin == confirmed and saved.imap.username == "wang"
    assert saved.smtp.origin.source is EndpointSource.TYPED and saved.smtp.port == 2465


def test_the_port_follows_the_security_as_in_the_wizard(
    qtbot, store: AccountStore, ops: AccountOps
) -> None:
    stored = store.add_account(make_account("li@example.org"))
    dialog = open_editor(qtbot, ops, stored)
    dialog.smtp.security.select(Security.STARTTLS.value)
    assert dialog.smtp.port.value() == 587
    dialog.smtp.username.clear()  # empty: the address, as the placeholder says
    assert dialog.smtp.username.placeholderText() == "Same as the address"
    saved = save(qtbot, dialog)
    assert (saved.smtp.port, saved.smtp.security) == (587, Security.STARTTLS)
    assert saved.smtp.username == "li@example.org"


def test_a_reminder_outside_the_limits_is_refused_in_the_core_s_words(
    qtbot, store: AccountStore, ops: AccountOps
) -> None:
    stored = store.add_account(make_account("li@example.org"))
    dialog = open_editor(qtbot, ops, stored)
    spin = dialog.rotate_days
    spin.setFocus()  # as if typed: the field settles a small number only when editing ends
    qtbot.waitUntil(spin.hasFocus)
    spin.setValue(3)
    dialog.collect()
    error = dialog.error
    assert error.objectName() == "formError" and error.isVisibleTo(dialog)
    assert error.text() == "Remind to replace the code after 7 to 3650 days, or enter 0 for never."
    assert store.get_account(stored.id or 0).rotate_days == stored.rotate_days


def test_a_failed_save_keeps_the_dialog_open_with_the_store_s_message(
    qtbot, store: AccountStore, ops: AccountOps
) -> None:
    store.add_account(make_account("taken@example.org"))
    stored = store.add_account(make_account("li@example.org"))
    dialog = open_editor(qtbot, ops, stored)
    dialog.address.setText("taken@example.org")
    dialog.save_button.click()
    error = dialog.error
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert "taken@example.org" in error.text() or "already" in error.text()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.saved is None


def test_the_server_fields_never_overlap(qtbot, ops: AccountOps) -> None:
    # A minimum width of the dialog's own once stopped the layout from enforcing the fields'
    # minimums: at the size it opened with, the server name ran under "Port:" and the
    # encryption showed "SSL/".
    dialog = open_editor(qtbot, ops, make_account(id=1))
    dialog.resize(300, 300)  # smaller than it can be: the layout says no
    layout = dialog.layout()
    assert layout is not None
    qtbot.waitUntil(lambda: dialog.width() >= layout.minimumSize().width())
    for editor in (dialog.imap, dialog.smtp):
        assert editor.host.width() >= editor.host.minimumWidth()
        assert editor.security.width() >= editor.security.minimumSizeHint().width()
        grid = editor.layout()
        assert isinstance(grid, QGridLayout)
        item = grid.itemAtPosition(0, 2)
        port_label = item.widget() if item is not None else None
        assert port_label is not None
        assert editor.host.geometry().right() < port_label.geometry().left()
