"""The code is shown only once: a warning and its acknowledgement on the steps page.

NetEase, QQ, Sohu and others display a new authorization code a single time; close that dialog
without copying it and the only remedy is to make another one. People learn this the hard way,
so the warning sits on the prepare page above the provider's steps, before the step that creates
the code (issue 18: a page after the steps came too late, the code could already be lost), and
asks for an explicit acknowledgement there. The gate is real: the prepare page's Next stays
disabled until the box is ticked on that visit, the tick is cleared whenever the page is entered
again, and the wizard refuses to save if the page was skipped for a provider that needs it (see
``SetupWizard.gate_passed``).
"""

from __future__ import annotations

import html
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from mailmanager.core.catalogue.model import Provider
from mailmanager.ui.wizard.widgets import Notice, bullet_list


class ProviderContext(Protocol):
    """What the warning reads: the wizard's context, or the inventory's "add a code" dialog."""

    @property
    def provider(self) -> Provider | None: ...
    @property
    def lang(self) -> str: ...


class CodeOnceBox(QWidget):
    """A prominent warning, practical advice and a required acknowledgement.

    Signals:
        changed(): the acknowledgement was given or withdrawn.
    """

    changed = Signal()

    def __init__(self, ctx: ProviderContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._entered = False
        self.setObjectName("codeOnceBox")
        self.warning = Notice("warning")
        self.warning.setObjectName("codeOnceWarning")
        font = self.warning.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.warning.title.setFont(font)
        self.acknowledge = QCheckBox()
        self.acknowledge.setObjectName("codeAcknowledged")
        ack_font = self.acknowledge.font()
        ack_font.setBold(True)
        self.acknowledge.setFont(ack_font)
        self.acknowledge.toggled.connect(lambda _on: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.acknowledge)

    def start(self) -> None:
        """The page is entered: fill in the provider's words and clear the tick."""
        provider = self.ctx.provider
        lang = self.ctx.lang
        name = provider.credential.name.get(lang) if provider is not None else self.tr("code")
        provider_name = provider.name(lang) if provider is not None else ""
        advice = [
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
        self.warning.set_text(
            self.tr("%1 shows the %2 only once").replace("%1", provider_name).replace("%2", name),
            html.escape(
                self.tr(
                    "As soon as you close the window that shows it, it cannot be displayed "
                    "again. If it is lost, the only way out is to create a new one."
                )
            )
            + bullet_list(advice),
        )
        self.acknowledge.setText(
            self.tr(
                "I &understand: the %1 is shown only once, and I will copy it right away."
            ).replace("%1", name)
        )
        # The acknowledgement belongs to this visit: a value set before the page was shown
        # (or left from an earlier visit) does not count.
        self.acknowledge.setChecked(False)
        self._entered = True
        self.changed.emit()

    def stop(self) -> None:
        """The page is left backwards: the next visit needs a new tick."""
        self._entered = False
        self.acknowledge.setChecked(False)

    def acknowledged(self) -> bool:
        return self._entered and self.acknowledge.isChecked()
