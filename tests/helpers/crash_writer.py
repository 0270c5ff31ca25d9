"""Writer processes for the crash-safety test.

Run as a "zygote": it imports the store once, then for each line ``PREFIX ACKFILE`` on stdin
forks a child that writes accounts with their check results until it is killed, and prints the
child's pid. Forking a single-threaded process that has already imported everything makes each
round take milliseconds instead of a fresh interpreter start. ``reap PID`` collects a killed
child.

A child appends each address to ACKFILE with one unbuffered write *after* its transaction has
committed, so the parent knows which writes had been acknowledged when the SIGKILL arrived.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from mailmanager.core.model.accounts import CheckRecord, Protocol
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.factories import make_account


def write_forever(db: Path, prefix: str, ack_file: Path) -> None:
    ack = os.open(ack_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with AccountStore.open(db) as store:
        for n in range(1_000_000):
            address = f"{prefix}-{n}@163.com"
            with store.transaction():
                account = store.add_account(make_account(address))
                for protocol in Protocol:
                    store.record_check(
                        CheckRecord(account.id or 0, datetime.now(UTC), protocol,
                                    ConnectionStatus.OK, server_message="x" * 500)
                    )  # fmt: skip
            os.write(ack, (address + "\n").encode())


def zygote(db: Path) -> None:
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        if command == "reap":
            os.waitpid(int(rest), 0)
            print("reaped", flush=True)
            continue
        prefix, ack_file = command, Path(rest)
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(db, prefix, ack_file)
            finally:
                os._exit(0)
        print(pid, flush=True)


if __name__ == "__main__":
    zygote(Path(sys.argv[1]))
