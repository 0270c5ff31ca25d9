"""The small dialogs with the keyboard only, in English and in Chinese: every button, tick box
and labelled field has an Alt mnemonic, none twice in one dialog, the Chinese ones written the
Chinese way ("移动(&M)"); where the focus starts; Enter does the dialog's default action and Esc
cancels. Real key events through pytest-qt; saves go to the store and the in-memory keyring,
and nothing here talks to a server (the add dialog's check is switched off by keyboard)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from mailmanager import paths
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.checking.proof import Unproven
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.account_ops import AccountOps
from mailmanager.ui import language
from mailmanager.ui.account_editor import EditAccountDialog
from mailmanager.ui.bulk_actions import MoveToGroupDialog
from mailmanager.ui.code_add_dialog import AddCodeDialog
from mailmanager.ui.code_edit_dialog import CodeEditDialog
from mailmanager.ui.code_inventory import CodeInventoryDialog
from mailmanager.ui.code_jobs import RegistryJobs
from mailmanager.ui.confirm_removal import confirm_removal
from mailmanager.ui.copy_to_client import CopyToClientDialog
from tests.helpers.factories import make_account
from tests.helpers.sample_accounts import seed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
ALT = Qt.KeyboardModifier.AltModifier
CHINESE_MNEMONIC = re.compile(r"\(&[A-Z]\)")


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def shown(qtbot: Any, dialog: QWidget) -> None:
    if dialog.parent() is None:
        qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def mnemonic(text: str) -> str:
    """The Alt key of ``text`` ("Alt+M"), or "" when it has none."""
    return QKeySequence.mnemonic(text).toString()


def mnemonic_problems(dialog: QWidget) -> list[str]:
    """What a keyboard user misses in ``dialog``: a button, tick box or labelled field
    without a mnemonic, and a key that two of them share."""
    shown_widgets = [
        w for w in dialog.findChildren(QWidget) if w.window() is dialog and w.isVisibleTo(dialog)
    ]
    reached: set[int] = set()  # widgets a label's mnemonic already leads to
    texts: list[tuple[str, str]] = []  # (what, text)
    for label in (w for w in shown_widgets if isinstance(w, QLabel)):
        buddy: QWidget | None = label.buddy()
        if buddy is None:
            continue
        reached.update({id(buddy), id(buddy.focusProxy())})
        if buddy.focusPolicy() != Qt.FocusPolicy.NoFocus:  # as QLabel decides
            texts.append((f"label of {buddy.objectName() or type(buddy).__name__}", label.text()))
    for button in (w for w in shown_widgets if isinstance(w, QAbstractButton)):
        if id(button) not in reached and button.text():
            texts.append((button.objectName() or type(button).__name__, button.text()))
    for box in (w for w in shown_widgets if isinstance(w, QGroupBox)):
        if "&" in box.title():
            texts.append((box.objectName() or "group box", box.title()))
    problems = [f"{what}: {text!r} has no mnemonic" for what, text in texts if not mnemonic(text)]
    keys: dict[str, list[str]] = {}
    for _what, text in texts:
        if mnemonic(text):
            keys.setdefault(mnemonic(text), []).append(text)
    problems += [f"{key} twice: {names}" for key, names in keys.items() if len(names) > 1]
    if QLocale().language() is QLocale.Language.Chinese:
        problems += [
            f"{text!r}: not the Chinese form 文字(&X)"
            for _what, text in texts
            if mnemonic(text) and not CHINESE_MNEMONIC.search(text)
        ]
    return problems


@pytest.fixture(params=["en", "zh_CN"])
def lang(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    translators = language.install(qapp, language.chosen_locale(request.param))
    try:
        yield request.param
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def clocked_store() -> Iterator[AccountStore]:
    app_paths = paths.resolve()
    app_paths.ensure()
    with AccountStore.open(app_paths.database, clock=lambda: NOW) as opened:
        yield opened


def inventory(qtbot: Any, store: AccountStore, lang: str = "en") -> CodeInventoryDialog:
    registry = Registry(store, SecretStore(paths.resolve()), clock=lambda: NOW)
    account = make_account(provider_id="netease_personal", credential_label="")
    saved = registry.add(account, Unproven("OwnCodeAbcd1234", "test"))
    assert saved.id is not None
    registry.add_code(saved.id, "Foxmail", Unproven("FoxmailCodeWxyz5678", "test"), keep=True)
    netease = Catalogue.load(include_user=False).get("netease_personal")
    jobs = RegistryJobs(store.path, lambda: SecretStore(paths.resolve()), clock=lambda: NOW)
    dialog = CodeInventoryDialog(store, saved.id, netease, lang[:2], jobs, clock=lambda: NOW)
    shown(qtbot, dialog)
    return dialog


# -- mnemonics in both languages --------------------------------------------------------------


def test_every_dialog_has_its_mnemonics(
    qtbot: Any, lang: str, ops: AccountOps, clocked_store: AccountStore, make_window: Any
) -> None:
    dialogs: dict[str, QWidget] = {}
    dialogs["move to group"] = MoveToGroupDialog(3, ["客户 甲", "B"])
    parent = QWidget()
    qtbot.addWidget(parent)
    removal, _remove = confirm_removal(parent, "a@163.com", "https://mail.163.com/")
    dialogs["removal"] = removal
    dialogs["edit"] = EditAccountDialog(ops, make_account(id=1))
    codes = inventory(qtbot, clocked_store, lang)
    dialogs["inventory"] = codes
    codes.open_add()
    assert codes.add_dialog is not None
    dialogs["add code"] = codes.add_dialog
    codes.select_label("Foxmail")
    dialogs["edit code"] = codes.open_edit() or QDialog()
    dialogs["copy to client"] = codes.open_copy_to_client() or QDialog()
    codes.ask_revoke()
    assert codes.confirm_box is not None
    dialogs["revoke"] = codes.confirm_box
    seed(clocked_store)
    window = make_window()
    window.view.selectAll()
    bulk_removal = window.bulk.ask_removal()
    assert bulk_removal is not None
    dialogs["bulk removal"] = bulk_removal
    problems = {}
    for name, dialog in dialogs.items():
        if dialog.parent() is None:
            qtbot.addWidget(dialog)
        dialog.show()
        problems[name] = mnemonic_problems(dialog)
    assert problems == {name: [] for name in dialogs}
    if lang == "zh_CN":  # the convention, on two examples
        move = dialogs["move to group"].findChild(QAbstractButton, "moveButton")
        assert move is not None and move.text() == "移动(&M)"
        save = dialogs["edit"].findChild(QAbstractButton, "saveButton")
        assert save is not None and save.text() == "保存(&S)"


# -- walks ------------------------------------------------------------------------------------


def test_add_code_by_keyboard(qtbot: Any, clocked_store: AccountStore) -> None:
    codes = inventory(qtbot, clocked_store)
    codes.open_add()
    add = codes.add_dialog
    assert isinstance(add, AddCodeDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is add)
    # The keyboard starts in the first field to type in.
    assert focused() == "addCodeLabel"
    qtbot.keyClicks(add.label_edit, "Phone")
    # A mnemonic clicks a tick box as a mouse would, after its short press animation.
    qtbot.keyClick(add, Qt.Key.Key_U, ALT)  # the "shown only once" acknowledgement
    qtbot.waitUntil(add.once.acknowledge.isChecked)
    qtbot.keyClick(add, Qt.Key.Key_H, ALT)  # no check: nothing goes to a server
    qtbot.waitUntil(lambda: not add.check.isChecked())
    qtbot.keyClick(add, Qt.Key.Key_O, ALT)
    assert focused() == "addCodeValue"
    qtbot.keyClick(add, Qt.Key.Key_X, ALT)
    assert focused() == "expiryEnabled"
    assert add.save_button.isDefault() and add.save_button.isEnabled()
    # Enter in a field adds the code (it never opens the web settings).
    with qtbot.waitSignal(add.added, timeout=5000):
        qtbot.keyClick(add.label_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not add.isVisible())
    account_id = codes.account_id
    assert clocked_store.find_code(account_id, "Phone") is not None


def test_add_code_cancels_with_escape(qtbot: Any, clocked_store: AccountStore) -> None:
    codes = inventory(qtbot, clocked_store)
    codes.open_add()
    add = codes.add_dialog
    assert isinstance(add, AddCodeDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is add)
    qtbot.keyClicks(add.label_edit, "Phone")
    qtbot.keyClick(add.label_edit, Qt.Key.Key_Escape)
    assert not add.isVisible() and codes.isVisible()
    assert clocked_store.find_code(codes.account_id, "Phone") is None


def test_edit_code_by_keyboard(qtbot: Any, clocked_store: AccountStore) -> None:
    codes = inventory(qtbot, clocked_store)
    codes.select_label("Foxmail")
    edit = codes.open_edit()
    assert isinstance(edit, CodeEditDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is edit)
    qtbot.keyClick(edit, Qt.Key.Key_N, ALT)
    assert focused() == "codeEditNote"
    qtbot.keyClicks(edit.note_edit, "work laptop")
    qtbot.keyClick(edit.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not edit.isVisible(), timeout=5000)
    saved = clocked_store.find_code(codes.account_id, "Foxmail")
    assert saved is not None and saved.note == "work laptop"


def test_copy_to_client_by_keyboard(qtbot: Any, clocked_store: AccountStore) -> None:
    codes = inventory(qtbot, clocked_store)
    codes.select_label("Foxmail")
    copy = codes.open_copy_to_client()
    assert isinstance(copy, CopyToClientDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is copy)
    qtbot.keyClick(copy, Qt.Key.Key_L, ALT)
    assert focused() == "copyClientChoice"
    qtbot.keyClick(copy, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: "copied" in copy.status.text())
    qtbot.keyClick(copy.client, Qt.Key.Key_Escape)
    assert not copy.isVisible() and codes.isVisible()


def test_edit_mailbox_by_keyboard(
    qtbot: Any, ops: AccountOps, store: AccountStore, secret_store: SecretStore
) -> None:
    registry = Registry(store, secret_store)
    saved = registry.add(make_account("me@example.org"), Unproven("code-1234", "test"))
    dialog = EditAccountDialog(ops, saved, today=date(2026, 12, 1))
    shown(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)
    assert focused() == "displayNameEdit"
    qtbot.keyClicks(dialog.display_name, "Work")
    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)  # the sending box: its server name
    assert focused() == "smtpHostEdit"
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)
    assert focused() == "imapHostEdit"
    qtbot.keyClick(dialog, Qt.Key.Key_G, ALT)
    assert focused() == "groupCombo"
    qtbot.keyClicks(dialog.group.lineEdit(), "Client A")
    # Enter saves (from a field), the dialog closes once the registry has the change.
    qtbot.keyClick(dialog.display_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)
    stored = store.get_account(saved.id or 0)
    assert (stored.display_name, stored.group) == ("Work", "Client A")
    again = EditAccountDialog(ops, stored, today=date(2026, 12, 1))
    shown(qtbot, again)
    qtbot.keyClicks(again.display_name, " changed")
    qtbot.keyClick(again.display_name, Qt.Key.Key_Escape)
    assert not again.isVisible() and store.get_account(saved.id or 0).display_name == "Work"


def test_move_to_group_by_keyboard(qtbot: Any) -> None:
    dialog = MoveToGroupDialog(2, ["Client A"])
    shown(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_G, ALT)
    assert focused() == "groupCombo"
    qtbot.keyClicks(dialog.combo.lineEdit(), "Client B")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.combo, Qt.Key.Key_Return)
    assert dialog.combo.group() == "Client B"
    other = MoveToGroupDialog(2, ["Client A"])
    shown(qtbot, other)
    with qtbot.waitSignal(other.rejected):
        qtbot.keyClick(other, Qt.Key.Key_Escape)


def test_removal_by_keyboard_defaults_to_cancel(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box, remove = confirm_removal(parent, "a@163.com")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    shown(qtbot, box)
    with qtbot.waitSignal(box.finished):
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter is Cancel: removing needs a choice
    assert box.clickedButton() is not remove
    shown(qtbot, box)
    with qtbot.waitSignal(box.finished):
        qtbot.keyClick(box, Qt.Key.Key_R, ALT)
    assert box.clickedButton() is remove


def test_inventory_confirmation_by_keyboard(qtbot: Any, clocked_store: AccountStore) -> None:
    codes = inventory(qtbot, clocked_store)
    codes.select_label("Foxmail")
    codes.ask_revoke()
    box = codes.confirm_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(box.finished):
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    saved = clocked_store.find_code(codes.account_id, "Foxmail")
    assert saved is not None and saved.revoked is None


def test_tab_stops_once_at_an_optional_date(qtbot: Any, clocked_store: AccountStore) -> None:
    # The date's container hands its focus to the tick box (so that its label's Alt key works)
    # without becoming a Tab stop of its own.
    codes = inventory(qtbot, clocked_store)
    codes.open_add()
    add = codes.add_dialog
    assert isinstance(add, AddCodeDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is add)
    add.code_edit.setFocus()
    visited = [focused()]
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(focused())
    assert visited == ["addCodeValue", "expiryEnabled", "addCodeKeep"]
