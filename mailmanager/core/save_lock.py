"""The per-home lock that keyring writes and their account rows are made under.

Held across processes (``fcntl.flock`` on ``run/registry.lock``): the app, any number of CLI
commands and a crashed process's successor all take it before they save an account with its
code, so two saves of one address never interleave, and a save's pending row is only ever
cleaned up by someone holding the lock (never while its owner is still at work). The kernel
drops the lock when its holder dies, SIGKILL included.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from mailmanager import private_files
from mailmanager.core.store.errors import StoreLockedError

# Windows has no flock: there, one process at a time is all that is promised.
fcntl: ModuleType | None = importlib.import_module("fcntl") if os.name == "posix" else None

LOCK_NAME = "registry.lock"
DEFAULT_WAIT = 60.0


class SaveLockBusy(StoreLockedError):
    """Another process has held the lock for longer than we wait (said as "the database is
    busy: another program is writing to it", which is what the user needs to know)."""


@contextlib.contextmanager
def held(path: Path, *, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the lock at ``path`` for the block; waits up to ``wait`` seconds for it (0: try
    once), else ``SaveLockBusy``."""
    fd = _open(path)
    try:
        _acquire(fd, wait, path)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _open(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True, mode=private_files.FOLDER_MODE)
    private_files.check_file(path)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    return os.open(path, flags, private_files.FILE_MODE)


def _acquire(fd: int, wait: float, path: Path) -> None:
    if fcntl is None:  # pragma: no cover
        return
    deadline = time.monotonic() + wait
    pause = 0.005
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise SaveLockBusy(path, "the save lock is held by another process") from None
            # flock has no time limit of its own: poll, backing off to 50 ms.
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
