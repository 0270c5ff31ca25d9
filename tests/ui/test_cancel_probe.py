"""Closing a dialog during a check sends no further login (security probe after issues 16-21).

Scripted loopback servers answer slowly, so the dialog closes while a probe waits for the
greeting; what the servers RECEIVED afterwards is counted: no LOGIN, no AUTH, and nothing saved.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from mailmanager import paths
from mailmanager.core.checking.proof import Unproven
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.code_add_dialog import AddCodeDialog
from mailmanager.ui.code_inventory import CodeInventoryDialog
from mailmanager.ui.code_jobs import RegistryJobs
from tests.helpers import scripted_server as ss
from tests.helpers.factories import make_account
from tests.helpers.memory_keyring import MemoryKeyring
from tests.ui.test_code_inventory import NOW, open_dialog, registry, store  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
CLIENT = "ClientCodeQrst9876"


def test_closing_the_code_add_dialog_mid_check_sends_no_login_and_adds_nothing(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    store: AccountStore,  # noqa: F811
    memory_keyring: MemoryKeyring,
) -> None:
    with (
        ss.ScriptedServer(ss.imap_script(password=CLIENT, latency=0.6)) as imap,
        ss.ScriptedServer(ss.smtp_script(password=CLIENT, latency=0.6)) as smtp,
    ):
        account = make_account("zhang@example.com", servers=(imap, smtp))
        saved = registry(store).add(account, Unproven("OwnCode12345678", "test"))
        account_id = saved.id or 0
        dialog = open_dialog(qtbot, store, account_id)
        dialog.open_add()
        add = dialog.add_dialog
        assert isinstance(add, AddCodeDialog)
        add.label_edit.setText("Foxmail")
        add.check.setChecked(True)
        add.keep.setChecked(True)
        add.code_edit.setText(CLIENT)
        add.once.acknowledge.setChecked(True)
        assert add.save_button.isEnabled()
        add.save_button.click()
        qtbot.waitUntil(lambda: imap.connections >= 1 and smtp.connections >= 1, timeout=5000)
        add.reject()
        assert not add.isVisible()
        # The loop runs on while the slow servers greet: a probe still running would log in.
        qtbot.waitUntil(
            lambda: (
                imap.wait_sessions_ended(1, timeout=0.05)
                and smtp.wait_sessions_ended(1, timeout=0.05)
            ),
            timeout=10_000,
        )
        qtbot.waitUntil(lambda: not add.tasks.busy, timeout=10_000)
        received = imap.received + smtp.received
    assert imap.auth_attempts == [] and smtp.auth_attempts == []
    assert not [line for line in received if CLIENT.encode() in line]
    assert store.find_code(account_id, "Foxmail") is None
    assert [k for k in memory_keyring.entries if "code:" in str(k)] == []
    assert SecretStore(paths.resolve()).get("zhang@example.com") == "OwnCode12345678"


def test_a_copied_code_is_cleared_after_the_inventory_closes(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    store: AccountStore,  # noqa: F811
) -> None:
    # The main window opens the inventory with WA_DeleteOnClose: a timer owned by the dialog
    # would die with it, and the code would stay on the clipboard for good.
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from shiboken6 import isValid

    own = registry(store).add(make_account("li@example.com"), Unproven("OwnCode12345678", "test"))
    account_id = own.id or 0
    registry(store).add_code(account_id, "Foxmail", Unproven(CLIENT, "test"), keep=True)
    jobs = RegistryJobs(store.path, lambda: SecretStore(paths.resolve()), clock=lambda: NOW)
    dialog = CodeInventoryDialog(store, account_id, None, "en", jobs, clock=lambda: NOW)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    clipboard = dialog.clipboard
    dialog.select_label("Foxmail")
    dialog.copy_selected()
    board = QGuiApplication.clipboard()
    qtbot.waitUntil(lambda: board.text() == CLIENT, timeout=5000)
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        dialog.close()
    assert isValid(clipboard) and clipboard.timer.isActive()
    clipboard.timer.start(50)  # the 30 seconds, shortened
    qtbot.waitUntil(lambda: board.text() == "", timeout=5000)


def test_closing_the_inventory_mid_check_sends_no_login(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    store: AccountStore,  # noqa: F811
) -> None:
    with (
        ss.ScriptedServer(ss.imap_script(password=CLIENT, latency=0.6)) as imap,
        ss.ScriptedServer(ss.smtp_script(password=CLIENT, latency=0.6)) as smtp,
    ):
        account = make_account("wang@example.com", servers=(imap, smtp))
        saved = registry(store).add(account, Unproven("OwnCode12345678", "test"))
        account_id = saved.id or 0
        registry(store).add_code(account_id, "Foxmail", Unproven(CLIENT, "test"), keep=True)
        dialog = open_dialog(qtbot, store, account_id)
        dialog.select_label("Foxmail")
        dialog.check_selected()
        qtbot.waitUntil(lambda: imap.connections >= 1 and smtp.connections >= 1, timeout=5000)
        dialog.reject()
        qtbot.waitUntil(lambda: not dialog.tasks.busy, timeout=10_000)
        qtbot.waitUntil(
            lambda: (
                imap.wait_sessions_ended(1, timeout=0.05)
                and smtp.wait_sessions_ended(1, timeout=0.05)
            ),
            timeout=10_000,
        )
    assert imap.auth_attempts == [] and smtp.auth_attempts == []
    code = store.find_code(account_id, "Foxmail")
    assert code is not None and code.last_proven is None


def test_closing_the_import_dialog_mid_check_sends_no_further_login(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    ops: Any,
    store: AccountStore,  # noqa: F811
    tmp_path: Path,
) -> None:
    from mailmanager.core.table_import.batch import BatchOptions
    from mailmanager.core.table_import.model import Stage
    from mailmanager.ui.table_import.dialog import TableImportDialog
    from tests.ui.test_table_import_dialog import lines_for, tick, write

    codes = [f"row-code-{n}" for n in range(3)]
    with (
        ss.ScriptedServer(ss.imap_script(password=codes[0], latency=0.6), host="127.0.0.1") as imap,
        ss.ScriptedServer(ss.smtp_script(password=codes[0], latency=0.6), host="127.0.0.2") as smtp,
    ):
        dialog = TableImportDialog(ops, store, options=BatchOptions(concurrency=1, timeout=5))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.load_file(write(tmp_path, lines_for(imap, smtp, codes)))
        tick(dialog, 0)  # one tick trusts the scripted hosts for every row
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.rows[0].stage is Stage.CHECKING, timeout=10_000)
        qtbot.waitUntil(lambda: imap.connections >= 1, timeout=10_000)
        dialog.reject()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        qtbot.waitUntil(
            lambda: (
                imap.wait_sessions_ended(imap.connections, timeout=0.05)
                and smtp.wait_sessions_ended(smtp.connections, timeout=0.05)
            ),
            timeout=10_000,
        )
    assert imap.auth_attempts == [] and smtp.auth_attempts == []
    assert imap.connections <= 1 and smtp.connections <= 1
    assert store.list_accounts() == []
