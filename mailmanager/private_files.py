"""Owner-only files and folders, and no opening through a planted symbolic link.

Everything the app writes (the database and its -wal/-shm/-journal companions, logs, settings,
exports, caches) is the user's business only: files are created 0600 and the app's folders
(data/, logs/, config/, run/ and a home folder the app creates) 0700. Folders of the app found
with wider permissions are tightened at start; the home folder itself is never changed (``--home
~/Documents`` must not chmod the user's Documents), only checked: a home that group or others can
write to, or that belongs to another user, is refused, since whoever can write there can swap
any file for a link to somewhere else.

A file of ours is looked at with ``lstat`` before it is opened: a symbolic link in its place is
refused (Python's sqlite3 cannot pass SQLITE_OPEN_NOFOLLOW, so the check comes first; the folders
are private, which closes the window between the check and the open). Logs are opened with
O_NOFOLLOW.

Kept free of heavy imports: ``paths`` uses it at start-up.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
# What every process of the app starts with, so that files made by libraries (Qt's settings
# and lock files, SQLite's companions) are owner-only too.
UMASK = 0o077

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class UnsafePlace(OSError):
    """A file or folder the app will not use; ``strerror`` says why in one line, ``filename``
    names it (so ``paths.unusable_home_message`` prints it as it prints any OSError)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(errno.EPERM, reason, str(path))


def _uid() -> int | None:
    geteuid = getattr(os, "geteuid", None)
    return geteuid() if geteuid is not None else None


def _chmod(path: Path, mode: int) -> None:
    """chmod without following a link (Linux has no lchmod): through an O_NOFOLLOW descriptor."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except PermissionError:  # mode 0o000: not readable, but ours (checked by lstat) to change
        path.chmod(mode)
        return
    try:
        os.fchmod(fd, mode)
    finally:
        os.close(fd)


def check_home(home: Path) -> None:
    """Create ``home`` 0700 when it does not exist; refuse one that others could tamper with.

    Never changes the permissions of an existing home folder (it may be the user's own).
    """
    try:
        info = os.lstat(home)
    except FileNotFoundError:
        home.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            home.mkdir(FOLDER_MODE)
            _chmod(home, FOLDER_MODE)  # whatever the umask said
        info = os.lstat(home)
    _refuse_unsafe_folder(home, info)
    if info.st_mode & 0o022:
        who = "others" if info.st_mode & 0o002 else "other members of its group"
        raise UnsafePlace(
            home, f"{who} can write to it (make it private: chmod go-w '{home}', or use another)"
        )


def _refuse_unsafe_folder(path: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePlace(path, "it is a symbolic link, not a folder")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePlace(path, "it is not a folder")
    uid = _uid()
    if uid is not None and info.st_uid != uid:
        raise UnsafePlace(path, "it belongs to another user")


def secure_folder(folder: Path) -> None:
    """Make ``folder`` (an app folder: data/, logs/, config/, run/) exist, owned by us, 0700.

    Missing parents are created 0700 too; an existing folder with wider permissions is
    tightened; a link, a non-folder or another user's folder is refused.
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        info = os.lstat(folder)
    _refuse_unsafe_folder(folder, info)
    if stat.S_IMODE(info.st_mode) & 0o077:
        _chmod(folder, FOLDER_MODE)


def check_file(path: Path) -> bool:
    """Refuse a symbolic link (or anything but a regular file) at ``path``; tighten a file of
    ours that others could read. True when the file exists."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePlace(path, "it is a symbolic link; refusing to open it")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafePlace(path, "it is not a regular file")
    uid = _uid()
    if uid is not None and info.st_uid != uid:
        raise UnsafePlace(path, "it belongs to another user")
    if stat.S_IMODE(info.st_mode) & 0o077:
        _chmod(path, FILE_MODE)
    return True


def tighten_quietly(path: Path) -> None:
    """Make an existing regular file of ours 0600; anything else is left alone."""
    with contextlib.suppress(OSError):
        check_file(path)


def create_private(path: Path) -> None:
    """Create ``path`` empty and 0600 unless it exists; never through a symbolic link."""
    if check_file(path):
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE)
    except FileExistsError:  # made meanwhile (another process of ours): check it instead
        check_file(path)
        return
    os.close(fd)


def open_append(path: Path) -> int:
    """A descriptor for appending to ``path`` (created 0600), never through a symbolic link;
    an existing file of ours is tightened to 0600."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _CLOEXEC, FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafePlace(path, "it is a symbolic link; refusing to open it") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePlace(path, "it is not a regular file")
        uid = _uid()
        if uid is not None and info.st_uid != uid:
            raise UnsafePlace(path, "it belongs to another user")
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.fchmod(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def restrict_umask() -> None:
    """Owner-only permissions for everything this process creates from now on."""
    os.umask(UMASK)
