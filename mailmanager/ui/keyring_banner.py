"""The main window's banner when no secure keyring is available (issue 14, item 6 of the note).

Shown at start, as soon as the keyring thread has found that no secure keyring can hold codes:
what is wrong, what to install (GNOME Keyring, KWallet) and a button to look again. The texts are
shared with the setup wizard, which says the same before the user creates a code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mailmanager.services.keyring_status import KeyringStatus


def no_keyring_title() -> str:
    return QCoreApplication.translate("KeyringBanner", "No secure keyring is available")


def no_keyring_text() -> str:
    return QCoreApplication.translate(
        "KeyringBanner",
        "mailmanager keeps authorization codes only in the system keyring, and none is "
        "available, so codes can neither be saved nor read for checks. Install and start a "
        "keyring service (GNOME Keyring, package gnome-keyring, or KWallet), then check again.",
    )


def no_keyring_wizard_text() -> str:
    return QCoreApplication.translate(
        "KeyringBanner",
        "The code you are about to create could not be saved: mailmanager keeps codes only in "
        "the system keyring, and none is available. Install and start GNOME Keyring (package "
        "gnome-keyring) or KWallet first, then add the mailbox.",
    )


class KeyringBanner(QFrame):
    """A warning strip above the list; hidden while a secure keyring is available."""

    def __init__(self, status: KeyringStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName("keyringBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#keyringBanner { background: #FFF4E5; border: 1px solid #B26A00; border-radius: 4px; }"
            " #keyringBanner QLabel { color: #3E2600; }"
        )
        self.title = QLabel(no_keyring_title())
        self.title.setObjectName("keyringBannerTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(no_keyring_text())
        self.body.setObjectName("keyringBannerText")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recheck = QPushButton(self.tr("Check again"))
        self.recheck.setObjectName("keyringRecheck")
        self.recheck.clicked.connect(lambda: status.check(rediscover=True))
        symbol = QLabel("⚠")
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.body)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(symbol)
        row.addLayout(texts, 1)
        row.addWidget(self.recheck, 0, Qt.AlignmentFlag.AlignVCenter)
        status.changed.connect(self._changed)
        status.checking.connect(self._checking)
        self.setVisible(status.problem is not None)

    def _checking(self, busy: bool) -> None:
        self.recheck.setEnabled(not busy)
        self.recheck.setText(self.tr("Checking…") if busy else self.tr("Check again"))

    def _changed(self) -> None:
        self.setVisible(self.status.problem is not None)
