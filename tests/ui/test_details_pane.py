"""The details pane's monitoring parts: code age, sending guidance, web login."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton

from mailmanager.core.catalogue.model import SendingGuidance, SendingStage, Text
from mailmanager.core.model.accounts import AccountSummary, CredentialEventKind
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.details_pane import DetailsPane
from mailmanager.ui.provider_info import ProviderLook
from tests.helpers.factories import make_account
from tests.helpers.sample_accounts import sample_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TODAY = NOW.date()
NETEASE = ProviderLook(
    "NetEase Mail",
    "网易",
    "#d32f2f",
    recycle_days=90,
    sending=SendingGuidance(
        Text("", ""),
        (
            SendingStage(1, 1, 50, None, 5, 10),
            SendingStage(2, 4, 200, 100),
            SendingStage(5, None, 300),
        ),
        one_to_one_only=True,
    ),
)


def pane(qtbot) -> DetailsPane:
    widget = DetailsPane(clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.show()
    return widget


def test_new_netease_mailbox_gets_week_one_guidance(qtbot) -> None:
    widget = pane(qtbot)
    account = sample_account("new@163.com", id=1).replace(
        created_at=NOW - timedelta(days=3),
        code_created=TODAY - timedelta(days=3),
        sending_since=TODAY - timedelta(days=3),
    )
    daily = {TODAY - timedelta(days=1): ConnectionStatus.OK}
    widget.show_account(AccountSummary(account), look=NETEASE, daily=daily)
    text = widget.sending.text()
    assert "week 1" in text and "50" in text and "5–10 minutes" in text
    assert "one-to-one" in text
    assert widget.web_login.isVisible()
    assert widget.timeline.caption.text().startswith("Days OK: 1 ·")
    assert widget.timeline.oldest.text() == (TODAY - timedelta(days=29)).isoformat()
    assert widget.timeline.newest.text() == "Today"
    # No login confirmed yet: said so, counted from the day the mailbox was added.
    assert "No web login recorded yet" in text and (TODAY - timedelta(days=3)).isoformat() in text
    widget.show_account(
        AccountSummary(account.replace(last_web_login=TODAY - timedelta(days=1))), look=NETEASE
    )
    assert "Last web login you confirmed" in widget.sending.text()
    overdue = account.replace(code_created=TODAY - timedelta(days=100), rotate_days=90)
    normal = widget.code_age.palette().color(QPalette.ColorRole.Highlight)
    widget.show_account(AccountSummary(overdue), look=NETEASE)
    assert "due since" in widget.code_rotation.text()
    assert widget.code_age_text.text().startswith("Day 100: replacing was due after 90 day")
    assert widget.code_age.palette().color(QPalette.ColorRole.Highlight) != normal
    widget.show_account(AccountSummary(account), look=NETEASE)
    assert "next on" in widget.code_rotation.text()
    assert widget.code_age.maximum() == account.rotate_days and widget.code_age.value() == 3
    assert widget.code_age_text.text() == "Day 3 of 90 before replacing"
    with qtbot.wait_signal(widget.webLoginConfirmed) as confirmed:
        widget.web_login.click()
    assert confirmed.args == [1]


def test_later_weeks_and_expiring_codes(qtbot) -> None:
    widget = pane(qtbot)
    account = sample_account("old@163.com", id=2).replace(
        created_at=NOW - timedelta(days=60),
        sending_since=TODAY - timedelta(days=60),
        code_created=TODAY - timedelta(days=30),
        code_expires=TODAY + timedelta(days=30),
    )
    widget.show_account(AccountSummary(account), look=NETEASE)
    assert "week 9" in widget.sending.text() and "300" in widget.sending.text()
    assert widget.code_age.maximum() == 60 and widget.code_age.value() == 30


def test_no_guidance_and_no_recycling_rule(qtbot) -> None:
    widget = pane(qtbot)
    look = ProviderLook("example.org", "E", "#333333")
    widget.show_account(AccountSummary(sample_account("a@example.org", id=3)), look=look)
    assert widget.sending.text() == "No sending guidance for this provider."
    assert not widget.web_login.isVisible()


def test_main_window_records_a_web_login(make_window, qtbot, store: AccountStore) -> None:
    account = store.add_account(
        sample_account("zhang@163.com").replace(provider_id="netease_personal")
    )
    window = make_window()
    window.select_account(account.id)
    button = window.details.findChild(QPushButton, "webLoginButton")
    assert button is not None and button.isVisible()
    button.click()

    def recorded() -> bool:
        saved = store.get_account(account.id or 0)
        return saved.last_web_login is not None

    qtbot.waitUntil(recorded, timeout=5000)
    events = store.credential_events(account.id or 0)
    assert events[0].kind is CredentialEventKind.WEB_LOGIN


def test_edit_sets_interval_sending_start_and_never_remind(
    make_window, qtbot, store: AccountStore
) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCheckBox, QDateEdit, QSpinBox

    account = store.add_account(sample_account("li@163.com"))
    window = make_window()
    window.select_account(account.id)
    form = window.edit_selected()
    form.findChild(QSpinBox, "checkHoursSpin").setValue(24)
    form.findChild(QSpinBox, "rotateDaysSpin").setValue(0)  # "Never"
    form.findChild(QCheckBox, "sendingSinceCheck").setChecked(True)
    form.findChild(QDateEdit, "sendingSinceEdit").setDate(QDate(2026, 11, 1))
    form.findChild(QPushButton, "saveButton").click()

    def saved() -> bool:
        current = store.get_account(account.id or 0)
        return current.check_interval_hours == 24 and current.sending_since is not None

    qtbot.waitUntil(saved, timeout=5000)
    current = store.get_account(account.id or 0)
    assert current.sending_since == date(2026, 11, 1)
    assert current.rotate_days == 0


def test_fix_is_in_the_mailbox_menu(make_window, store: AccountStore) -> None:
    from PySide6.QtWidgets import QMenu

    store.add_account(sample_account("li@163.com"))
    window = make_window()
    menu = window.menuBar().findChild(QMenu, "mailboxMenu")
    names = [action.objectName() for action in menu.actions()]
    assert names.index("fixAction") == names.index("rotateAction") + 1


def test_a_long_address_stays_inside_the_pane_and_replies_sit_under_their_problem(
    qtbot,
) -> None:
    """An enterprise address has nowhere to wrap: it is shortened, not allowed to widen the
    pane past its badge. Each failing protocol's reply is shown under that protocol's line."""
    from PySide6.QtWidgets import QLabel, QWidget

    from mailmanager.core.model.accounts import CheckRecord, Protocol

    address = "international.trade.department.shanghai@huaxin-international-trading.com.cn"
    account = make_account(address, domain="qiye.163.com", id=7, created_at=NOW)
    imap = CheckRecord(7, NOW, Protocol.IMAP, ConnectionStatus.TIMEOUT)
    smtp = CheckRecord(
        7, NOW, Protocol.SMTP, ConnectionStatus.SERVICE_DISABLED,
        server_message="554 IMAP/SMTP service is not open",
    )  # fmt: skip
    widget = pane(qtbot)
    widget.resize(360, 700)
    widget.show_account(
        AccountSummary(account, imap, smtp),
        states=[ConnectionStatus.SERVICE_DISABLED, ConnectionStatus.TIMEOUT],
    )
    qtbot.wait(10)
    content = widget.widget()
    assert content is not None and content.width() <= widget.viewport().width()
    assert not widget.horizontalScrollBar().isVisible()
    assert widget.address.text() == address and widget.address.toolTip() == address
    assert widget.badge.isVisible()
    assert widget.badge.geometry().right() <= widget.viewport().width()
    disabled = widget.findChild(QWidget, "state_service_disabled")
    timeout = widget.findChild(QWidget, "state_timeout")
    assert disabled is not None and timeout is not None
    said = [label.text() for label in disabled.findChildren(QLabel, "detailsServerSaid")]
    assert said == ["SMTP server said: 554 IMAP/SMTP service is not open"]
    assert timeout.findChildren(QLabel, "detailsServerSaid") == []
    headline = disabled.findChildren(QLabel)[1].text()
    assert "SMTP: " in headline
    assert "IMAP: " in timeout.findChildren(QLabel)[1].text()


def test_a_mailbox_without_a_sending_start_gets_no_week_limits(qtbot) -> None:
    """The day a mailbox was added here says nothing about its age: no "week 1" limits for it,
    a pointer to the setting instead."""
    widget = pane(qtbot)
    account = sample_account("old-but-new-here@163.com", id=4).replace(created_at=NOW)
    widget.show_account(AccountSummary(account), look=NETEASE)
    text = widget.sending.text()
    assert "week" not in text.split("\n")[0].lower()
    assert "natural pace" in text and "Began sending on" in text


def test_problems_offer_the_fix_and_expiry_says_its_date(qtbot) -> None:
    """A connection problem has a "Fix…" button beside it; an expiring code says when."""
    from PySide6.QtWidgets import QLabel, QWidget

    from mailmanager.core.model.accounts import CheckRecord, Protocol
    from mailmanager.core.model.status import DueState

    widget = pane(qtbot)
    expires = TODAY + timedelta(days=9)
    account = sample_account("soon@163.com", id=5).replace(code_expires=expires)
    rejected = CheckRecord(5, NOW, Protocol.IMAP, ConnectionStatus.AUTH_FAILED)
    widget.show_account(
        AccountSummary(account, rejected),
        states=[ConnectionStatus.AUTH_FAILED, DueState.EXPIRING_SOON],
    )
    fixes = widget.findChildren(QPushButton, "detailsFixButton")
    assert len(fixes) == 1
    qtbot.waitUntil(fixes[0].isVisible, timeout=2000)
    with qtbot.wait_signal(widget.fixRequested) as asked:
        fixes[0].click()
    assert asked.args == [5]
    row = widget.findChild(QWidget, "state_expiring_soon")
    assert row is not None
    text = " ".join(label.text() for label in row.findChildren(QLabel))
    assert expires.isoformat() in text and "in 9 day" in text
    widget.show_account(AccountSummary(account), states=[DueState.EXPIRING_SOON])
    assert [b for b in widget.findChildren(QPushButton, "detailsFixButton") if b.isVisible()] == []


def test_code_age_follows_the_reminder_and_the_expiry(qtbot) -> None:
    """ "Never remind" is never overdue; a rotation that is due turns the bar amber even when
    the code also has an expiry date; an expired code turns it red."""
    widget = pane(qtbot)
    normal = widget.code_age.palette().color(QPalette.ColorRole.Highlight)
    old = sample_account("a@163.com", id=7).replace(code_created=TODAY - timedelta(days=200))

    widget.show_account(AccountSummary(old.replace(rotate_days=0)))
    assert widget.code_rotation.text() == "No reminder"
    assert "due" not in widget.code_age_text.text().lower()
    assert widget.code_age.palette().color(QPalette.ColorRole.Highlight) == normal

    expiring_later = old.replace(rotate_days=90, code_expires=TODAY + timedelta(days=165))
    widget.show_account(AccountSummary(expiring_later))
    amber = widget.code_age.palette().color(QPalette.ColorRole.Highlight)
    assert amber != normal

    widget.show_account(AccountSummary(old.replace(code_expires=TODAY - timedelta(days=1))))
    red = widget.code_age.palette().color(QPalette.ColorRole.Highlight)
    assert red not in (normal, amber)
    assert "past its" in widget.code_age_text.text()


def test_a_shortened_label_copies_and_reads_out_the_whole_text(qtbot) -> None:
    from PySide6.QtGui import QGuiApplication

    widget = pane(qtbot)
    widget.resize(320, 600)
    address = "international.trade.department.shanghai@huaxin-international-trading.com.cn"
    widget.show_account(AccountSummary(sample_account(address, id=9)))
    label = widget.address
    qtbot.waitUntil(lambda: "…" in super(type(label), label).text(), timeout=2000)
    assert label.accessibleName() == address
    label.copy()
    assert QGuiApplication.clipboard().text() == address
