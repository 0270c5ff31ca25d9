"""Bulk actions on a multi-selection: keyboard and mouse selection, pause, group, copy, remove.

The actions are async slots on qasync's loop (the ``qloop`` fixture) whose registry work runs on
the keyring thread; the tests wait on what the store and the keyring hold afterwards.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.bulk_actions import LISTED, MoveToGroupDialog
from tests.helpers.sample_accounts import sample_account, seed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def selected(window) -> list[str]:
    return sorted(entry.address for entry in window.selected_entries())


def row_point(window, address: str) -> QPoint:
    proxy = window.proxy
    for r in range(proxy.rowCount()):
        if proxy.index(r, 0).data() == address:
            point: QPoint = window.view.visualRect(proxy.index(r, 0)).center()
            return point
    raise AssertionError(address)


def test_keyboard_and_mouse_select_several(make_window, store: AccountStore, qtbot) -> None:
    seed(store)
    window = make_window()
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(selected(window)) == 5
    a = window.actions_
    assert not a.edit.isEnabled() and not a.rotate.isEnabled() and not a.fix.isEnabled()
    assert a.pause.isEnabled() and a.remove.isEnabled() and a.move_to_group.isEnabled()
    assert a.copy_settings.isEnabled()
    viewport = view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=row_point(window, "ok@163.com"))
    assert selected(window) == ["ok@163.com"]
    assert a.edit.isEnabled()
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        row_point(window, "new@example.org"),
    )
    assert selected(window) == ["new@example.org", "ok@163.com"]
    first, last = window.proxy.index(0, 0).data(), window.proxy.index(4, 0).data()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=row_point(window, first))
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        row_point(window, last),
    )
    assert len(selected(window)) == 5


def test_pause_then_resume_a_selection(
    make_window, store: AccountStore, qtbot, qloop: asyncio.AbstractEventLoop
) -> None:
    seed(store)
    window = make_window()
    window.view.selectAll()
    window.actions_.pause.trigger()  # one of them is paused already: pause them all

    def paused() -> set[bool]:
        return {a.paused for a in store.list_accounts()}

    qtbot.waitUntil(lambda: paused() == {True}, timeout=5000)
    qtbot.waitUntil(lambda: "Paused checks of 5 mailbox(es)" in window.statusBar().currentMessage())
    window.view.selectAll()
    assert window.actions_.pause.text() == "Res&ume checks"
    window.actions_.pause.trigger()
    qtbot.waitUntil(lambda: paused() == {False}, timeout=5000)


def test_move_a_selection_to_a_group(
    make_window, store: AccountStore, qtbot, qloop: asyncio.AbstractEventLoop
) -> None:
    seed(store)
    window = make_window()
    window.view.selectAll()
    window.actions_.move_to_group.trigger()
    dialog = window.findChild(MoveToGroupDialog, "moveToGroupDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.combo.setEditText(" 客户 甲 ")
    dialog.findChild(QPushButton, "moveButton").click()
    qtbot.waitUntil(lambda: {a.group for a in store.list_accounts()} == {"客户 甲"}, timeout=5000)
    groups = window.splitter.group_list
    qtbot.waitUntil(lambda: "客户 甲 (5)" in [groups.item(i).text() for i in range(groups.count())])


def test_copy_settings_of_a_selection_has_no_codes(
    make_window,
    store: AccountStore,
    secret_store: SecretStore,
    memory_keyring,
    qtbot,
    qloop: asyncio.AbstractEventLoop,
) -> None:
    seed(store)
    secret_store.set("ok@163.com", "secret-code-163")
    window = make_window()
    QGuiApplication.clipboard().clear()
    window.view.selectAll()
    window.actions_.copy_settings.trigger()
    qtbot.waitUntil(lambda: "new@example.org" in QGuiApplication.clipboard().text(), timeout=5000)
    text = QGuiApplication.clipboard().text()
    for address in ("ok@163.com", "rejected@qq.com", "soon@example.com", "paused@126.com"):
        assert address in text
    assert "secret-code-163" not in text


def test_delete_removes_a_selection_after_one_question_and_reminds_once(
    make_window,
    store: AccountStore,
    secret_store: SecretStore,
    memory_keyring,
    qtbot,
    qloop: asyncio.AbstractEventLoop,
) -> None:
    seed(store)
    for n in range(LISTED + 3):
        store.add_account(sample_account(f"extra{n:02d}@163.com", provider_id="netease_personal"))
    secret_store.set("ok@163.com", "secret-code-163")
    secret_store.set("rejected@qq.com", "secret-code-qq")
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a window's shortcuts (Del) work when it is active
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    boxes = window.findChildren(QMessageBox, "removeConfirmation")
    assert len(boxes) == 1
    box = boxes[0]
    total = 5 + LISTED + 3
    assert f"Remove {total} mailbox(es)" in box.text()
    assert "… and" in box.informativeText()  # the first ones named, the rest counted
    assert box.detailedText().count("\n") == total - 1  # and every one in the details
    box.findChild(QPushButton, "confirmRemoveButton").click()
    qtbot.waitUntil(lambda: store.list_accounts() == [], timeout=5000)
    assert secret_store.get("ok@163.com") is None and secret_store.get("rejected@qq.com") is None
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "revokeReminder") is not None)
    reminders = window.findChildren(QMessageBox, "revokeReminder")
    assert len(reminders) == 1
    links = reminders[0].informativeText()
    # Each provider's page once, with how many of the removed mailboxes it concerns.
    assert links.count('href="https://mail.163.com/') == 1
    assert f"({LISTED + 4} mailbox(es))" in links
    assert 'href="https://mail.qq.com' in links
    assert 'href="https://mail.126.com/' in links
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.empty)


def test_export_for_platforms_writes_the_shown_group_without_codes(
    make_window,
    store: AccountStore,
    secret_store: SecretStore,
    memory_keyring,
    qtbot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path,
) -> None:
    import csv
    import stat

    from mailmanager.ui.list_scope import Scope, ScopeKind

    saved = seed(store)
    store.update_account(saved["ok@163.com"].replace(group="=Client"))
    secret_store.set("ok@163.com", "secret-code-163")
    window = make_window()
    window.splitter.group_list.choose(Scope(ScopeKind.GROUP, "=Client"))
    dialog = window.export_table()
    assert dialog.objectName() == "platformExportDialog"
    # It opens in the documents folder (or home), not the folder the app was started from.
    assert Path(dialog.directory().absolutePath()) != Path.cwd()
    target = tmp_path / "platform.csv"
    dialog.fileSelected.emit(str(target))
    dialog.close()
    qtbot.waitUntil(lambda: "Exported 1 mailbox(es)" in window.statusBar().currentMessage())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    assert "secret-code-163" not in text
    rows = list(csv.DictReader(text.splitlines()))
    assert [(r["from_email"], r["group"], r["smtp_password"]) for r in rows] == [
        ("ok@163.com", "'=Client", "")
    ]


@pytest.mark.parametrize(
    "mailboxes",
    [60, 150],  # 36 changed rows of 60 move in a layout change, of 150 by removal and insertion
)
def test_a_bulk_pause_of_many_rows_in_a_group_keeps_selection_counts_filter_and_details(
    make_window, store: AccountStore, qtbot, qloop: asyncio.AbstractEventLoop, mailboxes: int
) -> None:
    """More rows than the model moves one by one when nothing is filtered: they are re-sorted
    in one layout change, or (a quarter of the rows at most, with a group chosen) moved by
    removal and insertion, their selection put back; their counts are adjusted row by row,
    and the watcher's reload afterwards finds them shown."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    from mailmanager.core.model.accounts import CheckRecord, Protocol
    from mailmanager.core.model.status import ConnectionStatus
    from mailmanager.ui.account_model import MASS_CHANGE, AccountRoles
    from mailmanager.ui.list_scope import Scope, ScopeKind
    from tests.helpers.sample_accounts import NOW

    for n in range(mailboxes):
        saved = store.add_account(
            sample_account(f"m{n:02d}@163.com", group="Client A" if n % 3 else "Other")
        )
        assert saved.id is not None
        if n % 2:  # half of them checked (OK), the others not yet: two badges, two blocks
            for protocol in (Protocol.IMAP, Protocol.SMTP):
                store.record_check(CheckRecord(saved.id, NOW, protocol, ConnectionStatus.OK))
    window = make_window()
    groups, proxy, view = window.splitter.group_list, window.proxy, window.view
    groups.choose(Scope(ScopeKind.GROUP, "Client A"))
    in_group = sum(1 for n in range(mailboxes) if n % 3)
    assert proxy.rowCount() == in_group
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().select(
        QItemSelection(proxy.index(2, 0), proxy.index(37, 0)), flags.ClearAndSelect | flags.Rows
    )
    view.selectionModel().setCurrentIndex(proxy.index(10, 0), flags.NoUpdate)
    chosen = [entry.id for entry in window.selected_entries()]
    assert len(chosen) == 36 > MASS_CHANGE
    current = window.model.entry_at(proxy.mapToSource(view.currentIndex()).row()).id
    reads = window.list_reload.reads
    layouts: list[int] = []
    window.model.layoutChanged.connect(lambda: layouts.append(1))

    window.actions_.pause.trigger()

    qtbot.waitUntil(
        lambda: "Paused checks of 36 mailbox(es)" in window.statusBar().currentMessage()
    )
    qtbot.waitUntil(lambda: window.list_reload.reads > reads and not window.list_reload.busy)
    assert {a.id for a in store.list_accounts() if a.paused} == set(chosen)
    # The same mailboxes stay selected and current, each shown paused, in sorted order.
    assert sorted(entry.id for entry in window.selected_entries()) == sorted(chosen)
    assert all(entry.paused for entry in window.selected_entries())
    assert window.model.entry_at(proxy.mapToSource(view.currentIndex()).row()).id == current
    assert window.actions_.pause.text() == "Res&ume checks"
    # Several selected: the details pane says how many and offers Resume for all of them.
    assert window.details.several.isVisible()
    hint = window.details.several.text()
    assert "36 mailbox(es) selected" in hint and "Resume checks" in hint
    ranks = [proxy.index(r, 1).data(AccountRoles.SortRole) for r in range(in_group)]
    assert ranks == sorted(ranks)
    # The group still shows its mailboxes (and only them), and the counts are right.
    shown = {window.model.entry_at(proxy.mapToSource(proxy.index(r, 0)).row()).id
             for r in range(proxy.rowCount())}  # fmt: skip
    assert shown == {a.id for a in store.list_accounts() if a.group == "Client A"}
    entries = [groups.item(i).text() for i in range(groups.count())]
    others, unchecked = mailboxes - in_group, mailboxes // 2
    assert f"Client A ({in_group})" in entries and f"Other ({others})" in entries
    assert f"All mailboxes ({mailboxes})" in entries and f"Not checked yet ({unchecked})" in entries
    assert bool(layouts) == (mailboxes == 60)  # which way the rows moved


def test_the_selected_mailboxes_are_whole_rows_in_the_lists_order(
    make_window, store: AccountStore
) -> None:
    """What ``selectedRows`` means (every column selected), read from the selection's ranges,
    through the proxy when it hides rows."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    from mailmanager.ui.account_model import Column
    from mailmanager.ui.list_scope import Scope, ScopeKind

    saved = seed(store)
    for address in ("ok@163.com", "paused@126.com", "new@example.org"):
        store.update_account(saved[address].replace(group="Client A"))
    window = make_window()
    window.splitter.group_list.choose(Scope(ScopeKind.GROUP, "Client A"))
    proxy, selection = window.proxy, window.view.selectionModel()
    assert proxy.rowCount() == 3
    flags = QItemSelectionModel.SelectionFlag
    selection.clearSelection()
    selection.select(proxy.index(0, Column.STATUS), flags.Select)  # one cell: not a mailbox
    assert window.selected_entries() == []
    last = len(Column) - 1
    for column in range(len(Column)):  # every cell of the last row, one by one: a mailbox
        selection.select(proxy.index(2, column), flags.Select)
    cells = QItemSelection(proxy.index(1, 0), proxy.index(1, last))  # a whole row at once
    selection.select(cells, flags.Select)
    shown = [proxy.index(r, Column.MAILBOX).data() for r in (1, 2)]
    assert [entry.address for entry in window.selected_entries()] == shown
