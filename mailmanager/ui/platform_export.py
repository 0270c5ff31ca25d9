"""File > Export for sending platforms: the CSV of ``core.table_export`` from the app.

Exports the mailboxes of the group the side list shows (every mailbox otherwise). The store is
read and the file written in an executor (on a connection of its own, as SQLite connections
belong to one thread), awaited by an ``async`` slot on qasync's loop, so ten thousand mailboxes
never stall the window. Like the command line's ``export-table``, the table has empty password
columns and no way to hold a code.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from mailmanager.ui.bulk_actions import async_slot
from mailmanager.ui.list_scope import ScopeKind

if TYPE_CHECKING:
    from mailmanager.ui.main_window import MainWindow


def _write(database: Path, target: Path, group: str | None) -> int:
    from mailmanager.core import table_export
    from mailmanager.core.store.account_store import AccountStore

    with AccountStore.open(database) as store:
        accounts = table_export.in_group(store.list_accounts(), group)
    return table_export.write(target, accounts)


def start_folder() -> str:
    """The user's documents (else home), not the folder the app happened to be started from."""
    for kind in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(kind)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


class PlatformExport(QObject):
    """Asks where to save the table, then writes it (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QFileDialog | None = None

    def ask(self) -> QFileDialog:
        dialog = QFileDialog(self.window, self.tr("Export for sending platforms"))
        dialog.setObjectName("platformExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV table (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.setDirectory(start_folder())
        dialog.selectFile("mailboxes.csv")
        dialog.fileSelected.connect(lambda name: self.export(name))
        self.dialog = dialog
        dialog.open()
        return dialog

    def group(self) -> str | None:
        """The group the side list shows, or None for every mailbox."""
        if not self.window.list_page_built:
            return None
        scope = self.window.proxy.scope
        return scope.group if scope.kind is ScopeKind.GROUP else None

    @async_slot(str)
    async def export(self, name: str) -> None:
        window = self.window
        target = Path(name)
        group = self.group()
        loop = asyncio.get_running_loop()
        try:
            count = await loop.run_in_executor(None, _write, window.store.path, target, group)
        except Exception as exc:
            window.report_failure(exc)
            return
        window.statusBar().showMessage(
            self.tr(
                "Exported %n mailbox(es) to %1 (settings only: the password columns are empty).",
                "",
                count,
            ).replace("%1", str(target)),
            10_000,
        )
