"""Scale: the main list with 10,000 accounts and a details pane with 1,000,000 history rows.

Target (issue 8): loading the main list and one account's history each take under 100 ms with
1,000,000 history rows in the store. Run: ``python -m bench.bench_scale``.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.stats import Figure, machine_line, timed_ms
from mailmanager.core.model.accounts import Account, CheckRecord, Endpoint, Protocol, Security
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore

ACCOUNTS = 10_000
HISTORY_ROWS = 1_000_000
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def build(db: Path) -> None:
    """Fill ``db`` through the store for accounts, and in bulk SQL for the history."""
    with AccountStore.open(db) as store, store.transaction():
        for n in range(ACCOUNTS):
            address = f"user{n:05d}@{random.choice(['163.com', 'qq.com', 'corp.example.cn'])}"
            store.add_account(
                Account(
                    address=address,
                    imap=Endpoint("imap.163.com", 993, Security.SSL, address),
                    smtp=Endpoint("smtp.163.com", 465, Security.SSL, address),
                    code_created=(NOW - timedelta(days=n % 200)).date() if n % 3 else None,
                    code_expires=(NOW + timedelta(days=n % 400)).date() if n % 5 == 0 else None,
                    credential_label="Thunderbird" if n % 2 else "",
                )
            )
    conn = sqlite3.connect(db)
    per_account = HISTORY_ROWS // ACCOUNTS
    rows = (
        (
            account_id,
            (NOW - timedelta(hours=6 * (per_account - i))).isoformat(timespec="milliseconds"),
            "imap" if i % 2 else "smtp",
            "ok" if i % 17 else "timeout",
            "",
            "" if i % 17 else "timed out after 20 s",
            200 + i,
        )
        for account_id in range(1, ACCOUNTS + 1)
        for i in range(per_account)
    )
    conn.executemany(
        "INSERT INTO check_history (account_id, checked_at, protocol, status, hint_id, "
        "server_message, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute(
        "INSERT OR REPLACE INTO latest_check (account_id, protocol, check_id, checked_at, "
        "status, hint_id, server_message, elapsed_ms) SELECT h.account_id, h.protocol, h.id, "
        "h.checked_at, h.status, h.hint_id, h.server_message, h.elapsed_ms FROM check_history h "
        "JOIN (SELECT MAX(id) AS id FROM check_history GROUP BY account_id, protocol) m "
        "ON m.id = h.id"
    )
    conn.commit()
    conn.close()


def main() -> None:
    print(machine_line())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.sqlite3"
        start = time.perf_counter()
        build(db)
        print(f"built {ACCOUNTS} accounts, {HISTORY_ROWS} history rows "
              f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
        with AccountStore.open(db) as store:
            target = ACCOUNTS // 2
            since = NOW - timedelta(days=30)
            figures = [
                timed_ms(
                    lambda: schema6_read(store),
                    name="(before) the same read with schema 6's code dates (sorted sub-queries)",
                ),
                timed_ms(
                    store.read_list_entries,
                    name="main list: the store's read of 10,000 list entries (no cache)",
                ),
                timed_ms(
                    store.summaries,
                    name="(reference) store.summaries(): 10,000 whole accounts, as the CLI reads",
                ),
                timed_ms(
                    lambda: (
                        store.summary(target),
                        store.recent_checks(target, limit=50),
                        store.credential_events(target),
                        store.daily_history(target, since.date()),
                    ),
                    name="details pane: one account's summary, 50 checks, events, 30-day strip",
                ),
            ]
            figures.extend(list_figures(store, db))
        for figure in figures:
            if figure.name.startswith(("(reference)", "(also)", "(before)")):
                print(figure.line())
                continue
            verdict = "PASS" if figure.median < 100 else "FAIL"
            print(f"{figure.line()}  target < 100 ms: {verdict}")


def schema6_read(store: AccountStore) -> None:
    """The list's read as schema 6 made it (bench_codes.SCHEMA6_COLUMNS), on the same file."""
    from bench.bench_codes import JOINS, SCHEMA6_COLUMNS
    from mailmanager.core.model.list_entry import entry_from_row

    cursor = store._conn.cursor()
    cursor.row_factory = None
    [entry_from_row(row) for row in cursor.execute(f"SELECT {SCHEMA6_COLUMNS} {JOINS}")]


def list_figures(store: AccountStore, db: Path) -> list[Figure]:
    """The Qt side: a fresh model filled from the store, and the real main window's refresh
    (store, model and the sorted, filtered proxy the view shows)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from mailmanager.services.account_ops import AccountOps
    from mailmanager.ui.account_model import AccountModel
    from mailmanager.ui.main_window import MainWindow
    from mailmanager.ui.provider_info import ProviderDirectory

    app = QApplication.instance() or QApplication([])
    providers = ProviderDirectory("zh")

    def fresh_model() -> None:
        AccountModel(provider_lookup=providers.look).set_entries(store.read_list_entries())

    figures = [timed_ms(fresh_model, name="main list: read + a fresh model of 10,000 rows")]
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        ops = AccountOps(lambda: None, db)  # type: ignore[arg-type,return-value]

        window = MainWindow(store, ops, settings, providers=providers)
        window.show()
        app.processEvents()
        figures.append(
            timed_ms(
                window.refresh,
                name="main window: refresh() of 10,000 rows, none changed (store's cache)",
            )
        )

        def whole_read_refresh() -> None:
            store._by_id = None  # the store's kept rows forgotten: every row read, as before
            window.refresh()
            app.processEvents()

        figures.append(
            after_a_change(
                store,
                whole_read_refresh,
                "(before) main window: refresh() + repaint after a check, every row read",
            )
        )
        changed: list[float] = []
        for n in range(7):
            # What every finished check causes: one account's latest result changes (here to
            # "code rejected", so its row moves to the top), the window reloads the list.
            store.record_check(
                CheckRecord(1 + n * 997, NOW + timedelta(minutes=n), Protocol.IMAP,
                            ConnectionStatus.AUTH_FAILED)
            )  # fmt: skip
            start = time.perf_counter()
            window.refresh()
            app.processEvents()
            changed.append((time.perf_counter() - start) * 1000)
        figures.append(
            Figure("main window: refresh() + repaint after one account's check", tuple(changed))
        )
        figures.extend(after_change_figures(store, settings))
        window.close()
        window.deleteLater()

        def open_window() -> None:
            window = MainWindow(store, ops, settings, providers=providers)
            window.show()
            app.processEvents()
            window.close()
            window.deleteLater()

        figures.append(
            after_a_change(
                store,
                open_window,
                "(reference) main window: build, read and fill 10,000 accounts, paint",
            )
        )
    return figures


def after_a_change(
    store: AccountStore,
    run: Callable[[], object],
    name: str,
    *,
    prepare: Callable[[], object] | None = None,
) -> Figure:
    """Time ``run`` seven times, each right after a check was recorded (so the store's cache of
    list entries cannot answer: what happens in the app after every finished check);
    ``prepare`` runs after the change, untimed."""
    samples = []
    for n in range(7):
        store.record_check(
            CheckRecord(7 + n * 991, NOW + timedelta(hours=1, minutes=n), Protocol.SMTP,
                        ConnectionStatus.OK)
        )  # fmt: skip
        if prepare is not None:
            prepare()
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return Figure(name, tuple(samples))


def after_change_figures(store: AccountStore, settings: object) -> list[Figure]:
    """What else runs after a store change with 10,000 accounts: the scheduler's re-plan and
    the alerts' evaluation (each after a fresh change, so the store's cache of list entries
    does not answer). Both read the store in the loop's executor now; the GUI thread only
    applies what was read. Each is timed in its halves (the executor's read, the GUI thread's
    part) and, as the baseline, whole on one thread, as the GUI thread ran it before."""
    from mailmanager.core.rules.policy import local_today
    from mailmanager.services.notifier import SETTINGS_KEY, AlertService, LogSink, evaluate_alerts
    from mailmanager.services.operations import KeptStore
    from mailmanager.services.scheduler import CheckScheduler, _job

    # Each service with a connection of its own kept between its jobs, as the app's Monitor
    # gives them (the store's kept rows then answer for every mailbox not changed since).
    plan_store, alert_store = KeptStore(store.path), KeptStore(store.path)
    scheduler = CheckScheduler(plan_store, watch_network=False)
    alerts = AlertService(alert_store, settings, LogSink())  # type: ignore[arg-type]
    done: dict[str, Any] = {}

    # The scheduler's job: the GUI thread copies the plan's tables, the executor reads the
    # store and plans on the copies, the GUI thread swaps them in.
    def plan_read() -> None:
        done["plan"] = _job(plan_store, True, {}, *scheduler._snapshot())

    def plan_apply() -> None:
        scheduler._swap_in(scheduler._snapshot()[0], ())  # the copies a job starts from
        scheduler._swap_in(done["plan"], ())

    # The alerts' evaluation: the executor reads, computes and compares; the GUI thread
    # announces (signals, notifications, the settings).
    def alerts_read() -> None:
        done["alerts"] = evaluate_alerts(
            alert_store,
            local_today(datetime.now(UTC)),
            alerts._computed,
            lambda _provider: None,
            None,
            settings.value(SETTINGS_KEY, "{}"),  # type: ignore[attr-defined]
            False,
        )

    def alerts_apply() -> None:
        alerts._announce(done["alerts"])

    def both(first: Callable[[], None], second: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            first()
            second()

        return run

    return [
        after_a_change(
            store, plan_apply,
            "(also) scheduler: GUI thread's part of a re-plan of 10,000 (copy, swap in)",
            prepare=plan_read,
        ),
        after_a_change(
            store, plan_read, "(also) scheduler: read and plan 10,000, in the executor"
        ),
        after_a_change(
            store, both(plan_read, plan_apply),
            "(reference) scheduler: the whole re-plan on one thread (all on the GUI thread before)",
        ),
        after_a_change(
            store, alerts_apply, "(also) alerts: GUI thread's part of evaluating 10,000 (announce)",
            prepare=alerts_read,
        ),
        after_a_change(
            store, alerts_read, "(also) alerts: read, compute and compare 10,000, in the executor"
        ),
        after_a_change(
            store, both(alerts_read, alerts_apply),
            "(reference) alerts: the whole evaluation on one thread (all on the GUI thread before)",
        ),
    ]  # fmt: skip


if __name__ == "__main__":
    main()
