"""Adding a code made for another client to a mailbox's inventory (issue 19).

The same steps and the same "shown only once" warning as the setup wizard (its ``CodeOnceBox``
with the required acknowledgement, and the provider's steps), then the label (required, unique
per mailbox), optionally the code itself: kept in the keyring (to copy it into the client
later) and/or checked with one login to each server through the same checker as everywhere,
under the trust rule. A code neither kept nor checked needs no value at all: only its record
is kept. One past the provider's known limit on active codes warns, and the save goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core import trust
from mailmanager.core.catalogue import links
from mailmanager.core.catalogue.model import Provider
from mailmanager.core.checking.proof import Credential, Unproven
from mailmanager.core.model.accounts import Account
from mailmanager.core.model.codes import CodeRecord, LabelError, clean_label, label_taken
from mailmanager.core.rules import code_limits
from mailmanager.services.operations import Tasks, async_slot
from mailmanager.ui import errors, formatting
from mailmanager.ui.code_jobs import RegistryJobs
from mailmanager.ui.provider_info import marked_steps
from mailmanager.ui.wizard.page_code_once import CodeOnceBox
from mailmanager.ui.wizard.widgets import (
    Notice,
    OptionalDateEdit,
    heading,
    ordered_list,
    wrapped,
)


@dataclass(frozen=True)
class _Context:
    provider: Provider | None
    lang: str


class AddCodeDialog(QDialog):
    """Record (and optionally keep and check) a code made for another client.

    Signals:
        added(str): the saved code's label (the inventory reads the records again).
    """

    added = Signal(str)

    def __init__(
        self,
        account: Account,
        codes: list[CodeRecord],
        provider: Provider | None,
        lang: str,
        jobs: RegistryJobs,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.provider = provider
        self.jobs = jobs
        self._taken = [code.label for code in codes]
        self._busy = False
        # The running save: closing the dialog cancels it, which sets its probes' cancel flag
        # (no login goes out once the user has closed the dialog). Only the registry write at
        # its end is let finish (``_writing``): it is short, and store and keyring must agree.
        self.tasks = Tasks()
        self._writing = False
        self.setObjectName("addCodeDialog")
        self.setWindowTitle(self.tr("Add a code for another client"))
        layout = QVBoxLayout(self)

        intro = wrapped(
            self.tr(
                "Make a new code in the web settings for the program or device that will use "
                "it (the sending platform, Foxmail, Thunderbird, a phone), and record it here "
                "under that client's name."
            )
        )
        layout.addWidget(intro)
        self.once = CodeOnceBox(_Context(provider, lang), self)
        self.once.changed.connect(self._update)
        layout.addWidget(self.once)

        steps = marked_steps(provider, lang) if provider is not None else []
        self.steps = wrapped(ordered_list(steps), rich=True)
        self.steps.setObjectName("addCodeSteps")
        if steps:
            layout.addWidget(heading(self.tr("Steps")))
            layout.addWidget(self.steps)
        self.settings_url = links.settings_url(provider, account.address.rpartition("@")[2])
        self.open_settings = QPushButton(self.tr("Open the &web settings"))
        self.open_settings.setObjectName("addCodeOpenSettings")
        self.open_settings.clicked.connect(self._open_settings)
        self.open_settings.setVisible(bool(self.settings_url))
        layout.addWidget(self.open_settings)

        form = QFormLayout()
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("addCodeLabel")
        self.label_edit.setPlaceholderText(self.tr("for example Foxmail, or the sending platform"))
        self.label_edit.setMaxLength(100)
        self.label_edit.textChanged.connect(self._update)
        form.addRow(self.tr("&Made for:"), self.label_edit)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("addCodeValue")
        self.code_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_edit.textChanged.connect(self._update)
        form.addRow(self.tr("C&ode:"), self.code_edit)
        self.expires = OptionalDateEdit(self.tr("Expires on"))
        self.expires.edit.setDate(QDate(today.year, today.month, today.day).addYears(1))
        form.addRow(self.tr("E&xpiry:"), self.expires)
        layout.addLayout(form)
        self.keep = QCheckBox(
            self.tr("&Keep the code in the keyring, to copy it into the client later")
        )
        self.keep.setObjectName("addCodeKeep")
        self.keep.toggled.connect(self._update)
        self.check = QCheckBox(self.tr("C&heck that it works (one login to each server)"))
        self.check.setObjectName("addCodeCheck")
        self.check.setChecked(True)
        self.check.toggled.connect(self._update)
        layout.addWidget(self.keep)
        layout.addWidget(self.check)

        self.limit = Notice("warning")
        self.limit.setObjectName("addCodeLimit")
        found = code_limits.past_limit(provider, codes)
        if found is not None:
            self.limit.set_text(self._limit_text(found))
        self.limit.setVisible(found is not None)
        layout.addWidget(self.limit)
        self.problem = QLabel()
        self.problem.setObjectName("addCodeProblem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        layout.addStretch(1)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Add the code"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("addCodeSave")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("addCodeCancel")
        cancel.setText(self.tr("&Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)
        self.once.start()
        self._update()
        # Enter adds the code (once it may be added), never opens the web settings; the
        # keyboard starts in the first field to type in.
        self.open_settings.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.label_edit.setFocus()

    def _limit_text(self, found: code_limits.CodeLimit) -> str:
        text = self.tr(
            "This mailbox already has %n active code(s); the provider allows %1 at a time. "
            "Revoke one you no longer use first, or the provider may refuse the new one.",
            "",
            found.active,
        ).replace("%1", str(found.limit))
        if found.unconfirmed:
            text += " " + self.tr("(This limit is not confirmed by the provider.)")
        return text

    def _open_settings(self) -> None:
        QDesktopServices.openUrl(QUrl(self.settings_url))

    def label_problem(self) -> str:
        """Why the label cannot be used ('' when it can)."""
        try:
            label = clean_label(self.label_edit.text())
        except LabelError:
            return self.tr("A label is required: the client the code is for.")
        if label_taken(label, self._taken):
            return self.tr("This mailbox already has a code labelled %1.").replace("%1", label)
        return ""

    def _needs_value(self) -> bool:
        return self.keep.isChecked() or self.check.isChecked()

    def _update(self) -> None:
        if not self._busy:
            self.problem.setText(self.label_problem() if self.label_edit.text() else "")
        ready = (
            not self._busy
            and self.once.acknowledged()
            and bool(self.label_edit.text().strip())
            and not self.label_problem()
            and (not self._needs_value() or bool(self.code_edit.text().strip()))
        )
        self.save_button.setEnabled(ready)

    def reject(self) -> None:
        """Cancel (or close): a check under way stops before it sends the code; nothing is
        added. The short registry write at the end of a save is let finish."""
        if self._writing:
            return
        self.tasks.cancel_all()
        self.code_edit.clear()
        super().reject()

    @async_slot()
    async def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        import asyncio

        task = asyncio.current_task()
        if task is not None:
            self.tasks.own(task)
        self._busy = True
        self._update()
        try:
            await self._save()
        finally:
            self._busy = False
            if self.isVisible():
                self._update()

    async def _save(self) -> None:
        secret = self.code_edit.text().strip()
        label = clean_label(self.label_edit.text())
        expiry = self.expires.value()
        expires: date | None = expiry.toPython() if expiry.isValid() else None  # type: ignore[assignment]
        credential: Credential | None = None
        if self.check.isChecked():
            refused = trust.refusals(self.account)
            if refused:
                self.problem.setText(
                    self.tr(
                        "The mailbox's servers wait for your confirmation: confirm them in "
                        "the main window first, or add the code without checking it."
                    )
                )
                return
            self.problem.setText(self.tr("Checking the code…"))
            proof = await self.jobs.prove(self.account, secret)
            if not proof.ok:
                lines = [
                    formatting.labelled(r.protocol.value.upper(), formatting.state_label(r.status))
                    for r in proof.check.results()
                ]
                self.problem.setText(
                    self.tr("The login with this code did not succeed; nothing was added.")
                    + "\n"
                    + "\n".join(lines)
                )
                return
            credential = proof
        elif self.keep.isChecked():
            credential = Unproven(secret, "kept without a check")
        account_id = self.account.id or 0
        keep = self.keep.isChecked()
        self._writing = True
        try:
            code = await self.jobs.run(
                lambda registry: registry.add_code(
                    account_id, label, credential, keep=keep, expires=expires
                )
            )
        except Exception as exc:  # a keyring or store failure: said in one line, nothing lost
            self.problem.setText(errors.user_message(exc))
            return
        finally:
            self._writing = False
        self.code_edit.clear()
        self.added.emit(code.label)
        self.accept()
