"""One dialog that lists every server still waiting for the user's confirmation.

Mailboxes saved by an earlier version, or imported from a settings file, may name servers that
the trust rule (``core.trust``) no longer accepts on their own: a host outside the address's
domain, a connection without encryption, extra certificates given as a path. Their checks send
nothing until the user agrees once. At start the app shows this dialog when there are any (one
dialog for all of them, not one per mailbox), and the details pane opens it for one mailbox.
Every box starts unticked; only ticked ones are recorded, each naming exactly what it accepts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core import trust
from mailmanager.core.model.accounts import Account, utcnow
from mailmanager.core.model.certificates import read_ca_file
from mailmanager.core.trust import Refusal
from mailmanager.ui import trust_text


def waiting(accounts: Iterable[Account]) -> list[tuple[Account, list[Refusal]]]:
    """The accounts whose servers need the user's confirmation, with what each needs."""
    found: list[tuple[Account, list[Refusal]]] = []
    for saved in accounts:
        account = saved
        if saved.ca_file and not saved.ca_pem:
            # Saved as a path before CAs were kept as PEM: read it now so that its fingerprint
            # can be shown and confirmed (the text is kept only if the user confirms it).
            with contextlib.suppress(OSError, ValueError):
                account = saved.replace(ca_pem=read_ca_file(saved.ca_file))
        refusals = trust.refusals(account)
        if refusals:
            found.append((account, refusals))
    return found


class TrustDialog(QDialog):
    """Lists each mailbox's unconfirmed servers with an unticked checkbox per server."""

    def __init__(
        self, items: list[tuple[Account, list[Refusal]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trustDialog")
        self.setWindowTitle(self.tr("Servers waiting for your confirmation"))
        self.setMinimumWidth(620)
        self._boxes: list[tuple[Account, Refusal, QCheckBox]] = []
        intro = QLabel(
            self.tr(
                "These mailboxes name servers that mailmanager does not send a code to until "
                "you confirm them: they are not the provider's, not part of the address's own "
                "domain, or not encrypted. Their checks send nothing until then. Tick only what "
                "you recognise; ask your mail administrator if you are not sure."
            )
        )
        intro.setWordWrap(True)
        body = QWidget()
        rows = QVBoxLayout(body)
        for account, refusals in items:
            title = QLabel(f"<b>{account.address}</b>")
            rows.addWidget(title)
            for refusal in trust_text.distinct(refusals):
                question = QLabel(trust_text.question(refusal, account.address))
                question.setWordWrap(True)
                rows.addWidget(question)
                if not trust_text.confirmable(refusal):
                    continue
                box = QCheckBox(trust_text.consent_label(refusal, account.address))
                rows.addWidget(box)
                self._boxes.append((account, refusal, box))
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(
            self.tr("Confirm the ticked servers"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        later = buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("trustLater")
        self.confirm_button.setObjectName("trustConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def boxes(self) -> list[QCheckBox]:
        return [box for _account, _refusal, box in self._boxes]

    def confirmed(self) -> list[Account]:
        """The accounts with the consent of the ticked boxes recorded (unticked: unchanged)."""
        now = utcnow()
        ticked: dict[str, tuple[Account, list[Refusal]]] = {}
        for account, refusal, box in self._boxes:
            if box.isChecked():
                ticked.setdefault(account.address, (account, []))[1].append(refusal)
        return [trust.accept(account, refusals, now) for account, refusals in ticked.values()]
