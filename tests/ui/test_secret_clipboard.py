"""The code on the clipboard: marked as a secret, gone after the time limit, and the user's
own later copy left alone (issue 19)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from mailmanager.ui.secret_clipboard import CLEAR_AFTER_MS, PASSWORD_HINT_MIME, SecretClipboard

CODE = "FoxmailCodeWxyz5678"


def test_copied_code_is_marked_and_cleared_after_the_timeout(qtbot: Any) -> None:
    clipboard = SecretClipboard(clear_after_ms=200)
    assert SecretClipboard().timer.interval() == CLEAR_AFTER_MS == 30_000
    clipboard.copy(CODE)
    board = QGuiApplication.clipboard()
    assert board.text() == CODE
    mime = board.mimeData()
    assert mime is not None and bytes(mime.data(PASSWORD_HINT_MIME).data()) == b"secret"
    qtbot.waitUntil(lambda: board.text() == "", timeout=3000)
    assert not clipboard.pending


def test_something_copied_since_is_not_cleared(qtbot: Any) -> None:
    clipboard = SecretClipboard(clear_after_ms=200)
    clipboard.copy(CODE)
    board = QGuiApplication.clipboard()
    board.setText("the user's own text")
    qtbot.waitUntil(lambda: not clipboard.pending, timeout=3000)
    assert board.text() == "the user's own text"
