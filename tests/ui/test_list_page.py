"""The list page's panes: the side list of groups as wide as its entries (within bounds) until
the user drags it, and the width the user left kept across starts."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QSplitter

from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.group_list import MAX_WIDTH, MIN_WIDTH
from tests.helpers.sample_accounts import seed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def side_width(window: Any) -> int:
    return int(window.splitter.sizes()[0])


def test_the_side_list_is_as_wide_as_its_entries(
    make_window: Any, store: AccountStore, qtbot: Any
) -> None:
    saved = seed(store)
    window = make_window()
    window.resize(1120, 720)
    groups = window.splitter.group_list
    qtbot.waitUntil(lambda: groups.count() > 0)
    widest = max(
        groups.fontMetrics().horizontalAdvance(groups.item(i).text()) for i in range(groups.count())
    )
    # Narrower than the old fixed 190 px for the built-in entries, and every entry whole.
    qtbot.waitUntil(lambda: side_width(window) == groups.content_width())
    assert MIN_WIDTH <= side_width(window) < 190
    assert side_width(window) > widest
    # A long group name widens it, up to its bound (the name is then elided in the middle).
    store.update_account(saved["ok@163.com"].replace(group="客户 " + "很长的名字" * 12))
    window.watcher.notify()
    qtbot.waitUntil(lambda: side_width(window) == MAX_WIDTH, timeout=5000)


def test_the_width_the_user_left_is_kept(
    make_window: Any, store: AccountStore, settings: QSettings, qtbot: Any
) -> None:
    seed(store)
    window = make_window()
    window.resize(1120, 720)
    qtbot.waitUntil(lambda: window.splitter.group_list.count() > 0)
    window.splitter.moveSplitter(200, 1)  # as a drag of the handle does
    assert side_width(window) == 200
    window.close()
    again = make_window()
    again.resize(1120, 720)
    qtbot.waitUntil(lambda: again.splitter.group_list.count() > 0)
    assert side_width(again) == 200  # the entries no longer decide


def test_a_layout_from_before_the_side_pane_is_ignored(
    make_window: Any, store: AccountStore, settings: QSettings, qtbot: Any
) -> None:
    seed(store)
    old = QSplitter()  # the list and the details, as saved by earlier versions
    old.addWidget(QLabel())
    old.addWidget(QLabel())
    old.setSizes([950, 400])
    settings.setValue("mainWindow/splitter", old.saveState())
    window = make_window()
    groups = window.splitter.group_list
    qtbot.waitUntil(lambda: groups.count() > 0)
    qtbot.waitUntil(lambda: side_width(window) == groups.content_width())
    assert all(size > 0 for size in window.splitter.sizes())


def test_a_changed_count_is_set_in_place_and_the_width_fitted_once(qtbot: Any) -> None:
    """After each check one count changes: the entries stay (the same items, the choice kept)
    and the width is fitted once, not once per entry (which cost every reload ~30 ms with 50
    groups)."""
    from mailmanager.ui.group_list import GroupList
    from mailmanager.ui.list_scope import Scope, ScopeCounts, ScopeKind

    groups = GroupList()
    qtbot.addWidget(groups)
    counts = ScopeCounts(
        total=60, attention=1, unchecked=0, groups={f"客户 {n:02d}": 1 for n in range(50)}
    )
    groups.set_counts(counts)
    groups.choose(Scope(ScopeKind.GROUP, "客户 07"))
    items = [groups.item(i) for i in range(groups.count())]
    fitted: list[int] = []
    groups.entriesChanged.connect(lambda: fitted.append(groups.content_width()))
    groups.set_counts(ScopeCounts(total=60, attention=2, unchecked=0, groups=counts.groups))
    assert fitted == [groups.content_width()]  # one change, one fit
    assert [groups.item(i) for i in range(groups.count())] == items
    assert groups.item(1).text().endswith("(2)")
    assert groups.scope() == Scope(ScopeKind.GROUP, "客户 07")
    groups.set_counts(ScopeCounts(total=60, attention=2, unchecked=0, groups=counts.groups))
    assert len(fitted) == 1  # nothing changed: nothing done
