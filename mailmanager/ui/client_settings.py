"""A mailbox's settings as text for setting up a mail client, in that client's own layout.

Every client's account dialog names and orders its fields differently: Foxmail asks for the
incoming server type, then server, port and an SSL box; Thunderbird for a hostname, a port, a
"connection security" and an "authentication method"; a sending platform for spreadsheet
columns. A user copying settings field by field finds each line where the client shows it when
the text uses the client's words and order, so there is one layout per client (``Client``), in
the UI language (the Chinese texts are the clients' own Chinese labels).

The text never contains a code: the code is handed over on its own, as a sensitive clipboard
item (``secret_clipboard``), and the last line says where it goes.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from mailmanager.core import table_export
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.ui.formatting import labelled, security_text


class Client(StrEnum):
    """The mail clients (and the platform table) whose setup dialog a layout follows."""

    GENERIC = "generic"
    FOXMAIL = "foxmail"
    THUNDERBIRD = "thunderbird"
    OUTLOOK = "outlook"
    APPLE_MAIL = "apple_mail"
    PHONE = "phone"
    SENDING_PLATFORM = "sending_platform"


def client_name(client: Client) -> str:
    """The client's name as the choice shows it (product names as their makers write them)."""
    names = {
        Client.GENERIC: QCoreApplication.translate("ClientSettings", "Any mail client"),
        Client.FOXMAIL: "Foxmail",
        Client.THUNDERBIRD: "Thunderbird",
        Client.OUTLOOK: "Outlook",
        Client.APPLE_MAIL: QCoreApplication.translate(
            "ClientSettings", "Apple Mail (Mac, iPhone, iPad)"
        ),
        Client.PHONE: QCoreApplication.translate("ClientSettings", "A phone's mail app (Android)"),
        Client.SENDING_PLATFORM: QCoreApplication.translate(
            "ClientSettings", "A sending platform (CSV columns)"
        ),
    }
    return names[client]


# Words in a code's label that name its client ("Foxmail", "my iPhone", "发信平台").
_LABEL_HINTS: tuple[tuple[Client, tuple[str, ...]], ...] = (
    (Client.FOXMAIL, ("foxmail",)),
    (Client.THUNDERBIRD, ("thunderbird", "雷鸟")),
    (Client.OUTLOOK, ("outlook",)),
    (Client.APPLE_MAIL, ("apple", "iphone", "ipad", "mac")),
    (Client.PHONE, ("phone", "android", "手机")),
    (Client.SENDING_PLATFORM, ("platform", "平台", "sending", "群发", "发信")),
)


def guess_client(label: str) -> Client:
    """The client a code's label names, or ``GENERIC``."""
    folded = label.casefold()
    for client, words in _LABEL_HINTS:
        if any(word in folded for word in words):
            return client
    return Client.GENERIC


def _line(label: str, value: str) -> str:
    return "  " + labelled(label, value)


def _username(endpoint: Endpoint, address: str) -> str:
    return endpoint.username or address


def _checkbox(on: bool) -> str:
    return "☑" if on else "☐"


def _code_line() -> str:
    return QCoreApplication.translate(
        "ClientSettings",
        "Password: the authorization code made for this client in the mailbox's web "
        "settings, not the login password (copied on its own).",
    )


def _generic(account: Account) -> list[str]:
    lines = [labelled(QCoreApplication.translate("ClientSettings", "Mailbox"), account.address)]
    if account.display_name:
        lines.append(
            labelled(QCoreApplication.translate("ClientSettings", "Name"), account.display_name)
        )
    for title, endpoint in (
        (QCoreApplication.translate("ClientSettings", "Incoming mail (IMAP)"), account.imap),
        (QCoreApplication.translate("ClientSettings", "Outgoing mail (SMTP)"), account.smtp),
    ):
        lines += [
            "",
            title,
            _line(QCoreApplication.translate("ClientSettings", "Server"), endpoint.host),
            _line(QCoreApplication.translate("ClientSettings", "Port"), str(endpoint.port)),
            _line(
                QCoreApplication.translate("ClientSettings", "Security"),
                security_text(endpoint.security),
            ),
            _line(
                QCoreApplication.translate("ClientSettings", "Username"),
                _username(endpoint, account.address),
            ),
        ]
    return [*lines, "", _code_line()]


def _foxmail(account: Account) -> list[str]:
    # Foxmail's manual setup: type, account, password, then each server with port and SSL,
    # and a STARTTLS box below.
    imap, smtp = account.imap, account.smtp
    starttls = Security.STARTTLS in (imap.security, smtp.security)
    return [
        labelled(QCoreApplication.translate("FoxmailSettings", "Incoming server type"), "IMAP"),
        labelled(
            QCoreApplication.translate("FoxmailSettings", "Email account"),
            _username(imap, account.address),
        ),
        labelled(
            QCoreApplication.translate("FoxmailSettings", "Password"),
            QCoreApplication.translate("FoxmailSettings", "(the code, copied on its own)"),
        ),
        labelled(QCoreApplication.translate("FoxmailSettings", "Incoming server"), imap.host),
        _line(QCoreApplication.translate("FoxmailSettings", "Port"), str(imap.port)),
        _line(
            QCoreApplication.translate("FoxmailSettings", "SSL"),
            _checkbox(imap.security is Security.SSL),
        ),
        labelled(QCoreApplication.translate("FoxmailSettings", "Outgoing server"), smtp.host),
        _line(QCoreApplication.translate("FoxmailSettings", "Port"), str(smtp.port)),
        _line(
            QCoreApplication.translate("FoxmailSettings", "SSL"),
            _checkbox(smtp.security is Security.SSL),
        ),
        labelled(
            QCoreApplication.translate("FoxmailSettings", "Use STARTTLS if the server supports it"),
            _checkbox(starttls),
        ),
    ]


def _thunderbird_security(security: Security) -> str:
    if security is Security.SSL:
        return "SSL/TLS"
    if security is Security.STARTTLS:
        return "STARTTLS"
    return QCoreApplication.translate("ThunderbirdSettings", "None")


def _thunderbird(account: Account) -> list[str]:
    lines = [
        labelled(
            QCoreApplication.translate("ThunderbirdSettings", "Your full name"),
            account.display_name or account.address,
        ),
        labelled(
            QCoreApplication.translate("ThunderbirdSettings", "Email address"), account.address
        ),
        labelled(
            QCoreApplication.translate("ThunderbirdSettings", "Password"),
            QCoreApplication.translate("ThunderbirdSettings", "(the code, copied on its own)"),
        ),
    ]
    for title, protocol, endpoint in (
        (
            QCoreApplication.translate("ThunderbirdSettings", "Incoming server"),
            "IMAP",
            account.imap,
        ),
        (
            QCoreApplication.translate("ThunderbirdSettings", "Outgoing server"),
            "SMTP",
            account.smtp,
        ),
    ):
        lines += ["", title]
        if protocol == "IMAP":
            lines.append(
                _line(QCoreApplication.translate("ThunderbirdSettings", "Protocol"), protocol)
            )
        lines += [
            _line(QCoreApplication.translate("ThunderbirdSettings", "Hostname"), endpoint.host),
            _line(QCoreApplication.translate("ThunderbirdSettings", "Port"), str(endpoint.port)),
            _line(
                QCoreApplication.translate("ThunderbirdSettings", "Connection security"),
                _thunderbird_security(endpoint.security),
            ),
            _line(
                QCoreApplication.translate("ThunderbirdSettings", "Authentication method"),
                QCoreApplication.translate("ThunderbirdSettings", "Normal password"),
            ),
            _line(
                QCoreApplication.translate("ThunderbirdSettings", "Username"),
                _username(endpoint, account.address),
            ),
        ]
    return lines


def _outlook_security(security: Security) -> str:
    if security is Security.SSL:
        return "SSL/TLS"
    if security is Security.STARTTLS:
        return "STARTTLS"
    return QCoreApplication.translate("OutlookSettings", "None")


def _outlook(account: Account) -> list[str]:
    # Outlook's "IMAP account settings": incoming, then outgoing, each with an encryption
    # method; the user name and password on the account's own page.
    lines = [
        labelled(QCoreApplication.translate("OutlookSettings", "Email address"), account.address),
        "",
        QCoreApplication.translate("OutlookSettings", "Incoming mail"),
    ]
    lines += [
        _line(QCoreApplication.translate("OutlookSettings", "Server"), account.imap.host),
        _line(QCoreApplication.translate("OutlookSettings", "Port"), str(account.imap.port)),
        _line(
            QCoreApplication.translate("OutlookSettings", "Encryption method"),
            _outlook_security(account.imap.security),
        ),
        _line(
            QCoreApplication.translate(
                "OutlookSettings", "Require logon using Secure Password Authentication (SPA)"
            ),
            _checkbox(False),
        ),
        "",
        QCoreApplication.translate("OutlookSettings", "Outgoing mail"),
        _line(QCoreApplication.translate("OutlookSettings", "Server"), account.smtp.host),
        _line(QCoreApplication.translate("OutlookSettings", "Port"), str(account.smtp.port)),
        _line(
            QCoreApplication.translate("OutlookSettings", "Encryption method"),
            _outlook_security(account.smtp.security),
        ),
        _line(
            QCoreApplication.translate(
                "OutlookSettings", "Require logon using Secure Password Authentication (SPA)"
            ),
            _checkbox(False),
        ),
        "",
        labelled(
            QCoreApplication.translate("OutlookSettings", "User name"),
            _username(account.imap, account.address),
        ),
        labelled(
            QCoreApplication.translate("OutlookSettings", "Password"),
            QCoreApplication.translate("OutlookSettings", "(the code, copied on its own)"),
        ),
    ]
    return lines


def _apple_mail(account: Account) -> list[str]:
    imap, smtp = account.imap, account.smtp
    return [
        labelled(QCoreApplication.translate("AppleMailSettings", "Account type"), "IMAP"),
        labelled(QCoreApplication.translate("AppleMailSettings", "Email Address"), account.address),
        labelled(
            QCoreApplication.translate("AppleMailSettings", "User Name"),
            _username(imap, account.address),
        ),
        labelled(
            QCoreApplication.translate("AppleMailSettings", "Password"),
            QCoreApplication.translate("AppleMailSettings", "(the code, copied on its own)"),
        ),
        labelled(
            QCoreApplication.translate("AppleMailSettings", "Incoming Mail Server"), imap.host
        ),
        labelled(
            QCoreApplication.translate("AppleMailSettings", "Outgoing Mail Server"), smtp.host
        ),
        "",
        QCoreApplication.translate("AppleMailSettings", "Server settings, incoming"),
        _line(QCoreApplication.translate("AppleMailSettings", "Port"), str(imap.port)),
        _line(
            QCoreApplication.translate("AppleMailSettings", "Use TLS/SSL"),
            _checkbox(imap.security is not Security.PLAIN),
        ),
        _line(
            QCoreApplication.translate("AppleMailSettings", "Authentication"),
            QCoreApplication.translate("AppleMailSettings", "Password"),
        ),
        "",
        QCoreApplication.translate("AppleMailSettings", "Server settings, outgoing"),
        _line(QCoreApplication.translate("AppleMailSettings", "Port"), str(smtp.port)),
        _line(
            QCoreApplication.translate("AppleMailSettings", "Use TLS/SSL"),
            _checkbox(smtp.security is not Security.PLAIN),
        ),
        _line(
            QCoreApplication.translate("AppleMailSettings", "Authentication"),
            QCoreApplication.translate("AppleMailSettings", "Password"),
        ),
    ]


def _phone(account: Account) -> list[str]:
    imap, smtp = account.imap, account.smtp
    return [
        labelled(QCoreApplication.translate("PhoneMailSettings", "Account type"), "IMAP"),
        labelled(QCoreApplication.translate("PhoneMailSettings", "Email address"), account.address),
        "",
        QCoreApplication.translate("PhoneMailSettings", "Incoming server settings"),
        _line(
            QCoreApplication.translate("PhoneMailSettings", "Username"),
            _username(imap, account.address),
        ),
        _line(
            QCoreApplication.translate("PhoneMailSettings", "Password"),
            QCoreApplication.translate("PhoneMailSettings", "(the code, copied on its own)"),
        ),
        _line(QCoreApplication.translate("PhoneMailSettings", "Server"), imap.host),
        _line(QCoreApplication.translate("PhoneMailSettings", "Port"), str(imap.port)),
        _line(
            QCoreApplication.translate("PhoneMailSettings", "Security type"),
            _thunderbird_security(imap.security),
        ),
        "",
        QCoreApplication.translate("PhoneMailSettings", "Outgoing server settings"),
        _line(QCoreApplication.translate("PhoneMailSettings", "SMTP server"), smtp.host),
        _line(QCoreApplication.translate("PhoneMailSettings", "Port"), str(smtp.port)),
        _line(
            QCoreApplication.translate("PhoneMailSettings", "Security type"),
            _thunderbird_security(smtp.security),
        ),
        _line(QCoreApplication.translate("PhoneMailSettings", "Require sign-in"), _checkbox(True)),
        _line(
            QCoreApplication.translate("PhoneMailSettings", "Username"),
            _username(smtp, account.address),
        ),
    ]


def _sending_platform(account: Account) -> list[str]:
    # The platform table's own columns (one place: core.table_export); both password cells
    # stay empty, the code is pasted into them by hand.
    return table_export.dumps([account]).rstrip("\r\n").split("\r\n")


_LAYOUTS: dict[Client, Callable[[Account], list[str]]] = {
    Client.GENERIC: _generic,
    Client.FOXMAIL: _foxmail,
    Client.THUNDERBIRD: _thunderbird,
    Client.OUTLOOK: _outlook,
    Client.APPLE_MAIL: _apple_mail,
    Client.PHONE: _phone,
    Client.SENDING_PLATFORM: _sending_platform,
}


def client_settings_text(account: Account, client: Client = Client.GENERIC) -> str:
    """The account's settings as ``client``'s setup dialog asks for them (no secret)."""
    return "\n".join(_LAYOUTS[client](account)) + "\n"
