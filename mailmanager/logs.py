"""Logging to a rotating file in the log folder, with secrets redacted.

One logger per subsystem (``mailmanager.store``, ``mailmanager.checker`` ...). Every record
passes through ``redact.redact_text`` with the secrets currently known to the process, so a code
that a server echoes back never reaches the file.
"""

from __future__ import annotations

import logging
import logging.handlers

from mailmanager.core import redact
from mailmanager.paths import AppPaths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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


def setup(app_paths: AppPaths, *, console: bool = False, level: int = logging.INFO) -> None:
    """Send the app's logs to ``app_paths.log_file`` (1 MB x 5 files), redacted."""
    root = logging.getLogger("mailmanager")
    if getattr(root, "_mailmanager_configured", None) == str(app_paths.log_file):
        return
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    app_paths.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            app_paths.log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
        )
    ]
    if console:
        handlers.append(logging.StreamHandler())
    for h in handlers:
        h.setFormatter(logging.Formatter(_FORMAT))
        h.addFilter(RedactingFilter())
        root.addHandler(h)
    root.setLevel(level)
    root.propagate = False
    root._mailmanager_configured = str(app_paths.log_file)  # type: ignore[attr-defined]
