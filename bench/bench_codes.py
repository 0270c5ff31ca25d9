"""The code inventory's cost on the main list (issue 19): reading 10,000 list entries, whose
code dates are now the worst of each mailbox's live codes (two correlated sub-queries on the
``codes`` table), against the same read of the account's own columns only (what the list read
before schema 6), measured in the same run on the same file.

Run: ``python -m bench.bench_codes``.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.stats import machine_line, timed_ms
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.model.codes import CodeRecord, CodeState
from mailmanager.core.model.list_entry import LIST_COLUMNS, entry_from_row
from mailmanager.core.store.account_store import AccountStore

ACCOUNTS = 10_000
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
# The list's columns as schema 5 read them: the account's own code dates.
BASELINE_COLUMNS = (
    "a.id, a.address, a.display_name, a.provider_id, a.credential_label, a.code_created, "
    "a.code_expires, a.rotate_days, a.paused, a.needs_code, a.last_web_login, a.created_at, "
    "li.status, li.checked_at, ls.status, ls.checked_at, a.check_interval_hours, "
    "a.group_name"
)
# The list's columns before the labels of the codes the dates belong to (issue 19, gap 5).
_LIVE = "FROM codes c WHERE c.account_id = a.id AND c.state IN ('in_use', 'unknown')"
WITHOUT_LABELS = (
    "a.id, a.address, a.display_name, a.provider_id, a.credential_label, "
    f"(SELECT min(c.created) {_LIVE}), (SELECT min(c.expires) {_LIVE}), "
    "a.rotate_days, a.paused, a.needs_code, a.last_web_login, a.created_at, "
    "li.status, li.checked_at, ls.status, ls.checked_at, a.check_interval_hours, a.group_name"
)


# The list's columns as schema 6 read them: per date, the live codes of the mailbox sorted
# (a sorter built for each mailbox) and the first taken; schema 7 takes ``min`` over an index.
def _first_sorted(column: str) -> str:
    return (
        f"(SELECT c.{column} || '|' || CASE WHEN c.own THEN '' ELSE c.label END "
        f"{_LIVE} AND c.{column} IS NOT NULL ORDER BY c.{column}, c.own DESC LIMIT 1)"
    )


SCHEMA6_COLUMNS = (
    "a.id, a.address, a.display_name, a.provider_id, a.credential_label, "
    f"{_first_sorted('created')}, {_first_sorted('expires')}, "
    "a.rotate_days, a.paused, a.needs_code, a.last_web_login, a.created_at, "
    "li.status, li.checked_at, ls.status, ls.checked_at, a.check_interval_hours, a.group_name"
)
JOINS = (
    "FROM accounts a "
    "LEFT JOIN latest_check li ON li.account_id = a.id AND li.protocol = 'imap' "
    "LEFT JOIN latest_check ls ON ls.account_id = a.id AND ls.protocol = 'smtp' "
    "WHERE a.pending = 0"
)


def build(db: Path) -> int:
    """10,000 mailboxes; every third has two more clients' codes, one of them revoked."""
    codes = 0
    with AccountStore.open(db) as store, store.transaction():
        for n in range(ACCOUNTS):
            address = f"user{n:05d}@163.com"
            saved = store.add_account(
                Account(
                    address=address,
                    imap=Endpoint("imap.163.com", 993, Security.SSL, address),
                    smtp=Endpoint("smtp.163.com", 465, Security.SSL, address),
                    code_created=(NOW - timedelta(days=n % 200)).date(),
                    credential_label="mailmanager",
                )
            )
            codes += 1
            if n % 3 == 0 and saved.id is not None:
                day = (NOW - timedelta(days=random.randrange(400))).date()
                store.add_code(CodeRecord(saved.id, "Foxmail", day, day + timedelta(days=365)))
                store.add_code(CodeRecord(saved.id, "phone", day, state=CodeState.REVOKED))
                codes += 2
    return codes


def main() -> None:
    print(machine_line())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "codes.sqlite3"
        start = time.perf_counter()
        codes = build(db)
        print(
            f"built {ACCOUNTS} accounts with {codes} codes in {time.perf_counter() - start:.1f} s"
        )
        with AccountStore.open(db) as store:
            conn = store._conn

            def read(columns: str) -> None:
                [entry_from_row(row) for row in conn.execute(f"SELECT {columns} {JOINS}")]

            baseline = timed_ms(
                lambda: read(BASELINE_COLUMNS),
                name="(baseline) 10,000 list entries, the account's own code dates",
            )
            without = timed_ms(
                lambda: read(WITHOUT_LABELS),
                name="10,000 list entries, the worst live code's dates, no labels",
            )
            schema6 = timed_ms(
                lambda: read(SCHEMA6_COLUMNS),
                name="(before) the same with schema 6's sorted sub-query per date",
            )
            figure = timed_ms(
                store.read_list_entries,
                name="10,000 list entries, the worst live code's dates and their codes' labels",
            )
            assert LIST_COLUMNS != BASELINE_COLUMNS
    print(baseline.line())
    print(f"{without.line()}  {without.median / baseline.median:.2f}x the baseline")
    print(f"{schema6.line()}  {schema6.median / baseline.median:.2f}x the baseline")
    print(f"{figure.line()}  {figure.median / baseline.median:.2f}x the baseline; "
          f"target < 100 ms: {'PASS' if figure.median < 100 else 'FAIL'}")  # fmt: skip


if __name__ == "__main__":
    main()
