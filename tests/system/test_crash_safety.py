"""Crash safety: a writer killed with SIGKILL at random moments never leaves a broken store.

A child process adds accounts with their check results, each in one transaction, and reports
each commit. It is killed at a random moment, 100 times in a row on the same database. After
each kill the store must open and hold every account whose transaction had committed, with
both of its check results (no half-written account).

This proves atomicity of transactions against a process crash. It does NOT prove survival of
a power loss (the OS page cache is not lost here, and the store uses synchronous=NORMAL).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from mailmanager.core.store.account_store import AccountStore

REPO = Path(__file__).resolve().parents[2]
KILLS = 100


def _acks(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text().split("\n") if line]


def test_sigkill_at_random_moments(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite3"
    AccountStore.open(db).close()
    rng = random.Random(20261123)  # fixed seed: a failure is reproducible
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_writer", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    acknowledged: set[str] = set()
    try:
        for round_no in range(KILLS):
            ack_file = tmp_path / f"ack-{round_no}.txt"
            zygote.stdin.write(f"r{round_no} {ack_file}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            deadline = time.monotonic() + 30
            while not _acks(ack_file):  # wait for the first commit, then kill at random
                assert time.monotonic() < deadline, "the writer never committed"
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.02))
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write(f"reap {pid}\n")
            zygote.stdin.flush()
            assert zygote.stdout.readline().strip() == "reaped"
            acknowledged.update(_acks(ack_file))
            with AccountStore.open(db) as store:
                present = {row[0] for row in store._query("SELECT address FROM accounts")}
                half_written = store._query(
                    "SELECT address FROM accounts WHERE (SELECT count(*) FROM latest_check l "
                    "WHERE l.account_id = accounts.id) != 2"
                )
            missing = acknowledged - present
            assert not missing, f"round {round_no}: committed accounts lost: {sorted(missing)[:5]}"
            assert not half_written, f"round {round_no}: half written: {half_written[:5]}"
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
        zygote.stdout.close()
    assert len(acknowledged) >= KILLS
