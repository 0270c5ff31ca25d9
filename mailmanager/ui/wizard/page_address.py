"""Page 1: the address, checked as it is typed, and who the provider is.

Detection happens in two speeds: the catalogue answers at once for known domains (163.com,
qq.com, gmail.com ...); any other domain is looked up in the background (MX, SRV, autoconfig, a
guess) with a visible spinner and a Cancel button, so a slow or absent network never blocks
typing. The user can always overrule the result: choose the provider from the list, or enter
the servers by hand.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.model import Provider, Source
from mailmanager.core.discovery import detector
from mailmanager.core.model.address import AddressError, parse_address
from mailmanager.services.operations import Tasks, run_blocking
from mailmanager.ui import formatting, icons
from mailmanager.ui.provider_info import unconfirmed
from mailmanager.ui.wizard.context import DetectFn, Found, WizardContext
from mailmanager.ui.wizard.fields import F, WizardMode
from mailmanager.ui.wizard.widgets import Notice, bullet_list, heading, wrapped

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger("mailmanager.ui.wizard")

DETECT_DELAY_MS = 500
# Detection notes worth showing beside the source line (the source itself is said already).
EXTRA_NOTES: set[str] = {
    str(getattr(detector, name, ""))
    for name in (
        "NOTE_AUTOCONFIG_HTTP",
        "NOTE_PARTIAL",
        "NOTE_DNS_TIMEOUT",
        "NOTE_NO_DNS",
        "NOTE_UNCONFIRMED",
        "NOTE_PLAIN",
    )
} - {""}
MANUAL = "__manual__"
# Whose registration guidance the address page offers (seed 004 is about 163 and 126).
REGISTRATION_PROVIDER = "netease_personal"


class RegistrationGuide(QDialog):
    """How to register a NetEase mailbox, from the catalogue's ``registration`` and
    ``inactivity`` sections (seed 004), in the UI language."""

    def __init__(self, provider: Provider, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationGuide")
        self.setWindowTitle(self.tr("Create a NetEase mailbox"))
        self.setMinimumWidth(560)
        title = heading(self.windowTitle())
        intro = wrapped(
            self.tr(
                "Register at mail.163.com or mail.126.com in the browser, then come back and "
                "add the new address here. What trips people up:"
            )
        )
        items = list(provider.registration.get(lang) if provider.registration else ())
        if provider.inactivity is not None:
            items.append(provider.inactivity.text.get(lang))
        if provider.is_unconfirmed("registration"):
            items = [unconfirmed(item) for item in items]
        self.points = wrapped(bullet_list(items), rich=True)
        self.points.setObjectName("registrationPoints")
        self.points.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.points)
        layout.addStretch(1)
        layout.addWidget(buttons)


class AddressPage(QWizardPage):
    """The address and display name; shows the detected provider and where it came from."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = Tasks()  # network detection (cancelled with cancel_detection)
        self._task: asyncio.Task[None] | None = None
        self._detected_for = ""
        self.setTitle(self.tr("Which mailbox do you want to add?"))
        self.setSubTitle(
            self.tr(
                "Type the full e-mail address. mailmanager looks up the provider and its "
                "server settings for you."
            )
        )

        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("addressEdit")
        self.address_edit.setPlaceholderText(self.tr("for example name@163.com"))
        self.address_edit.setClearButtonEnabled(True)
        self.address_error = QLabel()
        self.address_error.setObjectName("addressError")
        self.address_error.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("displayNameEdit")
        self.name_edit.setPlaceholderText(self.tr("optional, for example Work or Sales"))
        self.registerField(F.ADDRESS + "*", self.address_edit)
        self.registerField(F.DISPLAY_NAME, self.name_edit)

        self.problem = Notice("error")
        self.problem.setObjectName("fixProblem")
        self.problem.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("E-mail address:"), self.address_edit)
        form.addRow("", self.address_error)
        form.addRow(self.tr("Name in the list:"), self.name_edit)

        # -- detection result -------------------------------------------------------------
        self.mark = QLabel()
        self.mark.setFixedSize(40, 40)
        self.provider_label = QLabel()
        self.provider_label.setObjectName("providerName")
        font = self.provider_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.provider_label.setFont(font)
        self.source_label = wrapped()
        self.source_label.setObjectName("detectionSource")
        self.servers_label = wrapped()
        self.servers_label.setObjectName("detectedServers")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.provider_label)
        text.addWidget(self.source_label)
        text.addWidget(self.servers_label)
        card = QHBoxLayout()
        card.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        card.addLayout(text, 1)
        self.card = QWidget()
        self.card.setObjectName("detectionCard")
        self.card.setLayout(card)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(12)
        self.busy_label = QLabel(self.tr("Looking up the server settings…"))
        self.cancel_button = QPushButton(self.tr("Stop looking"))
        self.cancel_button.setObjectName("cancelDetection")
        self.cancel_button.clicked.connect(self.cancel_detection)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy)
        busy_row.addWidget(self.busy_label)
        busy_row.addStretch(1)
        busy_row.addWidget(self.cancel_button)
        self.busy_row = QWidget()
        self.busy_row.setObjectName("detectionBusy")
        self.busy_row.setLayout(busy_row)
        self.busy_row.hide()

        self.override_link = QLabel()
        self.override_link.setObjectName("overrideLink")
        self.override_link.setText(
            "<a href='#choose'>"
            + self.tr("Not right? Choose the provider or enter the servers yourself")
            + "</a>"
        )
        self.override_link.linkActivated.connect(lambda _l: self._show_chooser())
        self.chooser = QComboBox()
        self.chooser.setObjectName("providerChooser")
        self.chooser.hide()
        self.chooser.activated.connect(self._on_chosen)

        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.card)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.override_link)
        layout.addWidget(self.chooser)
        layout.addStretch(1)
        # For someone who has no mailbox yet: NetEase's registration rules (seed 004), which
        # trip up newcomers to China (a mainland number, SMS timing, per-IP limits).
        self.register_link = QLabel(
            "<a href='#register'>" + self.tr("I need to create a NetEase mailbox first") + "</a>"
        )
        self.register_link.setObjectName("registerLink")
        self.register_link.linkActivated.connect(lambda _l: self.show_registration())
        layout.addWidget(self.register_link)
        self.registration: RegistrationGuide | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DETECT_DELAY_MS)
        self._timer.timeout.connect(self._start_network_detection)
        self.address_edit.textChanged.connect(self._on_text_changed)
        ctx.providerChanged.connect(self._show_found)
        self._show_found()
        self._on_text_changed(self.address_edit.text())

    # -- validation -------------------------------------------------------------------------

    def _address_message(self, text: str) -> str:
        """A short, translated reason why ``text`` is not an address yet ("" when it is)."""
        stripped = text.strip()
        if not stripped:
            return ""
        try:
            parse_address(stripped)
        except AddressError:
            pass
        else:
            return ""
        if any(ch.isspace() for ch in stripped):
            return self.tr("An address cannot contain spaces.")
        normalised = stripped.replace("＠", "@")  # full-width at from CJK input
        if "@" not in normalised:
            return self.tr("The address needs an @, as in name@163.com.")
        local, _, domain = normalised.rpartition("@")
        if not local:
            return self.tr("Something must come before the @.")
        if "." not in domain:
            return self.tr("After the @ comes the domain, for example 163.com or qq.com.")
        return self.tr("This does not look like a valid e-mail address.")

    def address(self) -> str:
        """The canonical address, or "" while the text is not valid."""
        try:
            return parse_address(self.address_edit.text()).address
        except AddressError:
            return ""

    def _on_text_changed(self, text: str) -> None:
        message = self._address_message(text)
        self.address_error.setText(message)
        self.address_error.setStyleSheet("color: #C62828;" if message else "")
        self.address_error.setVisible(bool(message))
        self._timer.stop()
        self.cancel_detection(quiet=True)
        canonical = self.address()
        if not canonical:
            self._detected_for = ""
            if self.ctx.mode is WizardMode.ADD:
                self.ctx.set_found(Found(None, Source.NONE))
            self._show_found()
            self.completeChanged.emit()
            return
        if self.ctx.mode is not WizardMode.ADD:
            self.completeChanged.emit()
            return
        domain = canonical.rpartition("@")[2]
        provider = self.ctx.services.catalogue.by_domain(domain)
        if provider is not None:
            source = Source.USER if provider.user else Source.CATALOGUE
            self._detected_for = canonical
            self.ctx.set_found(Found(provider, source, provider.groups_for(domain)))
        elif self.ctx.services.detect is not None:
            self._detected_for = ""
            self.ctx.set_found(Found(None, Source.NONE))
            self._timer.start()
        else:
            self._detected_for = canonical
            self.ctx.set_found(Found(None, Source.NONE))
        self._show_found()
        self.completeChanged.emit()

    # -- background detection -----------------------------------------------------------------

    def _start_network_detection(self) -> None:
        canonical = self.address()
        detect = self.ctx.services.detect
        if not canonical or detect is None:
            return
        catalogue = self.ctx.services.catalogue
        domain = canonical.rpartition("@")[2]

        self._task = self.tasks.start(self._detect(canonical, detect, catalogue, domain))
        self._show_found()
        self.completeChanged.emit()

    async def _detect(
        self, canonical: str, detect: DetectFn, catalogue: Catalogue, domain: str
    ) -> None:
        """Await detection on the executor; a cancel (``cancel_detection``) sets its flag, so
        it stops asking the network, and nothing of it is shown."""
        cancel = threading.Event()
        try:
            detection = await run_blocking(detect, canonical, cancel, cancel=cancel)
            found = (
                Found(None, Source.NONE)
                if detection is None
                else Found.from_detection(detection, catalogue, domain)
            )
        except Exception as exc:  # detection is a suggestion: the user can still type servers
            log.info("detection failed: %s", type(exc).__name__)
            found = Found(None, Source.NONE)
        self._on_detected(canonical, found)

    def _on_detected(self, canonical: str, found: Found) -> None:
        self._task = None
        if canonical == self.address():
            self._detected_for = canonical
            self.ctx.set_found(found)
        self._show_found()
        self.completeChanged.emit()

    def detecting(self) -> bool:
        return (self._task is not None and not self._task.done()) or self._timer.isActive()

    def cancel_detection(self, quiet: bool = False) -> None:
        """Stop a running lookup; the user continues with what is known (or enters servers)."""
        was_running = self.detecting()
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if was_running and not quiet:
            self._detected_for = self.address()
            self._show_found()
            self.completeChanged.emit()

    # -- manual choice --------------------------------------------------------------------------

    def _show_chooser(self) -> None:
        self.chooser.clear()
        self.chooser.addItem(self.tr("Choose the provider…"), "")
        lang = self.ctx.lang
        for provider in sorted(self.ctx.services.catalogue, key=lambda p: p.name(lang)):
            self.chooser.addItem(provider.name(lang), provider.id)
        self.chooser.addItem(self.tr("Other: I will enter the servers myself"), MANUAL)
        self.chooser.show()
        self.chooser.setFocus()

    def _on_chosen(self, index: int) -> None:
        value = self.chooser.itemData(index)
        if not value:
            return
        self.cancel_detection(quiet=True)
        domain = self.address().rpartition("@")[2]
        if value == MANUAL:
            self.ctx.set_found(Found(None, Source.NONE, manual=True))
        else:
            provider = self.ctx.services.catalogue.get(str(value))
            if provider is not None:
                self.ctx.set_found(Found(provider, Source.NONE, provider.groups_for(domain), True))
        self._detected_for = self.address()
        self._show_found()
        self.completeChanged.emit()

    # -- display --------------------------------------------------------------------------------

    def _source_text(self, found: Found) -> str:
        if found.manual:
            return self.tr("Chosen by you.")
        texts = {
            Source.CATALOGUE: self.tr("Recognised from the address (built-in provider list)."),
            Source.USER: self.tr("From a provider file you imported."),
            Source.MX: self.tr("Recognised from the domain's mail servers (MX records)."),
            Source.SRV: self.tr("Found in the domain's DNS service records (SRV)."),
            Source.AUTOCONFIG: self.tr("From the domain's own setup file (autoconfig)."),
            Source.GUESS: self.tr(
                "Guessed from common server names. Please check them on the servers page."
            ),
        }
        return texts.get(found.source, "")

    def _show_found(self) -> None:
        found = self.ctx.found
        running = self.detecting()
        self.busy_row.setVisible(running)
        has_address = bool(self.address())
        lang = self.ctx.lang
        dpr = self.devicePixelRatioF()
        if found.provider is not None:
            provider = found.provider
            self.mark.setPixmap(
                icons.provider_mark(provider.mark.text, provider.mark.color, 40, dpr)
            )
            self.provider_label.setText(provider.name(lang))
        elif found.groups:
            domain = self.address().rpartition("@")[2]
            self.mark.setPixmap(
                icons.provider_mark(icons.domain_initials(domain), "#546E7A", 40, dpr)
            )
            self.provider_label.setText(domain)
        else:
            self.mark.clear()
            if has_address and not running:
                self.mark.setPixmap(icons.provider_mark("?", "#78909C", 40, dpr))
            if found.manual:
                self.provider_label.setText(self.tr("Servers entered by hand"))
            elif running or not has_address:
                self.provider_label.setText("")
            else:
                self.provider_label.setText(self.tr("Provider not recognised"))
        source = self._source_text(found)
        extra = [
            QCoreApplication.translate("Detection", note)
            for note in found.notes
            if note in EXTRA_NOTES
        ]
        if extra:
            source = " ".join([source, *extra]).strip()
        if not source and has_address and not running and not found.groups and not found.manual:
            source = self.tr(
                "No settings were found for this domain. Choose the provider below, or enter "
                "the servers yourself on a later page."
            )
        self.source_label.setText(source)
        # Fix and Rotate show the mailbox's saved servers (what failed), not the catalogue's.
        saved = self.ctx.account
        servers = (
            (saved.imap, saved.smtp)
            if saved is not None
            else (found.groups[0].imap, found.groups[0].smtp)
            if found.groups
            else None
        )
        if servers is not None:
            imap, smtp = servers
            self.servers_label.setText(
                self.tr("Receiving (IMAP): %1 · Sending (SMTP): %2")
                .replace("%1", f"{imap.display()} {formatting.security_text(imap.security)}")
                .replace("%2", f"{smtp.display()} {formatting.security_text(smtp.security)}")
            )
        else:
            self.servers_label.setText("")
        self.servers_label.setVisible(servers is not None)
        shown = has_address and not running and (found.provider is not None or bool(source))
        self.card.setVisible(shown or found.manual)
        editable = self.ctx.mode is WizardMode.ADD
        if found.provider is None and not found.groups and not found.manual:
            link = self.tr("Choose the provider from the list, or enter the servers yourself")
        else:
            link = self.tr("Not right? Choose the provider or enter the servers yourself")
        self.override_link.setText(f"<a href='#choose'>{link}</a>")
        self.override_link.setVisible(editable and has_address and not running)

    # -- QWizardPage ----------------------------------------------------------------------------

    def show_registration(self) -> None:
        """Open the registration guidance beside the wizard (not modal: the user may copy
        from it while typing the new address)."""
        provider = self.ctx.services.catalogue.get(REGISTRATION_PROVIDER)
        if provider is None or provider.registration is None:
            return
        if self.registration is None:
            self.registration = RegistrationGuide(provider, self.ctx.lang, self)
        self.registration.show()
        self.registration.raise_()

    def initializePage(self) -> None:
        editable = self.ctx.mode is WizardMode.ADD
        self.address_edit.setReadOnly(not editable)
        self.register_link.setVisible(editable)
        if self.ctx.mode is WizardMode.FIX:
            self.setTitle(self.tr("Fix this mailbox"))
            self.setSubTitle(
                self.tr("Check the steps and settings again; nothing changes until a test passes.")
            )
        self._show_found()

    def focus_widget(self) -> QWidget | None:
        """Where typing goes when the page opens (``SetupWizard._place_focus``)."""
        return self.address_edit if self.ctx.mode is WizardMode.ADD else None

    def set_problem(self, title: str, body: str) -> None:
        """Fix mode: show what went wrong last time at the top of the page."""
        self.problem.set_text(title, body)
        self.problem.setVisible(bool(title or body))

    def isComplete(self) -> bool:
        if not self.address() or self.detecting():
            return False
        return self.ctx.mode is not WizardMode.ADD or self._detected_for == self.address()

    def cleanupPage(self) -> None:
        self.cancel_detection(quiet=True)
