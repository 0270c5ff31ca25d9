"""Copying a code to the clipboard the way password managers do (issue 19).

A code on the clipboard is readable by every program and kept by clipboard managers, so it is
marked sensitive with the ``x-kde-passwordManagerHint`` MIME type ("secret": Klipper and
clipboard managers that honour it keep no history of it) and taken off the clipboard after
30 seconds, unless something else was copied meanwhile (the user's own copy is never cleared).
Only a digest of what was copied is kept to recognise it; the text itself goes to the
clipboard and nowhere else (never a file, never a log line).
"""

from __future__ import annotations

import hashlib
import logging

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from shiboken6 import isValid

log = logging.getLogger("mailmanager.ui.clipboard")

PASSWORD_HINT_MIME = "x-kde-passwordManagerHint"  # noqa: S105 - a MIME type's name
CLEAR_AFTER_MS = 30_000


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class SecretClipboard(QObject):
    """Puts sensitive text on the clipboard and clears it after ``clear_after_ms``.

    Args:
        clear_after_ms: how long the text stays (tests pass a short time).
    """

    def __init__(self, parent: QObject | None = None, *, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self._copied: bytes | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear_if_unchanged)

    @staticmethod
    def clipboard() -> QClipboard:
        board = QGuiApplication.clipboard()
        assert board is not None
        return board

    def copy(self, text: str) -> None:
        """Copy ``text`` marked as a secret; cleared after the time limit if still there."""
        mime = QMimeData()
        mime.setText(text)
        mime.setData(PASSWORD_HINT_MIME, b"secret")
        self.clipboard().setMimeData(mime)
        self._copied = _digest(text)
        self.timer.start()

    def clear_if_unchanged(self) -> None:
        """Clear the clipboard if it still holds what was copied here."""
        copied, self._copied = self._copied, None
        self.timer.stop()
        if copied is not None and _digest(self.clipboard().text()) == copied:
            self.clipboard().clear()
            log.info("copied code cleared from the clipboard")

    @property
    def pending(self) -> bool:
        """Something copied here may still be on the clipboard."""
        return self._copied is not None


_shared: SecretClipboard | None = None


def shared() -> SecretClipboard:
    """The application's one ``SecretClipboard``, owned by the application object.

    A window that copies a code may close (and be deleted) before the time is up: a timer it
    owned would die with it, and the code would stay on the clipboard for good. This one lives
    as long as the application, so the copied code is cleared on time whatever closed."""
    global _shared
    app = QGuiApplication.instance()
    if _shared is None or not isValid(_shared) or _shared.parent() is not app:
        _shared = SecretClipboard(app)
    return _shared
