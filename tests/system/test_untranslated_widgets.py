"""No English left on screen when the app runs in Simplified Chinese.

The translation files can be complete and still leave English on screen: a string that never
went through ``tr()`` / ``QCoreApplication.translate`` is not in any .ts file, so no test of the
files can see it. This test loads the zh_CN translation (ours and Qt's own), builds every window
and dialog and walks the setup wizard through each of its branches, then reads every text a user
can see (labels, buttons, group titles, placeholders, tooltips, menu and toolbar actions, item
view headers and cells, wizard titles, window titles) and fails on any English word that is not
a protocol, product or brand name.

User data (addresses, host names, server replies, paths, URLs) is removed before the check, so a
seeded "535 Login fail" reply or an ``imap.163.com`` never counts as untranslated.
"""

from __future__ import annotations

import html
import re
import socket
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QTextEdit,
    QToolBar,
    QWidget,
    QWizard,
    QWizardPage,
)

from mailmanager.core.model.accounts import CheckRecord, Protocol
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from mailmanager.paths import AppPaths
from mailmanager.services.account_ops import AccountOps
from mailmanager.ui import language
from mailmanager.ui.provider_info import ProviderDirectory
from mailmanager.ui.wizard import F, PageId, SetupWizard, WizardMode
from tests.helpers.factories import make_account
from tests.helpers.sample_accounts import NOW, seed
from tests.helpers.wizard import click_next, make_services, make_wizard, type_address

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    # The windows' async work runs on qasync's loop inside Qt's, as in the app.
    pytest.mark.usefixtures("qloop"),
]

# Words that stay in Latin letters in the Chinese UI: protocols and formats, product and brand
# names (as providers write them), and the app's own name.
ALLOWED = frozenset(
    {
        "IMAP", "SMTP", "POP", "SSL", "TLS", "STARTTLS", "OAuth", "ID", "PLAIN", "LOGIN",
        "PEM", "CA", "CSV", "DNS", "MX", "SRV", "HTTP", "HTTPS", "VPN", "autoconfig",
        "mailmanager", "Thunderbird", "Foxmail", "Outlook", "Gmail", "Google", "Microsoft",
        "iCloud", "Apple", "App", "Yahoo", "AOL", "Zoho", "GMX", "Yandex", "QQ", "Coremail",
        "Workspace", "Hotmail", "VIP", "GNOME", "KWallet", "English",
        "Ctrl", "Shift", "Alt", "Del",  # key names in tooltips
    }
)  # fmt: skip

# Text that is user data or server data, not UI: removed before looking for English words.
USER_DATA = re.compile(
    r"<code>.*?</code>"  # server replies quoted in rich text
    r"|https?://\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b[\w-]+(?:\.[\w-]+)+\b"  # host names, file names
    r"|(?:/[\w.@+-]+)+/?"  # paths
    r"|\*\.\w+",  # file patterns
    re.ASCII,
)
TAGS = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-z]{3,}")
# Server replies quoted verbatim (the seeded history; the catalogue's pitfalls, so that users
# recognise what their other mail client showed them): server text, not ours.
SERVER_REPLIES = (
    "535 Login fail",
    "535 Error: authentication failed",
    "Login error or password error",
    "550 User has no permission",
    "Unsafe Login",
    "Authentication unsuccessful, basic authentication is disabled",
    "SmtpClientAuthentication is disabled for the Tenant",
)


def english_words(text: str) -> list[str]:
    """The English words in ``text`` once markup, user data and allowed names are removed."""
    plain = USER_DATA.sub(" ", text)
    plain = html.unescape(TAGS.sub(" ", plain))
    plain = USER_DATA.sub(" ", plain)
    for reply in SERVER_REPLIES:
        plain = plain.replace(reply, " ")
    return [w for w in WORD.findall(plain) if w not in ALLOWED]


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount()
    except TypeError:  # a list widget's model: one column, its columnCount is private
        return 1


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for section in range(_columns(model)):
        for role in roles:
            yield str(model.headerData(section, Qt.Orientation.Horizontal, role) or "")
    for row in range(min(model.rowCount(), 20)):
        for column in range(_columns(model)):
            index = model.index(row, column, QModelIndex())
            for role in roles:
                yield str(model.data(index, role) or "")


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children can show."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}#{widget.objectName() or '?'}"
        texts: list[str] = [widget.toolTip(), widget.accessibleName()]
        if widget is root or isinstance(widget, QToolBar | QMenu):
            texts.append(widget.windowTitle())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            texts.append(widget.placeholderText())  # the content is the user's
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QSpinBox):
            texts.extend([widget.prefix(), widget.suffix(), widget.specialValueText()])
        if isinstance(widget, QProgressBar):
            texts.append(widget.text())
        if isinstance(widget, QWizardPage):
            texts.extend([widget.title(), widget.subTitle()])
        if isinstance(widget, QAbstractItemView):
            texts.extend(_model_texts(widget))
        for action in widget.actions():
            texts.extend([action.text(), action.toolTip(), action.iconText()])
        for text in texts:
            if text:
                yield where, text


class Findings:
    """Collects the untranslated texts found on each screen, for one failure listing them all."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, str, str], list[str]] = {}
        self.screens: list[str] = []

    def walk(self, screen: str, root: QWidget) -> None:
        self.screens.append(screen)
        for where, text in visible_texts(root):
            words = english_words(text)
            if words:
                self.found.setdefault((screen, where, text), words)

    def check(self, screen: str, text: str) -> None:
        """A text shown outside a widget's properties (clipboard, status bar)."""
        words = english_words(text)
        if words:
            self.found.setdefault((screen, "-", text), words)

    def report(self) -> str:
        return "\n".join(
            f"  [{screen}] {where}: {text!r} -> {words}"
            for (screen, where, text), words in self.found.items()
        )


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The zh_CN translations installed as the app does at start-up (ours and qtbase's)."""
    previous = QLocale()
    loaded = language.install(qapp, language.chosen_locale("zh_CN"))
    assert any(t.filePath().endswith("mailmanager_zh_CN.qm") for t in loaded)
    yield
    for translator in loaded:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.fixture
def findings() -> Findings:
    return Findings()


class QuietSink:
    """Desktop notifications go nowhere in this test."""

    def notify(self, title: str, body: str, *, urgent: bool) -> bool:
        return True


def closed_port() -> int:
    """A loopback port nobody listens on: a check against it fails at once (refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- the main window, its menus, dialogs and the tray -------------------------------------------


def test_main_window_and_dialogs(
    qtbot,
    chinese: None,
    findings: Findings,
    make_window: Callable[..., object],
    store: AccountStore,
    ops: AccountOps,
    app_paths: AppPaths,
    settings: QSettings,
) -> None:
    from mailmanager.core.secrets import SecretStore
    from mailmanager.ui.account_editor import EditAccountDialog
    from mailmanager.ui.background_controls import BackgroundControls
    from mailmanager.ui.confirm_removal import confirm_removal
    from mailmanager.ui.crash_dialog import CrashDialog
    from mailmanager.ui.main_window import MainWindow
    from mailmanager.ui.tray import TrayIcon

    # As app.py does: provider names in the UI language.
    providers = ProviderDirectory(language.content_language(QLocale()))
    empty = make_window(providers=providers)
    assert isinstance(empty, MainWindow)
    findings.walk("first run", empty)
    empty.close()

    accounts = seed(store)
    window = make_window(providers=providers)
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(accounts), timeout=5000)
    # The background side adds the settings menu (its tray menu is the TrayIcon below).
    monitoring = BackgroundControls(
        window,
        app_paths,
        settings,
        SecretStore(app_paths),
        start_schedule=False,
        use_tray=False,
        sink=QuietSink(),
    )
    for address in ("rejected@qq.com", "ok@163.com"):
        account_id = accounts[address].id
        assert account_id is not None
        window.select_account(account_id)
        findings.walk(f"main window, {address} selected", window)
    for menu in window.findChildren(QMenu):
        findings.walk(f"menu {menu.objectName()}", menu)
    context = window.actions_.make_context_menu(window)
    findings.walk("context menu", context)
    window.actions_.set_paused_look(True)
    findings.walk("main window, paused selection", window)
    window.actions_.set_paused_look(False)

    copied = window.copy_settings()  # the text for another mail client, and the status bar
    assert copied is not None
    findings.check("copied settings", copied)
    assert window.statusBar().currentMessage()
    findings.check("status bar", window.statusBar().currentMessage())

    def walk_about() -> None:
        about = QApplication.activeModalWidget()
        assert about is not None
        findings.walk("about box", about)
        about.close()

    QTimer.singleShot(0, walk_about)
    window._about()
    assert "about box" in findings.screens

    box, _remove = confirm_removal(window, "ok@163.com")
    findings.walk("remove confirmation", box)
    box.deleteLater()

    editor = EditAccountDialog(ops, accounts["ok@163.com"], parent=window)
    qtbot.addWidget(editor)
    findings.walk("edit dialog", editor)

    # The code inventory (issue 19), with a second client's code and its "add a code" dialog.
    ok_id = accounts["ok@163.com"].id
    assert ok_id is not None
    from mailmanager.core.model.codes import CodeRecord, CodeState

    store.add_code(CodeRecord(ok_id, "Foxmail", date.today() - timedelta(days=400)))
    store.add_code(CodeRecord(ok_id, "旧手机", state=CodeState.REVOKED, revoked=date.today()))
    inventory = window.open_codes(ok_id)
    assert inventory is not None
    inventory.select_label("Foxmail")  # type: ignore[attr-defined]
    findings.walk("code inventory", inventory)
    inventory.open_add()  # type: ignore[attr-defined]
    findings.walk("add a code", inventory.add_dialog)  # type: ignore[attr-defined]
    inventory.ask_invalidate()  # type: ignore[attr-defined]
    findings.walk("invalidate confirmation", inventory.confirm_box)  # type: ignore[attr-defined]
    inventory.close()

    crash = CrashDialog(
        "Traceback (most recent call last):\n  ValueError: boom", Path("/tmp/mailmanager.log")
    )
    qtbot.addWidget(crash)
    findings.walk("crash dialog", crash)

    assert "menu settingsMenu" in findings.screens
    monitoring.shutdown()

    tray = TrayIcon()
    tray.set_attention(2)
    findings.walk("tray menu", tray.menu)
    assert not english_words(tray.tooltip()), tray.tooltip()
    tray.set_attention(0)
    assert not english_words(tray.tooltip()), tray.tooltip()
    tray.menu.deleteLater()

    assert not findings.found, "untranslated text on screen:\n" + findings.report()


# -- the setup wizard, through each of its branches ----------------------------------------------


def walk_wizard(findings: Findings, wizard: SetupWizard, screen: str) -> None:
    page = wizard.currentPage()
    name = PageId(wizard.currentId()).name.lower() if page is not None else "?"
    findings.walk(f"{screen}: {name}", wizard)


def test_wizard_pages(qtbot, chinese: None, findings: Findings) -> None:
    services = make_services()

    # Add, a known provider that shows its code once: every page up to a failed test.
    wizard = make_wizard(qtbot, services)
    assert wizard.ctx.lang == "zh"
    walk_wizard(findings, wizard, "add (empty)")
    wizard.address_page.address_edit.setText("zhangwei")  # the inline address error
    walk_wizard(findings, wizard, "add (bad address)")
    type_address(qtbot, wizard, "zhangwei@163.com")
    walk_wizard(findings, wizard, "add 163.com")
    assert click_next(qtbot, wizard) == PageId.PREPARE
    walk_wizard(findings, wizard, "add 163.com")
    wizard.prepare_page.acknowledge.setChecked(True)
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    wizard.credential_page.password_edit.setText("my login password")  # the format warning
    walk_wizard(findings, wizard, "add 163.com")
    wizard.credential_page.show_button.setChecked(True)
    walk_wizard(findings, wizard, "add 163.com, code shown")
    wizard.credential_page.password_edit.setText("abcdefghijklmnop")
    assert click_next(qtbot, wizard) == PageId.SERVERS
    wizard.servers_page.advanced_button.setChecked(True)
    walk_wizard(findings, wizard, "add 163.com")
    port = closed_port()
    for prefix in ("imap", "smtp"):
        wizard.setField(prefix + "Host", "127.0.0.1")
        wizard.setField(prefix + "Port", port)
    wizard.setField(F.SMTP_SECURITY, "plain")  # the plain-text warning on the servers page
    walk_wizard(findings, wizard, "add 163.com, plain sending")
    wizard.setField(F.SMTP_SECURITY, "ssl")
    assert click_next(qtbot, wizard) == PageId.TEST
    qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=10_000)
    walk_wizard(findings, wizard, "add 163.com, servers refused")

    # Add, a provider with an expiry and server groups (chosen from the list).
    wizard = make_wizard(qtbot, services)
    wizard.address_page.address_edit.setText("li.na@company-example.cn")
    wizard.address_page._show_chooser()
    walk_wizard(findings, wizard, "add unknown domain")
    chooser = wizard.address_page.chooser
    index = chooser.findData("netease_qiye")
    chooser.setCurrentIndex(index)
    chooser.activated.emit(index)
    walk_wizard(findings, wizard, "add netease_qiye")
    assert click_next(qtbot, wizard) == PageId.PREPARE
    wizard.prepare_page.acknowledge.setChecked(True)
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    wizard.credential_page.password_edit.setText("abcdefghijklmnop")
    walk_wizard(findings, wizard, "add netease_qiye, expiry required")
    wizard.setField(F.CODE_EXPIRES, wizard.field(F.CODE_CREATED).addDays(365))
    assert click_next(qtbot, wizard) == PageId.SERVERS
    combo = wizard.servers_page.group_combo
    combo.setCurrentIndex(1)  # the backup group, with its note
    walk_wizard(findings, wizard, "add netease_qiye, backup group")

    # Add, a domain nobody knows: the generic steps.
    wizard = make_wizard(qtbot, services)
    wizard.address_page.address_edit.setText("li.na@company-example.cn")
    wizard.address_page._show_chooser()
    manual = wizard.address_page.chooser
    manual.setCurrentIndex(manual.count() - 1)
    manual.activated.emit(manual.count() - 1)
    assert click_next(qtbot, wizard) == PageId.PREPARE
    walk_wizard(findings, wizard, "add by hand")
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    walk_wizard(findings, wizard, "add by hand")
    wizard.credential_page.password_edit.setText("secret")
    assert click_next(qtbot, wizard) == PageId.SERVERS
    walk_wizard(findings, wizard, "add by hand")

    # Add, Outlook.com: the stop page.
    wizard = make_wizard(qtbot, services)
    type_address(qtbot, wizard, "someone@outlook.com")
    assert click_next(qtbot, wizard) == PageId.PREPARE
    walk_wizard(findings, wizard, "add outlook.com")

    # Fix: the last check's failure at the top, the code choice.
    account = make_account(
        "zhangwei@163.com",
        provider_id="netease_personal",
        credential_label="mailmanager",
        code_created=date.today() - timedelta(days=120),
        id=1,
    )
    failed = [
        CheckRecord(1, NOW, Protocol.IMAP, ConnectionStatus.AUTH_FAILED, "netease_auth_code"),
        CheckRecord(1, NOW, Protocol.SMTP, ConnectionStatus.TIMEOUT, "timeout"),
    ]
    wizard = SetupWizard(WizardMode.FIX, account, services=services, last_results=failed)
    qtbot.addWidget(wizard)
    wizard.show()
    walk_wizard(findings, wizard, "fix")
    assert click_next(qtbot, wizard) == PageId.PREPARE
    walk_wizard(findings, wizard, "fix")

    # Rotate: the rotate note, then the done page with the revoke reminder.
    wizard = make_wizard(qtbot, services, WizardMode.ROTATE, account)
    walk_wizard(findings, wizard, "rotate")
    wizard.done_page.candidate = None
    wizard.setStartId(PageId.DONE)
    wizard.restart()
    wizard.done_page._on_saved(account)
    walk_wizard(findings, wizard, "rotate")
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()

    assert not findings.found, "untranslated text on screen:\n" + findings.report()


def test_the_check_finds_english(qtbot, findings: Findings) -> None:
    """The detector itself: English is caught, allowed names and user data are not."""
    assert english_words("Check now") == ["Check", "now"]
    assert english_words("立即检测（F5）") == []
    assert english_words("收信（IMAP）：imap.163.com:993 SSL/TLS") == []
    assert english_words("已添加 zhang.wei@company-example.cn。") == []
    assert english_words("服务器返回：<code>NO Login error or password error</code>") == []
    assert english_words("打开 https://mail.163.com/settings 设置") == []
    assert english_words("<b>网易邮箱</b>要求使用<b>客户端授权码</b>") == []
    label = QLabel("Untranslated label")
    qtbot.addWidget(label)
    findings.walk("sample", label)
    assert findings.found
