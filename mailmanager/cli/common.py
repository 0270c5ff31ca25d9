"""Shared pieces of the command-line interface: exit codes, errors, output, argument types."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any, NoReturn

from mailmanager.core.accounts import Endpoint, Security
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


def fail(message: str) -> NoReturn:
    raise UsageError(message)


def parse_endpoint(spec: str, username: str) -> Endpoint:
    """Parse ``HOST:PORT:ssl|starttls|plain``; an IPv6 host goes in brackets: ``[::1]:993:ssl``."""
    text = spec.strip()
    if text.startswith("["):
        close = text.find("]")
        if close < 0 or text[close + 1 : close + 2] != ":":
            fail(f"invalid server {spec!r}: expected [IPV6]:PORT:SECURITY")
        host, rest = text[1:close], text[close + 2 :]
        parts = [host, *rest.split(":")]
    else:
        parts = text.split(":")
    if len(parts) != 3 or not parts[0]:
        fail(f"invalid server {spec!r}: expected HOST:PORT:ssl|starttls|plain")
    host, port_text, security_text = parts
    try:
        port = int(port_text)
    except ValueError:
        fail(f"invalid port in {spec!r}: {port_text!r} is not a number")
    if not 0 < port < 65536:
        fail(f"invalid port in {spec!r}: {port} is not between 1 and 65535")
    try:
        security = Security(security_text.lower())
    except ValueError:
        fail(f"invalid security in {spec!r}: use ssl, starttls or plain")
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
    code = line.rstrip("\r\n")
    try:
        code.encode("utf-8")
    except UnicodeEncodeError:
        fail("the code on standard input is not valid UTF-8 text")
    if not code.strip():
        fail("no code on standard input (pipe it in: printf '%s' \"$CODE\" | ...)")
    return code
