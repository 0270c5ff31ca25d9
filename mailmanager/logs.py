"""Logging to a rotating file in the log folder, with secrets redacted.

One logger per subsystem (``mailmanager.store``, ``mailmanager.checker`` ...). Every record
passes through ``redact.redact_text`` with the secrets currently known to the process, so a code
that a server echoes back never reaches the file.

At start-up the app asks for ``defer=True``: the records (already redacted) wait in memory
until ``open_deferred_files()`` runs after the window's first paint, because importing
``logging.handlers`` costs ~10 ms that the first paint does not need. A warning or an error is
written at once, and the wait ends on ``flush``/``close`` (so at exit) or after 1,000 records.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import Any

from mailmanager import private_files
from mailmanager.core import redact
from mailmanager.paths import AppPaths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MAX_BYTES = 1_000_000
_BACKUPS = 5
_MAX_PENDING = 1000


class RedactingFilter(logging.Filter):
    """Replaces every registered secret (and its encodings) in the formatted message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact.redact_text(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            # Format the traceback now, redacted, so the raw exception text is never written.
            record.exc_text = redact.redact_text(
                logging.Formatter().formatException(record.exc_info)
            )
            record.exc_info = None
        return True


class DeferredFileHandler(logging.Handler):
    """The rotating log file, opened (and ``logging.handlers`` imported) on first real need.

    Until ``open_file()``, records that passed the filters (so are redacted and formatted into
    their message) are kept in memory; a record at WARNING or above, ``flush()``, ``close()``
    or the 1,000th record opens the file and writes everything in order.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self._pending: list[logging.LogRecord] = []
        self._file: logging.Handler | None = None
        self._failed = False  # the file could not be written: said once, then records dropped

    def open_file(self) -> None:
        """Open the file and write the records that waited (idempotent)."""
        self.acquire()
        try:
            self._open_locked()
        finally:
            self.release()

    def _open_locked(self) -> logging.Handler | None:
        if self._file is None and not self._failed:
            try:
                # Opened now, not at the first record: a log file that cannot be written
                # (a folder in its place, a read-only disk) is noticed here, once.
                handler = _private_rotating_handler(self._path)
            except OSError as exc:
                self.cannot_write(exc)
                return None
            handler.handleError = self._handle_error  # type: ignore[method-assign]
            handler.setFormatter(self.formatter)
            self._file = handler
            pending, self._pending = self._pending, []
            for record in pending:
                handler.emit(record)
        return self._file

    def _handle_error(self, record: logging.LogRecord) -> None:
        """A record could not be written (a full disk): one line on stderr, not a traceback
        per record; the file is given up."""
        error = sys.exc_info()[1]
        self.cannot_write(error if isinstance(error, OSError) else OSError(str(error)))

    def cannot_write(self, error: OSError) -> None:
        if not self._failed:
            self._failed = True
            self._pending = []
            reason = error.strerror or type(error).__name__
            sys.stderr.write(
                f"mailmanager: cannot write the log file {self._path} ({reason}); "
                "carrying on without it\n"
            )
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None

    def setFormatter(self, fmt: logging.Formatter | None) -> None:
        super().setFormatter(fmt)
        if self._file is not None:
            self._file.setFormatter(fmt)

    def emit(self, record: logging.LogRecord) -> None:
        # Called by handle() with self.lock held.
        waiting = self._file is None and len(self._pending) < _MAX_PENDING
        if waiting and record.levelno < logging.WARNING and not self._failed:
            # Freeze the message now: its arguments may change before it is written.
            record.msg, record.args = record.getMessage(), None
            self._pending.append(record)
            return
        target = self._open_locked()
        if target is not None:
            target.emit(record)

    def flush(self) -> None:
        self.open_file()
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        try:
            if self._pending:
                self.open_file()
            if self._file is not None:
                self._file.close()
        finally:
            super().close()


def _private_rotating_handler(path: Path) -> logging.Handler:
    """A rotating file handler whose files are 0600 and never opened through a symbolic link
    (O_NOFOLLOW: a link planted in place of the log is refused, not followed)."""
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> Any:
            fd = private_files.open_append(Path(self.baseFilename))
            return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    return PrivateRotatingFileHandler(
        path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )


def open_deferred_files() -> None:
    """Open the log file of a ``setup(..., defer=True)`` (the app: after the first paint)."""
    for handler in logging.getLogger("mailmanager").handlers:
        if isinstance(handler, DeferredFileHandler):
            handler.open_file()


def setup(
    app_paths: AppPaths, *, console: bool = False, level: int = logging.INFO, defer: bool = False
) -> None:
    """Send the app's logs to ``app_paths.log_file`` (1 MB x 5 files), redacted.

    With ``defer`` the file opens at ``open_deferred_files()`` (see the module docstring).
    """
    root = logging.getLogger("mailmanager")
    if getattr(root, "_mailmanager_configured", None) == str(app_paths.log_file):
        return
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    private_files.secure_folder(app_paths.log_dir)
    file_handler = DeferredFileHandler(app_paths.log_file)
    if not defer:
        file_handler.open_file()
    handlers: list[logging.Handler] = [file_handler]
    if console:
        handlers.append(logging.StreamHandler())
    for h in handlers:
        h.setFormatter(logging.Formatter(_FORMAT))
        h.addFilter(RedactingFilter())
        root.addHandler(h)
    root.setLevel(level)
    root.propagate = False
    root._mailmanager_configured = str(app_paths.log_file)  # type: ignore[attr-defined]
