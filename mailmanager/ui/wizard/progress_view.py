"""The live step list of one protocol's check: what is done, what runs, what failed.

The probes report each step when it has finished (``connect``, ``starttls``, ``login``, ``id``,
``examine`` ...). People do not know these words, so each is shown as a plain sentence, and the
row after the last finished one reads as "in progress". The symbols (✓ … ✗ –) carry the meaning,
colour only underlines it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from mailmanager.core.checking.result import ProbeResult

PENDING, RUNNING, DONE, FAILED, SKIPPED = "pending", "running", "done", "failed", "skipped"

SYMBOL = {PENDING: "○", RUNNING: "…", DONE: "✓", FAILED: "✗", SKIPPED: "–"}
COLOR = {
    PENDING: "palette(placeholder-text)",
    RUNNING: "#1565C0",
    DONE: "#2E7D32",
    FAILED: "#C62828",
    SKIPPED: "palette(placeholder-text)",
}

# Rows of each protocol, and which probe step completes which row.
IMAP_ROWS = ("connect", "tls", "login", "id", "inbox")
SMTP_ROWS = ("connect", "tls", "login", "sender")
STEP_TO_ROW = {
    "imap": {
        "connect": "connect",
        "greeting": "connect",
        "starttls": "tls",
        "capability": "tls",
        "login": "login",
        "id": "id",
        "examine": "inbox",
    },
    "smtp": {
        "connect": "connect",
        "greeting": "connect",
        "starttls": "tls",
        "ehlo": "tls",
        "auth": "login",
        "mail_from": "sender",
    },
}


def _row_text(row: str, protocol: str) -> str:
    if row == "login" and protocol == "smtp":
        return QCoreApplication.translate("CheckSteps", "Authenticating for sending")
    texts = {
        "connect": QCoreApplication.translate("CheckSteps", "Connecting to the server"),
        "tls": QCoreApplication.translate("CheckSteps", "Setting up encryption (TLS)"),
        "login": QCoreApplication.translate("CheckSteps", "Logging in with the code"),
        "id": QCoreApplication.translate("CheckSteps", "Identifying the app to the server (ID)"),
        "inbox": QCoreApplication.translate("CheckSteps", "Opening the inbox (read-only)"),
        "sender": QCoreApplication.translate(
            "CheckSteps", "Checking that mail may be sent from this address"
        ),
    }
    return texts[row]


class ProtocolProgress(QGroupBox):
    """Rows of one protocol's check plus the time it took."""

    def __init__(self, title: str, protocol: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.protocol = protocol
        self.rows = IMAP_ROWS if protocol == "imap" else SMTP_ROWS
        self.states: dict[str, str] = {}
        self.symbols: dict[str, QLabel] = {}
        self.texts: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        for index, row in enumerate(self.rows):
            symbol = QLabel()
            symbol.setFixedWidth(18)
            text = QLabel(_row_text(row, protocol))
            text.setWordWrap(True)
            self.symbols[row] = symbol
            self.texts[row] = text
            grid.addWidget(symbol, index, 0)
            grid.addWidget(text, index, 1)
        self.time_label = QLabel()
        self.time_label.setObjectName(f"{protocol}Time")
        grid.addWidget(self.time_label, len(self.rows), 1)
        self.reset()

    def _set(self, row: str, state: str) -> None:
        self.states[row] = state
        self.symbols[row].setText(SYMBOL[state])
        self.symbols[row].setStyleSheet(f"color: {COLOR[state]}; font-weight: bold;")
        self.texts[row].setEnabled(state != PENDING)

    def reset(self) -> None:
        for row in self.rows:
            self._set(row, PENDING)
        self.time_label.setText("")

    def start(self, plain: bool) -> None:
        self.reset()
        if plain:
            self._set("tls", SKIPPED)
        self._set("connect", RUNNING)

    def step(self, name: str, security: str) -> None:
        """A probe step finished: tick its row and show the next one as running."""
        row = STEP_TO_ROW[self.protocol].get(name)
        if row is None:
            return
        index = self.rows.index(row)
        for earlier in self.rows[: index + 1]:
            if self.states[earlier] in (PENDING, RUNNING):
                # ID is sent only where needed; a row passed over was not needed.
                self._set(earlier, DONE if earlier == row or earlier != "id" else SKIPPED)
        if row == "connect" and security == "ssl":
            self._set("tls", DONE)
        # The first row not yet done is the one in progress now.
        for later in self.rows[index + 1 :]:
            if self.states[later] in (DONE, SKIPPED):
                continue
            if self.states[later] == PENDING:
                self._set(later, RUNNING)
            break

    def finish(self, result: ProbeResult) -> None:
        """Mark the outcome: every row done, or the running row failed."""
        for row in self.rows:
            state = self.states[row]
            if result.ok and state in (PENDING, RUNNING):
                self._set(row, SKIPPED if row == "id" else DONE)
            elif not result.ok and state == RUNNING:
                self._set(row, FAILED)
            elif not result.ok and state == PENDING:
                self._set(row, PENDING)
        if not result.ok and FAILED not in self.states.values():
            first = next((r for r in self.rows if self.states[r] == PENDING), self.rows[0])
            self._set(first, FAILED)
        seconds = result.elapsed_ms / 1000
        self.time_label.setText(
            QCoreApplication.translate("CheckSteps", "Took %1 s").replace("%1", f"{seconds:.1f}")
        )

    def cancelled(self) -> None:
        for row in self.rows:
            if self.states[row] == RUNNING:
                self._set(row, PENDING)
        self.time_label.setText(QCoreApplication.translate("CheckSteps", "Stopped"))
