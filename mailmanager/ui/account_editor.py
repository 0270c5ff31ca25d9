"""The Edit dialog: a saved mailbox's settings, never its code.

Adding a mailbox, fixing one and replacing its code go through the setup wizard (``ui/wizard/``),
which tests a code before it is stored. What is left to edit afterwards needs no test: the
address, display name and group, both servers, the code's label, dates and reminder, the check
interval and the day sending began. The servers are edited with the wizard's own server editor
and the reminder with its field (``ui/account_fields.py``), within the limits of
``core.model.limits``.

Two things the dialog keeps that it cannot show:

* A server left as it was keeps where it came from and the user's confirmation of it
  (``_keep_origin``); the trust rule (``core.trust``) reads them. A server changed here counts
  as typed by the user.
* A date or number field left as it was keeps the stored value, which the field may not be able
  to show (no code date, a date before the year 100, a reminder an earlier version allowed).

Saving goes through ``services.account_ops.AccountOps`` (the registry on the keyring thread);
the dialog stays open, with its buttons disabled, until the save is done or has failed, and
shows the failure in the words of ``ui.errors.user_message``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core.model import limits
from mailmanager.core.model.accounts import Account, Endpoint, Protocol
from mailmanager.core.model.address import AddressError, normalise_address, server_name_problem
from mailmanager.core.model.status import Severity
from mailmanager.services.account_ops import AccountOps
from mailmanager.services.operations import async_slot
from mailmanager.ui import errors
from mailmanager.ui.account_fields import EndpointEditor, GroupCombo, RotateDaysSpin
from mailmanager.ui.badge_style import badge_colors


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


def _keep_origin(endpoint: Endpoint, saved: Endpoint) -> Endpoint:
    """``endpoint`` with ``saved``'s origin when host, port and security are unchanged."""
    return endpoint.with_origin(saved.origin) if endpoint.same_server(saved) else endpoint


class EditAccountDialog(QDialog):
    """Edits a saved mailbox's settings (see the module docstring).

    Attributes:
        account: the mailbox as it was when the dialog opened.
        saved: the stored mailbox after a successful save (None before).
    """

    def __init__(
        self,
        ops: AccountOps,
        account: Account,
        *,
        today: date | None = None,
        groups: list[str] | tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.account = account
        self.saved: Account | None = None
        self._busy = False
        self._today = today or date.today()
        self.setObjectName("editAccountDialog")
        self.setWindowTitle(self.tr("Edit mailbox"))
        layout = QVBoxLayout(self)
        # Never smaller than the fields need: a minimum width of the dialog's own would stop the
        # layout from enforcing theirs, and the server boxes then overlapped (host over port,
        # "SSL/" cut) at the size the dialog opened with.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
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
        top.setContentsMargins(0, 0, 0, 0)
        top.addRow(self.tr("&Address:"), self.address)
        top.addRow(self.tr("&Display name:"), self.display_name)
        self.group = GroupCombo(groups)
        self.group.setToolTip(
            self.tr("A client, a team or a campaign; the list can show one group at a time")
        )
        top.addRow(self.tr("&Group:"), self.group)
        layout.addLayout(top)
        # The two server boxes share their field labels, so the boxes carry the mnemonics:
        # Alt+R / Alt+N go to the box's server name, Tab on from there.
        self.imap = EndpointEditor(self.tr("&Receiving mail (IMAP)"), Protocol.IMAP)
        self.smtp = EndpointEditor(self.tr("Se&nding mail (SMTP)"), Protocol.SMTP)
        servers = QHBoxLayout()
        servers.setSpacing(12)
        for editor in (self.imap, self.smtp):
            editor.username.setPlaceholderText(self.tr("Same as the address"))
            servers.addWidget(editor)
        layout.addLayout(servers)

        # -- the code's dates (the code itself is never asked for again) -------------------
        self.code_box = QGroupBox(self.tr("Authorization code dates"))
        code = QFormLayout(self.code_box)
        code.setHorizontalSpacing(12)
        self.label = QLineEdit()
        self.label.setObjectName("codeLabelEdit")
        self.label.setPlaceholderText(self.tr("Which client the code is for, e.g. Thunderbird"))
        self.label.setMaxLength(limits.MAX_LABEL)
        code.addRow(self.tr("&Made for:"), self.label)
        self.created = _date_edit()
        self.created.setObjectName("codeCreatedEdit")
        self.created.setCalendarPopup(True)
        self.created.setDate(_qdate(self._today))
        code.addRow(self.tr("Crea&ted on:"), self.created)
        self.has_expiry = QCheckBox(self.tr("E&xpires on:"))
        self.has_expiry.setObjectName("codeExpiresCheck")
        self.expires = _date_edit()
        self.expires.setObjectName("codeExpiresEdit")
        self.expires.setCalendarPopup(True)
        self.expires.setDate(_qdate(self._today).addDays(180))
        self.expires.setEnabled(False)
        self.has_expiry.toggled.connect(self.expires.setEnabled)
        code.addRow(self.has_expiry, self.expires)
        self.rotate_days = RotateDaysSpin()
        code.addRow(self.tr("Remind to replace e&very:"), self.rotate_days)
        layout.addWidget(self.code_box)

        # -- monitoring --------------------------------------------------------------------
        self.monitor_box = QGroupBox(self.tr("Checks and sending"))
        monitor = QFormLayout(self.monitor_box)
        monitor.setHorizontalSpacing(12)
        self.check_hours = QSpinBox()
        self.check_hours.setObjectName("checkHoursSpin")
        # 0 shows "As in Settings" (no interval of its own); the others are the core's limits.
        self.check_hours.setRange(0, limits.MAX_CHECK_INTERVAL_HOURS)
        self.check_hours.setSpecialValueText(self.tr("As in Settings"))
        self.check_hours.setSuffix(self.tr(" hours"))
        self.check_hours.setToolTip(
            self.tr("How often this mailbox is checked; the Settings menu sets the default.")
        )
        monitor.addRow(self.tr("Chec&k every:"), self.check_hours)
        self.has_sending_since = QCheckBox(self.tr("&Began sending on:"))
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
        self.save_button.setText(self.tr("&Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setText(self.tr("&Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._show(account)

    # -- set-up ------------------------------------------------------------------------------

    def _show(self, account: Account) -> None:
        self.address.setText(account.address)
        self.display_name.setText(account.display_name)
        self.group.set_group(account.group)
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

    # -- saving ------------------------------------------------------------------------------

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def collect(self) -> Account | None:
        """The account as the dialog describes it, or None (with the problem shown)."""
        try:
            address = normalise_address(self.address.text())
        except AddressError:
            self._fail(self.tr("Enter a valid e-mail address, such as name@example.com."))
            self.address.setFocus()
            return None
        # An unchanged server keeps where it came from (and the user's confirmation); one the
        # user changed here counts as entered by them.
        imap = _keep_origin(self.imap.endpoint(address), self.account.imap)
        smtp = _keep_origin(self.smtp.endpoint(address), self.account.smtp)
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
        now = self._kept_fields()
        for name in values:
            if now[name] == self._shown[name]:
                values[name] = getattr(self.account, name)
        if now["rotate_days"] != self._shown["rotate_days"]:
            try:
                limits.validate_rotate_days(self.rotate_days.value())
            except limits.LimitError as exc:
                self._fail(errors.user_message(exc))
                self.rotate_days.setFocus()
                return None
        account = self.account.replace(
            address=address,
            display_name=limits.without_control_characters(self.display_name.text()).strip(),
            imap=imap,
            smtp=smtp,
            credential_label=limits.without_control_characters(self.label.text()).strip(),
            group=self.group.group(),
            **values,
        )
        if limits.account_problem(account) is not None:  # what the keyboard limits let through
            self._fail(self.tr("A field holds more text than mailmanager keeps."))
            return None
        return account

    @async_slot()
    async def submit(self) -> None:
        """Save through the registry off the GUI thread; the buttons wait meanwhile."""
        self.error.hide()
        account = self.collect()
        if account is None:
            return
        self._set_busy(True)
        try:
            saved = await self.ops.change(account)
        except Exception as exc:  # the registry's refusals are said in the dialog
            self._fail(errors.user_message(exc))
            return
        finally:
            self._set_busy(False)
        self.saved = saved
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("&Save"))

    def reject(self) -> None:
        if self._busy:  # the save is on its way; its result decides
            return
        super().reject()
