"""The details pane: everything about the selected mailbox, laid out like a form.

Sections, top to bottom: a header (provider mark, address, provider and name, badge), the
states that apply with their explanations, a 30-day strip of checks, the servers, the
authorization code's dates with its age as a bar, sending guidance for the mailbox's sending age
and its last confirmed web login, the recent checks with the servers' messages, and the code's
history. The pane only reads the store; actions live in the main window (the web-login button
only emits ``webLoginConfirmed``).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core import trust
from mailmanager.core.model import status
from mailmanager.core.model.accounts import (
    Account,
    AccountSummary,
    CheckRecord,
    CredentialEvent,
    CredentialEventKind,
    Origin,
)
from mailmanager.core.model.codes import CodeAudit, CodeRecord
from mailmanager.core.model.status import ALL_STATES, ConnectionStatus, Severity, State
from mailmanager.core.rules.policy import (
    LIVE_CODE_STATES,
    DueItem,
    audit_due,
    code_due_items,
    local_today,
    rotation_date,
)
from mailmanager.ui import formatting, icons, trust_text
from mailmanager.ui.actions import button_text
from mailmanager.ui.badge_style import badge_colors
from mailmanager.ui.details_problems import LOOK_CHANGES, ProblemList
from mailmanager.ui.elided_label import ElidedLabel
from mailmanager.ui.provider_info import ProviderLook, link_html, ramp_lines
from mailmanager.ui.status_delegate import StatusBadge
from mailmanager.ui.timeline_strip import TimelineView

RECENT_CHECKS = 10
REPLY_COLUMN = 3  # the server's reply, shown on its own line under its row
MARK_SIZE = 40


_NOT_FILLED = object()


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _section_title(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label


def _set_text(label: QLabel, text: str) -> None:
    """``label.setText(text)`` unless it already shows ``text`` (no re-layout then)."""
    if label.text() != text:
        label.setText(text)


def _value(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class DetailsPane(QScrollArea):
    """Shows one account; ``show_account(None)`` shows a hint to select one.

    Args:
        clock: the current time (injected in tests).

    Attributes:
        timeline_layout: an empty layout between the states and the servers, reserved for the
            per-account check timeline (issue 6).
    """

    webLoginConfirmed = Signal(int)
    fixRequested = Signal(int)  # the "Fix…" button beside a connection problem
    trustRequested = Signal(int)  # the "Confirm…" button beside unconfirmed servers
    codesRequested = Signal(int)  # the "Codes…" button: the mailbox's code inventory

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], datetime] = _utcnow
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._account_id: int | None = None
        # What each part of the pane was last filled from (``_refill``).
        self._filled: dict[str, object] = {}
        self.setObjectName("detailsPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)
        content = QWidget()
        content.setObjectName("detailsContent")
        outer = QVBoxLayout(content)
        outer.setContentsMargins(18, 16, 18, 16)
        outer.setSpacing(4)

        self.placeholder = QLabel(self.tr("Select a mailbox to see its details."))
        self.placeholder.setObjectName("detailsPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        outer.addWidget(self.placeholder)

        # Several mailboxes selected: what can be done with all of them, and the keys for it.
        self.several = QLabel()
        self.several.setObjectName("detailsSeveral")
        self.several.setTextFormat(Qt.TextFormat.RichText)
        self.several.setWordWrap(True)
        self.several.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.several.hide()
        outer.addWidget(self.several)
        self._several: tuple[int, list[QAction]] | None = None
        self._followed: set[int] = set()  # actions whose text changes refresh the hint

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        outer.addWidget(self.body)
        outer.addStretch(1)

        # Header: mark, address over provider · name over the badge.
        header = QHBoxLayout()
        header.setSpacing(12)
        self.mark = QLabel()
        self.mark.setObjectName("detailsMark")
        self.mark.setFixedSize(MARK_SIZE, MARK_SIZE)
        header.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.address = ElidedLabel("detailsAddress")
        title_font = QFont(self.address.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.address.setFont(title_font)
        self.subtitle = _value("detailsSubtitle")
        titles.addWidget(self.address)
        titles.addWidget(self.subtitle)
        # The badge goes under the address, which keeps the pane's whole width: beside it the
        # address was cut ('zhang.w…163.com') at the default window size.
        self.badge = StatusBadge()
        self.badge.setObjectName("detailsBadge")
        titles.addSpacing(2)
        titles.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        header.addLayout(titles, 1)
        body.addLayout(header)

        # States with their explanations (the badge shows only the worst).
        self.problems = ProblemList()
        self.problems.fixRequested.connect(self._fix_clicked)
        body.addWidget(self.problems)

        self.timeline_layout = QVBoxLayout()
        self.timeline_layout.setObjectName("timelineSlot")
        self.timeline = TimelineView()
        self.timeline_layout.addWidget(self.timeline)
        body.addLayout(self.timeline_layout)

        body.addWidget(_section_title(self.tr("Servers"), "serversTitle"))
        servers = self._form()
        self.imap = _value("detailsImap")
        self.smtp = _value("detailsSmtp")
        self.username = ElidedLabel("detailsUsername")
        self.ca_file = ElidedLabel("detailsCaFile")
        # The wizard's words: Receiving / Sending, User name (收信 / 发信, 用户名).
        servers.addRow(self.tr("Receiving (IMAP):"), self.imap)
        servers.addRow(self.tr("Sending (SMTP):"), self.smtp)
        servers.addRow(self.tr("User name:"), self.username)
        servers.addRow(self.tr("Extra CA file:"), self.ca_file)
        self.sources = _value("detailsSources")
        servers.addRow(self.tr("Where from:"), self.sources)
        self._servers_form = servers
        body.addLayout(servers)
        # Servers the trust rule does not send a code to until the user confirms them.
        self.trust_notice = QLabel()
        self.trust_notice.setObjectName("detailsTrustNotice")
        self.trust_notice.setWordWrap(True)
        self.trust_button = QPushButton(self.tr("Confirm…"))
        self.trust_button.setObjectName("detailsTrustButton")
        self.trust_button.clicked.connect(self._trust_clicked)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_notice, 1)
        trust_row.addWidget(self.trust_button, 0, Qt.AlignmentFlag.AlignTop)
        self.trust_box = QWidget()
        self.trust_box.setObjectName("detailsTrustBox")
        self.trust_box.setLayout(trust_row)
        self.trust_box.hide()
        body.addWidget(self.trust_box)

        body.addWidget(_section_title(self.tr("Authorization code"), "codeTitle"))
        code = self._form()
        self.code_label = _value("detailsCodeLabel")
        self.code_created = _value("detailsCodeCreated")
        self.code_expires = _value("detailsCodeExpires")
        self.code_rotation = _value("detailsCodeRotation")
        code.addRow(self.tr("Made for:"), self.code_label)
        code.addRow(self.tr("Created:"), self.code_created)
        code.addRow(self.tr("Expires:"), self.code_expires)
        code.addRow(self.tr("Rotation:"), self.code_rotation)
        # A thin bar with its words beside it: text painted over the bar's edge is split
        # between two colours and hard to read. The bar turns amber once rotation is due and
        # red once the code has expired.
        self.code_age = QProgressBar()
        self.code_age.setObjectName("codeAgeBar")
        self.code_age.setTextVisible(False)
        self.code_age.setFixedHeight(6)
        self.code_age_text = QLabel()
        self.code_age_text.setObjectName("codeAgeText")
        self.code_age_text.setWordWrap(True)
        age = QVBoxLayout()
        age.setContentsMargins(0, 4, 0, 0)
        age.setSpacing(3)
        age.addWidget(self.code_age)
        age.addWidget(self.code_age_text)
        code.addRow(self.tr("Code age:"), age)
        # The other clients' codes (issue 19): how many, the worst due state, and the inventory.
        self.code_inventory = _value("detailsCodeInventory")
        self.codes_button = QPushButton(self.tr("Codes…"))
        self.codes_button.setObjectName("detailsCodesButton")
        self.codes_button.setToolTip(self.tr("Every code this mailbox has issued, one per client"))
        self.codes_button.clicked.connect(self._codes_clicked)
        inventory = QHBoxLayout()
        inventory.setContentsMargins(0, 0, 0, 0)
        inventory.addWidget(self.code_inventory, 1)
        inventory.addWidget(self.codes_button, 0, Qt.AlignmentFlag.AlignTop)
        code.addRow(self.tr("All codes:"), inventory)
        body.addLayout(code)

        body.addWidget(_section_title(self.tr("Sending and staying active"), "sendingTitle"))
        self.sending = QLabel()
        self.sending.setObjectName("detailsSending")
        self.sending.setWordWrap(True)
        self.sending.setTextFormat(Qt.TextFormat.PlainText)
        body.addWidget(self.sending)
        self.web_login = QPushButton(self.tr("I logged in on the web today"))
        self.web_login.setObjectName("webLoginButton")
        self.web_login.setToolTip(
            self.tr(
                "Providers recycle mailboxes nobody logs into on the web. Background checks "
                "do not count, so tell mailmanager when you have logged in."
            )
        )
        self.web_login.clicked.connect(self._web_login_clicked)
        body.addWidget(self.web_login, 0, Qt.AlignmentFlag.AlignLeft)

        # What the catalogue knows about the provider: suitability (foreign trade, VPN), what
        # kills every code, and its help page. Rich text for the link, which opens in the browser.
        self.about_title = _section_title(self.tr("About the provider"), "aboutTitle")
        body.addWidget(self.about_title)
        self.about = QLabel()
        self.about.setObjectName("detailsAbout")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setOpenExternalLinks(True)
        self.about.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        body.addWidget(self.about)

        body.addWidget(_section_title(self.tr("Recent checks"), "checksTitle"))
        self.checks = QTreeWidget()
        self.checks.setObjectName("checksTable")
        self.checks.setRootIsDecorated(False)
        self.checks.setUniformRowHeights(True)
        self.checks.setAlternatingRowColors(True)
        self.checks.setHeaderLabels(
            [self.tr("When"), self.tr("Protocol"), self.tr("Result"), self.tr("Server said")]
        )
        header_view = self.checks.header()
        header_view.setStretchLastSection(True)
        for column in range(3):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # A server's reply did not fit a fourth column of a pane this narrow (it was cut to
        # "535 Login fail. …"): it goes on its own wrapped line under its row instead (the
        # column keeps the text for copying and tests), and the table is as tall as its rows,
        # so nothing scrolls inside the scrolling pane (issue 18, item 7).
        self.checks.setColumnHidden(REPLY_COLUMN, True)
        self.checks.setWordWrap(True)
        self.checks.setUniformRowHeights(False)
        self.checks.setIndentation(0)
        self.checks.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checks.viewport().installEventFilter(self)
        body.addWidget(self.checks)
        self.no_checks = QLabel(self.tr("No checks yet."))
        self.no_checks.setObjectName("noChecksLabel")
        body.addWidget(self.no_checks)

        body.addWidget(_section_title(self.tr("Code history"), "eventsTitle"))
        self.events = QLabel()
        self.events.setObjectName("detailsEvents")
        self.events.setTextFormat(Qt.TextFormat.PlainText)
        self.events.setWordWrap(True)
        self.events.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.events)

        self.setWidget(content)
        self.show_account(None)

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        return form

    # -- filling in ------------------------------------------------------------------------------

    def show_account(
        self,
        summary: AccountSummary | None,
        *,
        states: list[State] | None = None,
        look: ProviderLook | None = None,
        checks: list[CheckRecord] | None = None,
        events: list[CredentialEvent] | None = None,
        daily: dict[date, ConnectionStatus] | None = None,
        codes: list[CodeRecord] | None = None,
        audit: CodeAudit | None = None,
    ) -> None:
        """Show ``summary`` (None: the "select a mailbox" hint).

        ``daily`` is the worst status per day of the last 30 days (``store.daily_history``);
        ``codes`` the mailbox's code inventory (``store.codes``), ``audit`` when it was last
        compared with the provider's list of clients (``store.code_audit``).
        """
        self._several = None
        self.several.hide()
        self.placeholder.setVisible(summary is None)
        self.body.setVisible(summary is not None)
        if summary is None:
            return
        account = summary.account
        states = states if states is not None else [status.worst([])]
        today = local_today(self._clock())
        codes, checks, events = codes or [], checks or [], events or []
        # Each part is filled again only when what it is made of changed: a check result
        # changes the states and the checks, not the servers, the code or the provider's
        # facts, and every text or widget set anew re-lays out the pane on the GUI thread.
        if look is not None and self._refill("mark", (look, self.devicePixelRatioF())):
            self.mark.setPixmap(
                icons.provider_mark(
                    look.mark_text, look.mark_color, MARK_SIZE, self.devicePixelRatioF()
                )
            )
        if self._refill("title", (account.address, account.display_name, look)):
            self.address.setText(account.address)
            subtitle = [look.name] if look is not None else []
            if account.display_name:
                subtitle.append(account.display_name)
            self.subtitle.setText(" · ".join(subtitle))
        if self._refill("badge", tuple(states)):
            self.badge.set_states(states)
        self.problems.show_states(states, summary, today, codes)  # compares on its own
        if self._refill("servers", account):
            self._fill_servers(account)
        if self._refill("code", (account, today)):
            self._fill_code(account)
        if self._refill("inventory", (account, tuple(codes), audit, today)):
            self._fill_inventory(account, codes, audit)
        if self._refill("checks", tuple(checks)):
            self._fill_checks(checks)
        if self._refill("events", tuple(events)):
            self._fill_events(events)
        if self._refill("timeline", (dict(daily or {}), today)):
            self.timeline.set_days(daily or {}, today)
        if self._refill("sending", (account, look, today)):
            self._fill_sending(account, look, today)
        if self._refill("about", look):
            self._fill_about(look)
        self._account_id = account.id

    def _refill(self, part: str, made_of: object) -> bool:
        """True (and ``made_of`` remembered) when ``part`` of the pane shows something made
        of other inputs than ``made_of`` and must be filled again."""
        if self._filled.get(part, _NOT_FILLED) == made_of:
            return False
        self._filled[part] = made_of
        return True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in LOOK_CHANGES:
            self._filled.clear()  # colours and sizes: every part filled again next time

    def show_several(self, count: int, commands: Sequence[QAction]) -> None:
        """Say that ``count`` mailboxes are selected and which ``commands`` act on all of them,
        each with its shortcut, instead of one mailbox's details. The texts, keys and enabled
        states are the actions' own, followed while the hint is shown (Pause becomes Resume)."""
        self._several = (count, list(commands))
        for action in commands:
            if id(action) not in self._followed:
                self._followed.add(id(action))
                action.changed.connect(self._refresh_several)
        self.placeholder.hide()
        self.body.hide()
        self._account_id = None
        self._refresh_several()
        self.several.show()

    def _refresh_several(self) -> None:
        if self._several is None:
            return
        count, commands = self._several
        rows = []
        for action in commands:
            if not action.isEnabled():  # (no checker yet: Check now does nothing)
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            name = html.escape(button_text(action.text()))
            key_cell = f"<b>{html.escape(keys)}</b>" if keys else ""
            rows.append(f"<tr><td>{name}</td><td>&nbsp;&nbsp;&nbsp;{key_cell}</td></tr>")
        title = html.escape(self.tr("%n mailbox(es) selected", "", count))
        intro = html.escape(self.tr("Check, pause, move to a group or remove all of them at once:"))
        outro = html.escape(
            self.tr(
                "The same commands are in the Mailbox menu and on a right click. "
                "Select a single mailbox to see its details."
            )
        )
        self.several.setText(
            f"<p style='font-size:large'><b>{title}</b></p><p>{intro}</p>"
            f"<table cellspacing='4'>{''.join(rows)}</table><p>{outro}</p>"
        )

    def _fix_clicked(self) -> None:
        if self._account_id is not None:
            self.fixRequested.emit(self._account_id)

    def _fill_servers(self, account: Account) -> None:
        self.imap.setText(formatting.endpoint_text(account.imap))
        self.smtp.setText(formatting.endpoint_text(account.smtp))
        imap_user = account.imap.username or account.address
        smtp_user = account.smtp.username or account.address
        if imap_user == smtp_user:
            self.username.setText(imap_user)
        else:
            self.username.setText(
                self.tr("Receiving: %1 · Sending: %2")
                .replace("%1", imap_user)
                .replace("%2", smtp_user)
            )
        self._servers_form.setRowVisible(self.ca_file, bool(account.ca_file))
        self.ca_file.setText(account.ca_file or "")
        # Set only what changed: the pane is refilled after every batch of check results, and
        # each new text or visibility re-lays out the whole pane on the GUI thread.
        _set_text(self.sources, self._sources(account))
        refusals = trust.refusals(account)
        if self.trust_box.isHidden() == bool(refusals):
            self.trust_box.setVisible(bool(refusals))
        if refusals:
            lines = [trust_text.question(r, account.address) for r in trust_text.distinct(refusals)]
            _set_text(
                self.trust_notice,
                "<b>"
                + html.escape(self.tr("Not checked until you confirm:"))
                + "</b><br>"
                + "<br>".join(html.escape(line) for line in lines),
            )

    def _sources(self, account: Account) -> str:
        """Where each server came from and when the user confirmed it."""

        def one(origin: Origin) -> str:
            consent = trust_text.consent_text(origin)
            text = trust_text.source_text(origin)
            return formatting.labelled(text, consent) if consent else text

        imap, smtp = one(account.imap.origin), one(account.smtp.origin)
        if imap == smtp:
            return imap
        return self.tr("Receiving: %1 · Sending: %2").replace("%1", imap).replace("%2", smtp)

    def _trust_clicked(self) -> None:
        if self._account_id is not None:
            self.trustRequested.emit(self._account_id)

    def _fill_code(self, account: Account) -> None:
        today = local_today(self._clock())
        self.code_label.setText(account.credential_label or self.tr("(no label)"))
        if account.code_created is not None:
            self.code_created.setText(
                self.tr("%1 (%2)")
                .replace("%1", formatting.format_date(account.code_created))
                .replace("%2", formatting.days_from_today(account.code_created, today))
            )
        else:
            self.code_created.setText(self.tr("Unknown"))
        if account.code_expires is not None:
            self.code_expires.setText(
                self.tr("%1 (%2)")
                .replace("%1", formatting.format_date(account.code_expires))
                .replace("%2", formatting.days_from_today(account.code_expires, today))
            )
        else:
            self.code_expires.setText(self.tr("No expiry date"))
        due = rotation_date(account)
        if due is None:
            self.code_rotation.setText(self.tr("No reminder"))
        elif due <= today:
            self.code_rotation.setText(
                self.tr("Every %n day(s); due since %1", "", account.rotate_days).replace(
                    "%1", formatting.format_date(due)
                )
            )
        else:
            self.code_rotation.setText(
                self.tr("Every %n day(s), next on %1", "", account.rotate_days).replace(
                    "%1", formatting.format_date(due)
                )
            )

    def _codes_clicked(self) -> None:
        if self._account_id is not None:
            self.codesRequested.emit(self._account_id)

    def _fill_inventory(
        self, account: Account, codes: list[CodeRecord], audit: CodeAudit | None
    ) -> None:
        """How many codes, how many in use, the most urgent due state among them with its
        code, and the audit reminder when the list is due for comparison."""
        today = local_today(self._clock())
        live = [code for code in codes if code.state in LIVE_CODE_STATES]
        text = self.tr("%n code(s)", "", len(codes)) + self.tr(", %n in use", "", len(live))
        worst: tuple[DueItem, str] | None = None
        for code in live:
            for item in code_due_items(code, account.rotate_days, today):
                if worst is None or ALL_STATES.index(item.state) < ALL_STATES.index(worst[0].state):
                    worst = (item, code.label)
        if worst is not None:
            text += "\n" + self.tr("%1: %2").replace("%1", worst[1]).replace(
                "%2", formatting.state_label(worst[0].state)
            )
        if audit is not None and audit_due(
            audit.audited_on, audit.interval_days, local_today(account.created_at), today
        ):
            text += "\n" + self.tr("Time to compare them with the provider's list of clients")
        _set_text(self.code_inventory, text)

    def _fill_code_age(self, account: Account, today: date) -> None:
        """Age of the code against its rotation interval (or its validity, if it expires)."""
        if account.code_created is None:
            self.code_age.setRange(0, 1)
            self.code_age.setValue(0)
            self.code_age.hide()  # nothing to measure: an empty bar only looks like a field
            self.code_age_text.setText(self.tr("Unknown: no creation date is recorded"))
            self._colour_code_age(None)
            return
        age = max((today - account.code_created).days, 0)
        due = rotation_date(account)  # None: "never remind"
        rotation_due = due is not None and today >= due
        if account.code_expires is not None:
            span = max((account.code_expires - account.code_created).days, 1)
            expired = today > account.code_expires
            label = (
                self.tr("Day %1: past its %n day(s) of validity", "", span)
                if expired
                else self.tr("Day %1 of %n day(s) of validity", "", span)
            )
            severity = Severity.ERROR if expired else Severity.WARNING if rotation_due else None
        elif due is None:
            span, label, severity = 0, self.tr("Day %1; no replacement reminder is set"), None
        else:
            span = max(account.rotate_days, 1)
            label = (
                self.tr("Day %1: replacing was due after %n day(s)", "", span)
                if rotation_due
                else self.tr("Day %1 of %n before replacing", "", span)
            )
            severity = Severity.WARNING if rotation_due else None
        self.code_age.setRange(0, max(span, 1))
        self.code_age.setValue(min(age, span))
        self.code_age.setVisible(span > 0)  # no reminder and no expiry: nothing to fill
        self.code_age_text.setText(label.replace("%1", str(age)))
        self._colour_code_age(severity)

    def _colour_code_age(self, severity: Severity | None) -> None:
        palette = self.palette()
        if severity is not None:
            colour = badge_colors(severity, palette).icon
            palette.setColor(QPalette.ColorRole.Highlight, colour)
        # A thin track without a frame, so that a young code's nearly empty bar reads as a
        # gauge, not as a text field (issue 18, item 7).
        fill = palette.color(QPalette.ColorRole.Highlight).name()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        track = QColor(
            round(window.red() + (text.red() - window.red()) * 0.18),
            round(window.green() + (text.green() - window.green()) * 0.18),
            round(window.blue() + (text.blue() - window.blue()) * 0.18),
        ).name()
        self.code_age.setStyleSheet(
            f"QProgressBar {{ border: none; border-radius: 3px; background: {track}; }}"
            f" QProgressBar::chunk {{ border-radius: 3px; background: {fill}; }}"
        )
        # After the style sheet, which would otherwise reset it: the colour is also said
        # through the palette (accessibility tools and tests read it there).
        self.code_age.ensurePolished()
        self.code_age.setPalette(palette)

    def _fill_sending(self, account: Account, look: ProviderLook | None, today: date) -> None:
        lines: list[str] = []
        guidance = look.sending if look is not None else None
        # Loaded here: the sending rules (and the provider model behind them) are not needed
        # until a mailbox is shown, so a start with an empty list does not pay for them.
        from mailmanager.core.rules import sending

        # The whole ramp is shown for every mailbox of a provider that has one: the day a
        # mailbox was added here says nothing about its age, so the current week is pointed at
        # only when the user said when it began sending.
        since = account.sending_since
        stage = sending.advice(guidance, since, today) if since is not None else None
        if guidance is not None and guidance.stages:
            if stage is not None:
                lines.append(
                    self.tr("This mailbox is in sending week %1.").replace("%1", str(stage.week))
                )
            else:
                lines.append(self.tr("Safe sending, counted from the first week of sending:"))
            lines.extend(ramp_lines(guidance.stages, stage.stage if stage is not None else None))
            if guidance.one_to_one_only:
                lines.append(
                    self.tr("Personal mailboxes are for one-to-one mail: never send in bulk.")
                )
            if since is None:
                lines.append(
                    self.tr(
                        "Set “Began sending on” with Edit to see which week this mailbox is in."
                    )
                )
        elif guidance is not None:
            lines.append(self.tr("Send at a natural pace; never send in bulk."))
        recycle = look.recycle_days if look is not None else None
        if recycle:
            if account.last_web_login is not None:
                text = self.tr(
                    "Last web login you confirmed: %1. The provider may recycle mailboxes "
                    "after %2 days without one."
                ).replace("%1", formatting.format_date(account.last_web_login))
            else:  # counted from the day it was added here, and said so
                text = self.tr(
                    "No web login recorded yet; counting from %1, when you added the mailbox "
                    "here. The provider may recycle mailboxes after %2 days without one."
                ).replace("%1", formatting.format_date(local_today(account.created_at)))
            lines.append(text.replace("%2", str(recycle)))
        self.sending.setText(
            "\n".join(lines) if lines else self.tr("No sending guidance for this provider.")
        )
        self.web_login.setVisible(bool(recycle))
        self._fill_code_age(account, today)

    def _fill_about(self, look: ProviderLook | None) -> None:
        parts = []
        for label, text in look.facts if look is not None else ():
            parts.append(f"<b>{html.escape(formatting.labelled(label, ''))}</b>{html.escape(text)}")
        if look is not None and look.help_url:
            link = link_html(look.help_url, unsure=look.help_unconfirmed)
            label = html.escape(formatting.labelled(self.tr("Help page"), ""))
            parts.append(f"<b>{label}</b>{link}")
        self.about_title.setVisible(bool(parts))
        self.about.setVisible(bool(parts))
        self.about.setText("<br>".join(parts))

    def _web_login_clicked(self) -> None:
        if self._account_id is not None:
            self.webLoginConfirmed.emit(self._account_id)

    def _fill_checks(self, checks: list[CheckRecord]) -> None:
        self.checks.clear()
        shown = checks[:RECENT_CHECKS]
        self.checks.setVisible(bool(shown))
        self.no_checks.setVisible(not shown)
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for index, record in enumerate(shown):
            message = " ".join(record.server_message.split())
            item = QTreeWidgetItem(
                [
                    formatting.format_datetime(record.checked_at),
                    record.protocol.value.upper(),
                    formatting.state_label(record.status),
                    message,
                ]
            )
            item.setToolTip(2, formatting.state_description(record.status))
            if message:
                item.setToolTip(0, record.server_message)
                item.setToolTip(REPLY_COLUMN, record.server_message)
            self.checks.addTopLevelItem(item)
            following = shown[index + 1] if index + 1 < len(shown) else None
            if message and not (
                # IMAP and SMTP of one check with the same reply: said once, under the second.
                following is not None
                and following.checked_at == record.checked_at
                and " ".join(following.server_message.split()) == message
            ):
                reply = QTreeWidgetItem([self.tr("Server said: %1").replace("%1", message)])
                reply.setForeground(0, quiet)
                reply.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.addChild(reply)
                reply.setFirstColumnSpanned(True)
                item.setExpanded(True)
        self._fit_checks()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.checks.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_checks()  # wrapped replies take more or fewer lines
        return super().eventFilter(watched, event)

    def _fit_checks(self) -> None:
        """Wrap the replies to the table's width and make the table exactly as tall as its
        rows (a tree view sizes a spanned row by one column, so the reply's height is given)."""
        tree = self.checks
        width = max(tree.viewport().width() - 8, 80)
        metrics = QFontMetrics(tree.font())
        for index in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(index)
            reply = item.child(0) if item is not None and item.childCount() else None
            if reply is not None:
                bound = metrics.boundingRect(
                    QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, reply.text(0)
                )
                reply.setSizeHint(0, QSize(width, bound.height() + 6))
        tree.doItemsLayout()
        rows = 0
        for index in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(index)
            if item is None:
                continue
            rows += tree.visualItemRect(item).height()
            for number in range(item.childCount()):
                child = item.child(number)
                if child is not None:
                    rows += tree.visualItemRect(child).height()
        height = tree.header().sizeHint().height() + rows + 2 * tree.frameWidth() + 2
        if tree.height() != height:
            tree.setFixedHeight(height)

    def _event_text(self, event: CredentialEvent) -> str:
        texts = {
            CredentialEventKind.CREATED: self.tr("Code added"),
            CredentialEventKind.ROTATED: self.tr("Code replaced"),
            CredentialEventKind.EXPIRED: self.tr("Code expired"),
            CredentialEventKind.REMOVED: self.tr("Code removed"),
            CredentialEventKind.WEB_LOGIN: self.tr("Logged in on the web"),
        }
        text = texts[event.kind]
        if event.note:
            text = self.tr("%1 (for %2)").replace("%1", text).replace("%2", event.note)
        return f"{formatting.format_datetime(event.at)}  {text}"

    def _fill_events(self, events: list[CredentialEvent]) -> None:
        if not events:
            self.events.setText(self.tr("Nothing recorded yet."))
            return
        self.events.setText("\n".join(self._event_text(e) for e in events[:20]))
