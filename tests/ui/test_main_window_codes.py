"""The main window and the code inventory (issue 19): the details pane's "Codes…" opens it,
its badge is the worst of the mailbox's live codes, and "make a new code" after a password
change leads to the wizard's Fix for that mailbox."""

from __future__ import annotations

import asyncio
import html
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QWidget

from mailmanager.core.model.codes import CodeRecord
from mailmanager.core.model.status import DueState
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.code_inventory import CodeInventoryDialog
from mailmanager.ui.wizard import SetupWizard, WizardMode
from tests.helpers.sample_accounts import NOW, seed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_codes_from_the_details_pane_to_a_new_code(
    make_window, store: AccountStore, qtbot, qloop: asyncio.AbstractEventLoop
) -> None:
    accounts = seed(store)
    ok = accounts["ok@163.com"]
    assert ok.id is not None
    # Another client's code that expires in three days: the mailbox's badge warns about it.
    store.add_code(CodeRecord(ok.id, "Foxmail", expires=NOW.date() + timedelta(days=3)))
    window = make_window()
    qtbot.waitUntil(lambda: window.model.row_of(ok.id) >= 0, timeout=5000)
    window.select_account(ok.id)
    details = window.details
    assert "Foxmail" in details.code_inventory.text()
    assert "compare them" not in details.code_inventory.text()  # bound today: not due yet
    assert details.badge.state() is DueState.EXPIRING_SOON
    assert DueState.EXPIRING_SOON in window.model.states_at(window.model.row_of(ok.id))
    details.codes_button.click()
    (inventory,) = [d for d in window.findChildren(CodeInventoryDialog) if d.isVisible()]
    inventory.ask_invalidate()
    box = inventory.confirm_box
    assert box is not None
    (yes,) = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
    yes.click()
    qtbot.waitUntil(lambda: inventory.new_code_button.isVisible(), timeout=5000)
    inventory.new_code_button.click()
    (fix,) = [w for w in window.findChildren(SetupWizard) if w.isVisible()]
    assert fix.ctx.mode is WizardMode.FIX and fix.field("address") == "ok@163.com"
    assert not fix.ctx.keep_code  # every code was invalidated: a new one is needed
    fix.reject()


def test_the_details_pane_reminds_of_the_audit(qtbot) -> None:
    from datetime import UTC, date, datetime

    from mailmanager.core.model.accounts import AccountSummary
    from mailmanager.core.model.codes import CodeAudit
    from mailmanager.ui.details_pane import DetailsPane
    from tests.helpers.factories import make_account

    pane = DetailsPane(clock=lambda: datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    qtbot.addWidget(pane)
    account = make_account(id=1, created_at=datetime(2026, 1, 1, tzinfo=UTC))
    own = CodeRecord(1, "mailmanager", date(2026, 11, 1), own=True)
    pane.show_account(AccountSummary(account), codes=[own], audit=CodeAudit(1, 90, None))
    assert "compare them with the provider" in pane.code_inventory.text()
    recent = CodeAudit(1, 90, date(2026, 11, 1))
    pane.show_account(AccountSummary(account), codes=[own], audit=recent)
    assert "compare them" not in pane.code_inventory.text()


def test_codes_in_the_mailbox_menu_and_the_context_menu(
    make_window, store: AccountStore, qtbot, qloop: asyncio.AbstractEventLoop
) -> None:
    accounts = seed(store)
    ok = accounts["ok@163.com"]
    window = make_window()
    qtbot.waitUntil(lambda: window.model.row_of(ok.id) >= 0, timeout=5000)
    codes = window.actions_.codes
    (mailbox_menu,) = [
        m for m in window.menuBar().findChildren(QMenu) if m.objectName() == "mailboxMenu"
    ]
    assert codes in mailbox_menu.actions()
    assert codes in window.actions_.make_context_menu(window).actions()
    window.select_account(ok.id)
    assert codes.isEnabled()
    codes.trigger()
    (inventory,) = [d for d in window.findChildren(CodeInventoryDialog) if d.isVisible()]
    assert inventory.account_id == ok.id
    inventory.close()
    # Several mailboxes selected: like Edit, Codes is about one.
    window.view.selectAll()
    assert window._selection_count() > 1
    assert not codes.isEnabled() and not window.actions_.edit.isEnabled()
    assert window.open_selected_codes() is None


def test_a_due_state_from_another_clients_code_names_that_code(
    make_window, store: AccountStore, qtbot, qloop: asyncio.AbstractEventLoop
) -> None:
    from mailmanager.ui.account_cells import Column

    accounts = seed(store)
    ok = accounts["ok@163.com"]
    assert ok.id is not None
    # The own code expires in 60 days, Foxmail's in 3: the mailbox is "expiring soon" because
    # of Foxmail's code, and everything that says so names it and its date.
    store.update_account(store.get_account(ok.id).replace(code_expires=NOW.date() + timedelta(60)))
    foxmail_expires = NOW.date() + timedelta(days=3)
    store.add_code(CodeRecord(ok.id, "Foxmail", NOW.date(), expires=foxmail_expires))
    window = make_window()
    qtbot.waitUntil(lambda: window.model.row_of(ok.id) >= 0, timeout=5000)
    window.select_account(ok.id)
    (row,) = window.details.problems.findChildren(QWidget, "state_expiring_soon")
    text = html.unescape(" ".join(label.text() for label in row.findChildren(QLabel)))
    assert "The code Foxmail (another client's) expires on" in text
    assert foxmail_expires.isoformat() in text and "in 3 day(s)" in text
    own_expires = (NOW.date() + timedelta(60)).isoformat()
    assert own_expires not in text
    # The list's code column: its dates are Foxmail's, and the tooltip says so.
    model = window.model
    index = model.index(model.row_of(ok.id), int(Column.CODE))
    tip = str(model.data(index, Qt.ItemDataRole.ToolTipRole))
    assert "The code Foxmail expires on" in tip
    # The own code's own expiry, when it is the worst, is said as before.
    store.update_account(store.get_account(ok.id).replace(code_expires=NOW.date() + timedelta(2)))
    window.refresh()
    qtbot.waitUntil(
        lambda: "The code Foxmail" not in str(model.data(
            model.index(model.row_of(ok.id), int(Column.CODE)), Qt.ItemDataRole.ToolTipRole
        )),
        timeout=5000,
    )  # fmt: skip
