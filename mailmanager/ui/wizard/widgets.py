"""Small widgets the wizard's pages share, each exposing one Qt property for ``registerField``.

QWizard fields read a widget property; the issue fixes what those properties hold (an empty
expiry as an invalid QDate). A plain QDateEdit cannot express that, so the wrapper here does,
with a notify signal QWizard can watch. The widgets the wizard shares with the edit dialog (the
server editor, the security and value choices, the reminder interval) are in
``ui/account_fields.py``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import ClassVar

from PySide6.QtCore import Property, QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box plus a date editor.

    ``date`` is an invalid QDate while the box is unticked. Setting an invalid QDate unticks it.

    Signals:
        dateChanged(QDate): the value (including "no date") changed.
    """

    dateChanged = Signal(QDate)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.check.setObjectName("expiryEnabled")
        self.edit = QDateEdit()
        self.edit.setObjectName("expiryDate")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        # A form label's mnemonic focuses its buddy only if it takes focus; the proxy hands
        # that focus to the tick box (Tab still stops there only once).
        self.setFocusProxy(self.check)
        self.setFocusPolicy(self.check.focusPolicy())
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(lambda _d: self._emit())

    def _on_toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self._emit()

    def _emit(self) -> None:
        self.dateChanged.emit(self._get_date())

    def _get_date(self) -> QDate:
        return self.edit.date() if self.check.isChecked() else QDate()

    def value(self) -> QDate:
        """The date, or an invalid QDate when there is none."""
        return self._get_date()

    def _set_date(self, value: QDate) -> None:
        if value is not None and value.isValid():
            self.edit.setDate(value)
            self.check.setChecked(True)
        else:
            self.check.setChecked(False)

    date = Property(QDate, _get_date, _set_date, notify=dateChanged)


class Notice(QFrame):
    """A framed note with a coloured bar: ``info``, ``warning``, ``error`` or ``success``.

    Colour is never the only cue: each kind starts with a symbol and the text says it.
    """

    COLORS: ClassVar[dict[str, str]] = {
        "info": "#1565C0",
        "warning": "#B26A00",
        "error": "#C62828",
        "success": "#2E7D32",
    }
    SYMBOLS: ClassVar[dict[str, str]] = {"info": "ℹ", "warning": "⚠", "error": "✖", "success": "✔"}

    def __init__(self, kind: str = "info", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.symbol = QLabel()
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        font = self.symbol.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.symbol.setFont(font)
        self.symbol.setFixedWidth(28)
        self.title = QLabel()
        self.title.setWordWrap(True)
        title_font = self.title.font()
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setOpenExternalLinks(False)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(4)
        text.addWidget(self.title)
        text.addWidget(self.body)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.symbol)
        row.addLayout(text, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.set_kind(kind)

    def set_kind(self, kind: str) -> None:
        color = self.COLORS.get(kind, self.COLORS["info"])
        self.symbol.setText(self.SYMBOLS.get(kind, "ℹ"))
        self.symbol.setStyleSheet(f"color: {color};")
        # The application's base colour, not this frame's: once a style sheet has painted the
        # frame, its own palette carries the previous kind's tint, and tinting that again
        # turned success grey-blue and failure grey-lilac.
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        self.kind = kind
        # Selected by a property, not the object name: tests and accessibility own that.
        self.setProperty("noticeKind", kind)
        self.background = _tint(color, base.name())
        self.setStyleSheet(
            f'QFrame[noticeKind="{kind}"] {{ border: 1px solid {color};'
            f" border-left: 5px solid {color}; border-radius: 4px;"
            f" background: {self.background}; }}"
        )

    def set_text(self, title: str, body: str = "") -> None:
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.body.setText(body)
        self.body.setVisible(bool(body))


def _tint(color: str, base: str, share: float = 0.14) -> str:
    """``color`` mixed into ``base`` at ``share``: a light tint on light and dark palettes."""
    c = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(base[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(bb + (cc - bb) * share) for cc, bb in zip(c, b, strict=True)]
    return "#" + "".join(f"{v:02x}" for v in mixed)


def ordered_list(items: Iterable[str]) -> str:
    """Rich text for a numbered list of plain-text items."""
    body = "".join(f"<li style='margin-bottom:4px'>{html.escape(item)}</li>" for item in items)
    return f"<ol style='margin-left:0; -qt-list-indent:1'>{body}</ol>"


def bullet_list(items: Iterable[str]) -> str:
    """Rich text for a bulleted list of plain-text items."""
    body = "".join(f"<li style='margin-bottom:3px'>{html.escape(item)}</li>" for item in items)
    return f"<ul style='margin-left:0; -qt-list-indent:1'>{body}</ul>"


def heading(text: str) -> QLabel:
    """A bold section label."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def wrapped(text: str = "", *, rich: bool = False) -> QLabel:
    """A word-wrapped label (plain text unless ``rich``)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label
