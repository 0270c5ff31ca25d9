"""Input the CLI used to accept too readily (found by a bad-input exploration): odd digits,
odd date forms, server names that cannot be, blank login names, a NaN timeout, spaces and NUL
around a piped code, a missing or undecodable standard input, an address holding bytes that are
not UTF-8. Each is now refused in one line, or normalised the way the app does."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest

from mailmanager.cli import main
from mailmanager.core.secrets import SecretStore
from mailmanager.paths import resolve
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = "code-1234567890\n"
) -> tuple[int, str]:
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.stdin = sys.__stdin__
    err = capsys.readouterr().err
    return code, err


def add(*extra: str, imap: str = "imap.example.org:993:ssl") -> list[str]:
    return ["add", "a@example.org", "--password-stdin", "--no-check", "--imap", imap,
            "--smtp", "smtp.example.org:465:ssl", *extra]  # fmt: skip


@pytest.mark.parametrize(
    "argv",
    [
        add(imap="imap.example.org:+993:ssl"),
        add(imap="imap.example.org:1_000:ssl"),
        add(imap="imap.example.org:٩٩٣:ssl"),
        add(imap="h ost:993:ssl"),
        add(imap="host/x:993:ssl"),
        add(imap="a..b:993:ssl"),
        add(imap="x" * 100_000 + ":993:ssl"),
        add("--code-expires", "20260101"),
        add("--code-created", "2026-W01-1"),
        add("--rotate-days", "٣"),
        add("--rotate-days", "+3"),
        add("--username", " "),
        ["detect", "a@example.org", "--timeout", "nan"],
        [
            "check",
            "--address",
            "a@example.org",
            "--imap",
            "imap.example.org:993:ssl",
            "--smtp",
            "smtp.example.org:465:ssl",
            "--password-stdin",
            "--username",
            " ",
        ],
    ],
)
def test_refused_in_one_short_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, err = run(capsys, *argv)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and len(err) < 400, err[:400]


def test_a_piped_code_loses_its_surrounding_spaces_and_may_not_hold_nul(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err = run(capsys, *add(), stdin="  code-1234567890 \n")
    assert code == 0, err
    assert SecretStore(resolve()).get("a@example.org") == "code-1234567890"
    code, err = run(capsys, *add()[:1], "b@example.org", *add()[2:], stdin="co\0de-123456\n")
    assert code == 2 and "NUL" in err


# -- the code read from standard input fails as one line, never a traceback -------------------
#
# Found in review by running ``mailmanager-cli add ... --password-stdin <&-`` (AttributeError:
# sys.stdin is None) and by piping bytes that are not UTF-8: with a strict UTF-8 locale the decode
# raised UnicodeDecodeError; with surrogateescape (the C.UTF-8 locale) the undecodable bytes were
# kept as lone surrogates, stored in the keyring and sent to the probes, which cannot encode them.

SERVERS = ["--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"]
FORMS = [
    ["add", "a@example.org", "--password-stdin", "--no-check", *SERVERS],
    ["check", "--address", "a@example.org", *SERVERS, "--password-stdin", "--timeout", "1"],
]


def run_argv(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
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
    assert_one_line(*run_argv(capsys, argv), "standard input")


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
    assert_one_line(*run_argv(capsys, argv), "not valid UTF-8")
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
    code, err = run_argv(capsys, argv)
    assert code in (1, 2), err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
