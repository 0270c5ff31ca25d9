"""Warnings the app logs fail the test that caused them (in the spirit of qutebrowser's logfail).

While a test runs, every log record at WARNING or above from a ``mailmanager`` logger is
collected. At teardown the test fails unless each one is expected, either

* by ``@pytest.mark.expected_warnings("text", ...)``: a record is expected when its message
  contains one of the texts; each text must match at least one record (the mark says what the
  test provokes, so a warning that no longer comes fails the test too), or
* because the test's ``caplog`` captured it (``caplog.at_level(...)``): the test looks at the log
  and asserts on what it wants.

The records are collected through the log-record factory rather than a handler, so they are seen
whatever ``mailmanager.logs.setup`` does to the logger's handlers and propagation when the CLI or
the app is run inside the test process. A record logged by a background thread after its test
has ended is charged to the test running then, as with any log handler.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

LEVEL = logging.WARNING
NAMESPACE = "mailmanager"


def is_app_record(record: logging.LogRecord) -> bool:
    return record.levelno >= LEVEL and (
        record.name == NAMESPACE or record.name.startswith(NAMESPACE + ".")
    )


class WarningCollector:
    """Collects the app's WARNING+ records between ``install`` and ``uninstall``."""

    def __init__(self) -> None:
        self.records: list[logging.LogRecord] = []
        self._lock = threading.Lock()
        self._previous: Any = None

    def install(self) -> None:
        self._previous = logging.getLogRecordFactory()
        previous = self._previous

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record: logging.LogRecord = previous(*args, **kwargs)
            if is_app_record(record):
                with self._lock:
                    self.records.append(record)
            return record

        logging.setLogRecordFactory(factory)

    def uninstall(self) -> None:
        if self._previous is not None:
            logging.setLogRecordFactory(self._previous)
            self._previous = None

    def collected(self) -> list[logging.LogRecord]:
        with self._lock:
            return list(self.records)


def message_of(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:  # a broken format string is still a message to report
        return f"{record.msg!r} % {record.args!r}"


def unexpected(
    records: Iterable[logging.LogRecord],
    expected_texts: Iterable[str],
    captured: Iterable[logging.LogRecord],
) -> list[logging.LogRecord]:
    """The records neither matched by an expected text nor captured by the test's caplog."""
    texts = list(expected_texts)
    seen = {id(record) for record in captured}
    return [
        record
        for record in records
        if id(record) not in seen and not any(text in message_of(record) for text in texts)
    ]


def missing(records: Iterable[logging.LogRecord], expected_texts: Iterable[str]) -> list[str]:
    """The expected texts that no record's message contains."""
    messages = [message_of(record) for record in records]
    return [text for text in expected_texts if not any(text in m for m in messages)]


def describe_missing(texts: Iterable[str]) -> str:
    return "expected_warnings names warnings the app did not log: " + ", ".join(
        repr(text) for text in texts
    )


def describe(records: Iterable[logging.LogRecord]) -> str:
    lines = [f"  {r.levelname} {r.name}: {message_of(r)}" for r in records]
    return (
        "the app logged warnings this test does not expect:\n"
        + "\n".join(lines)
        + '\n(if they are right, mark the test @pytest.mark.expected_warnings("<text>"), or '
        "capture them with caplog and assert on them)"
    )
