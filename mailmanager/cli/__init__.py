"""mailmanager-cli: the scriptable side of mailmanager.

Global options come before the subcommand: ``--version``, ``--home DIR`` (same as the
MAILMANAGER_HOME environment variable), ``--json`` (machine-readable output). Each subcommand
lives in its own module with a ``register(subparsers)`` function; the module sets ``func`` on its
parser to a callable ``(args, ctx) -> int``.

Exit codes: 0 success, 1 the command ran but the outcome needs the user's action, 2 bad usage or
bad input (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from mailmanager import __version__, paths
from mailmanager.cli.common import EXIT_USAGE, CliContext, UsageError

# Subcommand modules, in the order they appear in --help.
COMMAND_MODULES = (
    "mailmanager.cli.accounts_cmds",
    "mailmanager.cli.detect_cmd",
    "mailmanager.cli.provider_cmd",
    "mailmanager.cli.check_cmd",
    "mailmanager.cli.rotate_cmd",
)

log = logging.getLogger("mailmanager.cli")


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mailmanager-cli",
        description="Manage the mailboxes bound in mailmanager from scripts.",
    )
    parser.add_argument("--version", action="version", version=f"mailmanager {__version__}")
    parser.add_argument("--home", metavar="DIR", help="keep all data, logs and settings in DIR")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CliContext(paths=paths.resolve(args.home), json_output=bool(args.json))
    try:
        from mailmanager import logs

        logs.setup(ctx.paths, console=False)
        result: int = args.func(args, ctx)
        return result
    except UsageError as exc:
        print(f"mailmanager-cli: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
