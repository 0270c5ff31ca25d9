"""The main window's actions, with their shortcuts and icons, shared by menu, toolbar and
context menu so that each command has one text, one shortcut and one enabled state."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from mailmanager.ui import icons
from mailmanager.ui.language import CHOICES

# Chinese (and Japanese) menus put the access key in brackets after the words: "文件(&F)".
_BRACKETED_KEY = re.compile(r"\s*[(（]&[^)）][)）]")


def button_text(text: str) -> str:
    """A menu text as a toolbar button shows it: no access key (neither "&E" nor a bracketed
    "(&E)", which Qt would show as "(E)"), no trailing ellipsis."""
    plain = _BRACKETED_KEY.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return plain.rstrip("…").removesuffix("...").strip()


class MainActions(QObject):
    """Every command of the main window as a ``QAction`` (object names end in ``Action``)."""

    def __init__(self, parent: QObject, palette: QPalette) -> None:
        super().__init__(parent)
        self._palette = palette
        self.add = self._make("addAction", self.tr("&Add mailbox…"), "add", ["Ctrl+N"])
        self.add.setToolTip(self.tr("Add a mailbox (Ctrl+N)"))
        self.import_table = self._make(
            "importTableAction", self.tr("&Import mailboxes from a spreadsheet…"), None, []
        )
        self.check_now = self._make("checkNowAction", self.tr("&Check now"), "check", ["F5"])
        self.check_now.setToolTip(self.tr("Test the selected mailbox's logins now (F5)"))
        self.check_all = self._make(
            "checkAllAction", self.tr("Check &all"), "check-all", ["Ctrl+Shift+R", "Shift+F5"]
        )
        self.check_all.setToolTip(self.tr("Test every mailbox that is not paused (Ctrl+Shift+R)"))
        self.edit = self._make("editAction", self.tr("&Edit…"), "edit", ["Ctrl+E"])
        self.edit.setToolTip(self.tr("Change the servers, names and dates (Ctrl+E)"))
        self.rotate = self._make("rotateAction", self.tr("&Replace code…"), "rotate", ["Ctrl+K"])
        self.rotate.setToolTip(self.tr("Enter a new authorization code (Ctrl+K)"))
        self.fix = self._make("fixAction", self.tr("F&ix…"), "fix", ["Ctrl+Shift+F"])
        self.fix.setToolTip(
            self.tr("Walk through the setup again to repair a failing mailbox (Ctrl+Shift+F)")
        )
        self.pause = self._make("pauseAction", self.tr("&Pause checks"), "pause", ["Ctrl+P"])
        self.pause.setToolTip(self.tr("Stop or restart automatic checks (Ctrl+P)"))
        self.copy_settings = self._make(
            "copySettingsAction", self.tr("Copy &settings"), "copy", ["Ctrl+Shift+C"]
        )
        self.copy_settings.setToolTip(
            self.tr("Copy the servers and ports, to set up another mail client (Ctrl+Shift+C)")
        )
        self.codes = self._make("codesAction", self.tr("C&odes…"), None, ["Ctrl+Shift+K"])
        self.codes.setToolTip(
            self.tr(
                "The mailbox's authorization codes, one per client: add, copy, revoke, audit "
                "(Ctrl+Shift+K)"
            )
        )
        self.move_to_group = self._make(
            "moveToGroupAction", self.tr("Move to &group…"), None, ["Ctrl+G"]
        )
        self.move_to_group.setToolTip(
            self.tr("Put the selected mailboxes in a group: a client, a team (Ctrl+G)")
        )
        self.remove = self._make("removeAction", self.tr("Re&move…"), "remove", ["Del"])
        self.remove.setToolTip(self.tr("Remove the mailbox and its code from this computer (Del)"))
        self.export_table = self._make(
            "exportTableAction", self.tr("E&xport for sending platforms…"), None, []
        )
        self.export_table.setToolTip(
            self.tr("A CSV of the servers and user names for a sending platform, without codes")
        )
        self.filter = self._make("filterAction", self.tr("&Find…"), None, ["Ctrl+F"])
        self.quit = self._make("quitAction", self.tr("&Quit"), None, ["Ctrl+Q"])
        self.about = self._make("aboutAction", self.tr("&About mailmanager"), None, [])

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        names = {
            "system": self.tr("System language"),
            "zh_CN": self.tr("简体中文"),
            "en": self.tr("English"),
        }
        self.languages: dict[str, QAction] = {}
        for choice in CHOICES:
            action = QAction(names[choice], self)
            action.setObjectName(f"language_{choice}_Action")
            action.setCheckable(True)
            action.setData(choice)
            self.language_group.addAction(action)
            self.languages[choice] = action

    def _make(self, name: str, text: str, icon: str | None, keys: list[str]) -> QAction:
        action = QAction(text, self)
        action.setIconText(button_text(text))
        action.setObjectName(name)
        if icon is not None:
            action.setIcon(icons.action_icon(icon, self._palette))
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        return action

    def set_paused_look(self, paused: bool) -> None:
        """Pause and Resume share one action; its text and icon follow the selection."""
        if paused:
            self.pause.setText(self.tr("Res&ume checks"))
            self.pause.setIcon(icons.action_icon("resume", self._palette))
        else:
            self.pause.setText(self.tr("&Pause checks"))
            self.pause.setIcon(icons.action_icon("pause", self._palette))
        self.pause.setIconText(button_text(self.pause.text()))

    # -- where the actions appear ------------------------------------------------------------

    def make_toolbar(self, parent: QWidget) -> QToolBar:
        """The main toolbar: add and check first, then the selected mailbox's commands."""
        bar = QToolBar(self.tr("Main toolbar"), parent)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(20, 20))
        bar.addAction(self.add)
        bar.addSeparator()
        bar.addActions([self.check_now, self.check_all])
        bar.addSeparator()
        for action in (self.edit, self.rotate, self.pause, self.copy_settings, self.remove):
            bar.addAction(action)
        for action in bar.actions():
            # Separators have no name: asking for their (private) widget class makes PySide
            # create the Python types of dozens of widget classes (~5 ms at start-up).
            if not action.objectName():
                continue
            button = bar.widgetForAction(action)
            if button is not None:
                button.setObjectName(f"{action.objectName()}Button")
        return bar

    def fill_menu_bar(self, menu_bar: QMenuBar) -> None:
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.add)
        file_menu.addAction(self.import_table)
        file_menu.addAction(self.export_table)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        account_menu = menu_bar.addMenu(self.tr("&Mailbox"))
        account_menu.setObjectName("mailboxMenu")
        account_menu.addActions([self.check_now, self.check_all])
        account_menu.addSeparator()
        # Fix after Replace code: where a failing mailbox is repaired.
        account_menu.addActions([self.edit, self.rotate, self.fix, self.codes, self.pause])
        account_menu.addAction(self.copy_settings)
        account_menu.addAction(self.move_to_group)
        account_menu.addSeparator()
        account_menu.addAction(self.remove)
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        view_menu.addAction(self.filter)
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        lang_menu.setObjectName("languageMenu")
        lang_menu.addActions(list(self.languages.values()))
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.about)

    def make_context_menu(self, parent: QWidget) -> QMenu:
        """The list's context menu for the mailbox under the pointer."""
        menu = QMenu(parent)
        menu.setObjectName("accountContextMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions([self.check_now, self.edit, self.rotate, self.fix, self.codes, self.pause])
        menu.addAction(self.copy_settings)
        menu.addAction(self.move_to_group)
        menu.addSeparator()
        menu.addAction(self.remove)
        return menu

    def account_actions(self) -> list[QAction]:
        """The actions that need a selected account (the context menu's, in order)."""
        return [
            self.check_now,
            self.edit,
            self.rotate,
            self.fix,
            self.codes,
            self.pause,
            self.copy_settings,
            self.move_to_group,
            self.remove,
        ]
