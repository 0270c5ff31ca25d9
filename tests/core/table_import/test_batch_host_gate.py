"""The proof batch shares the checker's per-host limit with every other check in the process.

An import and a check of the list (``CheckRunner``, as the app's checker service and the CLI's
`check` use it) run at the same time against one IMAP host: the server never sees more than 2
connections at once. Each side alone would allow 2, so separate gates would let 4 through.
"""

from __future__ import annotations

import asyncio
import dataclasses

from mailmanager.core.checking.runner import DEFAULT_PER_HOST, CheckRunner
from mailmanager.core.model.accounts import Account
from mailmanager.core.table_import.batch import BatchOptions, ProofBatch
from mailmanager.core.table_import.model import Stage
from tests.core.table_import.test_batch import RIGHT, rows_for
from tests.helpers import scripted_server as ss


def test_an_import_beside_a_check_of_the_list_keeps_two_logins_per_host() -> None:
    with (
        # Each reply waits a little, so sessions overlap and the limit is what holds them.
        ss.ScriptedServer(ss.imap_script(password=RIGHT, latency=0.03), host="127.0.0.1") as imap,
        ss.ScriptedServer(ss.smtp_script(password=RIGHT), host="127.0.0.2") as smtp,
    ):
        rows = rows_for(imap, smtp, [f"import{n}@example.com {RIGHT}" for n in range(4)])
        listed: list[Account] = []
        for n, row in enumerate(rows):
            assert row.account is not None
            listed.append(dataclasses.replace(row.account, address=f"listed{n}@example.com"))
        batch = ProofBatch(BatchOptions(timeout=5, pace=0))
        runner = CheckRunner(lambda _account: RIGHT, timeout=5)

        async def both() -> None:
            loop = asyncio.get_running_loop()
            checks = loop.run_in_executor(None, runner.run, listed)
            await batch.prove(rows)
            for _account, future in await checks:
                assert future.result().ok
            runner.shutdown()

        asyncio.run(both())
        assert imap.wait_sessions_ended(8)
    assert [r.stage for r in rows] == [Stage.PROVED] * 4
    assert len(imap.auth_attempts) == 8
    assert imap.gauge.peak == DEFAULT_PER_HOST  # reached, never passed
