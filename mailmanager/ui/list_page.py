"""The page that shows the mailboxes: the filter box above the list, the details pane beside it.

Built by the main window when the store first has a mailbox (a first start with an empty store
shows the first-run page and never loads the list's view, delegates and details pane). The
main window wires its signals; this module only lays the widgets out. The filter box sits above
the list it filters, so it never ends up in the toolbar's overflow menu on a narrow window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QDataStream,
    QEvent,
    QIODevice,
    QObject,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mailmanager.ui import icons
from mailmanager.ui.account_view import AccountView
from mailmanager.ui.details_pane import DetailsPane
from mailmanager.ui.group_list import MIN_WIDTH, GroupList


class ListPage(QSplitter):
    """The side list of groups, the filter box and list (or the "no match" label) on the left,
    the details pane on the right."""

    def __init__(
        self,
        model: QAbstractItemModel,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("mainSplitter")
        self.view = AccountView(model)
        self.filter_edit = self._make_filter_edit()
        self.filter_edit.installEventFilter(self)
        self.no_match = QLabel()
        self.no_match.setObjectName("noMatchLabel")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setTextFormat(Qt.TextFormat.RichText)  # the filter text is escaped
        self.no_match.linkActivated.connect(lambda _link: self.filter_edit.clear())
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.no_match)
        self.details = DetailsPane(clock=clock)
        self.group_list = GroupList()

        list_pane = QWidget()
        list_pane.setObjectName("listPane")
        list_layout = QVBoxLayout(list_pane)
        list_layout.setContentsMargins(0, 6, 0, 0)
        list_layout.setSpacing(6)
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(6, 0, 6, 0)
        filter_row.addWidget(self.filter_edit)
        list_layout.addLayout(filter_row)
        list_layout.addWidget(self.list_stack, 1)
        # Three panes of one splitter, so the main window's one saved splitter state keeps the
        # side list's width too. The side list takes no share of a wider window.
        self.addWidget(self.group_list)
        self.addWidget(list_pane)
        self.addWidget(self.details)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 3)
        self.setStretchFactor(2, 2)
        self.setChildrenCollapsible(False)
        self.setSizes([MIN_WIDTH, _LIST_SHARE, _DETAILS_SHARE])
        # Until the user drags a handle (or a saved layout is restored) the side list follows
        # its entries: as wide as the longest one, within its bounds.
        self._side_fitted = True
        self._fitted_width = -1  # the entries' width the side list was last fitted to
        self.splitterMoved.connect(self._user_moved)
        self.group_list.entriesChanged.connect(self._entries_changed)
        # Left to right, top to bottom: the groups, the filter box, the list, then the details.
        QWidget.setTabOrder(self.group_list, self.filter_edit)
        QWidget.setTabOrder(self.filter_edit, self.view)
        QWidget.setTabOrder(self.view, self.details)

    def _user_moved(self, _position: int, _index: int) -> None:
        self._side_fitted = False

    def _entries_changed(self) -> None:
        # After most checks only a count changed and the widest entry did not: the width is
        # then already right, and setting the sizes again would lay the window out anew.
        if self.group_list.content_width() != self._fitted_width:
            self._fit_side_list()

    def _fit_side_list(self) -> None:
        if not self._side_fitted:
            return
        sizes = self.sizes()
        wanted = self._fitted_width = self.group_list.content_width()
        # The rest in the default proportion, whatever size the window has.
        rest = max(0, sum(sizes) - wanted)
        details = rest * _DETAILS_SHARE // (_LIST_SHARE + _DETAILS_SHARE)
        fitted = [wanted, rest - details, details]
        if len(sizes) == 3 and sizes != fitted:
            self.setSizes(fitted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_side_list()

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview, /) -> bool:
        """Restore the sizes the user left; a layout saved when the side list was not a pane
        of its own (two sizes) is ignored rather than read as three."""
        saved = state if isinstance(state, QByteArray) else QByteArray(bytes(state))
        if _pane_count(saved) != self.count():
            return False
        restored = super().restoreState(saved)
        if restored:
            self._side_fitted = False  # the user's width, not the entries'
        return restored

    def _make_filter_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName("filterEdit")
        # The main window's translation context, where these strings have always been.
        edit.setPlaceholderText(QCoreApplication.translate("MainWindow", "Filter mailboxes"))
        edit.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Filter by address, name, provider or status (Ctrl+F)"
            )
        )
        edit.setClearButtonEnabled(True)
        edit.addAction(
            icons.action_icon("filter", self.palette()), QLineEdit.ActionPosition.LeadingPosition
        )
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The filter box's keys: Esc empties it; Down, Enter and Return go to the list."""
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter_list()
                return True
        return super().eventFilter(watched, event)

    def _enter_list(self) -> None:
        model = self.view.model()
        if model is None or model.rowCount() == 0:
            return
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(model.index(0, 0))
        self.view.setFocus(Qt.FocusReason.TabFocusReason)


def _pane_count(state: QByteArray) -> int:
    """How many pane sizes a ``QSplitter.saveState()`` holds (-1 when it is not one): a magic
    number, a version, then the list of sizes, each a 32-bit integer."""
    stream = QDataStream(state, QIODevice.OpenModeFlag.ReadOnly)
    marker = stream.readInt32()
    stream.readInt32()  # the format's version
    count = stream.readInt32()
    if marker != _SPLITTER_MAGIC or stream.status() != QDataStream.Status.Ok:
        return -1
    return count


_LIST_SHARE, _DETAILS_SHARE = 820, 420  # the list and the details pane, beside the side list
_SPLITTER_MAGIC = 0xFF  # QSplitter's marker at the start of its saved state
