"""The details pane's list of problems: one line per state, worst first.

A connection problem names the protocol(s) it was seen on and carries, beneath it, what to do
(the provider-specific hint the check stored, said once when IMAP and SMTP failed alike) and
that server's reply, so neither sits under another problem; the worst one gets a "Fix…" button
(the repair walk-through); date-bound states say their date. Strings keep the ``DetailsPane``
translation context they were written in.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mailmanager.core.model import status
from mailmanager.core.model.accounts import Account, AccountSummary, CheckRecord
from mailmanager.core.model.codes import CodeRecord
from mailmanager.core.model.status import ConnectionStatus, DueState, State
from mailmanager.core.rules.policy import due_code
from mailmanager.ui import formatting, icons
from mailmanager.ui.badge_style import badge_colors


class ProblemList(QWidget):
    """The states of one mailbox with their explanations (the badge shows only the worst)."""

    fixRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsProblems")
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 8, 0, 0)
        self._rows.setSpacing(4)
        self._shown: object = None  # what the rows were made of (``show_states``)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in LOOK_CHANGES:
            self._shown = None  # colours and sizes: made again at the next show_states

    def show_states(
        self,
        states: list[State],
        summary: AccountSummary,
        today: date,
        codes: list[CodeRecord] | None = None,
    ) -> None:
        """One line per state. A connection problem names the protocol(s) it was seen on and
        carries that server's reply beneath it, so a reply never sits under another problem.
        ``codes``: the mailbox's inventory, whose worst live code a due state may come from
        (the description then names that code and its date, issue 19)."""
        records = [r for r in (summary.last_imap, summary.last_smtp) if r is not None]
        descriptions = [
            self._due_description(state, summary.account, today, codes or []) for state in states
        ]
        # What the rows are made of (not when the checks ran): a new check with the same
        # outcome leaves them as they are, instead of a dozen widgets made again on the GUI
        # thread after every result of a "Check all".
        shown = (
            tuple(states),
            tuple(descriptions),
            tuple((r.protocol, r.status, r.hint_id, r.server_message) for r in records),
        )
        if shown == self._shown:
            return
        self._shown = shown
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        offered_fix = False
        for state, description in zip(states, descriptions, strict=True):
            seen_on = [r for r in records if r.status is state]
            row = self._state_row(state, seen_on, description)
            if not offered_fix and any(r.status is not ConnectionStatus.OK for r in seen_on):
                # One way out, next to the worst connection problem: the repair walk-through.
                offered_fix = True
                fix = QPushButton(QCoreApplication.translate("DetailsPane", "Fix…"))
                fix.setObjectName("detailsFixButton")
                fix.setToolTip(
                    QCoreApplication.translate(
                        "DetailsPane", "Walk through the setup again to repair this mailbox"
                    )
                )
                fix.clicked.connect(self.fixRequested)
                layout = row.layout()
                if isinstance(layout, QHBoxLayout):
                    layout.addWidget(fix, 0, Qt.AlignmentFlag.AlignTop)
            self._rows.addWidget(row)

    def _due_description(
        self, state: State, account: Account, today: date, codes: list[CodeRecord]
    ) -> str:
        """The date-bound states said with their dates ("expires on 2026-12-02, in 9 days"),
        naming the code when the state comes from another client's code than the own one."""
        if not isinstance(state, DueState):
            return formatting.state_description(state)
        found = due_code(codes, state, account.rotate_days, today) if codes else None
        if found is not None and not found[0].own:
            return self._other_code_description(state, found[0], found[1], today)
        if state in (DueState.EXPIRING_SOON, DueState.EXPIRED) and account.code_expires:
            return (
                (
                    QCoreApplication.translate(
                        "DetailsPane", "The authorization code expires on %1 (%2)."
                    )
                    if state is DueState.EXPIRING_SOON
                    else QCoreApplication.translate(
                        "DetailsPane", "The authorization code expired on %1 (%2)."
                    )
                )
                .replace("%1", formatting.format_date(account.code_expires))
                .replace("%2", formatting.days_from_today(account.code_expires, today))
            )
        return formatting.state_description(state)

    @staticmethod
    def _other_code_description(state: DueState, code: CodeRecord, day: date, today: date) -> str:
        """A due state that comes from another client's code: that code by its label."""
        if state is DueState.EXPIRING_SOON:
            text = QCoreApplication.translate(
                "DetailsPane", "The code %1 (another client's) expires on %2 (%3)."
            )
        elif state is DueState.EXPIRED:
            text = QCoreApplication.translate(
                "DetailsPane", "The code %1 (another client's) expired on %2 (%3)."
            )
        else:
            text = QCoreApplication.translate(
                "DetailsPane",
                "The code %1 (another client's) is due to be replaced since %2 (%3).",
            )
        return (
            text.replace("%1", code.label)
            .replace("%2", formatting.format_date(day))
            .replace("%3", formatting.days_from_today(day, today))
        )

    def _state_row(self, state: State, seen_on: list[CheckRecord], description: str) -> QWidget:
        row = QWidget()
        row.setObjectName(f"state_{state.value}")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(8)
        severity = status.info(state).severity
        colours = badge_colors(severity, self.palette())
        icon = QLabel()
        size = self.fontMetrics().height() - 2
        icon.setPixmap(
            icons.status_pixmap(
                severity,
                size,
                self.devicePixelRatioF(),
                colours.icon,
                self.palette().base().color(),
            )
        )
        icon.setFixedSize(size, size)
        line.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        name = html.escape(formatting.state_label(state))
        failing = [r for r in seen_on if r.status is not ConnectionStatus.OK]
        if failing:
            protocols = " · ".join(r.protocol.value.upper() for r in failing)
            name = formatting.labelled(protocols, name)
        text = QLabel(f"<b>{name}</b> — {html.escape(description)}")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        texts.addWidget(text)
        # What the provider's own rules say about this failure and how to fix it (the hint the
        # check stored), once for IMAP and SMTP failing alike.
        hints = [(p, h) for p, _state, h in formatting.failure_hints(failing) if h]
        for protocols, hint in hints:
            texts.addWidget(self._hint(protocols if len(hints) > 1 else "", hint))
        replies: dict[str, list[str]] = {}  # the same reply from both servers is shown once
        for record in failing:
            if record.server_message:
                reply = " ".join(record.server_message.split())
                replies.setdefault(reply, []).append(record.protocol.value.upper())
        for reply, sources in replies.items():
            texts.addWidget(self._server_said(" · ".join(sources), reply))
        line.addLayout(texts, 1)
        return row

    def _hint(self, protocols: str, hint: str) -> QLabel:
        """The stored hint of a failure: what it means for this provider and what to do."""
        label = QLabel(
            QCoreApplication.translate("DetailsPane", "What to do: %1").replace("%1", hint)
            if not protocols
            else QCoreApplication.translate("DetailsPane", "What to do (%1): %2")
            .replace("%1", protocols)
            .replace("%2", hint)
        )
        label.setObjectName("detailsHint")
        label.setContentsMargins(0, 2, 0, 4)  # set apart from the problem and the reply
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _server_said(self, protocols: str, reply: str) -> QLabel:
        """A server's reply, where the user can read and copy it."""
        said = QLabel(
            QCoreApplication.translate("DetailsPane", "%1 server said: %2")
            .replace("%1", protocols)
            .replace("%2", reply)
        )
        said.setObjectName("detailsServerSaid")
        said.setWordWrap(True)
        said.setTextFormat(Qt.TextFormat.PlainText)
        said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return said


# What changes the colours and sizes the details are drawn in (their parts are made anew).
LOOK_CHANGES = frozenset(
    {QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange}
)
