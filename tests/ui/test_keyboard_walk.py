"""The import dialog and the code inventory with the keyboard only: where the focus starts, the
Tab order, what Enter does (the next step, never the first button of the layout), the Alt
mnemonics and Esc. Real key events through pytest-qt; the import's checks go to scripted
loopback servers and its save to the store and the in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from mailmanager import paths
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.checking.proof import Unproven
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.table_import.batch import BatchOptions
from mailmanager.core.table_import.model import Stage
from mailmanager.services.account_ops import AccountOps
from mailmanager.ui.code_inventory import CodeInventoryDialog
from mailmanager.ui.code_jobs import RegistryJobs
from mailmanager.ui.table_import.dialog import COL_TRUST, TableImportDialog
from tests.helpers import scripted_server as ss
from tests.helpers.factories import make_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def tab_walk(start: QWidget, steps: int) -> list[str]:
    """The object names the focus visits, pressing Tab ``steps`` times from ``start``."""
    names = [focused()]
    for _ in range(steps):
        widget = QApplication.focusWidget() or start
        QApplication.sendEvent(widget, _key(Qt.Key.Key_Tab))
        names.append(focused())
    return names


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Any:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, modifiers)


def shown(qtbot: Any, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


# -- the import dialog ------------------------------------------------------------------------


@pytest.fixture
def servers() -> Iterator[tuple[ss.ScriptedServer, ss.ScriptedServer]]:
    with (
        ss.ScriptedServer(ss.imap_script(password="right-code"), host="127.0.0.1") as imap,
        ss.ScriptedServer(ss.smtp_script(password="right-code"), host="127.0.0.2") as smtp,
    ):
        yield imap, smtp


def test_import_dialog_by_keyboard(
    qtbot: Any,
    ops: AccountOps,
    store: AccountStore,
    secret_store: SecretStore,
    servers: tuple[ss.ScriptedServer, ss.ScriptedServer],
    tmp_path: Path,
) -> None:
    imap, smtp = servers
    dialog = TableImportDialog(ops, store, options=BatchOptions(concurrency=2, timeout=3))
    shown(qtbot, dialog)
    # The first thing to do is choosing the file; then the fields, in the order they are shown.
    assert focused() == "chooseFileButton"
    assert tab_walk(dialog, 6) == [
        "chooseFileButton",
        "groupEdit",
        "labelEdit",
        "chooseCaButton",
        "importTable",
        "includeFailed",  # the table is left with one Tab (rows, not cells)
        "closeButton",
    ]
    # Alt+G / Alt+L reach the fields through their labels.
    qtbot.keyClick(dialog, Qt.Key.Key_L, ALT)
    assert focused() == "labelEdit"
    qtbot.keyClick(dialog, Qt.Key.Key_G, ALT)
    assert focused() == "groupEdit"

    path = tmp_path / "boxes.csv"
    path.write_text(
        "email,code,imap_host,imap_port,smtp_host,smtp_port,security\n"
        f"u0@example.com,right-code,{imap.host},{imap.port},{smtp.host},{smtp.port},plain\n",
        encoding="utf-8",
    )
    chooser: list[bool] = []
    dialog._choose_file = lambda: chooser.append(True)  # type: ignore[method-assign]
    dialog.load_file(path)
    item = dialog.table.item(0, COL_TRUST)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)  # the servers confirmed (a mouse tick)
    assert dialog.check_button.isDefault() and not dialog.save_button.isDefault()
    # Enter in the group field checks the codes (it used to open the file chooser).
    qtbot.keyClick(dialog.group_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
    assert chooser == []
    assert [r.stage for r in dialog.rows] == [Stage.PROVED]
    # Then Enter saves.
    assert dialog.save_button.isDefault()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.keyClick(dialog.group_edit, Qt.Key.Key_Return)
    assert [a.address for a in store.list_accounts()] == ["u0@example.com"]
    assert secret_store.get("u0@example.com") == "right-code"
    assert len(imap.auth_attempts) == 1  # one check, no second login from a repeated Enter
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# -- the code inventory -----------------------------------------------------------------------


def inventory(qtbot: Any, store: AccountStore) -> CodeInventoryDialog:
    registry = Registry(store, SecretStore(paths.resolve()), clock=lambda: NOW)
    account = make_account(provider_id="netease_personal", credential_label="")
    saved = registry.add(account, Unproven("OwnCodeAbcd1234", "test"))
    assert saved.id is not None
    netease = Catalogue.load(include_user=False).get("netease_personal")
    jobs = RegistryJobs(store.path, lambda: SecretStore(paths.resolve()), clock=lambda: NOW)
    dialog = CodeInventoryDialog(store, saved.id, netease, "en", jobs, clock=lambda: NOW)
    shown(qtbot, dialog)
    return dialog


def test_code_inventory_by_keyboard(qtbot: Any, store: AccountStore) -> None:
    dialog = inventory(qtbot, store)
    # The keyboard starts in the list; Tab goes on to the actions, then Close.
    assert focused() == "inventoryTable"
    assert tab_walk(dialog, 3) == [
        "inventoryTable",
        "inventoryAdd",  # one Tab leaves the list (rows, not cells)
        "inventoryInvalidate",  # the actions on a code wait for one to be selected
        "inventoryClose",
    ]
    dialog.table.setFocus()
    # Alt+A opens "add a code"; Esc closes it and leaves the inventory open.
    qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: getattr(dialog, "add_dialog", None) is not None)
    adding = dialog.add_dialog
    assert adding is not None
    qtbot.waitUntil(adding.isVisible)
    qtbot.keyClick(adding, Qt.Key.Key_Escape)
    assert not adding.isVisible() and dialog.isVisible()
    # Enter in the list closes (Close is the default), it does not open the web settings.
    opened: list[object] = []
    dialog.open_settings.clicked.connect(lambda: opened.append(True))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [] and not dialog.isVisible()


def test_code_inventory_closes_with_escape(qtbot: Any, store: AccountStore) -> None:
    dialog = inventory(qtbot, store)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
