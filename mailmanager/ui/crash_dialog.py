"""The dialog that shows an uncaught exception's report instead of the app silently vanishing.

The report comes from ``mailmanager.services.crash_handler`` already redacted. The dialog says
in plain words that the app is still running, shows the report in a read-only, copyable text
box, and offers Copy, Continue and Quit. The presenter that opens it (one dialog at a time,
later reports appended) is ``mailmanager.ui.crash_host.CrashDialogHost``; this module does not
import it, so the two form no import circle and installing the host loads no dialog classes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["SEPARATOR", "CrashDialog"]

SEPARATOR = "\n" + "-" * 72 + "\n"


class CrashDialog(QDialog):
    """Shows one or more crash reports, copyable, and lets the user continue or quit.

    Signals:
        quitRequested(): the user chose to quit the app.
    """

    quitRequested = Signal()

    def __init__(
        self, report: str, log_file: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("mailmanager: unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._reports = [report]

        heading = QLabel(self.tr("Something went wrong inside mailmanager."), self)
        heading.setObjectName("crashHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        explanation = QLabel(
            self.tr(
                "The app is still running, but what you just did may not have finished. "
                "The report below has also been written to the log, with authorization codes "
                "removed. Please copy it into a bug report if the problem comes back."
            ),
            self,
        )
        explanation.setWordWrap(True)

        self._text = QPlainTextEdit(self)
        self._text.setObjectName("crashReport")
        self._text.setReadOnly(True)
        self._text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._text.setPlainText(report)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self._text, 1)
        if log_file is not None:
            where = QLabel(self.tr("Log file:") + " " + str(log_file), self)
            where.setObjectName("crashLogFile")
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)

        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy report"), self)
        self.copy_button.setObjectName("crashCopy")
        self.quit_button = QPushButton(self.tr("Quit mailmanager"), self)
        self.quit_button.setObjectName("crashQuit")
        self.continue_button = QPushButton(self.tr("Continue"), self)
        self.continue_button.setObjectName("crashContinue")
        self.continue_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(buttons)

        self.copy_button.clicked.connect(self.copy_report)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self._quit)
        self.resize(720, 480)

    def report_text(self) -> str:
        """Every report shown so far, oldest first."""
        return SEPARATOR.join(self._reports)

    def add_report(self, report: str) -> None:
        """Append a later report to the open dialog."""
        self._reports.append(report)
        self._text.setPlainText(self.report_text())

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())

    def _quit(self) -> None:
        self.quitRequested.emit()
        self.reject()
