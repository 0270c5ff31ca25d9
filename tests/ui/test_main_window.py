"""The main window offscreen against the real store, registry and (in-memory) keyring."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from mailmanager.core.model.accounts import AccountSummary
from mailmanager.core.model.status import ConnectionStatus, DueState, LifecycleState
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.account_model import AccountRoles, Column
from tests.helpers.sample_accounts import sample_account, seed

# The offscreen platform cannot pass a window's size limits to a window manager and says so
# whenever a shown window's layout changes its minimum size; real platforms support it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def badges(window) -> dict[str, object]:
    model = window.model
    return {
        model.entry_at(r).address: model.index(r, Column.STATUS).data(AccountRoles.BadgeStateRole)
        for r in range(model.rowCount())
    }


def select(window, address: str) -> None:
    account = window.store.find_by_address(address)
    window.select_account(account.id)
    summary = window.selected_summary()
    assert isinstance(summary, AccountSummary) and summary.account.address == address


def test_first_run_shows_the_empty_state(make_window, qtbot) -> None:
    window = make_window()
    assert window.pages.currentWidget() is window.empty
    button = window.findChild(QPushButton, "addFirstButton")
    assert button is not None and button.isVisible()
    assert not window.actions_.remove.isEnabled()
    button.click()
    wizard = window.findChild(QDialog, "setupWizard")  # Add opens the setup wizard
    assert wizard is not None and wizard.isVisible()
    wizard.reject()


def test_several_accounts_show_their_badges(make_window, store: AccountStore) -> None:
    seed(store)
    window = make_window()
    assert badges(window) == {
        "ok@163.com": ConnectionStatus.OK,
        "rejected@qq.com": ConnectionStatus.AUTH_FAILED,
        "soon@example.com": DueState.EXPIRING_SOON,
        "paused@126.com": LifecycleState.PAUSED,
        "new@example.org": LifecycleState.NEVER_CHECKED,
    }
    # Worst first, and the first row is selected with its details shown.
    assert window.proxy.index(0, 0).data() == "rejected@qq.com"
    assert window.details.address.text() == "rejected@qq.com"
    assert window.details.badge.text() == "Code rejected"
    assert window.details.checks.topLevelItemCount() == 2
    assert "535 Login fail" in window.details.checks.topLevelItem(0).text(3)
    assert "Mailboxes: 5" in window.summary_label.text()


def test_remove_asks_then_removes_row_and_keyring_entry(
    make_window, qtbot, store: AccountStore, secret_store: SecretStore, memory_keyring, ops
) -> None:
    seed(store)
    secret_store.set("paused@126.com", "secret-code-126")
    window = make_window()
    select(window, "paused@126.com")

    box = window.remove_selected()
    assert isinstance(box, QMessageBox) and box.objectName() == "removeConfirmation"
    assert "revoke" in box.informativeText()
    # The code is revoked at the suffix's own webmail (issue 17), linked from the question.
    assert 'href="https://mail.126.com/"' in box.informativeText()
    cancel = box.findChild(QPushButton, "cancelRemoveButton")
    assert cancel is not None
    cancel.click()
    qtbot.waitUntil(lambda: not box.isVisible())
    # Nothing was started: the window owns no running change.
    assert not window.tasks.busy
    assert store.find_by_address("paused@126.com") is not None

    select(window, "paused@126.com")
    window.actions_.remove.trigger()
    box = window.findChild(QMessageBox, "removeConfirmation")
    box.findChild(QPushButton, "confirmRemoveButton").click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=5000)
    assert store.find_by_address("paused@126.com") is None
    assert secret_store.get("paused@126.com") is None
    assert "paused@126.com" not in badges(window)


def test_change_from_another_connection_appears(make_window, qtbot, app_paths) -> None:
    window = make_window()
    assert window.model.rowCount() == 0
    with AccountStore.open(app_paths.database) as other:  # like the CLI in another process
        other.add_account(sample_account("cli@example.com"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert window.pages.currentWidget() is window.splitter
    with AccountStore.open(app_paths.database) as other:
        account = other.find_by_address("cli@example.com")
        assert account is not None
        other.update_account(account.replace(paused=True))
    qtbot.waitUntil(
        lambda: badges(window)["cli@example.com"] == LifecycleState.PAUSED, timeout=3000
    )


def test_filter_box(make_window, store: AccountStore, qtbot) -> None:
    seed(store)
    window = make_window()
    qtbot.keyClicks(window.filter_edit, "126")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, 0).data() == "paused@126.com"
    window.filter_edit.setText("<b>zzz")
    assert window.list_stack.currentWidget() is window.no_match
    assert "&lt;b&gt;zzz" in window.no_match.text()  # shown as typed, never as markup
    window.no_match.linkActivated.emit("#clear")  # the "Clear the filter" link
    assert window.filter_edit.text() == ""
    assert window.proxy.rowCount() == 5


def test_copy_settings(make_window, store: AccountStore) -> None:
    seed(store)
    window = make_window()
    select(window, "ok@163.com")
    window.actions_.copy_settings.trigger()
    text = QGuiApplication.clipboard().text()
    for expected in ("ok@163.com", "imap.163.com", "993", "smtp.163.com", "465", "SSL/TLS"):
        assert expected in text


def test_pause_toggles(make_window, qtbot, store: AccountStore) -> None:
    """(What Edit saves is tested in tests/ui/test_account_editor.py.)"""
    seed(store)
    window = make_window()
    select(window, "ok@163.com")
    window.actions_.pause.trigger()
    qtbot.waitUntil(lambda: badges(window)["ok@163.com"] == LifecycleState.PAUSED, timeout=5000)
    select(window, "ok@163.com")
    assert "Resume" in window.actions_.pause.text().replace("&", "")


def test_layout_is_remembered(make_window, store: AccountStore) -> None:
    seed(store)
    window = make_window()
    window.view.header().resizeSection(Column.MAILBOX, 333)
    window.close()
    again = make_window()
    assert again.view.header().sectionSize(Column.MAILBOX) == 333


def test_widgets_have_object_names(make_window, store: AccountStore) -> None:
    seed(store)
    window = make_window()
    for name in ("accountView", "detailsPane", "filterEdit", "mainToolbar", "mainSplitter"):
        assert window.findChild(QWidget, name) is not None, name
    for action in window.actions_.account_actions():
        assert action.objectName().endswith("Action")
        assert action.shortcut().toString()


def test_language_menu_saves_the_choice(make_window, settings) -> None:
    window = make_window()
    assert window.actions_.languages["system"].isChecked()
    window.actions_.languages["zh_CN"].trigger()
    assert settings.value("ui/language") == "zh_CN"
    assert "next time" in window.statusBar().currentMessage()


def test_context_menu_offers_the_account_commands(make_window, store: AccountStore) -> None:
    seed(store)
    window = make_window()
    menu = window.actions_.make_context_menu(window)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == [
        "checkNowAction",
        "editAction",
        "rotateAction",
        "fixAction",  # beside Replace code, not next to Remove
        "codesAction",
        "pauseAction",
        "copySettingsAction",
        "moveToGroupAction",
        "removeAction",
    ]
    menu.deleteLater()


def test_details_agree_with_themselves_before_the_list_catches_up(
    make_window, store: AccountStore, app_paths
) -> None:
    """The details pane reads the selected mailbox afresh; its badge must come from that same
    read, even when the list has not reloaded yet after another process wrote a check."""
    from datetime import timedelta

    from mailmanager.core.model.accounts import CheckRecord, Protocol
    from tests.helpers.sample_accounts import fixed_clock

    first = store.add_account(sample_account("a@example.com"))
    store.add_account(sample_account("b@example.com"))
    window = make_window()
    window.watcher.stop()  # the list stays a refresh behind on purpose
    with AccountStore.open(app_paths.database) as other:
        for protocol in (Protocol.IMAP, Protocol.SMTP):
            other.record_check(
                CheckRecord(first.id or 0, fixed_clock() - timedelta(minutes=1), protocol,
                            ConnectionStatus.AUTH_FAILED)
            )  # fmt: skip
    select(window, "b@example.com")
    select(window, "a@example.com")
    assert window.selected_summary().last_imap.status is ConnectionStatus.AUTH_FAILED
    assert window.details.badge.state() is ConnectionStatus.AUTH_FAILED
    assert badges(window)["a@example.com"] == LifecycleState.NEVER_CHECKED  # not reloaded yet


@pytest.mark.expected_warnings("mailbox #1 cannot be read: ValueError")
def test_an_unreadable_mailbox_is_reported_not_shown_blank(
    make_window, store: AccountStore, app_paths
) -> None:
    """A damaged row of the selected mailbox: a message in the status bar, no exception."""
    import sqlite3

    from mailmanager.core.model.accounts import CheckRecord, Protocol
    from tests.helpers.sample_accounts import fixed_clock

    account = store.add_account(sample_account("a@example.com"))
    store.record_check(
        CheckRecord(account.id or 0, fixed_clock(), Protocol.IMAP, ConnectionStatus.OK)
    )
    window = make_window()
    window.watcher.stop()
    with sqlite3.connect(app_paths.database) as conn:
        conn.execute("UPDATE latest_check SET checked_at = 'not a time'")
    select_id = account.id or 0
    window.view.clearSelection()
    window.select_account(select_id)
    assert window.selected_summary() is None
    assert window.statusBar().currentMessage()


def test_keyboard_from_the_filter_box_to_a_mailbox(make_window, store: AccountStore, qtbot) -> None:
    """Esc empties the filter; Down moves into the list; Enter opens the mailbox for editing;
    Tab goes from the filter box to the list."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    seed(store)
    window = make_window()
    window.activateWindow()
    edit = window.filter_edit
    edit.setFocus()
    QTest.keyClicks(edit, "163")
    assert window.proxy.rowCount() < window.model.rowCount()
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "" and window.proxy.rowCount() == window.model.rowCount()
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    QTest.keyClick(edit, Qt.Key.Key_Down)
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    opened: list[object] = []
    window.view.openRequested.connect(lambda: opened.append(window.selected_summary()))
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert opened and opened[0] is not None
    for dialog in window.findChildren(QDialog):
        dialog.reject()
