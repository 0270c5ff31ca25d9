"""The account list's keyboard: it moves between mailboxes like a list, though it is a table."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mailmanager.core.model.accounts import AccountSummary
from mailmanager.ui.account_filter import AccountFilterModel
from mailmanager.ui.account_model import AccountModel, Column
from mailmanager.ui.account_view import AccountView
from tests.helpers.factories import make_account

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
ROWS = 60


def summary(n: int) -> AccountSummary:
    address = f"user{n:03d}@example.com"
    return AccountSummary(make_account(address, id=n + 1, created_at=NOW))


@pytest.fixture
def view(qtbot) -> AccountView:
    model = AccountModel(clock=lambda: NOW)
    model.set_summaries([summary(n) for n in range(ROWS)])
    proxy = AccountFilterModel()
    proxy.setSourceModel(model)
    view = AccountView(proxy)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(proxy.index(5, 0))
    view.setFocus()
    return view


def address(view: AccountView) -> str:
    return str(view.currentIndex().siblingAtColumn(Column.MAILBOX).data())


def test_home_and_end_go_to_the_first_and_last_mailbox(view: AccountView) -> None:
    QTest.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == ROWS - 1
    assert view.currentIndex().column() == Column.MAILBOX
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0


def test_left_and_right_keep_the_row_and_the_mailbox_column(view: AccountView) -> None:
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left):
        QTest.keyClick(view, key)
        assert (view.currentIndex().row(), view.currentIndex().column()) == (5, 0)
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (6, 0)


def test_typing_finds_a_mailbox_after_arrows_or_a_click_on_another_column(
    view: AccountView,
) -> None:
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClicks(view, "user042")
    assert address(view) == "user042@example.com"
    status_cell = view.model().index(10, Column.STATUS)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(status_cell).center()
    )
    assert view.currentIndex().column() == Column.STATUS
    interval = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(1)  # so the earlier typing counts as finished
    try:
        # Time itself is the condition: Qt starts a new type-ahead search once more than the
        # keyboard input interval (1 ms now) has passed since the last key.
        QTest.qWait(5)
        QTest.keyClick(view, Qt.Key.Key_U)
    finally:
        QApplication.setKeyboardInputInterval(interval)
    QTest.keyClicks(view, "ser017")
    assert address(view) == "user017@example.com"


def test_the_current_row_stays_visible_without_a_selection(view: AccountView) -> None:
    """Ctrl+click clears the selection; a frame in the highlight colour marks the row."""
    view.selectionModel().clearSelection()
    view.selectionModel().setCurrentIndex(
        view.model().index(5, 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    highlight = view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    row = view.visualRect(view.model().index(5, Column.CODE))
    top = [QColor(image.pixel(x, row.top())) for x in range(row.left() + 2, row.right() - 2, 9)]
    assert top and all(colour == highlight for colour in top)
    above = view.visualRect(view.model().index(3, Column.CODE))
    assert QColor(image.pixel(above.center().x(), above.top())) != highlight


class PaintedRegions(QObject):
    """Records the regions the view's viewport paints."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())  # type: ignore[attr-defined]
        return False


def test_a_changed_row_repaints_that_row_only(view: AccountView, qtbot) -> None:
    """Qt repaints the whole viewport for a change of more than one cell; the view repaints
    the changed rows only (a result arriving for one mailbox repainted every visible row)."""
    proxy = view.model()
    assert isinstance(proxy, AccountFilterModel)
    source = proxy.sourceModel()
    assert isinstance(source, AccountModel)
    painted = PaintedRegions()
    view.viewport().installEventFilter(painted)
    QApplication.processEvents()
    painted.regions.clear()
    row = 3
    top = view.rowViewportPosition(row)
    source.dataChanged.emit(source.index(row, 0), source.index(row, source.columnCount() - 1))
    qtbot.waitUntil(lambda: bool(painted.regions))
    QApplication.processEvents()
    whole = QRect(0, top, view.viewport().width(), view.rowHeight(row))
    assert all(whole.contains(region) for region in painted.regions)
    # A row scrolled out of sight is not painted at all.
    painted.regions.clear()
    far = ROWS - 1
    assert view.rowViewportPosition(far) > view.viewport().height()
    source.dataChanged.emit(source.index(far, 0), source.index(far, source.columnCount() - 1))
    QApplication.processEvents()
    assert painted.regions == []
    view.viewport().removeEventFilter(painted)
