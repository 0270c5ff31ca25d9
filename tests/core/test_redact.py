"""Redaction: a registered secret that is not encodable text must not break it, and letter case
is ignored only for secrets long enough to be codes.

Found in review: ``redact._forms`` encoded each registered secret with strict UTF-8. One secret
holding a lone surrogate (a code read from a surrogateescape standard input, or from any other
source) made every later ``redact_text`` raise UnicodeEncodeError: every probe result, and every
log call, since the logging filter runs inside the caller's ``log.info(...)``. In a check that
killed the IMAP worker thread while it logged the failure, and ``check_account`` then failed with
IndexError.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailmanager import logs, paths
from mailmanager.core import redact
from tests.helpers.logging_state import preserved_app_logger

ODD = "code\udcff\udcfe1234"


@pytest.fixture
def odd_secret() -> Iterator[str]:
    redact.register(ODD)
    try:
        yield ODD
    finally:
        redact.forget(ODD)


def test_redact_text_survives_an_unencodable_secret(odd_secret: str) -> None:
    assert redact.redact_text(f"server said {odd_secret}!") == f"server said {redact.MASK}!"
    assert redact.redact_text("nothing secret here") == "nothing secret here"


def test_logging_survives_an_unencodable_secret(odd_secret: str, app_home: Path) -> None:
    app_paths = paths.resolve()
    with preserved_app_logger() as logger:
        logs.setup(app_paths)
        log = logging.getLogger("mailmanager.review")
        log.info("an ordinary line")
        log.info("the server echoed %s", odd_secret)
        for handler in logger.handlers:
            handler.flush()
        text = app_paths.log_file.read_text(encoding="utf-8")
    # Both lines reached the file, the secret masked.
    assert "an ordinary line" in text
    assert f"the server echoed {redact.MASK}" in text


def test_letter_case_is_ignored_only_for_secrets_long_enough_to_be_codes() -> None:
    """A server may echo a code lower-cased; but a 4-character secret such as "info" must not
    mask "INFO" in every log line."""
    redact.register("info")
    redact.register("QqZzUpperLower77")
    try:
        assert redact.redact_text("INFO: info") == f"INFO: {redact.MASK}"
        assert redact.redact_text("echo qqzzupperlower77") == f"echo {redact.MASK}"
    finally:
        redact.forget("info")
        redact.forget("QqZzUpperLower77")
    assert redact.redact_text("info") == "info"
