"""The proof batch against scripted loopback servers: what the servers received.

A rejected code is tried exactly once per protocol; an untrusted row sends nothing; the first
rate-limit reply pauses the batch; cancel stops further logins; save stores each proven row
whole (store and keyring), and a second run finds them unchanged.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime

import pytest

from mailmanager.core import trust
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.core.table_import import consent
from mailmanager.core.table_import.batch import BatchOptions, ProofBatch, save
from mailmanager.core.table_import.headers import map_columns
from mailmanager.core.table_import.model import ImportRow, Result, Stage
from mailmanager.core.table_import.reading import read_text
from mailmanager.core.table_import.rows import Defaults, build_rows, existing_lookup
from tests.helpers import scripted_server as ss
from tests.helpers.memory_keyring import MemoryKeyring

NOW = datetime(2026, 12, 2, tzinfo=UTC)
RIGHT = "right-code"


@contextmanager
def servers(
    imap_script: ss.Script | None = None, smtp_script: ss.Script | None = None
) -> Iterator[tuple[ss.ScriptedServer, ss.ScriptedServer]]:
    with ExitStack() as stack:
        imap = stack.enter_context(
            ss.ScriptedServer(imap_script or ss.imap_script(password=RIGHT), host="127.0.0.1")
        )
        smtp = stack.enter_context(
            ss.ScriptedServer(smtp_script or ss.smtp_script(password=RIGHT), host="127.0.0.2")
        )
        yield imap, smtp


def rows_for(
    imap: ss.ScriptedServer,
    smtp: ss.ScriptedServer,
    lines: list[str],
    *,
    store: AccountStore | None = None,
    trusted: bool = True,
) -> list[ImportRow]:
    text = "email,code,imap_host,imap_port,smtp_host,smtp_port,security\n" + "".join(
        f"{address},{code},{imap.host},{imap.port},{smtp.host},{smtp.port},plain\n"
        for address, code in (line.split() for line in lines)
    )
    table = read_text(text)
    stored = store.list_accounts() if store is not None else []
    rows = list(
        build_rows(
            table.rows,
            map_columns(table.headers),
            trust.bundled_catalogue(),
            existing_lookup(stored),
            Defaults(label="mailmanager 2026-12"),
        )
    )
    consent.judge(rows)
    if trusted:
        consent.give_consent(
            rows,
            NOW,
            hosts=[imap.host, smtp.host],
            plain=[f"{imap.host}:{imap.port}", f"{smtp.host}:{smtp.port}"],
        )
    return rows


def run(batch: ProofBatch, rows: list[ImportRow]) -> None:
    asyncio.run(batch.prove(rows))


def test_proves_good_rows_and_tries_a_rejected_code_once_per_protocol() -> None:
    with servers() as (imap, smtp):
        rows = rows_for(imap, smtp, ["a@example.com right-code", "b@example.com wrong-code"])
        run(ProofBatch(BatchOptions(timeout=3)), rows)
        assert imap.wait_sessions_ended(2) and smtp.wait_sessions_ended(2)
    assert [r.stage for r in rows] == [Stage.PROVED, Stage.FAILED]
    assert [r.final(dry_run=True) for r in rows] == [Result.PROVED, Result.FAILED]
    wrong = [a for a in imap.auth_attempts if a[1] == "wrong-code"]
    assert len(wrong) == 1 and len([a for a in smtp.auth_attempts if a[1] == "wrong-code"]) == 1
    json = rows[1].to_json()
    assert json["imap"]["status"] == "auth_failed" and json["result"] == "failed"
    assert "wrong-code" not in str(json) and "wrong-code" not in repr(rows[1])


def test_untrusted_and_invalid_rows_send_nothing() -> None:
    with servers() as (imap, smtp):
        rows = rows_for(imap, smtp, ["a@163.com ABCDEFGHIJKLMNOP"], trusted=False)
        invalid = rows_for(imap, smtp, ["not-an-address right-code"])
        run(ProofBatch(), rows + invalid)
    assert rows[0].final() is Result.UNTRUSTED and invalid[0].final() is Result.INVALID
    assert imap.connections == 0 and smtp.connections == 0


@pytest.mark.expected_warnings("asked to slow down")
def test_a_rate_limit_reply_pauses_the_batch() -> None:
    limited = ss.imap_script(
        password=RIGHT, login_failure=b"NO [UNAVAILABLE] login frequency limited, try later"
    )
    with servers(limited) as (imap, smtp):
        rows = rows_for(
            imap,
            smtp,
            ["a@example.com wrong-code", "b@example.com right-code", "c@example.com right-code"],
        )
        batch = ProofBatch(BatchOptions(concurrency=1, timeout=3))
        run(batch, rows)
        assert imap.wait_sessions_ended(1)
    assert batch.paused_by is rows[0]
    assert [r.stage for r in rows] == [Stage.FAILED, Stage.NOT_CHECKED, Stage.NOT_CHECKED]
    assert rows[1].reason is not None and "paused" in rows[1].reason.text()
    assert len(imap.auth_attempts) == 1  # nothing after the reply


def test_cancel_halfway_then_save_leaves_no_half_saved_row(
    store: AccountStore, secret_store: SecretStore, memory_keyring: MemoryKeyring
) -> None:
    with servers() as (imap, smtp):
        rows = rows_for(
            imap,
            smtp,
            [f"user{n}@example.com right-code" for n in range(4)],
            store=store,
        )
        batch = ProofBatch(BatchOptions(concurrency=1, timeout=3))

        def after(row: ImportRow) -> None:
            if row.stage is Stage.PROVED:
                batch.cancel()

        batch.on_row = after
        run(batch, rows)
    assert [r.stage for r in rows] == [Stage.PROVED] + [Stage.NOT_CHECKED] * 3
    assert imap.connections == 1
    registry = Registry(store, secret_store)
    assert save(registry, rows) == 1
    saved = store.list_accounts()
    assert [a.address for a in saved] == ["user0@example.com"]
    assert saved[0].credential_label == "mailmanager 2026-12"
    assert secret_store.get("user0@example.com") == RIGHT
    assert [r.final() for r in rows] == [Result.SAVED] + [Result.FAILED] * 3
    # Run again: the saved row is unchanged, the rest are checked now.
    again = rows_for(imap, smtp, [f"user{n}@example.com right-code" for n in range(4)], store=store)
    assert again[0].final() is Result.UNCHANGED and again[1].checkable


def test_cancel_during_save_keeps_whole_rows(
    store: AccountStore, secret_store: SecretStore
) -> None:
    import threading

    with servers() as (imap, smtp):
        rows = rows_for(imap, smtp, [f"u{n}@example.com right-code" for n in range(3)])
        run(ProofBatch(BatchOptions(timeout=3)), rows)
    stop = threading.Event()
    saved = save(Registry(store, secret_store), rows, cancel=stop, on_row=lambda _r: stop.set())
    assert saved == 1
    accounts = store.list_accounts()
    assert len(accounts) == 1 and not store.pending_accounts()
    for row in rows:
        kept = secret_store.get(row.address)
        assert (kept is not None) == (row.final() is Result.SAVED)


def test_failed_rows_are_saved_only_when_asked(
    store: AccountStore, secret_store: SecretStore
) -> None:
    with servers() as (imap, smtp):
        rows = rows_for(imap, smtp, ["a@example.com wrong-code"])
        run(ProofBatch(BatchOptions(timeout=3)), rows)
    registry = Registry(store, secret_store)
    assert save(registry, rows) == 0 and not store.list_accounts()
    assert save(registry, rows, include_failed=True) == 1
    assert rows[0].final() is Result.SAVED
    assert rows[0].reason is not None and "needs a fix" in rows[0].reason.text()


def test_logins_to_one_provider_are_paced() -> None:
    pace = 0.2
    batch = ProofBatch(BatchOptions(pace=pace))
    netease = trust.bundled_catalogue().by_domain("163.com")

    async def starts() -> list[float]:
        loop = asyncio.get_running_loop()
        times = []
        for n in range(3):
            row = ImportRow(n, f"u{n}@163.com", provider=netease)
            await batch._wait_turn(row)
            times.append(loop.time())
        return times

    times = asyncio.run(starts())
    assert times[2] - times[0] >= 2 * pace * 0.9
