"""A plain Add / Edit / Replace-code form, until the setup wizard (issue 5) takes over Add.

* Add: address, display name, both servers, the code (masked, with a show toggle), its label,
  dates and rotation interval. Servers are filled in from the catalogue when the address's
  domain is known.
* Edit: the same without the code; the code is never asked for again.
* Replace code: only the code section.

Saving goes through ``services.account_ops.AccountOps`` (the registry on the keyring thread);
the dialog stays open, with its buttons disabled, until the save is done or has failed, and
shows the failure in its own words.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core.model import limits
from mailmanager.core.model.accounts import DEFAULT_ROTATE_DAYS, Account, Endpoint, Security
from mailmanager.core.model.address import (
    MAX_DOMAIN_LENGTH,
    AddressError,
    bare_server_name,
    normalise_address,
    server_name_problem,
)
from mailmanager.core.model.status import Severity
from mailmanager.core.store.export_file import MAX_CHECK_INTERVAL_HOURS, MAX_ROTATE_DAYS
from mailmanager.services.account_ops import AccountOps
from mailmanager.ui import errors, formatting, icons
from mailmanager.ui.badge_style import badge_colors
from mailmanager.ui.provider_info import ProviderDirectory, suggested_servers

_DEFAULT_PORTS = {
    ("imap", Security.SSL): 993,
    ("imap", Security.STARTTLS): 143,
    ("imap", Security.PLAIN): 143,
    ("smtp", Security.SSL): 465,
    ("smtp", Security.STARTTLS): 587,
    ("smtp", Security.PLAIN): 25,
}


class FormMode(Enum):
    ADD = "add"
    EDIT = "edit"
    ROTATE = "rotate"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit() -> QDateEdit:
    """A date field showing ISO dates (as the details pane does) over the widest range Qt's
    date fields allow."""
    edit = QDateEdit()
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(100, 1, 1))
    return edit


class EndpointEditor(QGroupBox):
    """Host, port, security and username of one protocol; object names start with ``prefix``."""

    def __init__(self, title: str, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.prefix = prefix
        form = QFormLayout(self)
        form.setHorizontalSpacing(12)
        self.host = QLineEdit()
        self.host.setObjectName(f"{prefix}HostEdit")
        self.host.setPlaceholderText(self.tr("e.g. %1.example.com").replace("%1", prefix))
        self.port = QSpinBox()
        self.port.setObjectName(f"{prefix}PortSpin")
        self.port.setRange(1, 65535)
        self.port.setValue(_DEFAULT_PORTS[(prefix, Security.SSL)])
        self.security = QComboBox()
        self.security.setObjectName(f"{prefix}SecurityCombo")
        for security in Security:
            self.security.addItem(formatting.security_text(security), security.value)
        self._last_security = Security.SSL
        self.security.currentIndexChanged.connect(self._security_changed)
        self.username = QLineEdit()
        self.username.setObjectName(f"{prefix}UsernameEdit")
        self.username.setPlaceholderText(self.tr("Same as the address"))
        # The limits `add` and `import` apply (core.model.limits), stopped at the keyboard.
        self.host.setMaxLength(MAX_DOMAIN_LENGTH + 2)  # room for the brackets of [IPv6]
        self.username.setMaxLength(limits.MAX_USERNAME)
        line = QHBoxLayout()
        line.addWidget(self.port)
        line.addWidget(self.security, 1)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port and security:"), line)
        form.addRow(self.tr("Username:"), self.username)

    def _security_changed(self) -> None:
        new = Security(self.security.currentData())
        # Follow the standard port unless the user typed a port of their own.
        if self.port.value() == _DEFAULT_PORTS[(self.prefix, self._last_security)]:
            self.port.setValue(_DEFAULT_PORTS[(self.prefix, new)])
        self._last_security = new

    def set_endpoint(self, endpoint: Endpoint) -> None:
        self.host.setText(endpoint.host)
        self.security.setCurrentIndex(self.security.findData(endpoint.security.value))
        self.port.setValue(endpoint.port)
        self.username.setText(endpoint.username)

    def endpoint(self, address: str) -> Endpoint:
        return Endpoint(
            host=bare_server_name(self.host.text()),
            port=self.port.value(),
            security=Security(self.security.currentData()),
            username=limits.without_control_characters(self.username.text()).strip() or address,
        )


class AccountForm(QDialog):
    """The Add / Edit / Replace-code dialog (see the module docstring)."""

    def __init__(
        self,
        ops: AccountOps,
        mode: FormMode,
        account: Account | None = None,
        *,
        providers: ProviderDirectory | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if mode is not FormMode.ADD and account is None:
            raise ValueError("editing needs an account")
        self.ops = ops
        self.mode = mode
        self.account = account
        self.saved: Account | None = None
        self._providers = providers
        self._provider_id: str | None = account.provider_id if account else None
        self._busy = False
        self._today = today or date.today()
        self.setObjectName("accountForm")
        self.setWindowTitle(
            {
                FormMode.ADD: self.tr("Add mailbox"),
                FormMode.EDIT: self.tr("Edit mailbox"),
                FormMode.ROTATE: self.tr("Replace authorization code"),
            }[mode]
        )
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)

        # -- the mailbox -------------------------------------------------------------------
        self.address = QLineEdit()
        self.address.setObjectName("addressEdit")
        self.address.setPlaceholderText(self.tr("name@example.com"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayNameEdit")
        self.display_name.setPlaceholderText(self.tr("Optional, e.g. Work mail"))
        self.display_name.setMaxLength(limits.MAX_DISPLAY_NAME)
        top = QFormLayout()
        top.setHorizontalSpacing(12)
        top.addRow(self.tr("Address:"), self.address)
        top.addRow(self.tr("Display name:"), self.display_name)
        self.mailbox_box = QWidget()
        self.mailbox_box.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mailbox_box)
        self.imap = EndpointEditor(self.tr("Incoming mail (IMAP)"), "imap")
        self.smtp = EndpointEditor(self.tr("Outgoing mail (SMTP)"), "smtp")
        servers = QHBoxLayout()
        servers.setSpacing(12)
        servers.addWidget(self.imap)
        servers.addWidget(self.smtp)
        self.servers_box = QWidget()
        self.servers_box.setLayout(servers)
        servers.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.servers_box)

        # -- the code ----------------------------------------------------------------------
        self.code_box = QGroupBox(self.tr("Authorization code"))
        code = QFormLayout(self.code_box)
        code.setHorizontalSpacing(12)
        self.code = QLineEdit()
        self.code.setObjectName("codeEdit")
        self.code.setEchoMode(QLineEdit.EchoMode.Password)
        self.code.setPlaceholderText(self.tr("Paste the code made in the web settings"))
        self.code.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.show_code = QAction(self.tr("Show code"), self.code)
        self.show_code.setObjectName("showCodeAction")
        self.show_code.setCheckable(True)
        self.show_code.setIcon(icons.action_icon("show", self.palette()))
        self.show_code.setToolTip(self.tr("Show or hide the code"))
        self.show_code.toggled.connect(self._toggle_code)
        self.code.addAction(self.show_code, QLineEdit.ActionPosition.TrailingPosition)
        self.code_row_label = self.tr("Code:")
        code.addRow(self.code_row_label, self.code)
        self.label = QLineEdit()
        self.label.setObjectName("codeLabelEdit")
        self.label.setPlaceholderText(self.tr("Which client the code is for, e.g. Thunderbird"))
        self.label.setMaxLength(limits.MAX_LABEL)
        code.addRow(self.tr("Made for:"), self.label)
        self.created = _date_edit()
        self.created.setObjectName("codeCreatedEdit")
        self.created.setCalendarPopup(True)
        self.created.setDate(_qdate(self._today))
        code.addRow(self.tr("Created on:"), self.created)
        self.has_expiry = QCheckBox(self.tr("Expires on:"))
        self.has_expiry.setObjectName("codeExpiresCheck")
        self.expires = _date_edit()
        self.expires.setObjectName("codeExpiresEdit")
        self.expires.setCalendarPopup(True)
        self.expires.setDate(_qdate(self._today).addDays(180))
        self.expires.setEnabled(False)
        self.has_expiry.toggled.connect(self.expires.setEnabled)
        code.addRow(self.has_expiry, self.expires)
        self.rotate_days = QSpinBox()
        self.rotate_days.setObjectName("rotateDaysSpin")
        self.rotate_days.setRange(0, MAX_ROTATE_DAYS)  # what the CLI and import accept
        self.rotate_days.setValue(DEFAULT_ROTATE_DAYS)
        self.rotate_days.setSpecialValueText(self.tr("Never"))
        self.rotate_days.setSuffix(self.tr(" days"))
        self.rotate_row = code.rowCount()
        code.addRow(self.tr("Remind to replace every:"), self.rotate_days)
        self._code_form = code
        layout.addWidget(self.code_box)

        # -- monitoring --------------------------------------------------------------------
        self.monitor_box = QGroupBox(self.tr("Checks and sending"))
        monitor = QFormLayout(self.monitor_box)
        monitor.setHorizontalSpacing(12)
        self.check_hours = QSpinBox()
        self.check_hours.setObjectName("checkHoursSpin")
        self.check_hours.setRange(0, MAX_CHECK_INTERVAL_HOURS)
        self.check_hours.setSpecialValueText(self.tr("As in Settings"))
        self.check_hours.setSuffix(self.tr(" hours"))
        self.check_hours.setToolTip(
            self.tr("How often this mailbox is checked; the Settings menu sets the default.")
        )
        monitor.addRow(self.tr("Check every:"), self.check_hours)
        self.has_sending_since = QCheckBox(self.tr("Began sending on:"))
        self.has_sending_since.setObjectName("sendingSinceCheck")
        self.has_sending_since.setToolTip(
            self.tr(
                "New mailboxes should send little at first. Without a date, the day the "
                "mailbox was added counts."
            )
        )
        self.sending_since = _date_edit()
        self.sending_since.setObjectName("sendingSinceEdit")
        self.sending_since.setCalendarPopup(True)
        self.sending_since.setDate(_qdate(self._today))
        self.sending_since.setEnabled(False)
        self.has_sending_since.toggled.connect(self.sending_since.setEnabled)
        monitor.addRow(self.has_sending_since, self.sending_since)
        layout.addWidget(self.monitor_box)

        self.note = QLabel()
        self.note.setObjectName("formNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        error_palette = self.error.palette()
        error_palette.setColor(
            QPalette.ColorRole.WindowText, badge_colors(Severity.ERROR, self.palette()).text
        )
        self.error.setPalette(error_palette)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("formButtons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setText(self.tr("Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.address.editingFinished.connect(self._prefill_servers)
        self._apply_mode()

    # -- set-up ------------------------------------------------------------------------------

    def _apply_mode(self) -> None:
        account = self.account
        if account is not None:
            self.address.setText(account.address)
            self.display_name.setText(account.display_name)
            self.imap.set_endpoint(account.imap)
            self.smtp.set_endpoint(account.smtp)
            self.label.setText(account.credential_label)
            if account.code_created is not None:
                self.created.setDate(_qdate(account.code_created))
            if account.code_expires is not None:
                self.has_expiry.setChecked(True)
                self.expires.setDate(_qdate(account.code_expires))
            self.rotate_days.setValue(account.rotate_days)
            self.check_hours.setValue(account.check_interval_hours or 0)
            if account.sending_since is not None:
                self.has_sending_since.setChecked(True)
                self.sending_since.setDate(_qdate(account.sending_since))
        if self.mode is FormMode.EDIT:
            # The code is never asked for again when editing settings.
            self._code_form.setRowVisible(self.code, False)
            self.code_box.setTitle(self.tr("Authorization code dates"))
        elif self.mode is FormMode.ROTATE:
            assert account is not None
            self.mailbox_box.hide()
            self.servers_box.hide()
            self.monitor_box.hide()
            self.created.setDate(_qdate(self._today))
            self.has_expiry.setChecked(False)
            self.note.setText(
                self.tr(
                    "New code for %1. After saving, revoke the old code in the mailbox's web "
                    "settings so that it cannot be used any more."
                ).replace("%1", account.address)
            )
        if self.mode is not FormMode.ROTATE:
            self.note.hide()
        self._shown = self._kept_fields()

    def _kept_fields(self) -> dict[str, object]:
        """The values the date and number fields show. A field the user leaves as it was
        keeps the stored value, which the field may not be able to show exactly (no date yet,
        a date before the year 100, a number past the field's range)."""
        return {
            "code_created": self.created.date(),
            "code_expires": (self.has_expiry.isChecked(), self.expires.date()),
            "rotate_days": self.rotate_days.value(),
            "check_interval_hours": self.check_hours.value(),
            "sending_since": (self.has_sending_since.isChecked(), self.sending_since.date()),
        }

    def _toggle_code(self, shown: bool) -> None:
        self.code.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def _prefill_servers(self) -> None:
        if self.mode is not FormMode.ADD or self._providers is None or self.imap.host.text():
            return
        found = suggested_servers(self._providers, self.address.text())
        if found is None:
            return
        self._provider_id, imap, smtp = found
        self.imap.set_endpoint(imap)
        self.smtp.set_endpoint(smtp)

    # -- saving ------------------------------------------------------------------------------

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def collect(self) -> Account | None:
        """The account as the form describes it, or None (with the problem shown)."""
        try:
            address = normalise_address(self.address.text())
        except AddressError:
            self._fail(self.tr("Enter a valid e-mail address, such as name@example.com."))
            self.address.setFocus()
            return None
        imap = self.imap.endpoint(address)
        smtp = self.smtp.endpoint(address)
        for editor, endpoint in ((self.imap, imap), (self.smtp, smtp)):
            if not endpoint.host:
                self._fail(self.tr("Enter the server names for receiving and sending."))
                editor.host.setFocus()
                return None
            if server_name_problem(endpoint.host) is not None:
                shown = endpoint.host if len(endpoint.host) <= 60 else endpoint.host[:59] + "…"
                self._fail(
                    self.tr(
                        "“%1” is not a server name. Use a name such as imap.example.com, or an "
                        "IP address."
                    ).replace("%1", shown)
                )
                editor.host.setFocus()
                return None
        expires = _pydate(self.expires.date()) if self.has_expiry.isChecked() else None
        values: dict[str, object] = {
            "code_created": _pydate(self.created.date()),
            "code_expires": expires,
            "rotate_days": self.rotate_days.value(),
            "check_interval_hours": self.check_hours.value() or None,
            "sending_since": (
                _pydate(self.sending_since.date()) if self.has_sending_since.isChecked() else None
            ),
        }
        if self.account is not None:
            now = self._kept_fields()
            for name in values:
                if now[name] == self._shown[name]:
                    values[name] = getattr(self.account, name)
        base = self.account or Account(address=address, imap=imap, smtp=smtp)
        account = base.replace(
            address=address,
            display_name=limits.without_control_characters(self.display_name.text()).strip(),
            provider_id=self._provider_id,
            imap=imap,
            smtp=smtp,
            credential_label=limits.without_control_characters(self.label.text()).strip(),
            **values,
        )
        if limits.account_problem(account) is not None:  # what the keyboard limits let through
            self._fail(self.tr("A field holds more text than mailmanager keeps."))
            return None
        return account

    def submit(self) -> None:
        self.error.hide()
        secret = self.code.text().strip()
        if self.mode is not FormMode.EDIT and not secret:
            self._fail(self.tr("Paste the authorization code."))
            self.code.setFocus()
            return
        if self.mode is FormMode.ROTATE:
            assert self.account is not None and self.account.id is not None
            self._set_busy(True)
            self.ops.rotate(
                self.account.id,
                secret,
                label=self.label.text().strip(),
                code_created=_pydate(self.created.date()),
                code_expires=_pydate(self.expires.date()) if self.has_expiry.isChecked() else None,
                on_done=self._saved,
                on_error=self._failed,
            )
            return
        account = self.collect()
        if account is None:
            return
        self._set_busy(True)
        if self.mode is FormMode.ADD:
            self.ops.add(account, secret, on_done=self._saved, on_error=self._failed)
        else:
            self.ops.update_settings(account, on_done=self._saved, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))

    def _saved(self, account: object) -> None:
        self._set_busy(False)
        self.saved = account if isinstance(account, Account) else None
        self.code.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._fail(errors.user_message(error))

    def reject(self) -> None:
        if self._busy:  # the save is on its way; its result decides
            return
        self.code.clear()
        super().reject()
