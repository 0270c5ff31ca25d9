"""The inventory of a mailbox's authorization codes, one per client (issue 19).

Providers advise a separate code for every program or device, and a look at the web settings'
list of authorized clients every quarter to disable the unused ones (seed 000, seed 003); no
mail client keeps track of which code went where. This dialog is that record: every code with
its client, dates, last successful login and state, the audit reminder with the web-settings
link beside the list, and the actions on a code (add one for another client, copy a kept one
into a client, check it on request, make it the one mailmanager checks with, revoke it), and
"I changed my web password / switched IMAP off", which kills every code at once.

Reads come from the GUI's store connection; every change goes through the registry in the
loop's executor (``code_jobs``), so the keyring is never touched on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core.catalogue import links
from mailmanager.core.catalogue.model import Provider
from mailmanager.core.model.accounts import Account
from mailmanager.core.model.codes import CodeRecord, CodeState
from mailmanager.core.model.status import DueState
from mailmanager.core.rules import code_limits
from mailmanager.core.rules.policy import (
    audit_due,
    code_due_items,
    code_state,
    local_today,
    suggest_revoking,
)
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.operations import Tasks, async_slot
from mailmanager.ui import errors, formatting, secret_clipboard
from mailmanager.ui.code_jobs import RegistryJobs
from mailmanager.ui.copy_to_client import CopyToClientDialog
from mailmanager.ui.provider_info import link_html
from mailmanager.ui.secret_clipboard import CLEAR_AFTER_MS, SecretClipboard
from mailmanager.ui.wizard.widgets import Notice, wrapped

COLUMNS = 6
DEAD_COLOR = "#757575"


class CodeInventoryDialog(QDialog):
    """A mailbox's codes.

    Signals:
        changed(): something was saved (the window refreshes).
        newCodeRequested(int): the mailbox needs a new code of its own (after a revocation
            or a password change): the main window opens the wizard's Fix for it.
    """

    changed = Signal()
    newCodeRequested = Signal(int)  # "Make a new code for mailmanager…": the wizard's Fix

    def __init__(
        self,
        store: AccountStore,
        account_id: int,
        provider: Provider | None,
        lang: str,
        jobs: RegistryJobs,
        *,
        clock: Callable[[], datetime],
        clipboard: SecretClipboard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.account_id = account_id
        self.provider = provider
        self.lang = lang
        self.jobs = jobs
        self._clock = clock
        # The application's: it must clear a copied code after this dialog is gone.
        self.clipboard = clipboard or secret_clipboard.shared()
        self.codes: list[CodeRecord] = []
        self.account: Account = store.get_account(account_id)
        self.confirm_box: QMessageBox | None = None
        self.add_dialog: QDialog | None = None
        self.copy_dialog: CopyToClientDialog | None = None
        self.edit_dialog: QDialog | None = None
        # Checks on request: closing the dialog cancels them, so no login goes out after it.
        self.tasks = Tasks()
        self.setObjectName("codeInventory")
        self.resize(860, 600)
        layout = QVBoxLayout(self)

        self.title = QLabel()
        self.title.setObjectName("inventoryTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        layout.addWidget(
            wrapped(
                self.tr(
                    "Providers advise one code per client: a separate code for every program "
                    "or device, so you can revoke one without breaking the others. Keep track "
                    "of them here."
                )
            )
        )

        # The audit: the provider's list of clients and this one side by side.
        self.audit = Notice("info")
        self.audit.setObjectName("inventoryAudit")
        self.audit.body.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        layout.addWidget(self.audit)
        audit_row = QHBoxLayout()
        self.open_settings = QPushButton(self.tr("Open the &web settings"))
        self.open_settings.setObjectName("inventoryOpenSettings")
        self.open_settings.clicked.connect(self._open_settings)
        self.audit_done = QPushButton(self.tr("Audi&t done"))
        self.audit_done.setObjectName("inventoryAuditDone")
        self.audit_done.setToolTip(
            self.tr("You compared the list in the web settings with this one today.")
        )
        self.audit_done.clicked.connect(self.record_audit)
        self.interval = QSpinBox()
        self.interval.setObjectName("inventoryAuditInterval")
        self.interval.setRange(7, 730)
        self.interval.setSuffix(self.tr(" days"))
        self.interval.editingFinished.connect(self.save_interval)
        audit_row.addWidget(self.open_settings)
        audit_row.addWidget(self.audit_done)
        audit_row.addStretch(1)
        every = QLabel(self.tr("Audit &every"))
        every.setBuddy(self.interval)
        audit_row.addWidget(every)
        audit_row.addWidget(self.interval)
        layout.addLayout(audit_row)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("inventoryTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Made for"),
                self.tr("State"),
                self.tr("Created"),
                self.tr("Expires"),
                self.tr("Last proven"),
                self.tr("Value"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (rows, not cells)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        self.limit = QLabel()
        self.limit.setObjectName("inventoryLimit")
        self.limit.setWordWrap(True)
        layout.addWidget(self.limit)
        self.suggestion = Notice("warning")
        self.suggestion.setObjectName("inventorySuggestion")
        layout.addWidget(self.suggestion)
        self.status = QLabel()
        self.status.setObjectName("inventoryStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a code for another client…"))
        self.add_button.setObjectName("inventoryAdd")
        self.add_button.clicked.connect(self.open_add)
        self.copy_button = QPushButton(self.tr("Co&py to a client"))
        self.copy_button.setObjectName("inventoryCopy")
        copy_menu = QMenu(self.copy_button)
        self.copy_code_action = copy_menu.addAction(self.tr("The code only"))
        self.copy_code_action.triggered.connect(lambda: self.copy_selected())
        self.copy_all_action = copy_menu.addAction(self.tr("Settings for a client, then the code…"))
        self.copy_all_action.triggered.connect(self.open_copy_to_client)
        self.copy_button.setMenu(copy_menu)
        self.check_button = QPushButton(self.tr("&Check this code"))
        self.check_button.setObjectName("inventoryCheck")
        self.check_button.setToolTip(
            self.tr("One login to each server. Providers count logins, so only on request.")
        )
        self.check_button.clicked.connect(self.check_selected)
        self.own_button = QPushButton(self.tr("&Use it for checks"))
        self.own_button.setObjectName("inventoryMakeOwn")
        self.own_button.setToolTip(self.tr("mailmanager checks the mailbox with this code."))
        self.own_button.clicked.connect(self.make_own_selected)
        self.edit_button = QPushButton(self.tr("Ed&it…"))
        self.edit_button.setObjectName("inventoryEdit")
        self.edit_button.setToolTip(self.tr("Change the code's label, note or expiry date."))
        self.edit_button.clicked.connect(self.open_edit)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        buttons = (self.add_button, self.edit_button, self.copy_button, self.check_button)
        for button in (*buttons, self.own_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        row2 = QHBoxLayout()
        self.revoke_button = QPushButton(self.tr("I &disabled this code…"))
        self.revoke_button.setObjectName("inventoryRevoke")
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.invalidate_button = QPushButton(
            self.tr("I c&hanged my web password or switched IMAP off…")
        )
        self.invalidate_button.setObjectName("inventoryInvalidate")
        self.invalidate_button.clicked.connect(self.ask_invalidate)
        close = QPushButton(self.tr("C&lose"))
        close.setObjectName("inventoryClose")
        close.clicked.connect(self.accept)
        self.new_code_button = QPushButton(self.tr("Make a &new code for mailmanager…"))
        self.new_code_button.setObjectName("inventoryNewCode")
        self.new_code_button.clicked.connect(lambda: self.newCodeRequested.emit(self.account_id))
        row2.addWidget(self.new_code_button)
        row2.addWidget(self.revoke_button)
        row2.addWidget(self.invalidate_button)
        row2.addStretch(1)
        row2.addWidget(close)
        layout.addLayout(row2)
        # Enter closes, as in any list to look at; it opened the web settings, the first
        # button in the layout. The keyboard starts in the list of codes.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        close.setDefault(True)
        self.table.setFocus()
        self.reload()

    # -- filling in --------------------------------------------------------------------------

    def today(self) -> date:
        return local_today(self._clock())

    def reload(self) -> None:
        """Read the mailbox and its codes again and refill everything."""
        self.account = self.store.get_account(self.account_id)
        self.codes = self.store.codes(self.account_id)
        self.setWindowTitle(self.tr("Codes of %1").replace("%1", self.account.address))
        self.title.setText(self.tr("Codes of %1").replace("%1", self.account.address))
        selected = self.selected()
        self.table.setRowCount(len(self.codes))
        today = self.today()
        for row, code in enumerate(self.codes):
            cells = [
                code.label,
                self._state_text(code, today),
                formatting.format_date(code.created) if code.created else self.tr("Unknown"),
                formatting.format_date(code.expires) if code.expires else self.tr("No expiry"),
                formatting.relative_time(code.last_proven, self._clock())
                if code.last_proven
                else self.tr("Not proven"),
                self.tr("Kept in the keyring") if code.kept else self.tr("Not kept"),
            ]
            dead = code.state not in (CodeState.IN_USE, CodeState.UNKNOWN)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if code.own:
                    bold = QFont(item.font())
                    bold.setBold(True)
                    item.setFont(bold)
                if dead:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, item)
            if selected is not None and code.id == selected.id:
                self.table.selectRow(row)
        self._fill_audit(today)
        self._fill_limit()
        self._fill_suggestion(today)
        self._update_buttons()

    def _state_text(self, code: CodeRecord, today: date) -> str:
        state = code_state(code, today)
        texts = {
            CodeState.IN_USE: self.tr("In use"),
            CodeState.REVOKED: self.tr("Revoked"),
            CodeState.INVALIDATED: self.tr("Invalidated"),
            CodeState.EXPIRED: self.tr("Expired"),
            CodeState.UNKNOWN: self.tr("Unknown"),
        }
        text = texts[state]
        if state is CodeState.REVOKED and code.revoked is not None:
            text = self.tr("Revoked on %1").replace("%1", formatting.format_date(code.revoked))
        due = [
            formatting.state_label(item.state)
            for item in code_due_items(code, self.account.rotate_days, today)
            if item.state is not DueState.EXPIRED
        ]
        if due:
            text = f"{text} · {' · '.join(due)}"
        if code.own:
            text = self.tr("%1 (mailmanager checks with it)").replace("%1", text)
        return text

    def _domain(self) -> str:
        return self.account.address.rpartition("@")[2]

    def settings_url(self) -> str:
        return links.settings_url(self.provider, self._domain())

    def _fill_audit(self, today: date) -> None:
        audit = self.store.code_audit(self.account_id)
        bound = local_today(self.account.created_at)
        due = audit_due(audit.audited_on, audit.interval_days, bound, today)
        self.interval.blockSignals(True)
        self.interval.setValue(audit.interval_days)
        self.interval.blockSignals(False)
        self.audit.set_kind("warning" if due else "info")
        if audit.audited_on is None:
            when = self.tr("Never compared with the provider's list yet.")
        else:
            when = self.tr("Last compared on %1.").replace(
                "%1", formatting.format_date(audit.audited_on)
            )
        title = self.tr("Time to compare with the provider's list") if due else when
        url = self.settings_url()
        unsure = links.settings_url_unconfirmed(self.provider, self._domain())
        where = link_html(url, unsure=unsure) if url else self.tr("the provider's web settings")
        body = self.tr(
            "Open %1, compare its list of authorized clients with the list below, disable "
            "the codes nobody uses any more and mark them here, then click Audit done."
        ).replace("%1", where)
        if due:
            body = formatting.labelled(when, "").rstrip("：: ") + "<br>" + body
        self.audit.set_text(title, body)
        self.open_settings.setVisible(bool(url))

    def _fill_limit(self) -> None:
        found = code_limits.past_limit(self.provider, self.codes)
        if found is None:
            self.limit.hide()
            return
        text = self.tr(
            "The provider allows %1 active code(s) at a time; this mailbox has %n.",
            "",
            found.active,
        ).replace("%1", str(found.limit))
        if found.unconfirmed:
            text += " " + self.tr("(This limit is not confirmed by the provider.)")
        self.limit.setText(text)
        self.limit.show()

    def _fill_suggestion(self, today: date) -> None:
        stale = [code.label for code in self.codes if suggest_revoking(code, today)]
        self.suggestion.setVisible(bool(stale))
        if stale:
            self.suggestion.set_text(
                self.tr("Not proven for a long time: %1").replace("%1", ", ".join(stale)),
                self.tr(
                    "If you no longer use these clients, disable their codes in the web "
                    "settings and mark them revoked here."
                ),
            )

    def selected(self) -> CodeRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        row = rows[0].row()
        return self.codes[row] if 0 <= row < len(self.codes) else None

    def select_label(self, label: str) -> None:
        for row, code in enumerate(self.codes):
            if code.label == label:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        code = self.selected()
        live = code is not None and code.state in (CodeState.IN_USE, CodeState.UNKNOWN)
        has_value = code is not None and code.kept and live
        self.edit_button.setEnabled(code is not None)
        self.copy_button.setEnabled(has_value)
        self.check_button.setEnabled(has_value)
        self.own_button.setEnabled(has_value and code is not None and not code.own)
        self.revoke_button.setEnabled(code is not None and code.state is not CodeState.REVOKED)
        # The code mailmanager checks with is gone (revoked, invalidated): lead to a new one.
        self.new_code_button.setVisible(self.account.needs_code)

    # -- actions -----------------------------------------------------------------------------

    def _open_settings(self) -> None:
        url = self.settings_url()
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.reload()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(errors.user_message(exc))

    @async_slot()
    async def record_audit(self) -> None:
        account_id, today = self.account_id, self.today()
        try:
            await self.jobs.run(lambda registry: registry.record_audit(account_id, today))
        except Exception as exc:  # a store or keyring failure, said in one line
            self._failed(exc)
            return
        self._done(self.tr("Audit recorded."))

    @async_slot()
    async def save_interval(self) -> None:
        account_id, days = self.account_id, self.interval.value()
        if days == self.store.code_audit(account_id).interval_days:
            return
        try:
            await self.jobs.run(lambda registry: registry.set_audit_interval(account_id, days))
        except Exception as exc:
            self._failed(exc)
            return
        self._done(self.tr("Audit interval saved."))

    def open_add(self) -> None:
        from mailmanager.ui.code_add_dialog import AddCodeDialog

        dialog = AddCodeDialog(
            self.account, self.codes, self.provider, self.lang, self.jobs, self.today(), self
        )
        dialog.added.connect(
            lambda label: self._done(self.tr("Added the code %1.").replace("%1", label))
        )
        self.add_dialog = dialog
        dialog.open()

    def open_edit(self) -> QDialog | None:
        """Correct the selected code's label, note or expiry date."""
        from mailmanager.ui.code_edit_dialog import CodeEditDialog

        code = self.selected()
        if code is None:
            return None
        dialog = CodeEditDialog(code, self.codes, self.jobs, self.today(), self)
        dialog.saved.connect(
            lambda label: self._done(self.tr("Saved the code %1.").replace("%1", label))
        )
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _ask(self, title: str, text: str, yes: str, then: Callable[[], object]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        confirm = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)

        def answered() -> None:
            if box.clickedButton() is confirm:
                then()

        box.finished.connect(lambda _result: answered())
        self.confirm_box = box
        box.open()

    def ask_revoke(self) -> None:
        code = self.selected()
        if code is None:
            return
        text = self.tr(
            "Mark the code %1 as revoked? Do this once you have disabled it in the web "
            "settings; mailmanager then forgets its value."
        ).replace("%1", code.label)
        if code.own:
            text += "\n\n" + self.tr(
                "mailmanager checks the mailbox with this code: it will need a new one."
            )
        self._ask(
            self.tr("Revoke a code"), text, self.tr("&Mark as revoked"), lambda: self.revoke(code)
        )

    @async_slot()
    async def revoke(self, code: CodeRecord) -> None:
        try:
            await self.jobs.run(lambda registry: registry.revoke_code(code, self.today()))
        except Exception as exc:
            self._failed(exc)
            return
        self._done(self.tr("The code %1 is marked revoked.").replace("%1", code.label))

    def ask_invalidate(self) -> None:
        text = self.tr(
            "Changing the web login password or switching IMAP/SMTP off stops every "
            "authorization code of this mailbox. Mark all of them invalidated? Checks pause "
            "until you give mailmanager a new code, and each client needs a new code too."
        )
        self._ask(
            self.tr("Every code stopped working"),
            text,
            self.tr("&Mark all invalidated"),
            self.invalidate,
        )

    @async_slot()
    async def invalidate(self) -> None:
        account_id = self.account_id
        try:
            await self.jobs.run(lambda registry: registry.invalidate_codes(account_id))
        except Exception as exc:
            self._failed(exc)
            return
        self._done(
            self.tr(
                "Every code is marked invalidated and checks are paused. Make a new code for "
                "mailmanager (Fix in the main window), then one for each client you use."
            )
        )

    @async_slot()
    async def make_own_selected(self) -> None:
        code = self.selected()
        if code is None:
            return
        try:
            await self.jobs.run(lambda registry: registry.make_own(code))
        except Exception as exc:
            self._failed(exc)
            return
        self._done(self.tr("mailmanager now checks with the code %1.").replace("%1", code.label))

    def reject(self) -> None:
        """Close: a check on request stops before it sends the code."""
        self.tasks.cancel_all()
        super().reject()

    @async_slot()
    async def check_selected(self) -> None:
        code = self.selected()
        if code is None:
            return
        import asyncio

        task = asyncio.current_task()
        if task is not None:
            self.tasks.own(task)
        self.status.setText(self.tr("Checking the code %1…").replace("%1", code.label))
        account = self.account
        try:
            secret = await self.jobs.run(lambda registry: registry.code_secret(code))
            if secret is None:
                self.status.setText(self.tr("The value of this code is not in the keyring."))
                return
            proof = await self.jobs.prove(account, secret)
            del secret
            await self.jobs.run(lambda registry: registry.prove_code(code, proof))
        except Exception as exc:
            self._failed(exc)
            return
        if proof.ok:
            self._done(self.tr("The code %1 works.").replace("%1", code.label))
        else:
            lines = [
                formatting.labelled(r.protocol.value.upper(), formatting.state_label(r.status))
                for r in proof.check.results()
            ]
            self.reload()
            self.status.setText(
                self.tr("The login with the code %1 did not succeed.").replace("%1", code.label)
                + "\n"
                + "\n".join(lines)
            )

    def open_copy_to_client(self) -> CopyToClientDialog | None:
        """The selected code's client settings in the layout its client asks for, with a
        button for the code itself (copied on its own, as a sensitive item)."""
        code = self.selected()
        if code is None:
            return None
        dialog = CopyToClientDialog(
            self.account, code.label, lambda: self.copy_selected(code=code), self
        )
        self.copy_dialog = dialog
        dialog.open()
        return dialog

    @async_slot()
    async def copy_selected(self, code: CodeRecord | None = None) -> None:
        """Copy a kept code (the selected one by default) as a sensitive clipboard item,
        cleared after 30 seconds; never together with other text."""
        code = code or self.selected()
        if code is None:
            return
        try:
            secret = await self.jobs.run(lambda registry: registry.code_secret(code))
        except Exception as exc:
            self._failed(exc)
            return
        if secret is None:
            self._say(self.tr("The value of this code is not in the keyring."))
            return
        self.clipboard.copy(secret)
        del secret
        seconds = CLEAR_AFTER_MS // 1000
        self._say(
            self.tr(
                "Copied the code %1 for pasting into its client; the clipboard is cleared in "
                "%n second(s).",
                "",
                seconds,
            ).replace("%1", code.label)
        )

    def _say(self, text: str) -> None:
        """A status line, shown in the copy dialog too while it is open."""
        self.status.setText(text)
        if self.copy_dialog is not None and self.copy_dialog.isVisible():
            self.copy_dialog.show_status(text)
