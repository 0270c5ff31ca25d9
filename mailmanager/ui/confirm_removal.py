"""The confirmation before a mailbox is removed.

Removing deletes the settings, the history and the code in the keyring, but the code still
works at the provider until the user revokes it there; the dialog says so, because a forgotten
code is a standing way into the mailbox, and links to that mailbox's own web settings when the
catalogue knows them. Cancel is the default button.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def confirm_removal(
    parent: QWidget, address: str, settings_url: str = "", *, unsure: bool = False
) -> tuple[QMessageBox, QAbstractButton]:
    """A window-modal question (not yet shown) and its Remove button.

    ``settings_url`` is the web settings page of this address's own mailbox (mail.126.com for
    a @126.com address), where the code is revoked; shown as a link when known, marked when
    ``unsure`` (no primary source names it).
    """
    box = QMessageBox(parent)
    box.setObjectName("removeConfirmation")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ConfirmRemoval", "Remove mailbox"))
    box.setText(
        QCoreApplication.translate("ConfirmRemoval", "Remove %1 from mailmanager?").replace(
            "%1", address
        )
    )
    informative = QCoreApplication.translate(
        "ConfirmRemoval",
        "Its settings, its check history and its code in the keyring will be deleted "
        "from this computer.\n\nThe code itself still works until you revoke it: sign "
        "in to the mailbox's web settings and delete the authorization code made for "
        "this client.",
    )
    if settings_url:
        from mailmanager.ui.provider_info import link_html

        link = link_html(settings_url, unsure=unsure)
        where = html.escape(
            QCoreApplication.translate("ConfirmRemoval", "The web settings of this mailbox: %1")
        ).replace("%1", link)
        box.setTextFormat(Qt.TextFormat.RichText)
        informative = html.escape(informative).replace("\n", "<br>") + "<br><br>" + where
    box.setInformativeText(informative)
    remove = box.addButton(
        QCoreApplication.translate("ConfirmRemoval", "&Remove"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    remove.setObjectName("confirmRemoveButton")
    cancel = box.addButton(
        QCoreApplication.translate("ConfirmRemoval", "&Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    cancel.setObjectName("cancelRemoveButton")
    box.setDefaultButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box, remove
