"""Page 3: the code itself, and the facts that decide when it needs replacing.

What people paste is often not quite the code: QQ shows its 16 letters in four groups with
spaces, copy buttons add blanks, and many paste their login password. The page removes the
provider's display separators (but keeps those the provider counts as part of the code, as the
catalogue says for iCloud's hyphens), checks the format against the provider's rule, and warns
gently, without blocking, when the value looks like a login password. The dates and the rotation
interval feed the reminders; the expiry is required where the provider's codes expire.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mailmanager.core.catalogue.model import CodeFormat, CredentialKind, Provider
from mailmanager.core.model.codes import dated_label
from mailmanager.core.model.limits import rotate_days_allowed
from mailmanager.ui.account_fields import RotateDaysSpin
from mailmanager.ui.wizard.context import WizardContext
from mailmanager.ui.wizard.fields import DEFAULT_LABEL, F, WizardMode
from mailmanager.ui.wizard.widgets import OptionalDateEdit, wrapped

GENERATED = (
    CredentialKind.AUTHORIZATION_CODE,
    CredentialKind.APP_PASSWORD,
    CredentialKind.INDEPENDENT_PASSWORD,
)


def normalise_secret(provider: Provider | None, value: str) -> str:
    """What the server expects from what was pasted (see module docstring)."""
    if provider is None or provider.credential.kind not in GENERATED:
        return value.strip()
    return provider.credential.format.normalise(value)


class CredentialPage(QWizardPage):
    """Masked code with a show toggle, format check, label, dates and rotation interval."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Paste the code"))

        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMinimumWidth(260)
        self.show_button = QToolButton()
        self.show_button.setObjectName("showPassword")
        self.show_button.setCheckable(True)
        self.show_button.setText(self.tr("Show"))
        self.show_button.toggled.connect(self._on_show)
        password_row = QHBoxLayout()
        password_row.setContentsMargins(0, 0, 0, 0)
        password_row.addWidget(self.password_edit, 1)
        password_row.addWidget(self.show_button)
        self.password_note = wrapped()
        self.password_note.setObjectName("passwordNote")
        self.format_warning = wrapped()
        self.format_warning.setObjectName("formatWarning")
        self.format_warning.setStyleSheet("color: #B26A00;")
        self.registerField(F.PASSWORD + "*", self.password_edit)

        # Dated ("mailmanager 2026-12"), so that a later replacement can be told apart from it.
        self.label_edit = QLineEdit(dated_label(date.today(), set(), DEFAULT_LABEL))
        self.label_edit.setObjectName("codeLabelEdit")
        self.registerField(F.CODE_LABEL, self.label_edit)
        self.label_note = wrapped(
            self.tr("The name you gave the code on the provider's website, so you can find it.")
        )

        self.created_edit = QDateEdit(QDate.currentDate())
        self.created_edit.setObjectName("codeCreatedEdit")
        self.created_edit.setCalendarPopup(True)
        self.created_edit.setDisplayFormat("yyyy-MM-dd")
        self.created_edit.setMaximumDate(QDate.currentDate().addDays(1))
        self.registerField(F.CODE_CREATED, self.created_edit, "date", "dateChanged(QDate)")

        self.expires_edit = OptionalDateEdit(self.tr("Expires on"))
        self.expires_edit.setObjectName("codeExpiresEdit")
        self.registerField(F.CODE_EXPIRES, self.expires_edit, "date", "dateChanged(QDate)")
        self.expires_note = wrapped()
        self.expires_note.setObjectName("expiresNote")

        # The edit dialog's field, with the core's limits (0: never remind).
        self.rotate_spin = RotateDaysSpin()
        self.rotate_spin.setMaximumWidth(140)
        self.created_edit.setMaximumWidth(160)
        self.expires_edit.edit.setDate(QDate.currentDate().addYears(1))
        self.registerField(F.ROTATE_DAYS, self.rotate_spin)
        rotate_note = wrapped(
            self.tr("mailmanager reminds you to replace the code after this many days.")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.password_title = QLabel()
        form.addRow(self.password_title, password_row)
        form.addRow("", self.password_note)
        form.addRow("", self.format_warning)
        form.addRow(self.tr("Made for:"), self.label_edit)
        form.addRow("", self.label_note)
        form.addRow(self.tr("Created on:"), self.created_edit)
        form.addRow(self.tr("Expiry:"), self.expires_edit)
        form.addRow("", self.expires_note)
        form.addRow(self.tr("Remind me after:"), self.rotate_spin)
        form.addRow("", rotate_note)
        for note in (self.password_note, self.label_note, self.expires_note, rotate_note):
            note.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

        self.password_edit.textChanged.connect(self._on_text)
        self.expires_edit.dateChanged.connect(lambda _d: self.completeChanged.emit())
        self.created_edit.dateChanged.connect(lambda _d: self.completeChanged.emit())
        self.rotate_spin.valueChanged.connect(lambda _v: self.completeChanged.emit())
        self._removed_separators = False

    # -- helpers --------------------------------------------------------------------------------

    def _format(self) -> CodeFormat | None:
        provider = self.ctx.provider
        if provider is None or provider.credential.kind not in GENERATED:
            return None
        return provider.credential.format

    def _credential_name(self) -> str:
        provider = self.ctx.provider
        if provider is None:
            return self.tr("password or code")
        return provider.credential.name.get(self.ctx.lang)

    def expiry_required(self) -> bool:
        provider = self.ctx.provider
        return provider is not None and provider.credential.expires

    def _on_show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)
        self.show_button.setText(self.tr("Hide") if on else self.tr("Show"))

    def _on_text(self, text: str) -> None:
        normalised = normalise_secret(self.ctx.provider, text)
        if normalised != text and text.strip() != normalised:
            # Separators from the provider's display (QQ's groups of four) are not part of it.
            self._removed_separators = True
            self.password_edit.setText(normalised)
            return
        self._update_notes()
        self.completeChanged.emit()

    def _update_notes(self) -> None:
        value = normalise_secret(self.ctx.provider, self.password_edit.text())
        fmt = self._format()
        name = self._credential_name()
        if self._removed_separators and value:
            self.password_note.setText(
                self.tr(
                    "The spaces were removed: they are only there to make the code easier to read."
                )
            )
        else:
            self.password_note.setText(
                self.tr("Stored only in your system's keyring, never in a file.")
            )
        warning = ""
        if fmt is not None and value and not fmt.matches(value):
            if fmt.length:
                warning = (
                    self.tr(
                        "This does not look like a %1, which has %n characters. If this is your "
                        "login password, the server will refuse it.",
                        "",
                        fmt.length,
                    )
                ).replace("%1", name)
            else:
                warning = self.tr(
                    "This does not look like a %1. If this is your login password, the server "
                    "will refuse it."
                ).replace("%1", name)
        self.format_warning.setText(warning)
        self.format_warning.setVisible(bool(warning))

    def secret(self) -> str:
        return normalise_secret(self.ctx.provider, self.password_edit.text())

    # -- QWizardPage ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        name = self._credential_name()
        self.password_title.setText(self.tr("%1:").replace("%1", name[:1].upper() + name[1:]))
        if self.ctx.mode is WizardMode.ROTATE:
            self.setTitle(self.tr("Paste the new code"))
        else:
            self.setTitle(self.tr("Paste the code"))
        self.setSubTitle(
            self.tr("Paste the %1 you just created, then fill in a few facts about it.").replace(
                "%1", name
            )
        )
        required = self.expiry_required()
        if required:
            self.expires_note.setText(
                self.tr(
                    "Required: these codes stop working on a date you chose when making it. "
                    "Tick the box and enter that date."
                )
            )
        else:
            self.expires_note.setText(self.tr("Leave unticked if the code does not expire."))
        self.password_edit.setPlaceholderText(self._placeholder())
        self._update_notes()
        self.completeChanged.emit()

    def focus_widget(self) -> QWidget | None:
        """Where typing goes when the page opens (``SetupWizard._place_focus``)."""
        return self.password_edit

    def _placeholder(self) -> str:
        fmt = self._format()
        if fmt is not None and fmt.length:
            return self.tr("%n characters", "", fmt.length)
        return ""

    def cleanupPage(self) -> None:
        """Keep what the user entered when they step back (QWizard would reset it)."""

    def isComplete(self) -> bool:
        if not self.secret():
            return False
        if not rotate_days_allowed(self.rotate_spin.value()):
            return False  # a number below a week, being typed; the field settles it
        return self.expires_edit.value().isValid() or not self.expiry_required()
