"""The import dialog: file and paste, the mapping step, trust ticks, progress, Cancel, Save,
Retry failed rows and the reminder about the spreadsheet, against scripted loopback servers
on qasync's loop (``qloop``)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl

from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.table_import.batch import BatchOptions
from mailmanager.core.table_import.headers import Field
from mailmanager.core.table_import.model import Result, Stage
from mailmanager.services.account_ops import AccountOps
from mailmanager.ui.table_import.dialog import COL_TRUST, TableImportDialog
from tests.helpers import scripted_server as ss

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HEADER = "email,code,imap_host,imap_port,smtp_host,smtp_port,security"


@pytest.fixture
def servers() -> Iterator[tuple[ss.ScriptedServer, ss.ScriptedServer]]:
    with (
        ss.ScriptedServer(ss.imap_script(password="right-code"), host="127.0.0.1") as imap,
        ss.ScriptedServer(ss.smtp_script(password="right-code"), host="127.0.0.2") as smtp,
    ):
        yield imap, smtp


@pytest.fixture
def dialog(qtbot: Any, ops: AccountOps, store: AccountStore) -> TableImportDialog:
    shown = TableImportDialog(ops, store, options=BatchOptions(concurrency=2, timeout=3))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def write(tmp_path: Path, lines: list[str], header: str = HEADER) -> Path:
    folder = tmp_path / "sheets"
    folder.mkdir(exist_ok=True)
    path = folder / "boxes.csv"
    path.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def lines_for(imap: ss.ScriptedServer, smtp: ss.ScriptedServer, codes: list[str]) -> list[str]:
    return [
        f"u{n}@example.com,{code},{imap.host},{imap.port},{smtp.host},{smtp.port},plain"
        for n, code in enumerate(codes)
    ]


def cell(dialog: TableImportDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return item.text() if item is not None else ""


def tick(dialog: TableImportDialog, index: int) -> None:
    item = dialog.table.item(index, COL_TRUST)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)


def test_check_then_save_from_a_file(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    dialog: TableImportDialog,
    servers: tuple[ss.ScriptedServer, ss.ScriptedServer],
    tmp_path: Path,
    store: AccountStore,
    secret_store: SecretStore,
    app_home: Path,
) -> None:
    imap, smtp = servers
    path = write(tmp_path, [*lines_for(imap, smtp, ["right-code", "wrong-code"]), "bad,x"])
    dialog.load_file(path)
    assert [r.final() for r in dialog.rows] == [Result.UNTRUSTED] * 2 + [Result.INVALID]
    assert not dialog.check_button.isEnabled()
    tick(dialog, 0)  # one tick confirms the servers for every row at example.com
    assert [r.checkable for r in dialog.rows] == [True, True, False]
    assert dialog.check_button.isEnabled()
    opened: list[QUrl] = []
    dialog.open_url = opened.append
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as saved:
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
        assert [r.stage for r in dialog.rows[:2]] == [Stage.PROVED, Stage.FAILED]
        assert dialog.retry_button.isEnabled()
        assert dialog.progress.value() == 2
        assert "auth_failed" not in cell(dialog, 1, 5)  # words, not ids
        dialog.save_button.click()
    assert saved.args == [1]
    assert [a.address for a in store.list_accounts()] == ["u0@example.com"]
    assert secret_store.get("u0@example.com") == "right-code"
    assert dialog.reminder.isVisible()
    dialog.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(path.parent))]
    assert path.exists()  # never deleted
    assert len([a for a in imap.auth_attempts if a[1] == "wrong-code"]) == 1
    # Neither code reached a file in the home folder (store, logs, settings).
    for stored in app_home.rglob("*"):
        if stored.is_file():
            data = stored.read_bytes()
            assert b"right-code" not in data and b"wrong-code" not in data, stored


def test_unknown_headers_go_through_the_mapping_step(
    dialog: TableImportDialog, tmp_path: Path
) -> None:
    path = write(tmp_path, ["a@163.com,ABCDEFGHIJKLMNOP"], header="Mailbox ID,Secret sauce")
    dialog.load_file(path)
    assert dialog.mapping_box.isVisible() and dialog.rows == []
    assert not dialog.progress.isVisible()  # no "0 of 1 checked" before there are rows
    dialog.set_mapping(0, Field.ADDRESS)
    dialog.set_mapping(1, Field.CODE)
    dialog.apply_mapping()
    assert [(r.number, r.address, r.checkable) for r in dialog.rows] == [(2, "a@163.com", True)]
    assert dialog.progress.isVisible()
    assert cell(dialog, 0, 3) == "imap.163.com:993 / smtp.163.com:465"


def test_paste_mode_for_one_provider(dialog: TableImportDialog) -> None:
    dialog.tabs.setCurrentIndex(1)
    dialog.paste_edit.setPlainText(
        "li@163.com ABCDEFGHIJKLMNOP\n\nwang@example-corp.cn,ABCDEFGHIJKLMNOP\nzhou@163.com\n"
    )
    dialog.provider_box.setCurrentIndex(dialog.provider_box.findData("netease_qiye"))
    dialog.load_pasted()
    rows = dialog.rows
    assert [(r.number, r.address) for r in rows] == [
        (1, "li@163.com"),
        (3, "wang@example-corp.cn"),
        (4, "zhou@163.com"),
    ]
    assert rows[0].checkable and rows[0].provider is not None
    assert rows[1].provider is not None and rows[1].provider.id == "netease_qiye"
    assert rows[1].checkable  # the catalogue's servers of the provider the user chose
    assert rows[2].final() is Result.INVALID


@pytest.mark.expected_warnings("asked to slow down")
def test_rate_limit_pauses_and_retry_checks_only_the_failed_rows(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    dialog: TableImportDialog,
    tmp_path: Path,
) -> None:
    limited = ss.imap_script(password="right-code", login_failure=b"NO [LIMIT] too many logins")
    with (
        ss.ScriptedServer(limited, host="127.0.0.1") as imap,
        ss.ScriptedServer(ss.smtp_script(password="right-code"), host="127.0.0.2") as smtp,
    ):
        dialog.options = BatchOptions(concurrency=1, timeout=3)
        dialog.load_file(write(tmp_path, lines_for(imap, smtp, ["wrong", "right-code"])))
        tick(dialog, 0)
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.retry_button.isEnabled(), timeout=10_000)
        assert [r.stage for r in dialog.rows] == [Stage.FAILED, Stage.NOT_CHECKED]
        assert "row 2" in dialog.summary.text()
        attempts = len(imap.auth_attempts)
        assert attempts == 1
        dialog.retry_button.click()
        qtbot.waitUntil(lambda: dialog.rows[1].stage is Stage.PROVED, timeout=10_000)
        qtbot.waitUntil(lambda: not dialog.cancel_button.isEnabled())
    # The retry sent the failed row's code once more (the user asked), nothing else twice.
    assert len(imap.auth_attempts) == 3


def test_cancel_halfway_saves_nothing_unchecked(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    dialog: TableImportDialog,
    tmp_path: Path,
    store: AccountStore,
) -> None:
    with (
        ss.ScriptedServer(
            ss.imap_script(password="right-code", latency=0.2), host="127.0.0.1"
        ) as imap,
        ss.ScriptedServer(ss.smtp_script(password="right-code"), host="127.0.0.2") as smtp,
    ):
        dialog.options = BatchOptions(concurrency=1, timeout=5)
        dialog.load_file(write(tmp_path, lines_for(imap, smtp, ["right-code"] * 4)))
        tick(dialog, 0)
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.rows[0].stage is Stage.PROVED, timeout=10_000)
        dialog.cancel_button.click()
        qtbot.waitUntil(lambda: not dialog.cancel_button.isEnabled(), timeout=10_000)
        connections = imap.connections
    assert connections <= 2
    assert all(r.stage is Stage.NOT_CHECKED for r in dialog.rows[2:])
    assert store.list_accounts() == []


def test_file_menu_opens_the_import_and_the_list_follows_a_save(
    make_window: Any, qtbot: Any
) -> None:
    window = make_window()
    action = window.actions_.import_table
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    dialog = window.open_table_import()
    assert isinstance(dialog, TableImportDialog) and dialog.isVisible()
    with qtbot.waitSignal(window.refreshed):
        dialog.imported.emit(1)
    dialog.close()


def test_a_workbook_with_several_sheets_offers_them(
    dialog: TableImportDialog, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["read me"])
    boxes = book.create_sheet("邮箱")
    boxes.append(["邮箱", "授权码"])
    boxes.append(["a@163.com", "ABCDEFGHIJKLMNOP"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    dialog.load_file(path)
    assert dialog.sheet_box.isVisible() and dialog.rows == []
    assert dialog.mapping_box.isVisible()  # the notes sheet has no address column
    dialog.sheet_box.setCurrentIndex(1)
    dialog.sheet_box.activated.emit(1)
    assert [(r.number, r.address, r.checkable) for r in dialog.rows] == [(2, "a@163.com", True)]


def test_rows_of_unknown_domains_offer_detection_and_send_nothing(
    dialog: TableImportDialog, tmp_path: Path
) -> None:
    dialog.load_file(write(tmp_path, ["x@unknown-corp.example,abc"], header="email,code"))
    assert dialog.rows[0].final() is Result.INVALID
    assert dialog.detect_button.isVisible() and dialog.detect_button.isEnabled()
    assert not dialog.check_button.isEnabled()


def test_closing_during_a_check_cancels_it_and_closes_once_stopped(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    dialog: TableImportDialog,
    tmp_path: Path,
    store: AccountStore,
) -> None:
    with (
        ss.ScriptedServer(
            ss.imap_script(password="right-code", latency=0.2), host="127.0.0.1"
        ) as imap,
        ss.ScriptedServer(ss.smtp_script(password="right-code"), host="127.0.0.2") as smtp,
    ):
        dialog.options = BatchOptions(concurrency=1, timeout=5)
        dialog.load_file(write(tmp_path, lines_for(imap, smtp, ["right-code"] * 3)))
        tick(dialog, 0)
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.rows[0].stage is Stage.CHECKING, timeout=10_000)
        dialog.reject()
        assert dialog.isVisible()  # until the running login has stopped
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert all(r.stage is not Stage.CHECKING for r in dialog.rows)
    assert store.list_accounts() == []


def test_a_chosen_ca_file_lets_rows_reach_servers_with_their_own_ca(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    dialog: TableImportDialog,
    tmp_path: Path,
    pki: Any,
) -> None:
    with (
        ss.ScriptedServer(
            ss.imap_script(password="right-code"),
            host="127.0.0.1",
            tls_context=pki.server_context("127.0.0.1"),
        ) as imap,
        ss.ScriptedServer(
            ss.smtp_script(password="right-code"),
            host="127.0.0.1",
            tls_context=pki.server_context("127.0.0.1"),
        ) as smtp,
    ):
        line = f"a@example.com,right-code,{imap.host},{imap.port},{smtp.host},{smtp.port},ssl"
        dialog.load_file(write(tmp_path, [line]))
        tick(dialog, 0)
        assert not dialog.set_ca_file(tmp_path / "missing.pem")
        assert dialog.set_ca_file(Path(pki.ca_file))
        assert "SHA-256" in dialog.ca_label.text()
        # The rows were read again with the CA; the servers ticked before stay confirmed.
        assert dialog.table.item(0, COL_TRUST) is None
        row = dialog.rows[0]
        assert row.checkable and row.account is not None and row.account.ca_pem
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.rows[0].stage is Stage.PROVED, timeout=10_000)
