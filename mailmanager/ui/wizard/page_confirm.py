"""The page that asks before a code goes to a server nobody vouched for.

Detection (DNS SRV records, a domain's settings file, a guess), an imported settings file or a
provider file can name any server; ``core.trust`` accepts only the provider's own servers, names
under the address's own domain and what the user typed. Anything else is a suggestion, and this
page is where the user may accept it: one checkbox per server (or per unencrypted connection, or
per set of extra certificates), each naming exactly what it agrees to, all unticked when the
page is entered. Next stays off until every box is ticked, and the wizard's ``candidate`` only
carries the consent of ticked boxes, so nothing is sent before (the check runner applies the
same rule again before every login). The page is skipped when there is nothing to ask.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget, QWizardPage

from mailmanager.core import trust
from mailmanager.core.model.accounts import Account, utcnow
from mailmanager.core.trust import Refusal
from mailmanager.ui import trust_text
from mailmanager.ui.wizard.context import WizardContext
from mailmanager.ui.wizard.widgets import Notice, wrapped


class ConfirmPage(QWizardPage):
    """One question and one unticked checkbox per thing the trust rule refuses."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Set by the wizard: the account the fields describe, before any consent.
        self.proposed: Callable[[], Account] | None = None
        self._boxes: list[tuple[Refusal, QCheckBox]] = []
        self._blocked = False
        self._asked_at: datetime | None = None
        self.setTitle(self.tr("Confirm the server"))
        self.setSubTitle(
            self.tr("mailmanager sends a code only to servers you agreed to, and only encrypted.")
        )
        self.warning = Notice("warning")
        self.warning.setObjectName("confirmWarning")
        self.questions = QVBoxLayout()
        self.questions.setContentsMargins(0, 0, 0, 0)
        self.footer = wrapped()
        self.footer.setObjectName("confirmFooter")
        self.footer.setText(
            self.tr(
                "Nothing has been sent to these servers. If you are not sure, go back and choose "
                "the provider's own servers, or ask your mail administrator."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(self.questions)
        layout.addWidget(self.footer)
        layout.addStretch(1)

    def refusals(self) -> list[Refusal]:
        """What the rule refuses for the account as the fields describe it (no consent)."""
        if self.proposed is None:
            return []
        return trust.refusals(self.proposed())

    def needed(self) -> bool:
        return bool(self.refusals())

    def initializePage(self) -> None:
        while self.questions.count():
            item = self.questions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._boxes = []
        self._blocked = False
        address = str(self.field("address") or "")
        refusals = trust_text.distinct(self.refusals())
        self.warning.set_text(
            self.tr("This server is not your provider's"),
            html.escape(
                self.tr(
                    "The settings below did not come from the built-in catalogue or from you. "
                    "A wrong server would receive your code and could read and send your mail."
                )
            ),
        )
        account = self.proposed() if self.proposed is not None else None
        for refusal in refusals:
            text = QLabel()
            text.setWordWrap(True)
            sentence = trust_text.question(refusal, address)
            if account is not None and refusal.protocol is not None:
                origin = account.endpoint(refusal.protocol).origin
                source = trust_text.source_text(origin)
                sentence += "\n" + self.tr("Suggested by: %1").replace("%1", source)
            text.setText(sentence)
            if not trust_text.confirmable(refusal):
                # Nothing to agree to (a CA file that cannot be read): only going back helps.
                self._blocked = True
                self.questions.addSpacing(6)
                self.questions.addWidget(text)
                continue
            box = QCheckBox(trust_text.consent_label(refusal, address))
            bold = box.font()
            bold.setBold(True)
            box.setFont(bold)
            box.setObjectName(f"confirm_{refusal.kind.value}_{refusal.host or 'ca'}")
            box.setChecked(False)
            box.toggled.connect(lambda _on: self.completeChanged.emit())
            self.questions.addSpacing(6)
            self.questions.addWidget(text)
            self.questions.addWidget(box)
            self._boxes.append((refusal, box))
        self.questions.addSpacing(6)
        self._asked_at = utcnow()
        if self._boxes:
            self._boxes[0][1].setFocus()
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        """Going back forgets the ticks: a changed server must be asked about again."""
        for _refusal, box in self._boxes:
            box.setChecked(False)

    def isComplete(self) -> bool:
        return not self._blocked and all(box.isChecked() for _refusal, box in self._boxes)

    def consent(self, account: Account) -> Account:
        """``account`` with the consent of the ticked boxes recorded (only for what they name)."""
        ticked = [r for r, box in self._boxes if box.isChecked()]
        if not ticked or self._asked_at is None:
            return account
        return trust.accept(account, ticked, self._asked_at)
