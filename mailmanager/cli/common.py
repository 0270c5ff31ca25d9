"""Shared pieces of the command-line interface: exit codes, errors, output, argument types."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from typing import Any, NoReturn

from mailmanager.core.model.accounts import Endpoint, Security
from mailmanager.core.model.address import server_name_problem
from mailmanager.paths import AppPaths

EXIT_OK = 0
EXIT_NEEDS_ACTION = 1  # the command ran, but the outcome needs the user's action
EXIT_USAGE = 2  # bad usage or bad input


class UsageError(Exception):
    """Bad usage or bad input: printed as one line, exit code 2, never a traceback."""


@dataclass
class CliContext:
    """What every command gets: where the data is and how to print."""

    paths: AppPaths
    json_output: bool = False

    def emit_json(self, value: Any) -> None:
        json.dump(value, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
        sys.stdout.write("\n")

    def say(self, text: str = "") -> None:
        print(text)

    def warn(self, text: str) -> None:
        """A line for the user on standard error (JSON output keeps standard output)."""
        print(f"mailmanager-cli: {text}", file=sys.stderr)


def fail(message: str) -> NoReturn:
    raise UsageError(message)


_DIGITS = re.compile(r"[0-9]+")


def ascii_number(text: str) -> int | None:
    """``text`` as a whole number written in ASCII digits only, or None (``int()`` would also
    take "+993", "1_000" and other scripts' digits)."""
    text = text.strip()
    return int(text) if _DIGITS.fullmatch(text) and len(text) <= 9 else None


def short(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters for an error line (a 100 kB argument stays out)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_endpoint(spec: str, username: str) -> Endpoint:
    """Parse ``HOST:PORT:ssl|starttls|plain``; an IPv6 host goes in brackets: ``[::1]:993:ssl``."""
    text = spec.strip()
    if text.startswith("["):
        close = text.find("]")
        if close < 0 or text[close + 1 : close + 2] != ":":
            fail(f"invalid server {short(spec)!r}: expected [IPV6]:PORT:SECURITY")
        host, rest = text[1:close], text[close + 2 :]
        parts = [host, *rest.split(":")]
    else:
        parts = text.split(":")
    if len(parts) != 3 or not parts[0]:
        fail(f"invalid server {short(spec)!r}: expected HOST:PORT:ssl|starttls|plain")
    host, port_text, security_text = parts
    problem = server_name_problem(host)
    if problem is not None:
        fail(f"invalid server {short(host)!r}: {problem}")
    port = ascii_number(port_text)
    if port is None:
        fail(f"invalid port in {short(spec)!r}: {short(port_text)!r} is not a number")
    if not 0 < port < 65536:
        fail(f"invalid port in {short(spec)!r}: {port} is not between 1 and 65535")
    try:
        security = Security(security_text.lower())
    except ValueError:
        fail(f"invalid security in {short(spec)!r}: use ssl, starttls or plain")
    return Endpoint(host=host.lower(), port=port, security=security, username=username)


def read_password_stdin() -> str:
    """Read a code from standard input: the first line, without its line break.

    No standard input at all (``<&-``), bytes that are not UTF-8 (a strict locale raises, a
    surrogateescape one would hand over lone surrogates no keyring or server can take) and an
    empty line are usage errors, never a traceback."""
    if sys.stdin is None:
        fail("there is no standard input to read the code from (pipe it in)")
    try:
        line = sys.stdin.readline()
    except UnicodeDecodeError:
        fail("the code on standard input is not valid UTF-8 text")
    except (OSError, ValueError):
        fail("standard input could not be read")
    # Surrounding spaces are dropped, as the app's code field does: the same pasted code is
    # then stored the same way wherever it was entered.
    code = line.rstrip("\r\n").strip()
    try:
        code.encode("utf-8")
    except UnicodeEncodeError:
        fail("the code on standard input is not valid UTF-8 text")
    if "\0" in code:
        fail("the code on standard input holds a NUL character")
    if not code:
        fail("no code on standard input (pipe it in: printf '%s' \"$CODE\" | ...)")
    return code
