"""The side list of groups and built-in filters, and the group in the edit dialog."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.list_scope import ALL, Scope, ScopeKind
from tests.helpers.sample_accounts import seed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def shown(window) -> list[str]:
    proxy = window.proxy
    return sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount()))


def entries(window) -> list[str]:
    groups = window.splitter.group_list
    return [groups.item(i).text() for i in range(groups.count())]


def group_of(store: AccountStore, address: str) -> str | None:
    account = store.find_by_address(address)
    return None if account is None else account.group


def grouped(store: AccountStore) -> None:
    saved = seed(store)
    for address, group in (("ok@163.com", "Client A"), ("rejected@qq.com", "Client A"),
                           ("soon@example.com", "Campaign 7")):  # fmt: skip
        store.update_account(saved[address].replace(group=group))


def test_side_list_counts_and_filters(make_window, store: AccountStore, qtbot) -> None:
    grouped(store)
    window = make_window()
    assert entries(window) == [
        "All mailboxes (5)",
        "Needs attention (2)",  # the code rejected, the code expiring soon
        "Not checked yet (1)",
        "Groups",
        "Campaign 7 (1)",
        "Client A (2)",
        "No group (2)",
    ]
    groups = window.splitter.group_list
    groups.choose(Scope(ScopeKind.GROUP, "Client A"))
    assert shown(window) == ["ok@163.com", "rejected@qq.com"]
    qtbot.keyClicks(window.filter_edit, "qq")  # the filter box narrows within the group
    assert shown(window) == ["rejected@qq.com"]
    window.filter_edit.clear()
    groups.choose(Scope(ScopeKind.ATTENTION))
    assert shown(window) == ["rejected@qq.com", "soon@example.com"]
    groups.choose(Scope(ScopeKind.UNCHECKED))
    assert shown(window) == ["new@example.org"]
    groups.choose(Scope(ScopeKind.GROUP, ""))
    assert shown(window) == ["new@example.org", "paused@126.com"]
    groups.choose(ALL)
    assert len(shown(window)) == 5


def test_a_gone_group_falls_back_to_all(make_window, store: AccountStore, qtbot, app_paths) -> None:
    grouped(store)
    window = make_window()
    window.splitter.group_list.choose(Scope(ScopeKind.GROUP, "Campaign 7"))
    assert shown(window) == ["soon@example.com"]
    with AccountStore.open(app_paths.database) as other:  # like the CLI in another process
        account = other.find_by_address("soon@example.com")
        assert account is not None
        other.update_account(account.replace(group=""))
    qtbot.waitUntil(lambda: len(shown(window)) == 5, timeout=3000)
    assert window.splitter.group_list.scope() == ALL
    assert "Campaign 7 (1)" not in entries(window)


def test_an_empty_built_in_filter_says_so(make_window, store: AccountStore) -> None:
    saved = seed(store)
    gone = saved["new@example.org"].id
    assert gone is not None
    store.remove_account(gone)
    window = make_window()
    window.splitter.group_list.choose(Scope(ScopeKind.UNCHECKED))
    assert window.list_stack.currentWidget() is window.no_match
    assert "No mailbox in this list" in window.no_match.text()
    window.no_match.linkActivated.emit("#clear")
    assert window.splitter.group_list.scope() == ALL
    assert window.proxy.rowCount() == 4


def test_edit_dialog_sets_the_group(make_window, store: AccountStore, qtbot) -> None:
    grouped(store)
    window = make_window()
    account = store.find_by_address("new@example.org")
    assert account is not None and account.id is not None
    window.select_account(account.id)
    dialog = window.edit_selected()
    combo = dialog.findChild(QComboBox, "groupCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Campaign 7", "Client A"]
    assert combo.currentText() == ""
    edit = combo.lineEdit()
    assert isinstance(edit, QLineEdit) and edit.maxLength() == 100
    combo.setEditText("  Client   B ")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: group_of(store, "new@example.org") == "Client B", timeout=5000)
    qtbot.waitUntil(lambda: "Client B (1)" in entries(window), timeout=3000)


def test_groups_are_matched_as_written_and_found_by_the_filter_box(
    make_window, store: AccountStore, qtbot
) -> None:
    saved = seed(store)
    store.update_account(saved["ok@163.com"].replace(group="Client A"))
    store.update_account(saved["new@example.org"].replace(group="client a"))
    window = make_window()
    groups = window.splitter.group_list
    groups.choose(Scope(ScopeKind.GROUP, "Client A"))
    assert shown(window) == ["ok@163.com"]
    groups.choose(ALL)
    qtbot.keyClicks(window.filter_edit, "CLIENT")  # the filter box finds group names, any case
    assert shown(window) == ["new@example.org", "ok@163.com"]
    window.filter_edit.setText("unchecked")  # never the scopes' marks
    assert shown(window) == []


def test_choosing_a_group_with_everything_selected_handles_the_selection_once(
    make_window, store: AccountStore, qtbot
) -> None:
    """Rows leave the list in runs when a group is chosen, each a selection change while they
    are selected: after Ctrl+A the window handled every one (a second and more with ten
    thousand mailboxes). It now looks at the selection once, when the list has settled, and
    the mailboxes left in the group stay selected."""
    from tests.helpers.sample_accounts import sample_account

    for n in range(120):  # alternate groups: the rows leave in 60 runs
        store.add_account(sample_account(f"m{n:03d}@163.com", group="A" if n % 2 else "B"))
    window = make_window()
    window.view.setFocus()
    window.view.selectAll()
    assert len(window.selected_entries()) == 120
    settled: list[int] = []
    show_details = window._show_details

    def counted() -> None:
        settled.append(len(window.selected_entries()))
        show_details()

    window._show_details = counted
    window.splitter.group_list.choose(Scope(ScopeKind.GROUP, "A"))
    assert settled == [60]
    assert sorted(e.address for e in window.selected_entries()) == shown(window)
    assert "60 mailbox(es) selected" in window.details.several.text()
    window.filter_edit.setText("m00")  # the filter box likewise
    assert settled == [60, 5]
