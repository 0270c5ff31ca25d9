"""Page 4: the servers, prefilled from detection and editable.

Most people never need to touch this page, but it must be right when they do: a company server
on another port, a provider's backup group (NetEase enterprise's imap/smtp.qiye.163.com when the
recommended hwhz* pair is unreachable), an extra CA file for a company's own certificate. Usernames
default to the address (or its local part, where the provider wants that). The server editors
are the edit dialog's (``ui/account_fields.py``), so both editors follow the same ports and rules.

Where the catalogue's servers need no change (a known provider, a confirmed group, nothing typed),
the editors fold away under "Change servers…", as Thunderbird does, and the page shows the servers
it will use in two lines: a first-time user has nothing to misread or mistype (issue 18, item 5).
Typing a server of one's own, an unconfirmed group, a saved mailbox's own servers or a CA file
keep them open.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mailmanager.core.catalogue.model import ServerGroup
from mailmanager.core.model.accounts import Protocol
from mailmanager.core.model.address import UsernameForm, parse_address, username_for
from mailmanager.ui import formatting
from mailmanager.ui.account_fields import EndpointEditor, ValueCombo
from mailmanager.ui.wizard.context import WizardContext
from mailmanager.ui.wizard.fields import F
from mailmanager.ui.wizard.widgets import Notice, wrapped

CUSTOM = ""


class ServersPage(QWizardPage):
    """Server groups, both protocols' settings, and the CA file under Advanced."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._applying = False
        self._prefilled: tuple[object, str] | None = None
        self.setTitle(self.tr("Check the server settings"))
        self.group_combo = ValueCombo()
        self.group_combo.setObjectName("serverGroupCombo")
        self.group_note = wrapped()
        self.group_note.setObjectName("serverGroupNote")
        self.registerField(F.SERVER_GROUP, self.group_combo, "value", "valueChanged(QString)")
        group_form = QFormLayout()
        self.group_label = QLabel(self.tr("Server group:"))
        group_form.addRow(self.group_label, self.group_combo)
        group_form.addRow("", self.group_note)

        # The same server editor as the edit dialog's (ui/account_fields.py), its widgets
        # registered as the fields imapHost, imapPort, imapSecurity, imapUsername and smtp*.
        self.imap = EndpointEditor(self.tr("Receiving mail (IMAP)"), Protocol.IMAP)
        self.smtp = EndpointEditor(self.tr("Sending mail (SMTP)"), Protocol.SMTP)
        # The folded view: what will be used, and the way to change it.
        self.summary = wrapped(rich=True)
        self.summary.setObjectName("serverSummary")
        self.change_button = QToolButton()
        self.change_button.setObjectName("changeServersToggle")
        self.change_button.setCheckable(True)
        self.change_button.setText(self.tr("Change servers…"))
        self.change_button.setArrowType(Qt.ArrowType.RightArrow)
        self.change_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.change_button.toggled.connect(self._on_change_toggled)
        self.editors = QWidget()
        self.editors.setObjectName("serverEditors")
        editors = QVBoxLayout(self.editors)
        editors.setContentsMargins(0, 0, 0, 0)
        editors.addWidget(self.imap)
        editors.addWidget(self.smtp)
        for box, prefix in ((self.imap, "imap"), (self.smtp, "smtp")):
            self.registerField(prefix + "Host", box.host)
            self.registerField(prefix + "Port", box.port)
            self.registerField(prefix + "Security", box.security, "value", "valueChanged(QString)")
            self.registerField(prefix + "Username", box.username)
            box.host.textChanged.connect(self._on_edited)
            box.port.valueChanged.connect(self._on_edited)
            box.security.valueChanged.connect(self._on_edited)
            box.username.textChanged.connect(lambda _t: self.completeChanged.emit())

        self.plain_warning = Notice("warning")
        self.plain_warning.setObjectName("plainWarning")
        self.plain_warning.set_text(
            self.tr("Without encryption the code travels as readable text"),
            html.escape(
                self.tr(
                    'Choose "None" only for a server on your own network that offers nothing '
                    "else. mailmanager never falls back to it on its own."
                )
            ),
        )
        self.plain_warning.hide()

        self.advanced_button = QToolButton()
        self.advanced_button.setObjectName("advancedToggle")
        self.advanced_button.setCheckable(True)
        self.advanced_button.setText(self.tr("Advanced"))
        self.advanced_button.setArrowType(self.advanced_button.arrowType().RightArrow)
        self.advanced_button.setToolButtonStyle(
            self.advanced_button.toolButtonStyle().ToolButtonTextBesideIcon
        )
        self.advanced_button.toggled.connect(self._on_advanced)
        self.ca_edit = QLineEdit()
        self.ca_edit.setObjectName("caFileEdit")
        self.ca_edit.setPlaceholderText(
            self.tr("only for a company server with its own certificate")
        )
        self.registerField(F.CA_FILE, self.ca_edit)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(QLabel(self.tr("Extra CA certificate (PEM):")))
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(browse)
        self.advanced = QWidget()
        self.advanced.setObjectName("advancedPanel")
        self.advanced.setLayout(ca_row)
        self.advanced.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(group_form)
        layout.addWidget(self.summary)
        layout.addWidget(self.change_button)
        layout.addWidget(self.editors)
        layout.addWidget(self.plain_warning)
        layout.addWidget(self.advanced_button)
        layout.addWidget(self.advanced)
        layout.addStretch(1)
        self.group_combo.valueChanged.connect(self._on_group)

    # -- prefill --------------------------------------------------------------------------------

    def _usernames(self) -> tuple[str, str]:
        address = str(self.field(F.ADDRESS) or "")
        try:
            parsed = parse_address(address)
        except ValueError:
            return address, address
        provider = self.ctx.provider
        imap_form = provider.imap_username if provider else UsernameForm.ADDRESS
        smtp_form = provider.smtp_username if provider else UsernameForm.ADDRESS
        return username_for(parsed, imap_form), username_for(parsed, smtp_form)

    def _groups(self) -> tuple[ServerGroup, ...]:
        return self.ctx.found.groups

    def prefill(self) -> None:
        """Fill everything from what detection found (called when the provider changed)."""
        groups = self._groups()
        lang = self.ctx.lang
        self._applying = True
        try:
            self.group_combo.clear()
            for group in groups:
                name = group.name.get(lang)
                if group.unconfirmed:
                    name = self.tr("%1 (not confirmed by the provider)").replace("%1", name)
                self.group_combo.addItem(name, group.id)
            self.group_combo.addItem(self.tr("My own settings"), CUSTOM)
            imap_user, smtp_user = self._usernames()
            self.imap.username.setText(imap_user)
            self.smtp.username.setText(smtp_user)
            if groups:
                self.group_combo.select(groups[0].id)
                self._apply(groups[0])
            else:
                self.group_combo.select(CUSTOM)
                self.imap.host.clear()
                self.smtp.host.clear()
        finally:
            self._applying = False
        self._update_notes()
        self.completeChanged.emit()

    def mark_prefilled(self) -> None:
        """The fields were set from a saved account: do not overwrite them with detection."""
        self._prefilled = (self.ctx.found, str(self.field(F.ADDRESS) or ""))

    def _apply(self, group: ServerGroup) -> None:
        self.imap.set_endpoint(group.imap, username=False)
        self.smtp.set_endpoint(group.smtp, username=False)

    def _on_group(self, value: str) -> None:
        if self._applying:
            return
        group = next((g for g in self._groups() if g.id == value), None)
        if group is not None:
            self._applying = True
            try:
                self._apply(group)
            finally:
                self._applying = False
        self._update_notes()
        self.completeChanged.emit()

    def select_group(self, group_id: str) -> None:
        """Switch to another of the provider's groups (the test page's one-click action)."""
        self.group_combo.select(group_id)

    def _on_edited(self, *_args: object) -> None:
        if not self._applying:
            group = next((g for g in self._groups() if g.id == self.group_combo.current()), None)
            if group is not None and not (
                self.imap.matches(group.imap) and self.smtp.matches(group.smtp)
            ):
                self._applying = True
                try:
                    self.group_combo.select(CUSTOM)
                finally:
                    self._applying = False
        self._update_notes()
        self.completeChanged.emit()

    def _update_notes(self) -> None:
        groups = self._groups()
        self.group_label.setVisible(len(groups) > 1)
        self.group_combo.setVisible(len(groups) > 1)
        group = next((g for g in groups if g.id == self.group_combo.current()), None)
        note = ""
        if len(groups) > 1 and group is not None and group is not groups[0]:
            note = self.tr("Use this group if the first one does not connect from your network.")
        if group is not None and group.unconfirmed:
            note = self.tr(
                "These servers come from third-party sources, not the provider; the test will "
                "show whether they work."
            )
        self.group_note.setText(note)
        self.group_note.setVisible(bool(note))
        plain = self.imap.security.current() == "plain" or self.smtp.security.current() == "plain"
        self.plain_warning.setVisible(plain)
        if self.folded():
            if self.can_fold():
                self._update_summary()
            else:  # another group, or a change from elsewhere: show what is used now
                self._set_folded(False)

    def can_fold(self) -> bool:
        """The catalogue's servers need no change: a known provider's confirmed group, still
        as the catalogue has it, and no CA file of one's own."""
        if self.ctx.provider is None or self.ca_edit.text():
            return False
        group = next((g for g in self._groups() if g.id == self.group_combo.current()), None)
        return (
            group is not None
            and not group.unconfirmed
            and self.imap.matches(group.imap)
            and self.smtp.matches(group.smtp)
        )

    def folded(self) -> bool:
        """The editors are folded away under "Change servers…"."""
        return not self.editors.isVisibleTo(self)

    def _set_folded(self, folded: bool) -> None:
        self.summary.setVisible(folded)
        self.change_button.setVisible(folded)
        self.editors.setVisible(not folded)
        # The CA file is a server setting too: folded with them.
        self.advanced_button.setVisible(not folded)
        self.advanced.setVisible(not folded and self.advanced_button.isChecked())
        provider = self.ctx.provider
        if folded and provider is not None:
            self.setSubTitle(
                self.tr(
                    "These are %1's servers from the built-in list; most people never need "
                    "to change them."
                ).replace("%1", provider.name(self.ctx.lang))
            )
        else:
            self.setSubTitle(
                self.tr("These were filled in for you. Change them only if your provider says so.")
            )
        if folded:
            self._update_summary()

    def _on_change_toggled(self, on: bool) -> None:
        self._set_folded(not on)
        if on:
            self.imap.host.setFocus()

    def _update_summary(self) -> None:
        rows = [
            (self.tr("Receiving (IMAP)"), formatting.endpoint_text(self.imap.endpoint())),
            (self.tr("Sending (SMTP)"), formatting.endpoint_text(self.smtp.endpoint())),
        ]
        users = {self.imap.username.text().strip(), self.smtp.username.text().strip()} - {""}
        if len(users) == 1:
            rows.append((self.tr("User name"), users.pop()))
        cells = "".join(
            f"<tr><td style='padding:3px 14px 3px 0'><b>"
            f"{html.escape(formatting.labelled(label, ''))}</b></td>"
            f"<td style='padding:3px 0'>{html.escape(value)}</td></tr>"
            for label, value in rows
        )
        self.summary.setText(f"<table>{cells}</table>")

    def focus_widget(self) -> QWidget | None:
        """Where typing goes when the page opens (``SetupWizard._place_focus``)."""
        return self.change_button if self.folded() else self.imap.host

    def _on_advanced(self, on: bool) -> None:
        self.advanced.setVisible(on)
        arrow = self.advanced_button.arrowType()
        self.advanced_button.setArrowType(arrow.DownArrow if on else arrow.RightArrow)

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the CA certificate"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_edit.setText(path)

    # -- QWizardPage ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        key = (self.ctx.found, str(self.field(F.ADDRESS) or ""))
        if self._prefilled != key:
            self._prefilled = key
            self.prefill()
        if self.ca_edit.text():
            self.advanced_button.setChecked(True)
        self.change_button.setChecked(False)
        self._set_folded(self.can_fold())
        self._update_notes()

    def isComplete(self) -> bool:
        return self.imap.complete() and self.smtp.complete()

    def cleanupPage(self) -> None:
        """Keep what the user entered when they step back (QWizard would reset it)."""
