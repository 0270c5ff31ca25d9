"""The "Copy settings" text: servers and ports as plain text for setting up another mail client.

Written in the UI language with the labels mail clients use (server, port, security, username),
so a user can copy it into a chat or a note and fill in Outlook, Thunderbird or a phone's mail
app field by field. It never contains the code: the last line says where the code goes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mailmanager.core.model.accounts import Account, Endpoint
from mailmanager.ui.formatting import security_text


def _endpoint_lines(title: str, endpoint: Endpoint, address: str) -> list[str]:
    return [
        title,
        "  "
        + QCoreApplication.translate("ClientSettings", "Server: %1").replace("%1", endpoint.host),
        "  "
        + QCoreApplication.translate("ClientSettings", "Port: %1").replace(
            "%1", str(endpoint.port)
        ),
        "  "
        + QCoreApplication.translate("ClientSettings", "Security: %1").replace(
            "%1", security_text(endpoint.security)
        ),
        "  "
        + QCoreApplication.translate("ClientSettings", "Username: %1").replace(
            "%1", endpoint.username or address
        ),
    ]


def client_settings_text(account: Account) -> str:
    """The account's client settings as plain text (no secret)."""
    lines = [
        QCoreApplication.translate("ClientSettings", "Mailbox: %1").replace("%1", account.address)
    ]
    if account.display_name:
        lines.append(
            QCoreApplication.translate("ClientSettings", "Name: %1").replace(
                "%1", account.display_name
            )
        )
    lines.append("")
    lines += _endpoint_lines(
        QCoreApplication.translate("ClientSettings", "Incoming mail (IMAP)"),
        account.imap,
        account.address,
    )
    lines.append("")
    lines += _endpoint_lines(
        QCoreApplication.translate("ClientSettings", "Outgoing mail (SMTP)"),
        account.smtp,
        account.address,
    )
    lines.append("")
    lines.append(
        QCoreApplication.translate(
            "ClientSettings",
            "Password: the authorization code made for this client in the mailbox's web "
            "settings, not the login password.",
        )
    )
    return "\n".join(lines) + "\n"
