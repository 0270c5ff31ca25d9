"""The main window's side list: all mailboxes, the built-in filters, and each group, with counts.

Rebuilt from the account model's counts (``AccountModel.scope_counts``, one pass over the rows)
after every refresh, and only touched when a count or a name changed, so ten thousand mailboxes
cost the list about a millisecond. Choosing an entry sets the filter proxy's scope
(``ui.list_scope``); the choice is kept across refreshes, and falls back to "All mailboxes"
when its group has gone.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QWidget,
)

from mailmanager.ui.list_scope import ALL, Scope, ScopeCounts, ScopeKind

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1
# The list is as wide as its longest entry, within these bounds (device-independent pixels): wide
# enough for "Needs attention (12)" or a short group name, never a fifth of a 1120 px window.
MIN_WIDTH = 110
MAX_WIDTH = 240


class GroupList(QListWidget):
    """The scopes with their counts (see the module docstring).

    Signals:
        scopeChosen(): the user chose another entry; read ``scope()``.
    """

    scopeChosen = Signal()
    entriesChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupList")
        self.setAccessibleName(self.tr("Groups and filters"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setMinimumWidth(MIN_WIDTH)
        self.setMaximumWidth(MAX_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setUniformItemSizes(True)
        # Rows with room around the text, like the list beside it (a bare list looks cramped).
        self._row = QSize(0, self.fontMetrics().height() + 12)
        self._shown: list[tuple[Scope | None, str]] = []
        self._scope = ALL
        self.currentItemChanged.connect(self._current_changed)

    def scope(self) -> Scope:
        return self._scope

    def content_width(self) -> int:
        """The width that shows every entry whole (a vertical scroll bar included), within
        ``MIN_WIDTH`` and ``MAX_WIDTH``; a longer group name is elided in the middle."""
        plain = self.fontMetrics()
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        widest = 0
        for scope, text in self._shown:  # a heading (no scope) is bold
            metrics = bold if scope is None else plain
            widest = max(widest, metrics.horizontalAdvance(text))
        style = self.style()
        # The item's text margins on both sides, the frame, and room for a scroll bar.
        margins = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 4)
        frame = 2 * self.frameWidth()
        scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return max(MIN_WIDTH, min(MAX_WIDTH, widest + margins + frame + scroll))

    def sizeHint(self) -> QSize:
        return QSize(self.content_width(), super().sizeHint().height())

    def set_counts(self, counts: ScopeCounts) -> None:
        """Show ``counts``: nothing is touched when no text changed, only the changed texts
        when the same entries are shown (after a check: one count), and the entries are built
        again when a group came or went. ``entriesChanged`` follows any change, once."""
        entries = self._entries(counts)
        if entries == self._shown:
            return
        if [scope for scope, _ in entries] == [scope for scope, _ in self._shown]:
            for position, ((_scope, text), (_old, before)) in enumerate(
                zip(entries, self._shown, strict=True)
            ):
                item = self.item(position)
                if text != before and item is not None:
                    item.setText(text)
                    item.setToolTip(text)
            self._shown = entries
            self.entriesChanged.emit()
            return
        self._shown = entries
        wanted = self._scope if any(scope == self._scope for scope, _ in entries) else ALL
        self.blockSignals(True)
        try:
            self.clear()
            for position, (scope, text) in enumerate(entries):
                item = QListWidgetItem(text)
                item.setSizeHint(self._row)
                if scope is None:  # a heading: not selectable, but not greyed out either
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(font)
                else:
                    # An index into _shown: Qt would turn a tuple into a list.
                    item.setData(SCOPE_ROLE, position)
                    item.setToolTip(text)
                self.addItem(item)
                if scope == wanted:
                    self.setCurrentItem(item)
        finally:
            self.blockSignals(False)
        self.entriesChanged.emit()
        if wanted != self._scope:
            self._scope = wanted
            self.scopeChosen.emit()

    def choose(self, scope: Scope) -> None:
        """Select ``scope``'s entry (when it is shown)."""
        for position, (shown, _text) in enumerate(self._shown):
            if shown == scope:
                self.setCurrentRow(position)
                return

    def _entries(self, counts: ScopeCounts) -> list[tuple[Scope | None, str]]:
        def line(name: str, count: int) -> str:
            return self.tr("%1 (%2)").replace("%1", name).replace("%2", str(count))

        entries: list[tuple[Scope | None, str]] = [
            (ALL, line(self.tr("All mailboxes"), counts.total)),
            (Scope(ScopeKind.ATTENTION), line(self.tr("Needs attention"), counts.attention)),
            (Scope(ScopeKind.UNCHECKED), line(self.tr("Not checked yet"), counts.unchecked)),
        ]
        named = sorted((g for g in counts.groups if g), key=str.casefold)
        if named:
            entries.append((None, self.tr("Groups")))
            for group in named:
                entries.append((Scope(ScopeKind.GROUP, group), line(group, counts.groups[group])))
            ungrouped = counts.groups.get("", 0)
            if ungrouped:
                entries.append((Scope(ScopeKind.GROUP, ""), line(self.tr("No group"), ungrouped)))
        return entries

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        position = current.data(SCOPE_ROLE)
        scope = self._shown[position][0] if isinstance(position, int) else None
        if scope is not None and scope != self._scope:
            self._scope = scope
            self.scopeChosen.emit()
