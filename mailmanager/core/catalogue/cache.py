"""A compact on-disk copy of the bundled catalogue's parsed TOML, so a start parses no TOML.

Why: ``tomllib`` is pure Python; parsing the ~85 KB of bundled provider files took ~9 ms, plus
~3 ms to import ``tomllib``, at every start that shows a mailbox (the list needs provider names
before the window's first paint). This cache holds what ``tomllib`` returned, as JSON, which the
C ``json`` module reads in about half a millisecond.

What it does not skip: validation. ``catalogue_schema.parse_provider`` still runs on the cached
data at every load, so a wrong value is reported exactly as before. The cache is keyed by each
file's name, size, modification and status-change times (and this format's and Python's
versions): an edited, added, removed or replaced file makes it stale, and then the files are
read and parsed again, with the same clear errors for a broken one. A cache that cannot be read,
does not match or cannot be written is ignored; it is never the only copy of anything.

TOML values map to JSON one to one except dates (the ``oauth.since`` field): a date is stored as
``{"$date": "YYYY-MM-DD"}``. Data that JSON cannot carry exactly (a table whose only key is
``$date``, TOML date-times and times, which the catalogue does not use) is simply not cached.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from mailmanager import private_files

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

log = logging.getLogger("mailmanager.providers")

FORMAT = 1
_DATE = "$date"

FileKey = list[str | int]


class _NotCacheable(Exception):
    pass


def file_keys(files: list[Path]) -> list[FileKey]:
    """``[name, size, mtime_ns, ctime_ns]`` of each file, in the given order."""
    keys: list[FileKey] = []
    for path in files:
        stat = path.stat()
        keys.append([path.name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns])
    return keys


def _stamp(keys: list[FileKey]) -> dict[str, Any]:
    return {"format": FORMAT, "python": list(sys.version_info[:2]), "files": keys}


def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and _DATE in value:
            raise _NotCacheable
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, datetime | time):
        raise _NotCacheable
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise _NotCacheable


def _decode(table: dict[str, Any]) -> Any:
    if len(table) == 1 and _DATE in table:
        return date.fromisoformat(table[_DATE])
    return table


def read(cache_file: Path, keys: list[FileKey]) -> list[dict[str, Any]] | None:
    """The cached parse of the files behind ``keys``, or None (missing, stale or unreadable)."""
    try:
        text = cache_file.read_text(encoding="utf-8")
        content = json.loads(text, object_hook=_decode)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(content, dict) or content.get("stamp") != _stamp(keys):
        return None
    data = content.get("data")
    if not isinstance(data, list) or len(data) != len(keys):
        return None
    if not all(isinstance(item, dict) for item in data):
        return None
    return data


def write(cache_file: Path, keys: list[FileKey], data: list[dict[str, Any]]) -> None:
    """Store the parse of the files behind ``keys`` (atomically; failures are only logged)."""
    try:
        text = json.dumps({"stamp": _stamp(keys), "data": _encode(data)}, ensure_ascii=False)
    except _NotCacheable:
        return
    temporary = cache_file.with_name(f".{cache_file.name}.{os.getpid()}.tmp")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        private_files.check_file(temporary)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        temporary.replace(cache_file)
    except OSError as exc:
        log.info("catalogue cache not written (%s): %s", cache_file, exc)
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
