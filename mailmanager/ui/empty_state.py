"""What a first start shows instead of an empty list: what the app does and one clear button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mailmanager.ui import icons


class EmptyState(QWidget):
    """The first-run page. ``add_button`` opens the Add dialog (or the wizard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(14)
        layout.addStretch(2)
        logo = QLabel()
        logo.setObjectName("emptyStateIcon")
        logo.setPixmap(icons.app_pixmap(88, self.devicePixelRatioF()))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        title = QLabel(self.tr("No mailboxes yet"))
        title.setObjectName("emptyStateTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(
            self.tr(
                "Add a mailbox and its authorization code. mailmanager tests that receiving "
                "(IMAP) and sending (SMTP) work, and reminds you before a code expires or "
                "should be replaced."
            )
        )
        text.setObjectName("emptyStateText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A fixed width and a row without alignment flags let the layout use the label's
        # wrapped height (an aligned item is sized by its one-line hint and gets squashed).
        text.setFixedWidth(500)
        text.setMinimumHeight(text.heightForWidth(500))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(text)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button = QPushButton(self.tr("Add your first mailbox"))
        self.add_button.setObjectName("addFirstButton")
        self.add_button.setDefault(True)
        self.add_button.setMinimumHeight(40)
        self.add_button.setMinimumWidth(220)
        button_font = QFont(self.add_button.font())
        button_font.setBold(True)
        self.add_button.setFont(button_font)
        layout.addSpacing(6)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
