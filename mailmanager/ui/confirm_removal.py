"""The confirmation before a mailbox is removed.

Removing deletes the settings, the history and the code in the keyring, but the code still
works at the provider until the user revokes it there; the dialog says so, because a forgotten
code is a standing way into the mailbox. Cancel is the default button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def confirm_removal(parent: QWidget, address: str) -> tuple[QMessageBox, QAbstractButton]:
    """A window-modal question (not yet shown) and its Remove button."""
    box = QMessageBox(parent)
    box.setObjectName("removeConfirmation")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ConfirmRemoval", "Remove mailbox"))
    box.setText(
        QCoreApplication.translate("ConfirmRemoval", "Remove %1 from mailmanager?").replace(
            "%1", address
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ConfirmRemoval",
            "Its settings, its check history and its code in the keyring will be deleted "
            "from this computer.\n\nThe code itself still works until you revoke it: sign "
            "in to the mailbox's web settings and delete the authorization code made for "
            "this client.",
        )
    )
    remove = box.addButton(
        QCoreApplication.translate("ConfirmRemoval", "Remove"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    remove.setObjectName("confirmRemoveButton")
    cancel = box.addButton(
        QCoreApplication.translate("ConfirmRemoval", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    cancel.setObjectName("cancelRemoveButton")
    box.setDefaultButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box, remove
