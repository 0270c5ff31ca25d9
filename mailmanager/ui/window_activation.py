"""Bring the main window in front of the user when a second start asks for it.

Window managers guard focus against programs that grab it on their own; raising is only
honoured for a window that is shown and not minimised, and ``activateWindow`` is the polite
request that X11 / Wayland compositors may still turn into a taskbar highlight.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def bring_forward(window: QWidget) -> None:
    """Show ``window`` (restoring it from the tray or the taskbar), raise it and ask for focus."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
