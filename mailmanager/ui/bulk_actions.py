"""What the main window does to several selected mailboxes at once.

Pause or resume, move to a group, copy settings and remove, for a selection of any size (Ctrl+A
in the list selects every shown mailbox). Each is an ``async`` slot on qasync's loop: the GUI
thread only collects the ids and shows the answer, while the registry does the work in one
transaction on the keyring thread (``AccountOps.run``), so a thousand mailboxes never stall the
window; the list is refreshed once, at the end.

Removing asks once, listing the mailboxes (all of them in the details), and afterwards reminds
once to revoke the codes, with each provider's web-settings page (``provider_info``'s link) and
how many of the removed mailboxes it concerns. Copying settings puts every mailbox's client
settings (never a code) on the clipboard.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, ParamSpec

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from mailmanager.core.model.accounts import Account
from mailmanager.ui.account_fields import GroupCombo

if TYPE_CHECKING:
    from mailmanager.core.registry import Registry
    from mailmanager.ui.main_window import MainWindow

log = logging.getLogger("mailmanager.ui")

P = ParamSpec("P")
LISTED = 12  # mailboxes named in a question's text; the details hold the whole list


def async_slot(*types: type) -> Callable[[Callable[P, Awaitable[None]]], Callable[P, object]]:
    """qasync's ``asyncSlot`` with types for mypy: calling the slot starts it as a task on
    qasync's loop and returns at once."""
    decorator: Callable[[Callable[P, Awaitable[None]]], Callable[P, object]] = asyncSlot(*types)
    return decorator


class MoveToGroupDialog(QDialog):
    """Asks for the group to move the selected mailboxes to (a new name may be typed)."""

    def __init__(self, count: int, groups: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("moveToGroupDialog")
        self.setWindowTitle(self.tr("Move to group"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Move %n mailbox(es) to the &group:", "", count))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.combo = GroupCombo(list(groups))
        label.setBuddy(self.combo)
        layout.addWidget(self.combo)
        hint = QLabel(self.tr("Leave it empty to take them out of any group."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("moveButton")
        ok.setText(self.tr("&Move"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)


def address_list(addresses: Sequence[str]) -> str:
    """The first ``LISTED`` addresses, one a line, and how many more there are."""
    lines = list(addresses[:LISTED])
    if len(addresses) > LISTED:
        more = len(addresses) - LISTED
        lines.append(QCoreApplication.translate("BulkActions", "… and %n more", "", more))
    return "\n".join(lines)


class BulkActions(QObject):
    """The bulk commands of ``window`` (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_dialog: QDialog | None = None  # the open question or reminder (for tests)

    # -- pause / resume ---------------------------------------------------------------------

    @async_slot()
    async def toggle_pause(self) -> None:
        """Pause every selected mailbox, or resume them when all are paused already."""
        window = self.window
        entries = window.selected_entries()
        if not entries:
            return
        paused = not all(entry.paused for entry in entries)
        ids = [entry.id for entry in entries]
        try:
            await window.ops.run(lambda registry: registry.set_paused(ids, paused))
        except Exception as exc:
            window.report_failure(exc)
            return
        window.show_changed([entry._replace(paused=paused) for entry in entries])
        text = (
            self.tr("Paused checks of %n mailbox(es).", "", len(ids))
            if paused
            else self.tr("Resumed checks of %n mailbox(es).", "", len(ids))
        )
        window.statusBar().showMessage(text, 8000)

    # -- move to group ------------------------------------------------------------------------

    def ask_group(self) -> MoveToGroupDialog | None:
        """Open the question (window-modal, non-blocking); moving follows an OK."""
        window = self.window
        ids = [entry.id for entry in window.selected_entries()]
        if not ids:
            return None
        dialog = MoveToGroupDialog(len(ids), window.model.groups(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.move_to_group(ids, dialog.combo.group()))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @async_slot(list, str)
    async def move_to_group(self, ids: list[int], group: str) -> None:
        window = self.window
        try:
            saved = await window.ops.run(lambda registry: registry.move_to_group(ids, group))
        except Exception as exc:
            window.report_failure(exc)
            return
        group = saved[0].group if saved else group  # as kept (cleaned)
        window.show_changed([entry._replace(group=group) for entry in window.model.entries_of(ids)])
        if group:
            text = self.tr("Moved %n mailbox(es) to “%1”.", "", len(ids)).replace("%1", group)
        else:
            text = self.tr("Took %n mailbox(es) out of their group.", "", len(ids))
        window.statusBar().showMessage(text, 8000)

    # -- copy settings ----------------------------------------------------------------------

    @async_slot()
    async def copy_settings(self) -> None:
        """Every selected mailbox's client settings, one after the other (no codes)."""
        from mailmanager.ui.client_settings import client_settings_text

        window = self.window
        ids = [entry.id for entry in window.selected_entries()]
        if not ids:
            return

        def texts(registry: Registry) -> str:
            # Read and written on the keyring thread (translate is thread-safe): a thousand
            # mailboxes' texts took ~50 ms of the GUI thread.
            accounts = [registry.store.get_account(i) for i in ids]
            return "\n\n".join(client_settings_text(account) for account in accounts)

        try:
            text = await window.ops.run(texts)
        except Exception as exc:
            window.report_failure(exc)
            return
        QGuiApplication.clipboard().setText(text)
        window.statusBar().showMessage(
            self.tr("Settings of %n mailbox(es) copied to the clipboard.", "", len(ids)),
            8000,
        )

    # -- remove -------------------------------------------------------------------------------

    def ask_removal(self) -> QMessageBox | None:
        """One question listing the selected mailboxes; removing follows a yes."""
        window = self.window
        entries = window.selected_entries()
        if not entries:
            return None
        addresses = [entry.address for entry in entries]
        box = QMessageBox(window)
        box.setObjectName("removeConfirmation")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove mailboxes"))
        box.setText(self.tr("Remove %n mailbox(es) from mailmanager?", "", len(addresses)))
        box.setInformativeText(
            address_list(addresses)
            + "\n\n"
            + self.tr(
                "Their settings, their check history and their codes in the keyring will be "
                "deleted from this computer. The codes themselves still work until you revoke "
                "them: the next window links to each provider's web settings."
            )
        )
        if len(addresses) > LISTED:
            box.setDetailedText("\n".join(addresses))
        remove: QAbstractButton = box.addButton(
            self.tr("&Remove %n mailbox(es)", "", len(addresses)),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        remove.setObjectName("confirmRemoveButton")
        cancel = box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelRemoveButton")
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ids = [entry.id for entry in entries]

        def answered() -> None:
            if box.clickedButton() is remove:
                for account_id in ids:
                    self.window.removing.emit(account_id)  # their checks stop, sending nothing
                self.remove(ids)

        box.finished.connect(answered)
        self.last_dialog = box
        box.open()
        return box

    @async_slot(list)
    async def remove(self, ids: list[int]) -> None:
        window = self.window
        try:
            removed = await window.ops.run(lambda registry: registry.remove_many(ids))
        except Exception as exc:
            window.report_failure(exc)
            return
        window.reload_soon()  # off the GUI thread: a thousand rows go in a few signals
        window.statusBar().showMessage(self.tr("Removed %n mailbox(es).", "", len(removed)), 8000)
        self.remind_to_revoke(removed)

    def remind_to_revoke(self, removed: list[Account]) -> QMessageBox:
        """One reminder: where each provider's codes are revoked, and for how many mailboxes."""
        window = self.window
        pages: dict[str, tuple[bool, list[str]]] = {}
        unknown: list[str] = []
        for account in removed:
            look = window.providers.look(account.provider_id, account.address)
            if look.settings_url:
                unsure, addresses = pages.setdefault(
                    look.settings_url, (look.settings_unconfirmed, [])
                )
                addresses.append(account.address)
            else:
                unknown.append(account.address)
        from mailmanager.ui.provider_info import link_html

        lines = []
        for url, (unsure, addresses) in pages.items():
            count = html.escape(self.tr("%n mailbox(es)", "", len(addresses)))
            # The brackets are translated (Chinese uses full-width ones); the link goes in
            # last, so a '%2' in a URL is never taken for a placeholder.
            line = self.tr("%1 (%2)").replace("%2", count)
            lines.append(line.replace("%1", link_html(url, unsure=unsure)))
        if unknown:
            lines.append(
                html.escape(
                    self.tr(
                        "%n mailbox(es) whose web settings mailmanager does not know: "
                        "sign in to their webmail.",
                        "",
                        len(unknown),
                    )
                )
            )
        box = QMessageBox(window)
        box.setObjectName("revokeReminder")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Revoke the codes"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            html.escape(
                self.tr(
                    "The removed mailboxes' codes still work until you revoke them. Sign in to "
                    "each mailbox's web settings and delete the authorization code made for "
                    "this client:"
                )
            )
        )
        box.setInformativeText("<br>".join(lines))
        box.setDetailedText("\n".join(account.address for account in removed))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()
        return box
