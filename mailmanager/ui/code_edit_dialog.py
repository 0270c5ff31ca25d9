"""Correcting a code's record after adding it (issue 19): its label, note and expiry date.

A label typed in a hurry, a client that moved to another machine, an expiry date the provider
showed only later: the record must be fixable without revoking and re-adding the code. No value
is touched; the change goes through the registry's ``edit_code`` in the loop's executor, and
what the registry would refuse (an empty or duplicate label, a too long note, an expiry before
the code was made) is said in the dialog before saving, in the UI language.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core.model.codes import (
    MAX_LABEL_LENGTH,
    MAX_NOTE_LENGTH,
    CodeRecord,
    LabelError,
    clean_label,
    label_taken,
)
from mailmanager.services.operations import async_slot
from mailmanager.ui import errors, formatting
from mailmanager.ui.code_jobs import RegistryJobs
from mailmanager.ui.wizard.widgets import OptionalDateEdit


class CodeEditDialog(QDialog):
    """Label, note and expiry of one code.

    Signals:
        saved(str): the record was saved (its label now).
    """

    saved = Signal(str)

    def __init__(
        self,
        code: CodeRecord,
        others: list[CodeRecord],
        jobs: RegistryJobs,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = code
        self.jobs = jobs
        self._taken = [c.label for c in others if c.id != code.id]
        self._busy = False
        self.setObjectName("codeEdit")
        self.setWindowTitle(self.tr("Edit the code %1").replace("%1", code.label))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.label_edit = QLineEdit(code.label)
        self.label_edit.setObjectName("codeEditLabel")
        self.label_edit.setMaxLength(MAX_LABEL_LENGTH)
        form.addRow(self.tr("&Made for:"), self.label_edit)
        self.note_edit = QLineEdit(code.note)
        self.note_edit.setObjectName("codeEditNote")
        self.note_edit.setMaxLength(MAX_NOTE_LENGTH)
        self.note_edit.setPlaceholderText(self.tr("Which device, who uses it…"))
        form.addRow(self.tr("&Note:"), self.note_edit)
        self.expires = OptionalDateEdit(self.tr("Expires on"))
        self.expires.setObjectName("codeEditExpires")
        if code.expires is not None:
            self.expires.setProperty(
                "date", QDate(code.expires.year, code.expires.month, code.expires.day)
            )
        else:
            start = code.created or today
            self.expires.edit.setDate(QDate(start.year, start.month, start.day).addYears(1))
        form.addRow(self.tr("E&xpiry:"), self.expires)
        if code.created is not None:
            form.addRow(self.tr("Created:"), QLabel(formatting.format_date(code.created)))
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("codeEditProblem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("codeEditSave")
        self.save_button.setText(self.tr("&Save"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("codeEditCancel")
        cancel.setText(self.tr("&Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Room to type a label or a note: at its bare minimum the dialog was 260 px wide.
        self.resize(max(self.sizeHint().width(), 440), self.sizeHint().height())
        self.label_edit.textChanged.connect(lambda _text: self._update())
        self.expires.dateChanged.connect(lambda _date: self._update())
        self._update()

    def expiry(self) -> date | None:
        value = self.expires.value()
        return date(value.year(), value.month(), value.day()) if value.isValid() else None

    def problem_text(self) -> str:
        """Why the record cannot be saved as it is ('' when it can)."""
        try:
            label = clean_label(self.label_edit.text())
        except LabelError:
            return self.tr("A label is required: the client the code is for.")
        if label_taken(label, self._taken):
            return self.tr("This mailbox already has a code labelled %1.").replace("%1", label)
        expires, created = self.expiry(), self.code.created
        if expires is not None and created is not None and expires < created:
            return self.tr("The expiry date is before the code was created (%1).").replace(
                "%1", formatting.format_date(created)
            )
        return ""

    def _update(self) -> None:
        problem = self.problem_text()
        if not self._busy:
            self.problem.setText(problem)
        self.save_button.setEnabled(not self._busy and not problem)

    @async_slot()
    async def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        code, label, note = self.code, self.label_edit.text(), self.note_edit.text()
        expires = self.expiry()
        self._busy = True
        self._update()
        try:
            saved = await self.jobs.run(
                lambda registry: registry.edit_code(code, label=label, note=note, expires=expires)
            )
        except Exception as exc:  # a store failure or a label taken meanwhile: one line
            self._busy = False
            self._update()
            self.problem.setText(errors.user_message(exc))
            return
        self._busy = False
        self.saved.emit(saved.label)
        self.accept()
