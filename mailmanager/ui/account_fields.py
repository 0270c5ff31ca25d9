"""The fields an account is edited with, shared by the edit dialog and the setup wizard.

One server editor (host, port, security and user name, the port following the security while
it is the standard one), one security choice and one reminder interval: the edit dialog
(``ui/account_editor.py``) and the wizard's servers and code pages (``ui/wizard/``) show the
same widgets, with the same object names and the limits of ``core.model.limits``, so the two
editors cannot drift apart again (they once offered reminders after 0-36,500 and 7-730 days).

Each widget has the Qt property the wizard registers as a field: ``value`` of the security
choice (``ssl`` / ``starttls`` / ``plain``, which a plain QComboBox cannot express), the spin
boxes' ``value`` and the line edits' ``text``.
"""

from __future__ import annotations

from PySide6.QtCore import Property, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from mailmanager.core.model import limits
from mailmanager.core.model.accounts import DEFAULT_ROTATE_DAYS, Endpoint, Protocol, Security
from mailmanager.core.model.address import MAX_DOMAIN_LENGTH, bare_server_name, server_name_problem
from mailmanager.core.model.limits import (
    MAX_ROTATE_DAYS,
    MIN_ROTATE_DAYS,
    NEVER_REMIND,
    default_port,
)
from mailmanager.ui.formatting import security_text


class ValueCombo(QComboBox):
    """A combo box whose ``value`` property is the current item's data string.

    Signals:
        valueChanged(str): the selected value changed.
    """

    valueChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(lambda _i: self.valueChanged.emit(self._get_value()))

    def _get_value(self) -> str:
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def _set_value(self, value: str) -> None:
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)

    value = Property(str, _get_value, _set_value, notify=valueChanged)

    def current(self) -> str:
        """The selected value ("" when the item has none)."""
        return self._get_value()

    def select(self, value: str) -> None:
        """Select the item holding ``value`` (no change if there is none)."""
        self._set_value(value)


class SecurityCombo(ValueCombo):
    """Connection security: ``ssl``, ``starttls`` or ``plain`` (labelled as mail clients do)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for security in Security:
            self.addItem(security_text(security), security.value)


_WIDE_HOST = "hwhzsmtp.qiye.163.com"  # a long real server name (NetEase's company mail)


class EndpointEditor(QGroupBox):
    """Host, port, security and user name of one protocol's server.

    The widgets' object names start with the protocol (``imapHostEdit``, ``imapPortSpin``,
    ``imapSecurityCombo``, ``imapUsernameEdit``); a line under the host (``imapServerNameProblem``)
    says why a typed name cannot be a server's. Changing the security moves the port to the new
    standard port unless the user typed a port of their own.
    """

    def __init__(self, title: str, protocol: Protocol | str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.protocol = Protocol(protocol)
        prefix = self.protocol.value
        self.host = QLineEdit()
        self.host.setObjectName(f"{prefix}HostEdit")
        self.host.setPlaceholderText(self.tr("e.g. %1.example.com").replace("%1", prefix))
        self.port = QSpinBox()
        self.port.setObjectName(f"{prefix}PortSpin")
        self.port.setRange(1, 65535)
        self.port.setValue(default_port(self.protocol, Security.SSL))
        self.security = SecurityCombo()
        self.security.setObjectName(f"{prefix}SecurityCombo")
        self.username = QLineEdit()
        self.username.setObjectName(f"{prefix}UsernameEdit")
        # The limits `add` and `import` apply (core.model.limits), stopped at the keyboard.
        self.host.setMaxLength(MAX_DOMAIN_LENGTH + 2)  # room for the brackets of [IPv6]
        # Wide enough for a company mailbox's server name, which otherwise showed cut off
        # ('.qq.com') when the dialog opened at its smallest.
        self.host.setMinimumWidth(self.host.fontMetrics().horizontalAdvance(_WIDE_HOST) + 16)
        self.username.setMaxLength(limits.MAX_USERNAME)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Server:")), 0, 0)
        grid.addWidget(self.host, 0, 1)
        grid.addWidget(QLabel(self.tr("Port:")), 0, 2)
        grid.addWidget(self.port, 0, 3)
        grid.addWidget(QLabel(self.tr("Encryption:")), 1, 0)
        grid.addWidget(self.security, 1, 1)
        grid.addWidget(QLabel(self.tr("User name:")), 2, 0)
        grid.addWidget(self.username, 2, 1, 1, 3)
        # Why the name cannot be a server's (typed with a space, a slash…), as it is typed.
        self.host_problem = QLabel()
        self.host_problem.setObjectName(f"{prefix}ServerNameProblem")
        self.host_problem.setWordWrap(True)
        self.host_problem.hide()
        grid.addWidget(self.host_problem, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.host.textChanged.connect(self._check_host)
        self._security = self.security.current()
        self.security.valueChanged.connect(self._on_security)

    def _check_host(self, text: str) -> None:
        host = text.strip()
        wrong = bool(host) and server_name_problem(host) is not None
        if wrong:
            self.host_problem.setText(
                self.tr("Not a server name: use a name such as imap.example.com, or an IP address.")
            )
        self.host_problem.setVisible(wrong)

    def _on_security(self, value: str) -> None:
        # Follow the standard port unless the user typed a non-standard one.
        if value and self.port.value() == default_port(self.protocol, self._security):
            self.port.setValue(default_port(self.protocol, value))
        self._security = value

    def set_endpoint(self, endpoint: Endpoint, *, username: bool = True) -> None:
        """Show ``endpoint``; its user name too when ``username`` and it has one."""
        self.host.setText(endpoint.host)
        self._security = endpoint.security.value
        self.security.select(endpoint.security.value)
        self.port.setValue(endpoint.port)
        if username and endpoint.username:
            self.username.setText(endpoint.username)

    def endpoint(self, default_username: str = "") -> Endpoint:
        """The server the fields describe (an empty user name is ``default_username``)."""
        return Endpoint(
            host=bare_server_name(self.host.text()),
            port=self.port.value(),
            security=Security(self.security.current()),
            username=limits.without_control_characters(self.username.text()).strip()
            or default_username,
        )

    def matches(self, endpoint: Endpoint) -> bool:
        """Whether the fields show ``endpoint``'s host, port and security."""
        return (
            self.host.text().strip().lower() == endpoint.host.lower()
            and self.port.value() == endpoint.port
            and self.security.current() == endpoint.security.value
        )

    def complete(self) -> bool:
        """A usable server name and a user name."""
        host = self.host.text().strip()
        return server_name_problem(host) is None and bool(self.username.text().strip())


class RotateDaysSpin(QSpinBox):
    """After how many days to remind the user to replace the code: "Never" (0) or the range of
    ``core.model.limits``.

    The field's range must hold 0, so the days below the limit are in it too: the arrows step
    from Never straight to the first allowed day and back, a smaller number typed becomes the
    first allowed day when editing ends, and one set from outside (a mailbox saved by an earlier
    version) at once. Whoever saves still asks the core (``limits.validate_rotate_days``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rotateDaysSpin")
        self.setRange(NEVER_REMIND, MAX_ROTATE_DAYS)
        self.setValue(DEFAULT_ROTATE_DAYS)
        self.setSpecialValueText(self.tr("Never"))
        self.setSuffix(self.tr(" days"))
        self.editingFinished.connect(self._settle)
        self.valueChanged.connect(self._value_set)

    def stepBy(self, steps: int) -> None:
        value = self.value()
        if value == NEVER_REMIND and steps > 0:
            self.setValue(MIN_ROTATE_DAYS)
            self.selectAll()
        elif value > NEVER_REMIND and value + steps * self.singleStep() < MIN_ROTATE_DAYS:
            self.setValue(NEVER_REMIND)
            self.selectAll()
        else:
            super().stepBy(steps)

    def _value_set(self, _value: int) -> None:
        if not self.hasFocus():  # not typed: a number being typed settles when editing ends
            self._settle()

    def _settle(self) -> None:
        if NEVER_REMIND < self.value() < MIN_ROTATE_DAYS:
            self.setValue(MIN_ROTATE_DAYS)


class GroupCombo(QComboBox):
    """The group a mailbox belongs to: one of the groups in use, or a new name typed in.

    Empty is "no group". ``group()`` is the name as it will be kept (``limits.clean_group``:
    " Client  A" and "Client A" are one group); the field takes no more than the limit.
    """

    def __init__(self, groups: list[str] | tuple[str, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("groupCombo")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(sorted({g for g in groups if g}, key=str.casefold))
        edit = self.lineEdit()
        assert edit is not None  # an editable combo box has one
        edit.setMaxLength(limits.MAX_GROUP)
        edit.setPlaceholderText(self.tr("No group"))
        edit.setClearButtonEnabled(True)
        self.setCurrentIndex(-1)
        edit.clear()

    def set_group(self, group: str) -> None:
        self.setEditText(group)

    def group(self) -> str:
        return limits.clean_group(self.currentText())
