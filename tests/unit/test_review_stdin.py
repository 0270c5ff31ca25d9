"""Review finding: the code read from standard input must fail as one line, never a traceback.

Found by running ``mailmanager-cli add ... --password-stdin <&-`` (AttributeError: sys.stdin is
None) and by piping bytes that are not UTF-8: with a strict UTF-8 locale the decode raised
UnicodeDecodeError; with surrogateescape (the C.UTF-8 locale) the undecodable bytes were kept
as lone surrogates, stored in the keyring and sent to the probes, which cannot encode them.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest

from mailmanager.cli import main
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.memory_keyring import MemoryKeyring

SERVERS = ["--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"]
FORMS = [
    ["add", "a@example.org", "--password-stdin", "--no-check", *SERVERS],
    ["check", "--address", "a@example.org", *SERVERS, "--password-stdin", "--timeout", "1"],
]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


def assert_one_line(code: int, err: str, words: str) -> None:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert words in lines[0]


@pytest.mark.parametrize("argv", FORMS)
def test_no_stdin_at_all(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert_one_line(*run(capsys, argv), "standard input")


@pytest.mark.parametrize("errors", ["strict", "surrogateescape"])
@pytest.mark.parametrize("argv", FORMS)
def test_stdin_that_is_not_utf8(
    argv: list[str],
    errors: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    raw = io.TextIOWrapper(io.BytesIO(b"code\xff\xfe1234\n"), encoding="utf-8", errors=errors)
    monkeypatch.setattr(sys, "stdin", raw)
    assert_one_line(*run(capsys, argv), "not valid UTF-8")
    assert memory_keyring.entries == {}


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "a\udcff@example.org", "--password-stdin", "--no-check", *SERVERS],
        ["remove", "a\udcff@example.org"],
        ["detect", "a\udcff@example.org"],
        ["rotate", "b@exa\udcffmple.com", "--password-stdin"],
    ],
)
def test_an_address_holding_bytes_that_are_not_utf8(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A non-UTF-8 byte in an address arrives as a lone surrogate: one line, no traceback."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("code-1234567890\n"))
    code, err = run(capsys, argv)
    assert code in (1, 2), err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
