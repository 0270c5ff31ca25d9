"""Screenshots of the table import (File → Import mailboxes from a spreadsheet...), mid-run and
finished, in Simplified Chinese and in English.

A spreadsheet of eight rows is proven against scripted loopback servers (tests/helpers; 150 ms
before every reply, so the table can be caught mid-run): proven rows, a rejected code, a
163.com row naming a foreign SMTP host (untrusted, nothing sent), a bad port, a repeated
address. Codes go to an in-memory keyring in a temporary home. Run it on a real X server so
fonts render as users see them:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/table_import_screenshots.py

Writes table-import-mapping-<locale>.png (a sheet whose headers need the mapping step),
table-import-running-<locale>.png and table-import-done-<locale>.png to ``--out``
(default: screens/, which is not committed).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CODE = "QWERTYUIOPASDFGH"
WRONG = "ZXCVBNMLKJHGFDSA"


def sheet(folder: Path, imap: tuple[str, int], smtp: tuple[str, int]) -> Path:
    servers = f"{imap[0]},{imap[1]},{smtp[0]},{smtp[1]},ssl"
    rows = [
        "邮箱,授权码,收信服务器,收信端口,发信服务器,发信端口,加密方式,分组",
        f"zhang.wei@163.com,{CODE},{servers},华信外贸",
        f"li.na@163.com,{CODE},{servers},华信外贸",
        f"wang.fang@126.com,{WRONG},{servers},华信外贸",
        f"chen.jie@163.com,{CODE},imap.163.com,993,smtp.evil.example,465,ssl,华信外贸",
        f"zhao.lei@126.com,{CODE},{servers},远航贸易",
        f"sun.li@163.com,{CODE},{imap[0]},1993,{smtp[0]},{smtp[1]},,远航贸易",
        f"zhou.min@126.com,{CODE},{servers},远航贸易",
        f"li.na@163.com,{CODE},{servers},远航贸易",
    ]
    path = folder / "客户邮箱.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def shoot(locale_name: str, out: Path, folder: Path) -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    from mailmanager import paths
    from mailmanager.core.secrets import SecretStore
    from mailmanager.core.store.account_store import AccountStore
    from mailmanager.core.table_import.batch import BatchOptions
    from mailmanager.core.table_import.model import Stage
    from mailmanager.services.account_ops import AccountOps
    from mailmanager.ui import language
    from mailmanager.ui.table_import.dialog import COL_TRUST, TableImportDialog
    from tests.helpers import scripted_server as ss
    from tests.helpers.certs import make_pki

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for translator in getattr(app, "_shot_translators", []):
        app.removeTranslator(translator)
    app._shot_translators = language.install(app, language.chosen_locale(locale_name))  # type: ignore[attr-defined]
    home = folder / f"home-{locale_name}"
    os.environ[paths.HOME_ENV] = str(home)
    app_paths = paths.resolve()
    app_paths.ensure()
    pki = make_pki(folder / f"pki-{locale_name}")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with (
        ss.ScriptedServer(
            ss.imap_script(password=CODE, latency=0.15),
            host="127.0.0.1",
            tls_context=pki.server_context("127.0.0.1", "127.0.0.2"),
        ) as imap,
        ss.ScriptedServer(
            ss.smtp_script(password=CODE, latency=0.15),
            host="127.0.0.2",
            tls_context=pki.server_context("127.0.0.1", "127.0.0.2"),
        ) as smtp,
    ):
        path = sheet(folder, (imap.host, imap.port), (smtp.host, smtp.port))
        store = AccountStore.open(app_paths.database)
        ops = AccountOps(SecretStore(app_paths), app_paths.database)
        dialog = TableImportDialog(ops, store, options=BatchOptions(concurrency=2, pace=0.3))
        dialog.resize(1180, 640)
        dialog.show()
        # The mapping step: headers the import does not recognise.
        odd = folder / "客户名单.csv"
        odd.write_text(
            "客户,账号名,口令,备注\n华信外贸,zhang.wei@163.com,QWERTYUIOPASDFGH,销售\n",
            encoding="utf-8-sig",
        )
        dialog.load_file(odd)
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(out / f"table-import-mapping-{locale_name}.png"))
        dialog.load_file(path)
        dialog.set_ca_file(Path(pki.ca_file))  # the test CA, as the user would choose it
        item = dialog.table.item(0, COL_TRUST)
        assert item is not None
        from PySide6.QtCore import Qt

        item.setCheckState(Qt.CheckState.Checked)  # the 163.com servers, for every 163.com row
        item = dialog.table.item(2, COL_TRUST)
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked)  # and for 126.com

        async def run() -> None:
            await asyncio.sleep(0.3)
            dialog.check_button.click()
            while len([r for r in dialog.rows if r.stage is Stage.PROVED]) < 2:
                await asyncio.sleep(0.02)
            dialog.grab().save(str(out / f"table-import-running-{locale_name}.png"))
            while dialog.cancel_button.isEnabled():
                await asyncio.sleep(0.05)
            dialog.save_button.click()
            await asyncio.sleep(0.1)
            while dialog.cancel_button.isEnabled() or not dialog.reminder.isVisible():
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.2)
            dialog.grab().save(str(out / f"table-import-done-{locale_name}.png"))

        with loop:
            loop.run_until_complete(run())
        dialog.close()
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=REPO / "screens")
    parser.add_argument("--locales", nargs="*", default=["zh_CN", "en"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    import keyring
    from PySide6.QtWidgets import QApplication

    from tests.helpers.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="mailmanager-import-shots-") as name:
        for locale_name in args.locales:
            shoot(locale_name, args.out, Path(name))
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
