"""The main window opens the setup wizard for Add, Fix and Rotate, and shows what it saved."""

from __future__ import annotations

import pytest

from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.wizard import PageId, SetupWizard, WizardMode
from tests.helpers.sample_accounts import seed

# The offscreen platform says this about every window-modal dialog; it is not about the wizard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_wizards(window) -> list[SetupWizard]:
    return [w for w in window.findChildren(SetupWizard) if w.isVisible()]


def test_add_action_opens_the_wizard(make_window, qtbot) -> None:
    window = make_window()
    window.actions_.add.trigger()
    (wizard,) = open_wizards(window)
    assert wizard.ctx.mode is WizardMode.ADD
    assert wizard.currentId() == PageId.ADDRESS
    assert wizard.ctx.services.secrets is window.ops.secrets  # the app's one keyring store
    wizard.reject()


def test_rotate_and_fix_open_prefilled(make_window, store: AccountStore, qtbot) -> None:
    accounts = seed(store)
    window = make_window()
    rejected = accounts["rejected@qq.com"]
    assert rejected.id is not None
    window.select_account(rejected.id)
    window.actions_.rotate.trigger()
    (rotate,) = open_wizards(window)
    assert rotate.ctx.mode is WizardMode.ROTATE and rotate.currentId() == PageId.PREPARE
    assert rotate.field("address") == "rejected@qq.com"
    rotate.reject()
    window.fix_action.trigger()
    (fix,) = open_wizards(window)
    assert fix.ctx.mode is WizardMode.FIX
    assert fix.address_page.problem.isVisible()  # the last failure is shown
    assert not fix.ctx.keep_code  # the code was rejected: a new one is needed
    fix.reject()
