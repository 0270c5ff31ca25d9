"""The details pane's monitoring parts: code age, sending guidance, web login."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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
    assert "sending week 1." in text
    assert "▶ Week 1: about 50 messages a day, 5–10 minutes apart" in text
    assert "• Weeks 2–4: 100–200 messages a day" in text
    assert "• From week 5: at most 300 messages a day" in text
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
    assert "sending week 9." in widget.sending.text()
    assert "▶ From week 5: at most 300 messages a day" in widget.sending.text()
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
    content = widget.widget()
    assert content is not None

    def laid_out() -> None:  # the new rows' layout requests are handled
        assert content.width() <= widget.viewport().width()
        assert not widget.horizontalScrollBar().isVisible()

    qtbot.waitUntil(laid_out)
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


def test_a_mailbox_without_a_sending_start_gets_the_whole_ramp(qtbot) -> None:
    """Issue 17: the whole ramp (seeds 000 and 003, FAQ Q4) without first requiring "began
    sending"; the day a mailbox was added here says nothing about its age, so no week is
    pointed at, and the setting that would point at one is named."""
    widget = pane(qtbot)
    account = sample_account("old-but-new-here@163.com", id=4).replace(created_at=NOW)
    widget.show_account(AccountSummary(account), look=NETEASE)
    lines = widget.sending.text().split("\n")
    assert lines[1:4] == [
        "• Week 1: about 50 messages a day, 5–10 minutes apart",
        "• Weeks 2–4: 100–200 messages a day",
        "• From week 5: at most 300 messages a day",
    ]
    assert "never send in bulk" in lines[4]
    assert "Began sending on" in lines[5]
    assert not any("▶" in line for line in lines)


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


def test_a_new_check_with_the_same_outcome_refills_only_what_changed(qtbot) -> None:
    """A result arriving for the shown mailbox refills the check history, not the problems
    (same outcome, later time), the servers or the provider's facts: each refill re-lays out
    the pane on the GUI thread during a "Check all". A palette change refills everything."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QWidget

    from mailmanager.core.model.accounts import CheckRecord, Protocol

    widget = pane(qtbot)
    account = sample_account("again@163.com", id=7)
    first = CheckRecord(7, NOW, Protocol.IMAP, ConnectionStatus.TIMEOUT, server_message="slow")
    widget.show_account(
        AccountSummary(account, first), states=[ConnectionStatus.TIMEOUT], checks=[first]
    )
    row = widget.findChild(QWidget, "state_timeout")
    assert row is not None
    set_texts: list[str] = []
    widget.imap.setText = lambda text: set_texts.append(text)  # type: ignore[method-assign]
    later = CheckRecord(7, NOW + timedelta(minutes=5), Protocol.IMAP, ConnectionStatus.TIMEOUT,
                        server_message="slow")  # fmt: skip
    widget.show_account(
        AccountSummary(account, later), states=[ConnectionStatus.TIMEOUT], checks=[later, first]
    )
    assert widget.findChild(QWidget, "state_timeout") is row  # the same row, not made again
    assert set_texts == []  # the servers did not change
    assert widget.checks.topLevelItemCount() == 2  # the history did
    # Another outcome: the problems are made again.
    rejected = CheckRecord(7, NOW + timedelta(minutes=9), Protocol.IMAP,
                           ConnectionStatus.AUTH_FAILED)  # fmt: skip
    widget.show_account(
        AccountSummary(account, rejected),
        states=[ConnectionStatus.AUTH_FAILED],
        checks=[rejected, later, first],
    )
    qtbot.waitUntil(lambda: widget.findChild(QWidget, "state_timeout") is None)
    assert widget.findChild(QWidget, "state_auth_failed") is not None
    # Another account with other servers: they are filled again.
    other = account.replace(address="other@163.com")
    widget.show_account(AccountSummary(other, rejected), states=[ConnectionStatus.AUTH_FAILED])
    assert set_texts and widget.address.text() == "other@163.com"
    # The colours changed: everything is filled again (icons and bars are drawn in them).
    set_texts.clear()
    palette = QApplication.palette(widget)
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    widget.setPalette(palette)
    widget.show_account(AccountSummary(other, rejected), states=[ConnectionStatus.AUTH_FAILED])
    assert set_texts


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


def test_the_latest_failure_says_the_providers_hint_once(qtbot) -> None:
    """Issue 17, item 10: the hint the check stored (the provider's own words and fix) is under
    its problem, once when IMAP and SMTP were refused alike, one per protocol when not."""
    from PySide6.QtWidgets import QLabel, QWidget

    from mailmanager.core.model.accounts import CheckRecord, Protocol

    widget = pane(qtbot)
    account = sample_account("li@163.com", id=8)
    refused = ConnectionStatus.AUTH_FAILED
    imap = CheckRecord(8, NOW, Protocol.IMAP, refused, "netease_auth_code", "NO LOGIN failed")
    smtp = CheckRecord(8, NOW, Protocol.SMTP, refused, "netease_auth_code", "535 Error")
    widget.show_account(AccountSummary(account, imap, smtp), states=[refused], look=NETEASE)
    row = widget.findChild(QWidget, "state_auth_failed")
    assert row is not None
    hints = [label.text() for label in row.findChildren(QLabel, "detailsHint")]
    assert len(hints) == 1
    assert hints[0].startswith("What to do: NetEase rejected the login")
    assert "Settings > POP3/SMTP/IMAP" in hints[0]

    other = CheckRecord(8, NOW, Protocol.SMTP, refused, "auth_rejected", "535 Error")
    widget.show_account(AccountSummary(account, imap, other), states=[refused], look=NETEASE)

    def shown_rows() -> list[QWidget]:  # the old rows are hidden and deleted later
        return [w for w in widget.findChildren(QWidget, "state_auth_failed") if not w.isHidden()]

    qtbot.waitUntil(lambda: len(shown_rows()) == 1)
    [row] = shown_rows()
    hints = [label.text() for label in row.findChildren(QLabel, "detailsHint")]
    assert [h.split(":")[0] for h in hints] == ["What to do (IMAP)", "What to do (SMTP)"]

    # A check that passed leaves no hint behind.
    ok = CheckRecord(8, NOW, Protocol.IMAP, ConnectionStatus.OK)
    widget.show_account(AccountSummary(account, ok), states=[ConnectionStatus.OK], look=NETEASE)

    def no_hint_shown() -> None:
        shown = [h for h in widget.findChildren(QLabel, "detailsHint") if h.isVisibleTo(widget)]
        assert shown == []

    qtbot.waitUntil(no_hint_shown)


def test_about_the_provider_shows_what_the_catalogue_knows(qtbot) -> None:
    """Issue 17, item 9: suitability for foreign trade, no VPN for domestic providers, what
    kills every code (qq.com and foxmail.com share them) and the help page, unconfirmed ones
    marked; nothing for a provider the catalogue does not know."""
    from mailmanager.ui.provider_info import ProviderDirectory

    directory = ProviderDirectory("en")
    widget = pane(qtbot)
    qq = directory.look("tencent_qq", "a@foxmail.com")
    widget.show_account(AccountSummary(sample_account("a@foxmail.com", id=9)), look=qq)
    about = widget.about.text()
    assert widget.about.isVisible() and widget.about_title.isVisible()
    assert "foreign-trade" in about and "needs no VPN" in about
    assert "@qq.com and @foxmail.com are one mailbox sharing one set of codes" in about
    assert 'href="https://service.mail.qq.com/detail/0/75"' in about
    assert "not confirmed" not in about.split("Help page")[1]

    netease = directory.look("netease_personal", "a@126.com")
    assert netease.settings_url == "https://mail.126.com/"
    widget.show_account(AccountSummary(sample_account("a@126.com", id=10)), look=netease)
    about = widget.about.text()
    assert "Changing the web login password or turning the IMAP/SMTP service off" in about
    assert "(not confirmed by the provider)" in about.split("Help page")[1]  # 3P-CODE

    unknown = directory.look(None, "a@example.org")
    widget.show_account(AccountSummary(sample_account("a@example.org", id=11)), look=unknown)
    assert not widget.about.isVisible() and not widget.about_title.isVisible()


QQ_REPLY = (
    "535 Login fail. Account is abnormal, service is not open, password is incorrect, "
    "login frequency limited, or system is busy."
)


def test_the_check_history_fits_the_default_window(qtbot) -> None:
    """Issue 18, item 7: at the pane's width in a 1120 x 700 window nothing of the check
    history is cut off: a reply gets its own wrapped line, once for IMAP and SMTP alike, and
    the table is as tall as its rows."""
    from mailmanager.core.model.accounts import CheckRecord, Protocol

    account = sample_account("li.na@qq.com", id=3)
    checks = []
    for hours in (0, 6, 12, 18):
        at = NOW - timedelta(hours=hours)
        failed = hours == 0
        for protocol in (Protocol.SMTP, Protocol.IMAP):
            status = ConnectionStatus.AUTH_FAILED if failed else ConnectionStatus.OK
            checks.append(
                CheckRecord(3, at, protocol, status, server_message=QQ_REPLY if failed else "")
            )
    widget = pane(qtbot)
    widget.resize(370, 700)  # the details pane in the default window
    widget.show_account(AccountSummary(account), checks=checks)
    table = widget.checks
    assert table.topLevelItemCount() == 8
    replies = [
        table.topLevelItem(i).child(0).text(0)  # type: ignore[union-attr]
        for i in range(8)
        if table.topLevelItem(i).childCount()  # type: ignore[union-attr]
    ]
    assert replies == [f"Server said: {QQ_REPLY}"]  # the whole reply, said once
    assert table.topLevelItem(0).text(3) == QQ_REPLY  # type: ignore[union-attr]
    assert table.isColumnHidden(3)
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() == 0, timeout=2000)
    assert table.horizontalScrollBar().maximum() == 0
    reply_row = table.visualItemRect(table.topLevelItem(1).child(0))  # type: ignore[union-attr, arg-type]
    plain_row = table.visualItemRect(table.topLevelItem(2))  # type: ignore[arg-type]
    assert reply_row.height() > 2 * plain_row.height()  # wrapped, not cut to one line
    # Wider: fewer lines, and the table shrinks with them.
    tall = table.height()
    widget.resize(900, 700)
    qtbot.waitUntil(lambda: table.height() < tall, timeout=2000)
    assert table.verticalScrollBar().maximum() == 0


def test_strip_ends_are_readable_and_an_empty_code_age_is_not_a_field(qtbot) -> None:
    widget = pane(qtbot)
    account = sample_account("new@163.com", id=1).replace(code_created=None)
    widget.show_account(AccountSummary(account), look=NETEASE)
    timeline = widget.timeline
    for end in (timeline.oldest, timeline.newest):
        assert end.isEnabled()  # not the disabled grey
        assert end.font().pointSizeF() == timeline.caption.font().pointSizeF()
    assert not widget.code_age.isVisible()  # nothing to measure
    assert widget.code_age_text.text() == "Unknown: no creation date is recorded"
    fresh = sample_account("new@163.com", id=1).replace(code_created=TODAY, rotate_days=90)
    widget.show_account(AccountSummary(fresh), look=NETEASE)
    assert widget.code_age.isVisible() and widget.code_age.value() == 0
    assert "border: none" in widget.code_age.styleSheet()  # a gauge's track, not a frame
    never = fresh.replace(rotate_days=0)
    widget.show_account(AccountSummary(never), look=NETEASE)
    assert not widget.code_age.isVisible()


def test_several_selected_show_what_can_be_done_with_them(
    make_window, store: AccountStore, qtbot
) -> None:
    from tests.helpers.sample_accounts import seed

    seed(store)
    window = make_window()
    details = window.details
    window.view.selectAll()
    qtbot.waitUntil(details.several.isVisible)
    assert not details.body.isVisible() and not details.placeholder.isVisible()
    text = details.several.text()
    assert "5 mailbox(es) selected" in text  # (the tests run without the English plurals)
    assert "Check now" not in text  # the test window has no checker: F5 would do nothing
    window.set_check_handler(lambda ids: None)
    qtbot.waitUntil(lambda: "Check now" in details.several.text())
    text = details.several.text()
    for command, keys in (
        ("Check now", "F5"),
        ("Pause checks", "Ctrl+P"),
        ("Move to group", "Ctrl+G"),
        ("Remove", "Del"),
    ):
        assert f"{command}</td><td>&nbsp;&nbsp;&nbsp;<b>{keys}</b>" in text
    assert "&amp;" not in text and "…" not in text  # the menu's access keys and dots go
    # The hint follows the commands: all paused, Pause becomes Resume.
    window.actions_.pause.trigger()
    qtbot.waitUntil(lambda: "Resume checks" in details.several.text(), timeout=5000)
    # One mailbox: its details again.
    window.view.clearSelection()
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    qtbot.waitUntil(details.body.isVisible)
    assert not details.several.isVisible()
    assert details.address.text() == window.proxy.index(0, 0).data()


def test_several_selected_in_chinese(make_window, store: AccountStore, qtbot, qapp) -> None:
    from PySide6.QtCore import QLocale

    from mailmanager.ui import language
    from tests.helpers.sample_accounts import seed

    seed(store)
    translators = language.install(qapp, language.chosen_locale("zh_CN"))
    try:
        window = make_window()
        window.view.selectAll()
        qtbot.waitUntil(window.details.several.isVisible)
        text = window.details.several.text()
        assert "已选择 5 个邮箱" in text
        assert "移到分组</td>" in text and "<b>Ctrl+G</b>" in text  # no "(&G)", no "…"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
