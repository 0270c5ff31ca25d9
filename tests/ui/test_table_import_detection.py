"""The import dialog's "Find servers" button and its trust ticks, against real loopback servers.

The same world as ``tests/cli/test_import_table_detection.py``: a dnslib server (SRV, A), an
autoconfig file over plain HTTP, scripted IMAP/SMTP servers over TLS with the test's CA. The
dialog's detection finds the servers; the rows the trust rule refuses send nothing until ticked;
choosing the CA file afterwards reads the rows again and keeps the ticks already given.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import trustme
from PySide6.QtCore import Qt

from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.table_import.batch import BatchOptions
from mailmanager.core.table_import.model import Result, Stage
from mailmanager.services.account_ops import AccountOps
from mailmanager.ui.table_import.dialog import COL_TRUST, TableImportDialog
from tests.cli import test_import_table_detection as shared
from tests.cli.test_import_table_detection import CODES, HOSTER, Pair, sheet
from tests.helpers.dns_server import DnsServer

# The CLI test's loopback world, as fixtures of this module too.
ca, dns, names, pair_for, world = shared.ca, shared.dns, shared.names, shared.pair_for, shared.world

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def tick(dialog: TableImportDialog, index: int) -> None:
    item = dialog.table.item(index, COL_TRUST)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)


def test_find_servers_then_ticks_survive_choosing_the_ca_file(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    ops: AccountOps,
    store: AccountStore,
    world: dict[str, Pair],
    dns: DnsServer,
    ca: trustme.CA,
    tmp_path: Path,
) -> None:
    dialog = TableImportDialog(ops, store, options=BatchOptions(concurrency=2, timeout=5))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dns_server = ("127.0.0.1", dns.port)
    dialog.load_file(Path(sheet(tmp_path)))
    assert [r.final() for r in dialog.rows] == [Result.INVALID] * 3
    assert dialog.detect_button.isVisible()
    dialog.detect_button.click()
    qtbot.waitUntil(lambda: not dialog.detect_button.isVisible(), timeout=15_000)
    ann, bob, cat = dialog.rows
    assert ann.checkable
    assert bob.final() is Result.UNTRUSTED and cat.final() is Result.UNTRUSTED
    assert bob.account is not None and bob.account.imap.host == HOSTER

    tick(dialog, 1)  # the hoster's servers, for every row at corp-b.test
    assert dialog.rows[1].checkable
    ca_file = tmp_path / "company-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    assert dialog.set_ca_file(ca_file)
    # The rows were read again (with the CA and the detected servers); the tick still holds.
    ann, bob, cat = dialog.rows
    assert ann.checkable and bob.checkable and not cat.checkable
    assert bob.account is not None and bob.account.ca_pem
    assert dialog.table.item(1, COL_TRUST) is None and dialog.table.item(2, COL_TRUST) is not None

    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=15_000)
    assert [r.stage for r in dialog.rows[:2]] == [Stage.PROVED, Stage.PROVED]
    for domain, address in (("corp-a.test", "ann@corp-a.test"), ("corp-b.test", "bob@corp-b.test")):
        imap, smtp = world[domain]
        assert imap.auth_attempts == [(address, CODES[address])]
        assert smtp.auth_attempts == [(address, CODES[address])]
    for server in world["corp.test"]:  # never ticked: zero connections, zero logins
        assert server.connections == 0 and server.auth_attempts == []
