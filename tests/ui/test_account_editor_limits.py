"""The edit dialog applies the same field rules as `add` and `import` (issue 14, item 4)."""

from __future__ import annotations

from mailmanager.core.model import limits
from mailmanager.services.account_ops import AccountOps
from mailmanager.ui.account_editor import EditAccountDialog
from tests.helpers.sample_accounts import sample_account as make_account


def test_the_form_keeps_fields_within_the_limits(qtbot, ops: AccountOps) -> None:
    form = EditAccountDialog(ops, make_account("me@example.org").replace(id=1))
    qtbot.addWidget(form)
    form.display_name.setText("x" * 5000)
    form.label.setText("tab\there" + "y" * 5000)
    form.imap.username.setText("u" * 5000)
    account = form.collect()
    assert account is not None
    assert len(account.display_name) == limits.MAX_DISPLAY_NAME
    assert "\t" not in account.credential_label
    assert len(account.credential_label) <= limits.MAX_LABEL
    assert limits.account_problem(account) is None


def test_the_form_refuses_what_import_refuses(qtbot, ops: AccountOps) -> None:
    form = EditAccountDialog(ops, make_account("me@example.org").replace(id=1))
    qtbot.addWidget(form)
    for host in ("imap example.org", "imap.example.org/x", "a" * 255, "imap\u200b.example.org"):
        form.imap.host.setText(host)
        assert form.collect() is None, host
        assert not form.error.isHidden()
