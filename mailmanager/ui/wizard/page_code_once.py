"""Page 3: the code is shown only once.

NetEase, QQ, Sohu and others display a new authorization code a single time; close that dialog
without copying it and the only remedy is to make another one. People learn this the hard way,
so before they go and generate the code the wizard says it plainly and asks for an explicit
acknowledgement. The gate is real: Next stays disabled until the box is ticked on this page, the
tick is cleared whenever the page is entered again, and the wizard refuses to save if this page
was skipped for a provider that needs it (see ``SetupWizard.gate_passed``).
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget, QWizardPage

from mailmanager.ui.wizard.context import WizardContext
from mailmanager.ui.wizard.fields import F
from mailmanager.ui.wizard.widgets import Notice, bullet_list, heading, wrapped


class CodeOncePage(QWizardPage):
    """A prominent warning, practical advice and a required acknowledgement."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._entered = False
        self.setTitle(self.tr("The code is shown only once"))
        self.setSubTitle(self.tr("Read this before you generate the code: it saves a second try."))
        self.warning = Notice("warning")
        self.warning.setObjectName("codeOnceWarning")
        font = self.warning.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.warning.title.setFont(font)
        self.advice = wrapped(rich=True)
        self.advice.setObjectName("codeOnceAdvice")
        self.acknowledge = QCheckBox()
        self.acknowledge.setObjectName("codeAcknowledged")
        ack_font = self.acknowledge.font()
        ack_font.setBold(True)
        self.acknowledge.setFont(ack_font)
        self.registerField(F.CODE_ACKNOWLEDGED, self.acknowledge)
        self.acknowledge.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addSpacing(6)
        layout.addWidget(heading(self.tr("Before you generate it:")))
        layout.addWidget(self.advice)
        layout.addSpacing(6)
        layout.addWidget(self.acknowledge)
        layout.addStretch(1)

    def initializePage(self) -> None:
        provider = self.ctx.provider
        lang = self.ctx.lang
        name = provider.credential.name.get(lang) if provider is not None else self.tr("code")
        provider_name = provider.name(lang) if provider is not None else ""
        self.warning.set_text(
            self.tr("%1 shows the %2 only once").replace("%1", provider_name).replace("%2", name),
            html.escape(
                self.tr(
                    "As soon as you close the window that shows it, it cannot be displayed "
                    "again. If it is lost, the only way out is to create a new one."
                )
            ),
        )
        self.advice.setText(
            bullet_list(
                [
                    self.tr("Copy it the moment it appears, before you click anything else."),
                    self.tr(
                        "Paste it straight into mailmanager, and keep a copy in your password "
                        "manager if you want one."
                    ),
                    self.tr(
                        "Make a separate code for each mail program or device, so you can "
                        "revoke one without breaking the others."
                    ),
                    self.tr(
                        "Name it after the program it is for (for example mailmanager), so you "
                        "recognise it later in the list of codes."
                    ),
                ]
            )
        )
        self.acknowledge.setText(
            self.tr(
                "I understand: the %1 is shown only once, and I will copy it right away."
            ).replace("%1", name)
        )
        # The acknowledgement belongs to this visit: a value set before the page was shown
        # (or left from an earlier visit) does not count.
        self.acknowledge.setChecked(False)
        self._entered = True
        self.completeChanged.emit()

    def acknowledged(self) -> bool:
        return self._entered and self.acknowledge.isChecked()

    def isComplete(self) -> bool:
        return self.acknowledged()

    def validatePage(self) -> bool:
        return self.acknowledged()

    def cleanupPage(self) -> None:
        self._entered = False
        self.acknowledge.setChecked(False)
