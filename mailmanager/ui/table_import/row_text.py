"""What the import table shows for a row: its status word, its details and its servers.

Reasons come from the core as English source texts (context ``TableImport``, the trust rule's
in ``Trust``, a failed check's advice in ``Hint``) and are translated here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mailmanager.core.checking.hints import HINT_CONTEXT, hint_text
from mailmanager.core.table_import.batch import CHECK_FAILED
from mailmanager.core.table_import.headers import Field
from mailmanager.core.table_import.model import CONTEXT, ImportRow, Result, Stage
from mailmanager.ui.formatting import state_label


def status_text(row: ImportRow) -> str:
    """One word or two for the row's state: its result once decided, else its stage."""
    if row.result is not None:
        return {
            Result.SAVED: QCoreApplication.translate("TableImportRow", "Saved"),
            Result.PROVED: QCoreApplication.translate("TableImportRow", "Proved"),
            Result.UNCHANGED: QCoreApplication.translate("TableImportRow", "Unchanged"),
            Result.FAILED: QCoreApplication.translate("TableImportRow", "Failed"),
            Result.UNTRUSTED: QCoreApplication.translate(
                "TableImportRow", "Needs your confirmation"
            ),
            Result.INVALID: QCoreApplication.translate("TableImportRow", "Invalid"),
            Result.DUPLICATE: QCoreApplication.translate("TableImportRow", "Duplicate"),
        }[row.result]
    return {
        Stage.WAITING: QCoreApplication.translate("TableImportRow", "Waiting"),
        Stage.CHECKING: QCoreApplication.translate("TableImportRow", "Checking…"),
        Stage.PROVED: QCoreApplication.translate("TableImportRow", "Proved"),
        Stage.FAILED: QCoreApplication.translate("TableImportRow", "Failed"),
        Stage.NOT_CHECKED: QCoreApplication.translate("TableImportRow", "Not checked"),
        Stage.SAVED: QCoreApplication.translate("TableImportRow", "Saved"),
    }[row.stage]


def details_text(row: ImportRow) -> str:
    """Why the row stands where it does, and the provider's advice for a failed check."""
    parts: list[str] = []
    if row.result is not None and row.result.value == "untrusted" and row.refusals:
        parts += [r.message(lambda s: QCoreApplication.translate("Trust", s)) for r in row.refusals]
    elif row.reason is not None and row.reason.template == CHECK_FAILED and row.check is not None:
        # The statuses in the app's words (the CLI's reason names their ids).
        parts.append(
            QCoreApplication.translate("TableImportRow", ", ").join(
                QCoreApplication.translate("TableImportRow", "%1: %2")
                .replace("%1", r.protocol.value.upper())
                .replace("%2", state_label(r.status))
                for r in row.check.results()
                if not r.ok
            )
        )
    elif row.reason is not None:
        parts.append(row.reason.text(lambda s: QCoreApplication.translate(CONTEXT, s)))
    check = row.check
    if check is not None and not check.ok and row.stage is not Stage.NOT_CHECKED:
        hints = dict.fromkeys(r.hint_id for r in check.results() if r.hint_id and not r.ok)
        parts += [QCoreApplication.translate(HINT_CONTEXT, hint_text(h)) for h in hints]
    return " — ".join(p for p in parts if p)


def servers_text(row: ImportRow) -> str:
    account = row.account
    if account is None:
        return ""
    return f"{account.imap.display()} / {account.smtp.display()}"


def provider_text(row: ImportRow, language: str) -> str:
    return row.provider.name(language) if row.provider is not None else ""


def field_label(field: Field) -> str:
    """A field's name in the mapping step, followed by its id (what ``--map`` takes)."""
    names = {
        Field.ADDRESS: QCoreApplication.translate("TableImportRow", "Address"),
        Field.DISPLAY_NAME: QCoreApplication.translate("TableImportRow", "Display name"),
        Field.CODE: QCoreApplication.translate("TableImportRow", "Authorization code"),
        Field.IMAP_PASSWORD: QCoreApplication.translate("TableImportRow", "IMAP password"),
        Field.SMTP_PASSWORD: QCoreApplication.translate("TableImportRow", "SMTP password"),
        Field.USERNAME: QCoreApplication.translate("TableImportRow", "User name"),
        Field.IMAP_USERNAME: QCoreApplication.translate("TableImportRow", "IMAP user name"),
        Field.SMTP_USERNAME: QCoreApplication.translate("TableImportRow", "SMTP user name"),
        Field.IMAP_HOST: QCoreApplication.translate("TableImportRow", "IMAP server"),
        Field.IMAP_PORT: QCoreApplication.translate("TableImportRow", "IMAP port"),
        Field.SMTP_HOST: QCoreApplication.translate("TableImportRow", "SMTP server"),
        Field.SMTP_PORT: QCoreApplication.translate("TableImportRow", "SMTP port"),
        Field.SECURITY: QCoreApplication.translate("TableImportRow", "Encryption"),
        Field.IMAP_SECURITY: QCoreApplication.translate("TableImportRow", "IMAP encryption"),
        Field.SMTP_SECURITY: QCoreApplication.translate("TableImportRow", "SMTP encryption"),
        Field.GROUP: QCoreApplication.translate("TableImportRow", "Group"),
        Field.LABEL: QCoreApplication.translate("TableImportRow", "Code label"),
    }
    name = names.get(field)
    if not name:
        return field.value
    # Translated for the brackets: Chinese uses full-width ones.
    pair = QCoreApplication.translate("TableImportRow", "%1 (%2)")
    return pair.replace("%2", field.value).replace("%1", name)
