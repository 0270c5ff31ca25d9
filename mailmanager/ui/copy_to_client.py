"""Copy to a client: a mailbox's settings in the layout one client's setup dialog asks for,
and the code on its own (issue 19).

The two go to the clipboard one after the other, never together: the settings are ordinary
text (no secret), the code a sensitive item that clipboard managers keep no history of and
that is cleared after 30 seconds (``SecretClipboard``, through the inventory's ``copy_code``).
Nothing here is written to a file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core.model.accounts import Account
from mailmanager.ui.client_settings import Client, client_name, client_settings_text, guess_client
from mailmanager.ui.wizard.widgets import wrapped


class CopyToClientDialog(QDialog):
    """The settings for a chosen client, shown and copied, and a button for the code.

    Args:
        account: the mailbox.
        label: the code's label (its client, which picks the first layout shown).
        copy_code: copies the code as a sensitive clipboard item (the inventory's own).
    """

    def __init__(
        self,
        account: Account,
        label: str,
        copy_code: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account = account
        self._copy_code = copy_code
        self.setObjectName("copyToClient")
        self.setWindowTitle(self.tr("Copy the code %1 to its client").replace("%1", label))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                self.tr(
                    "Choose the client: its settings are shown in the order its account "
                    "dialog asks for them. Copy the settings, fill them in, then copy the "
                    "code into the password field."
                )
            )
        )
        choice = QHBoxLayout()
        client_label = QLabel(self.tr("C&lient:"))
        choice.addWidget(client_label)
        self.client = QComboBox()
        client_label.setBuddy(self.client)
        self.client.setObjectName("copyClientChoice")
        for client in Client:
            self.client.addItem(client_name(client), client.value)
        self.client.setCurrentIndex(self.client.findData(guess_client(label).value))
        self.client.currentIndexChanged.connect(self._fill)
        choice.addWidget(self.client, 1)
        layout.addLayout(choice)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("copyClientPreview")
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.preview, 1)
        self.status = QLabel()
        self.status.setObjectName("copyClientStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.copy_settings = QPushButton(self.tr("Copy the &settings"))
        self.copy_settings.setObjectName("copyClientSettings")
        self.copy_settings.clicked.connect(self.copy_settings_text)
        self.copy_code = QPushButton(self.tr("Copy the c&ode"))
        self.copy_code.setObjectName("copyClientCode")
        self.copy_code.setToolTip(
            self.tr("Marked as a password for clipboard managers and cleared after 30 seconds.")
        )
        self.copy_code.clicked.connect(lambda: self._copy_code())
        close = QPushButton(self.tr("&Close"))
        close.setObjectName("copyClientClose")
        close.clicked.connect(self.accept)
        row.addWidget(self.copy_settings)
        row.addWidget(self.copy_code)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self._fill()

    def chosen(self) -> Client:
        return Client(str(self.client.currentData()))

    def choose(self, client: Client) -> None:
        self.client.setCurrentIndex(self.client.findData(client.value))

    def text(self) -> str:
        return client_settings_text(self.account, self.chosen())

    def _fill(self) -> None:
        self.preview.setPlainText(self.text())

    def copy_settings_text(self) -> None:
        """The settings as ordinary text (no secret in them)."""
        board = QGuiApplication.clipboard()
        assert board is not None
        board.setText(self.text())
        self.status.setText(
            self.tr("Settings for %1 copied. Now fill them in, then copy the code.").replace(
                "%1", client_name(self.chosen())
            )
        )

    def show_status(self, text: str) -> None:
        self.status.setText(text)
