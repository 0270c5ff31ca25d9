"""Checking 200 accounts through the real main window: total time and the GUI thread's stalls.

Targets (issue 8, item 2): 200 accounts against scripted loopback servers (100 addresses
127.0.0.1-100, served by ANOTHER process, 50 ms of latency before every reply), checked with
the app's own wiring (``MainWindow`` + ``BackgroundControls``: CheckerService, scheduler, alerts) at
the default concurrency 8, finish within 1.3 x the ideal (200 / 8 x the minimal single check,
``bench/minimal_check.py``, measured in the same run, as bench_check does); and the GUI
thread's longest stall during the run, seen by a 5 ms QTimer heartbeat (the longest gap
between two ticks minus 5 ms), is at most 50 ms.

The window is a real, shown (offscreen) ``MainWindow`` on a real store in a temporary home;
"Check all" is triggered through the window's action, exactly as the toolbar button does.
Codes are kept in an in-memory keyring (the checks read them through ``SecretStore`` as in the
app). The schedule, the tray and desktop notifications are off so that only the checks run.

Run: ``python -m bench.bench_smoothness`` (options: ``--batches N``, ``--accounts N``,
``--single N``, ``--profile`` to print what ran on the GUI thread).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence

from bench.bench_check import HOSTS, LATENCY, SECRET, one_minimal, start_servers
from bench.stats import Figure, machine_line
from mailmanager import paths
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.store.account_store import AccountStore

HEARTBEAT_MS = 5


def seed_accounts(
    app_paths: paths.AppPaths, ports: Sequence[tuple[str, int, int]], count: int
) -> list[Account]:
    """The accounts in the store, each with its code in the (in-memory) keyring."""
    from mailmanager.core.secrets import SecretStore

    secrets = SecretStore(app_paths)
    saved = []
    with AccountStore.open(app_paths.database) as store:
        for n in range(count):
            host, imap_port, smtp_port = ports[n % len(ports)]
            address = f"user{n:03d}@bench.example"
            account = store.add_account(
                Account(
                    address=address,
                    imap=Endpoint(host, imap_port, Security.PLAIN, address),
                    smtp=Endpoint(host, smtp_port, Security.PLAIN, address),
                )
            )
            secrets.set(address, SECRET)
            saved.append(account)
    return saved


class Heartbeat:
    """A 5 ms precise QTimer on the GUI thread that remembers the longest gap between ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0
        self.ticks = 0
        self.started = 0.0
        self.gaps: list[tuple[float, float]] = []  # (ms since start, gap ms) of the long ones
        self.cpu_started = 0.0
        self.cpu_ms = 0.0  # the GUI thread's CPU time between start and stop

    def start(self) -> None:
        self.last = self.started = time.perf_counter()
        self.cpu_started = time.thread_time()
        self.longest = 0.0
        self.ticks = 0
        self.gaps = []
        self.timer.start()

    def stop(self) -> float:
        """Stop; the longest stall in ms (gap minus the interval)."""
        self._tick()
        self.timer.stop()
        self.cpu_ms = (time.thread_time() - self.cpu_started) * 1000
        return max(0.0, self.longest * 1000 - HEARTBEAT_MS)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.longest = max(self.longest, gap)
        if gap * 1000 > HEARTBEAT_MS + 20:
            self.gaps.append(((self.last - self.started) * 1000, gap * 1000 - HEARTBEAT_MS))
        self.last = now
        self.ticks += 1


def run_batches(
    app_paths: paths.AppPaths, batches: int, profile: bool, verbose: bool
) -> tuple[list[float], list[float], list[int], int, list[float]]:
    """Check every account ``batches`` times through the window; (total ms, stall ms, ticks,
    accounts seen OK in the list afterwards, the GUI thread's CPU ms)."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from mailmanager.app import freeze_startup_objects
    from mailmanager.core.secrets import SecretStore
    from mailmanager.services.account_ops import AccountOps
    from mailmanager.services.notifier import LogSink
    from mailmanager.ui.background_controls import BackgroundControls
    from mailmanager.ui.main_window import MainWindow
    from mailmanager.ui.provider_info import ProviderDirectory

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # kept alive here
    import asyncio

    import qasync

    # qasync's loop inside Qt's, as the app runs it (app._run_event_loop): the checker's tasks
    # and the windows' async slots run while the QEventLoops below spin.
    aio_loop = qasync.QEventLoop(_app, already_running=True)
    # A pool the bench can shut down at the end (qasync's own QThread pool is shut down only
    # by closing the loop, which a loop "already running" inside Qt's cannot be; its threads
    # destroyed at exit abort the process). The list's reloads run on it.
    from concurrent.futures import ThreadPoolExecutor

    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="bench")
    aio_loop.set_default_executor(executor)
    asyncio.set_event_loop(aio_loop)
    store = AccountStore.open(app_paths.database)
    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)

    ops = AccountOps(lambda: SecretStore(app_paths), app_paths.database)
    window = MainWindow(store, ops, settings, providers=ProviderDirectory("en"))
    window.show()
    monitoring = BackgroundControls(
        window,
        app_paths,
        settings,
        SecretStore(app_paths),
        start_schedule=False,
        use_tray=False,
        sink=LogSink(),
    )
    freeze_startup_objects()  # as app.main does once the background side has started
    settle = QEventLoop()
    QTimer.singleShot(300, settle.quit)
    settle.exec()

    heartbeat = Heartbeat()
    totals, stalls, ticks, cpu = [], [], [], []
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    try:
        for _ in range(batches):
            loop = QEventLoop()
            monitoring.monitor.checker.allFinished.connect(loop.quit)
            heartbeat.start()
            if profiler is not None:
                profiler.enable()
            started = time.perf_counter()
            assert window.actions_.check_all.isEnabled()
            window.actions_.check_all.trigger()
            loop.exec()
            totals.append((time.perf_counter() - started) * 1000)
            # What the last results set off (a refresh, the alerts) belongs to the run.
            tail = QEventLoop()
            QTimer.singleShot(700, tail.quit)
            tail.exec()
            if profiler is not None:
                profiler.disable()
            stalls.append(heartbeat.stop())
            cpu.append(heartbeat.cpu_ms)
            if verbose:
                worst = sorted(heartbeat.gaps, key=lambda g: -g[1])[:8]
                print(
                    f"  stalls over 20 ms: {len(heartbeat.gaps)}; longest (at ms: stall ms): "
                    + ", ".join(f"{at:.0f}: {gap:.0f}" for at, gap in worst)
                )
            ticks.append(heartbeat.ticks)
            monitoring.monitor.checker.allFinished.disconnect(loop.quit)
        window.refresh()
        ok = sum(
            1
            for e in window.model.entries()
            if e.imap_status is not None
            and e.smtp_status is not None
            and e.imap_status.value == "ok"
            and e.smtp_status.value == "ok"
        )
    finally:
        monitoring.shutdown()
        window.close()
        store.close()
        executor.shutdown(wait=True, cancel_futures=True)
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
    if profiler is not None:
        import pstats

        pstats.Stats(profiler).sort_stats("cumtime").print_stats(35)
        if os.environ.get("MM_PROFILE_DUMP"):
            profiler.dump_stats(os.environ["MM_PROFILE_DUMP"])
    return totals, stalls, ticks, ok, cpu


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--batches", type=int, default=3, help="runs of the whole batch")
    parser.add_argument("--single", type=int, default=15, help="runs of the minimal check")
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list the long stalls")
    args = parser.parse_args(
        argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else []
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
    import keyring

    from tests.helpers.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    from mailmanager.core.checking.runner import DEFAULT_CONCURRENCY

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="mm-bench-smooth-") as folder:
        app_paths = paths.resolve(folder)
        app_paths.ensure()
        process, ports = start_servers(HOSTS, LATENCY, None)
        try:
            accounts = seed_accounts(app_paths, ports, args.accounts)
            one_minimal(accounts[0], None)  # warm-up
            minimal = Figure(
                "one account, minimal imaplib+smtplib",
                tuple(one_minimal(accounts[n % len(accounts)], None) for n in range(args.single)),
            )
            totals, stalls, ticks, ok, cpu = run_batches(
                app_paths, args.batches, args.profile, args.verbose
            )
        finally:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(10)
    ideal = args.accounts / DEFAULT_CONCURRENCY * minimal.median
    batch = Figure(
        f"{args.accounts} accounts over {HOSTS} hosts through the main window "
        f"(Check all, concurrency {DEFAULT_CONCURRENCY})",
        tuple(totals),
    )
    stall = Figure("GUI thread's longest stall per batch (5 ms heartbeat)", tuple(stalls))
    print(f"bench_smoothness (loopback, plain TCP, {LATENCY * 1000:.0f} ms before every reply)")
    print(machine_line())
    print(f"load average: {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(minimal.line())
    print(batch.line())
    print(
        f"  ideal {args.accounts}/{DEFAULT_CONCURRENCY} x minimal median = {ideal:.0f} ms; "
        f"ratio (median / ideal): {batch.median / ideal:.2f} (target <= 1.30)"
    )
    print(stall.line())
    print(f"  target <= 50 ms; heartbeat ticks per batch: {ticks}")
    # CPU time, unlike the stalls, hardly depends on what else the machine runs.
    print(Figure("(reference) GUI thread's CPU time per batch", tuple(cpu)).line())
    print(f"accounts OK on both protocols in the list afterwards: {ok}/{args.accounts}")


if __name__ == "__main__":
    main()
