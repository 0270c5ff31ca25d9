"""The dialog that lists every server waiting for the user's confirmation, and the details
pane's lines about where servers came from (issue 13).

Mailboxes come from the committed version-2 store (upgraded on open), as a user who updates
the app meets them: one with a server outside its domain, one unencrypted, one with a CA path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from mailmanager.core import trust
from mailmanager.core.model.accounts import EndpointSource, Protocol
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.trust_dialog import TrustDialog, waiting

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _upgraded(tmp_path: Path) -> AccountStore:
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store_v2.sqlite3", db)
    return AccountStore.open(db)


def test_waiting_lists_only_what_needs_a_confirmation(qtbot, tmp_path: Path) -> None:
    with _upgraded(tmp_path) as store:
        items = waiting(store.list_accounts())
    addresses = {account.address: refusals for account, refusals in items}
    # Catalogue hosts over TLS (NetEase personal and enterprise) need nothing.
    assert set(addresses) == {"wang@example.cn", "zhao@163.com", "chen@corp.example.org"}
    (foreign,) = addresses["wang@example.cn"]
    assert foreign.kind is trust.RefusalKind.HOST and foreign.host == "mail.other-host.net"
    assert foreign.protocol is Protocol.IMAP  # its SMTP server is under example.cn
    (plain,) = addresses["zhao@163.com"]
    assert (
        plain.kind is trust.RefusalKind.PLAIN and plain.option == "--allow-plain imap.163.com:143"
    )
    (ca,) = addresses["chen@corp.example.org"]
    assert ca.kind is trust.RefusalKind.CA


def test_only_ticked_boxes_are_confirmed_and_recorded(
    qtbot, make_window, store: AccountStore, tmp_path: Path
) -> None:
    with _upgraded(tmp_path) as old:
        for account in old.list_accounts():
            store.add_account(account.replace(id=None))
    window = make_window()
    dialog = window.review_trust()
    assert isinstance(dialog, TrustDialog)
    boxes = dialog.boxes()
    assert boxes and not any(box.isChecked() for box in boxes)
    # chen's CA path cannot be read: nothing to agree to, so no box, only the way to fix it.
    assert not any("chen@corp.example.org" in box.text() for box in boxes)
    wanted = next(box for box in boxes if "mail.other-host.net" in box.text())
    wanted.setChecked(True)
    wang = store.find_by_address("wang@example.cn")
    assert wang is not None
    with qtbot.waitSignal(window.watcher.changed, timeout=10_000, raising=False):
        dialog.done(QDialog.DialogCode.Accepted)
        qtbot.waitUntil(
            lambda: (
                (a := store.find_by_address("wang@example.cn")) is not None
                and a.imap.origin.confirmed_at is not None
            ),
            timeout=10_000,
        )
    confirmed = store.find_by_address("wang@example.cn")
    assert confirmed is not None and trust.refusals(confirmed) == []
    assert confirmed.imap.origin.source is EndpointSource.EARLIER
    # Unticked ones stay as they were.
    zhao = store.find_by_address("zhao@163.com")
    assert zhao is not None and zhao.imap.origin.plain_confirmed_at is None
    assert trust.refusals(zhao)


def test_details_pane_says_where_servers_came_from_and_what_waits(
    qtbot, make_window, store: AccountStore, tmp_path: Path
) -> None:
    with _upgraded(tmp_path) as old:
        wang = next(a for a in old.list_accounts() if a.address == "wang@example.cn")
    saved = store.add_account(wang.replace(id=None))
    window = make_window()
    assert saved.id is not None
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    window.select_account(saved.id)
    details = window._ensure_list_page().details
    qtbot.waitUntil(lambda: details.address.text() == "wang@example.cn", timeout=5000)
    assert "earlier version" in details.sources.text()
    assert details.trust_box.isVisibleTo(details)
    assert "mail.other-host.net" in details.trust_notice.text()
    with qtbot.waitSignal(details.trustRequested, timeout=2000) as asked:
        details.trust_button.click()
    assert asked.args == [saved.id]
