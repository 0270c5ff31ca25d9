"""The system tray icon: the overall state at a glance, and a small menu.

Only created where the desktop has a tray (``QSystemTrayIcon.isSystemTrayAvailable()``); GNOME
has none by default, and there the app quits when its window closes instead of vanishing into
an invisible tray. The icon is the app icon, with a red count of the mailboxes that need
attention; the tooltip says the same in words.

Signals:
    openRequested(): show the main window.
    checkAllRequested(): check every account now.
    quitRequested(): quit the app.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from mailmanager.ui import icons

ICON_SIZE = 64


def tray_pixmap(attention: int, size: int = ICON_SIZE) -> QPixmap:
    """The app icon with a red count in the corner when ``attention`` > 0."""
    pixmap = icons.app_pixmap(size)
    if attention <= 0:
        return pixmap
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    badge = QRectF(size * 0.45, size * 0.45, size * 0.55, size * 0.55)
    painter.setPen(QColor("#ffffff"))
    painter.setBrush(QColor("#d32f2f"))
    painter.drawEllipse(badge)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.34 if attention < 10 else 0.26)))
    painter.setFont(font)
    painter.drawText(
        badge, Qt.AlignmentFlag.AlignCenter, str(attention) if attention < 100 else "99+"
    )
    painter.end()
    return pixmap


class TrayIcon(QObject):
    """Owns the QSystemTrayIcon and its menu (see the module docstring)."""

    openRequested = Signal()
    checkAllRequested = Signal()
    quitRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(self)
        self.icon.setObjectName("trayIcon")
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.open_action = QAction(self.tr("Open mailmanager"), self.menu)
        self.open_action.setObjectName("trayOpen")
        self.check_action = QAction(self.tr("Check all mailboxes"), self.menu)
        self.check_action.setObjectName("trayCheckAll")
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.quit_action.setObjectName("trayQuit")
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.check_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.open_action.triggered.connect(self.openRequested)
        self.check_action.triggered.connect(self.checkAllRequested)
        self.quit_action.triggered.connect(self.quitRequested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.attention = -1
        self.set_attention(0)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @Slot(int)
    def set_attention(self, count: int) -> None:
        """Show how many mailboxes need attention (0: all good)."""
        if count == self.attention:
            return
        self.attention = count
        self.icon.setIcon(QIcon(tray_pixmap(count)))
        if count:
            tip = self.tr("Mailboxes that need attention: %n", "", count)
        else:
            tip = self.tr("All mailboxes are working")
        self.icon.setToolTip(f"mailmanager\n{tip}")

    def tooltip(self) -> str:
        return self.icon.toolTip()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()


class TraySink:
    """Notifications as tray balloons (where a tray exists)."""

    def __init__(self, tray: TrayIcon) -> None:
        self._tray = tray

    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        if not self._tray.icon.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if urgent
            else QSystemTrayIcon.MessageIcon.Information
        )
        self._tray.icon.showMessage(title, body, icon, 10_000)
        return True
