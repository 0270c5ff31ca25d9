"""Screenshots of the main window with sample accounts, in Simplified Chinese and in English.

Seeds a temporary MAILMANAGER_HOME through the real store (six mailboxes whose badges differ:
normal, code rejected, expiring soon, paused, not checked, rotation due), then renders the main
window in each language and saves docs/screenshots/main-<locale>.png, then, at the default
window size, the details pane of the mailbox whose code was refused (main-details-<locale>.png:
the provider's hint under the problem) and the same pane scrolled to the sending ramp and what
the catalogue knows about the provider (main-details-about-<locale>.png), and the code inventory
of the first mailbox, one code per client (codes-<locale>.png), with its "add a code for
another client" dialog (codes-add-<locale>.png). Run it on a real X server
so fonts render as users see them:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py

``--tour`` adds the UX tour (review these, they are not committed; use ``--out screens``):
thirty mailboxes in three groups with the side list (tour-main), a selection of four with the
status bar's count (tour-selection), the bulk removal question and the revoke reminder, Move to
group, the edit dialog of a company mailbox (long server names), the details pane's "All codes"
row, the export dialog, the offline message in the status bar, and the spreadsheet import's
mapping step, mid-run and finished with its plain-text reminder
(scripts/table_import_screenshots.py).

``--translations DIR`` loads .qm files from DIR instead of resources/translations (for reviewing
a provisional translation); ``--out DIR`` writes elsewhere.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mailmanager import paths  # noqa: E402
from mailmanager.core.model.accounts import (  # noqa: E402
    Account,
    CheckRecord,
    CredentialEvent,
    CredentialEventKind,
    Endpoint,
    EndpointSource,
    Origin,
    Protocol,
    Security,
)
from mailmanager.core.model.status import ConnectionStatus  # noqa: E402
from mailmanager.core.store.account_store import AccountStore  # noqa: E402


def _endpoints(imap: str, smtp: str, user: str) -> tuple[Endpoint, Endpoint]:
    return Endpoint(imap, 993, Security.SSL, user), Endpoint(smtp, 465, Security.SSL, user)


def seed(database: Path, now: datetime) -> None:
    """Write the sample accounts, their checks and code events through the store."""
    today = now.date()
    ok, rejected = ConnectionStatus.OK, ConnectionStatus.AUTH_FAILED
    samples = [
        # address, name, provider, servers, created, expires, rotate, paused,
        # last checks (age, imap, smtp, server message)
        ("zhang.wei@163.com", "张伟", "netease_personal", ("imap.163.com", "smtp.163.com"),
         today - timedelta(days=21), None, 90, False,
         (timedelta(minutes=3), ok, ok, "")),
        ("li.na@qq.com", "李娜", "tencent_qq", ("imap.qq.com", "smtp.qq.com"),
         today - timedelta(days=64), None, 90, False,
         (timedelta(minutes=42), rejected, rejected,
          "535 Login fail. Account is abnormal, service is not open, password is incorrect, "
          "login frequency limited, or system is busy.")),
        ("sales@huaxin-trade.cn", "华信外贸 销售部", "netease_qiye",
         ("hwhzimap.qiye.163.com", "hwhzsmtp.qiye.163.com"),
         today - timedelta(days=170), today + timedelta(days=9), 180, False,
         (timedelta(hours=2), ok, ok, "")),
        ("wang.fang@126.com", "", "netease_personal", ("imap.126.com", "smtp.126.com"),
         today - timedelta(days=33), None, 90, True,
         (timedelta(days=3, hours=4), ok, ok, "")),
        ("chen.jie.design.studio@gmail.com", "Chen Jie", "google",
         ("imap.gmail.com", "smtp.gmail.com"), today, None, 90, False, None),
        ("zhao.lei@sina.com", "", "sina", ("imap.sina.com", "smtp.sina.com"),
         today - timedelta(days=97), None, 90, False,
         (timedelta(hours=5), ok, ok, "")),
    ]  # fmt: skip
    groups = ["华信外贸", "远航贸易", "Acme Corp"]
    domains = [("163.com", "netease_personal"), ("126.com", "netease_personal"),
               ("qq.com", "tencent_qq"), ("sina.com", "sina")]  # fmt: skip
    extra: list[Any] = []  # 24 more, so the list scrolls and the groups have a few each
    for n in range(24):
        user = ("sales", "info", "market", "service", "hr", "purchase")[n % 6]
        domain, provider = domains[n % 4]
        extra.append(
            (f"{user}{n + 1}@{domain}", "", provider, (f"imap.{domain}", f"smtp.{domain}"),
             today - timedelta(days=5 + 4 * n), None, 90, False,
             (timedelta(hours=1), ok, ok, ""))
        )  # fmt: skip
    with AccountStore.open(database) as store:
        for number, sample in enumerate([*samples, *extra]):
            address, name, provider, servers, created, expires, rotate, paused, check = sample
            imap, smtp = servers
            imap_ep, smtp_ep = _endpoints(imap, smtp, address)
            # As the wizard saves a catalogue provider's servers: their source is the catalogue.
            origin = Origin(EndpointSource.CATALOGUE, f"{provider}/recommended")
            imap_ep, smtp_ep = imap_ep.with_origin(origin), smtp_ep.with_origin(origin)
            account = store.add_account(
                Account(
                    address=address,
                    display_name=name,
                    provider_id=provider,
                    imap=imap_ep,
                    smtp=smtp_ep,
                    credential_label="Thunderbird",
                    code_created=created,
                    code_expires=expires,
                    rotate_days=rotate,
                    paused=paused,
                    group=groups[number % 3] if number % 7 else "",
                )
            )
            assert account.id is not None
            store.add_credential_event(
                CredentialEvent(
                    account.id,
                    datetime.combine(created, datetime.min.time(), UTC) + timedelta(hours=9),
                    CredentialEventKind.CREATED,
                    "Thunderbird",
                )
            )
            if address == "zhang.wei@163.com":
                _seed_codes(store, account.id, today, now)
            if check is None:
                continue
            age, imap_status, smtp_status, message = check
            hint = "qq_login_fail" if "Account is abnormal" in message else ""
            for hours_back in (24, 12, 6, 0):
                at = now - age - timedelta(hours=hours_back)
                final = hours_back == 0
                for protocol, status in (
                    (Protocol.IMAP, imap_status),
                    (Protocol.SMTP, smtp_status),
                ):
                    store.record_check(
                        CheckRecord(
                            account.id,
                            at,
                            protocol,
                            status if final else ok,
                            # The hint the checker stores with such a reply (diagnosis).
                            hint_id=hint if final and status is not ok else "",
                            server_message=message if final and status is not ok else "",
                            elapsed_ms=180 if protocol is Protocol.IMAP else 240,
                        )
                    )


def _seed_codes(store: AccountStore, account_id: int, today: date, now: datetime) -> None:
    """One code per client, as the providers advise: the sending platform's (kept), an old
    phone's (revoked), Foxmail's (never proven since it was made, so suggested for revoking)."""
    from mailmanager.core.model.codes import CodeRecord, CodeState

    store.mark_proven(account_id, now - timedelta(minutes=3))
    store.add_code(
        CodeRecord(account_id, "发信平台", today - timedelta(days=40), kept=True,
                   last_proven=now - timedelta(days=2))
    )  # fmt: skip
    store.add_code(
        CodeRecord(account_id, "Foxmail", today - timedelta(days=300),
                   last_proven=now - timedelta(days=200))
    )  # fmt: skip
    store.add_code(
        CodeRecord(account_id, "旧手机", today - timedelta(days=400), state=CodeState.REVOKED,
                   revoked=today - timedelta(days=100))
    )  # fmt: skip


def render(locale_name: str, out: Path, translations: Path | None, tour: bool = False) -> Path:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtWidgets import QApplication, QLabel

    from mailmanager.core.secrets import SecretStore
    from mailmanager.services.account_ops import AccountOps
    from mailmanager.ui import language
    from mailmanager.ui.main_window import MainWindow
    from mailmanager.ui.provider_info import ProviderDirectory

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for translator in getattr(app, "_shot_translators", []):
        app.removeTranslator(translator)
    locale = language.chosen_locale(locale_name)
    if translations is not None:
        from PySide6.QtCore import QLocale, QTranslator

        QLocale.setDefault(locale)
        loaded = []
        translator = QTranslator(app)
        if translator.load(locale, "mailmanager", "_", str(translations)):
            app.installTranslator(translator)
            loaded.append(translator)
        app._shot_translators = loaded  # type: ignore[attr-defined]
    else:
        app._shot_translators = language.install(app, locale)  # type: ignore[attr-defined]
    app_paths = paths.resolve()
    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    settings.clear()
    store = AccountStore.open(app_paths.database)
    ops = AccountOps(SecretStore(app_paths), app_paths.database)
    window = MainWindow(
        store, ops, settings, providers=ProviderDirectory(language.content_language(locale))
    )
    window.resize(1240, 720)
    window.show()
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    for _ in range(5):
        app.processEvents()
    target = out / f"main-{locale_name}.png"
    window.grab().save(str(target))
    # The details pane at the default window size: a refused code with the provider's hint,
    # then scrolled to the sending ramp and what the catalogue knows about the provider.
    window.resize(1120, 700)
    rejected = store.find_by_address("li.na@qq.com")
    assert rejected is not None and rejected.id is not None
    window.select_account(rejected.id)
    for _ in range(5):
        app.processEvents()
    details = window.details
    details.verticalScrollBar().setValue(0)
    app.processEvents()
    window.grab().save(str(out / f"main-details-{locale_name}.png"))
    title = details.findChild(QLabel, "sendingTitle")
    content = details.widget()
    assert title is not None and content is not None
    details.verticalScrollBar().setValue(title.mapTo(content, QPoint(0, 0)).y() - 8)
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(out / f"main-details-about-{locale_name}.png"))
    # The code inventory of the first mailbox, and its "add a code" dialog.
    first = store.find_by_address("zhang.wei@163.com")
    assert first is not None and first.id is not None
    inventory = window.open_codes(first.id)
    assert inventory is not None
    inventory.resize(900, 620)
    _fits(inventory, "codes")
    inventory.select_label("发信平台")  # type: ignore[attr-defined]
    for _ in range(5):
        app.processEvents()
    inventory.grab().save(str(out / f"codes-{locale_name}.png"))
    inventory.open_add()  # type: ignore[attr-defined]
    adding = inventory.add_dialog  # type: ignore[attr-defined]
    adding.resize(640, 740)
    for _ in range(5):
        app.processEvents()
    _fits(adding, "codes-add")
    adding.grab().save(str(out / f"codes-add-{locale_name}.png"))
    adding.close()
    inventory.close()
    if tour:
        tour_shots(window, store, locale_name, out)
    window.close()
    store.close()
    return target


def _fits(widget: Any, name: str) -> None:
    """Say so when a window needs more than a 1280x800 screen (less a panel and a title)."""
    need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if need.width() > 1280 or need.height() > 740:
        print(f"{name}: needs {need.width()}x{need.height()}, more than a 1280x800 screen")


def _settle(rounds: int = 5) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def _id(store: AccountStore, address: str) -> int:
    account = store.find_by_address(address)
    assert account is not None and account.id is not None
    return account.id


def tour_shots(window: Any, store: AccountStore, locale_name: str, out: Path) -> None:
    """The rest of the tour (``--tour``): the groups, a selection of four and what is done to
    it, the edit dialog, the details pane's codes row, the export dialog, the offline message."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QDialog, QMessageBox

    def shot(widget: Any, name: str) -> None:
        _settle()
        widget.grab().save(str(out / f"{name}-{locale_name}.png"))
        _fits(widget, name)

    window.resize(1240, 720)
    window.view.clearSelection()
    window.select_account(_id(store, "zhang.wei@163.com"))
    _settle()
    window.details.verticalScrollBar().setValue(0)
    view, proxy = window.view, window.proxy
    shot(window, "tour-main")
    # A selection of four: the status bar counts them.
    selection = view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.setCurrentIndex(proxy.index(2, 0))
    for row in (3, 5, 6):
        selection.select(proxy.index(row, 0), flags)
    shot(window, "tour-selection")
    box = window.bulk.ask_removal()
    shot(box, "tour-remove-confirm")
    box.done(QMessageBox.StandardButton.Cancel)
    removed = [store.get_account(entry.id) for entry in window.selected_entries()]
    reminder = window.bulk.remind_to_revoke(removed)
    shot(reminder, "tour-revoke-reminder")
    reminder.done(0)
    moving = window.bulk.ask_group()
    shot(moving, "tour-move-group")
    moving.done(QDialog.DialogCode.Rejected)
    # One mailbox: the edit dialog (long company server names) and the details pane's
    # "All codes" row.
    view.clearSelection()
    window.select_account(_id(store, "sales@huaxin-trade.cn"))
    _settle()
    editing = window.edit_selected()
    shot(editing, "tour-edit")
    editing.done(QDialog.DialogCode.Rejected)
    window.select_account(_id(store, "zhang.wei@163.com"))
    window.details.verticalScrollBar().setValue(window.details.verticalScrollBar().maximum() // 3)
    shot(window, "tour-details-codes")
    exporting = window.export_table()
    exporting.resize(900, 560)
    shot(exporting, "tour-export")
    exporting.done(QDialog.DialogCode.Rejected)
    # Offline, as the background checks report it (nothing is scheduled or sent).
    from PySide6.QtCore import QSettings

    from mailmanager.core.secrets import SecretStore
    from mailmanager.ui.background_controls import BackgroundControls

    app_paths = paths.resolve()
    controls = BackgroundControls(
        window,
        app_paths,
        QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat),
        SecretStore(app_paths),
        start_schedule=False,
        use_tray=False,
    )
    controls.monitor.offlineChanged.emit(True)
    shot(window, "tour-offline")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--translations", type=Path, default=None)
    parser.add_argument("--locales", nargs="*", default=["zh_CN", "en"])
    parser.add_argument(
        "--tour", action="store_true", help="also the UX tour's dialogs and states (screens/)"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mailmanager-shots-") as home:
        os.environ[paths.HOME_ENV] = home
        os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
        app_paths = paths.resolve()
        app_paths.ensure()
        seed(app_paths.database, datetime.now(UTC))
        from PySide6.QtWidgets import QApplication

        from mailmanager.ui import icons

        app = QApplication(sys.argv[:1])
        app.setApplicationName("mailmanager")
        app.setWindowIcon(icons.app_icon())
        for locale_name in args.locales:
            print(render(locale_name, args.out, args.translations, args.tour))
        if args.tour:  # the spreadsheet import, against scripted loopback servers
            import keyring

            from scripts import table_import_screenshots
            from tests.helpers.memory_keyring import MemoryKeyring

            keyring.set_keyring(MemoryKeyring())
            with tempfile.TemporaryDirectory(prefix="mailmanager-import-shots-") as name:
                for locale_name in args.locales:
                    table_import_screenshots.shoot(locale_name, args.out, Path(name))
        icons.clear_caches()
        del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
