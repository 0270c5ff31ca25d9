"""The rate-limit pause against rows already queued (security probe after issue 20).

With several rows in flight, the ones waiting for a slot at the same server must not log in
after that server asked to slow down: the pause reaches them through the cancel flag.
"""

from __future__ import annotations

import pytest

from mailmanager.core.table_import.batch import BatchOptions, ProofBatch
from mailmanager.core.table_import.model import Stage
from tests.core.table_import.test_batch import RIGHT, rows_for, run, servers
from tests.helpers import scripted_server as ss


@pytest.mark.expected_warnings("asked to slow down")
def test_rows_queued_for_a_rate_limited_server_do_not_log_in() -> None:
    limited = ss.imap_script(
        password=RIGHT, login_failure=b"NO [UNAVAILABLE] login frequency limited, try later"
    )
    with servers(limited) as (imap, smtp):
        rows = rows_for(
            imap,
            smtp,
            ["a@example.com wrong-code", "b@example.com wrong-code", "c@example.com wrong-code"],
        )
        batch = ProofBatch(BatchOptions(concurrency=3, per_host=1, timeout=3, pace=0))
        run(batch, rows)
        assert imap.wait_sessions_ended(imap.connections)
        assert smtp.wait_sessions_ended(smtp.connections)
    assert batch.paused_by is not None
    assert len(imap.auth_attempts) == 1, imap.auth_attempts  # nothing after the reply
    # (The SMTP server said nothing of the kind: a row's SMTP login may have gone out before
    # the IMAP reply came; none can follow it, as the batch's gate stops every host.)
    assert sum(r.stage is Stage.FAILED for r in rows) == 1
    assert all(r.stage is Stage.NOT_CHECKED for r in rows if r is not batch.paused_by)
