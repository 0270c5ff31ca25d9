"""The crash handler's presenter (``CrashDialogHost``), apart from the dialog it opens.

The app installs the crash handler right after the QApplication exists, long before the first
paint; the dialog's widget classes (``mailmanager.ui.crash_dialog``) load only when a report
has to be shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from mailmanager.ui.crash_dialog import CrashDialog


class CrashDialogHost:
    """The crash handler's presenter: one dialog at a time, later reports appended to it.

    Attributes:
        log_file: shown in the dialog so the user can find the written report.
        parent: returns the window to centre the dialog on (the main window, once it exists).
        on_quit: what "Quit mailmanager" does; quits the application by default.
    """

    def __init__(
        self,
        log_file: Path | None = None,
        parent: Callable[[], QWidget | None] | None = None,
        on_quit: Callable[[], None] | None = None,
    ) -> None:
        self.log_file = log_file
        self.parent = parent or (lambda: None)
        self.on_quit = on_quit or QCoreApplication.quit
        self.dialog: CrashDialog | None = None

    def __call__(self, report: str) -> None:
        if self.dialog is not None:
            self.dialog.add_report(report)
        else:
            from mailmanager.ui.crash_dialog import CrashDialog

            self.dialog = CrashDialog(report, self.log_file, self.parent())
            self.dialog.quitRequested.connect(self.on_quit)
            self.dialog.destroyed.connect(self._forget)
            self.dialog.show()  # a new top-level window opens in front
        self.dialog.activateWindow()

    def _forget(self) -> None:
        self.dialog = None
