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
    with AccountStore.open(database) as store:
        for address, name, provider, (
            imap,
            smtp,
        ), created, expires, rotate, paused, check in samples:
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


def render(locale_name: str, out: Path, translations: Path | None) -> Path:
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
    inventory.select_label("发信平台")  # type: ignore[attr-defined]
    for _ in range(5):
        app.processEvents()
    inventory.grab().save(str(out / f"codes-{locale_name}.png"))
    inventory.open_add()  # type: ignore[attr-defined]
    adding = inventory.add_dialog  # type: ignore[attr-defined]
    adding.resize(640, 860)
    for _ in range(5):
        app.processEvents()
    adding.grab().save(str(out / f"codes-add-{locale_name}.png"))
    adding.close()
    inventory.close()
    window.close()
    store.close()
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--translations", type=Path, default=None)
    parser.add_argument("--locales", nargs="*", default=["zh_CN", "en"])
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
            print(render(locale_name, args.out, args.translations))
        icons.clear_caches()
        del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
