"""The main window and the code inventory (issue 19): the details pane's "Codes…" opens it,
its badge is the worst of the mailbox's live codes, and "make a new code" after a password
change leads to the wizard's Fix for that mailbox."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox

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
