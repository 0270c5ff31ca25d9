"""A one-line label that shortens its text with "…" in the middle when the pane is narrow.

Addresses, login names and file paths have no spaces to wrap at: in a word-wrapping QLabel
they set the pane's minimum width, so a long enterprise address pushed the badge out of view
and gave the details pane a horizontal scroll bar. This label takes the width it is given,
keeps both ends (the domain stays visible) and shows the whole text in its tooltip. Its
context menu copies the whole text, and screen readers are given the whole text too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """``text()`` is the whole text; what is painted is shortened to fit."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(48)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._fit()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def copy(self) -> None:
        """Put the whole text (not the shortened one) on the clipboard."""
        QGuiApplication.clipboard().setText(self._full)

    def _menu(self, position: QPoint) -> None:
        if not self._full:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(QCoreApplication.translate("ElidedLabel", "Copy"), self.copy)
        menu.popup(self.mapToGlobal(position))

    def _fit(self) -> None:
        width = max(self.contentsRect().width(), 0)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, width)
        super().setText(shown)
