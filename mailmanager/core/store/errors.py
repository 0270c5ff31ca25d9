"""The account store's errors, each with a message meant for the user.

Kept apart from the store so that the UI and the CLI can explain a store problem without
importing SQLite code.
"""

from __future__ import annotations

from pathlib import Path

from mailmanager.core.i18n import QT_TRANSLATE_NOOP


class StoreError(Exception):
    """A problem with the account database, with a message meant for the user.

    Attributes:
        template: the English message with ``{path}`` (marked for translation, context "Store").
        path: the database file concerned.
    """

    template = QT_TRANSLATE_NOOP("Store", "The account database {path} cannot be used.")

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = str(path)
        self.detail = detail
        super().__init__(self.template.format(path=self.path))


class StoreCorruptError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "Store",
        "The account database {path} is damaged. It was left as it is; restore it from a "
        "backup or move it aside, then import your last export.",
    )


class StoreLockedError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "Store",
        "The account database {path} is busy: another program is writing to it. "
        "Try again in a moment.",
    )


class StoreTooNewError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "Store",
        "The account database {path} was written by a newer version of mailmanager. "
        "Update mailmanager to open it; the file was not changed.",
    )


class DuplicateAccountError(StoreError):
    template = QT_TRANSLATE_NOOP("Store", "The mailbox {path} is already in the list.")


class UnknownAccountError(StoreError):
    template = QT_TRANSLATE_NOOP("Store", "There is no mailbox {path} in the list.")


# How a check ends when its account was removed while it ran (the CLI prints it, the app logs it).
REMOVED_DURING_CHECK = "the mailbox was removed while it was being checked"


class DuplicateLabelError(StoreError):
    """Two codes of one mailbox with one label (``path`` is the label)."""

    template = QT_TRANSLATE_NOOP("Store", "This mailbox already has a code labelled {path}.")


class UnknownCodeError(StoreError):
    """No code with this label or id (``path`` is the label)."""

    template = QT_TRANSLATE_NOOP("Store", "This mailbox has no code labelled {path}.")
