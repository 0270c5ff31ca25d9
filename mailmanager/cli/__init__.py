"""mailmanager-cli: the scriptable side of mailmanager.

Global options come before the subcommand: ``--version``, ``--home DIR`` (same as the
MAILMANAGER_HOME environment variable), ``--json`` (machine-readable output). Each subcommand
lives in its own module with a ``register(subparsers)`` function; the module sets ``func`` on its
parser to a callable ``(args, ctx) -> int``.

Exit codes: 0 success, 1 the command ran but the outcome needs the user's action, 2 bad usage or
bad input (one line on stderr, never a traceback). An unexpected error (a bug) ends in one line
naming the log, which keeps its traceback, and exit code 1.
"""

from __future__ import annotations

import argparse
import contextlib
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
    "mailmanager.cli.groups_cmd",
    "mailmanager.cli.codes_cmd",
    "mailmanager.cli.import_table_cmd",
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
    try:
        args = parser.parse_args(argv)
    except SystemExit:  # --help, --version, a usage error: their text may meet a closed pipe
        if _flush_stdout():
            raise
        return EXIT_BROKEN_PIPE
    if args.home is not None and not args.home.strip():
        parser.error("--home needs a folder name")
    ctx = CliContext(paths=paths.resolve(args.home), json_output=bool(args.json))
    try:
        from mailmanager import logs, private_files

        private_files.restrict_umask()
        try:
            ctx.paths.ensure()
            logs.setup(ctx.paths, console=False)
        except OSError as exc:
            raise UsageError(paths.unusable_home_message(ctx.paths, exc)) from None
        result: int = args.func(args, ctx)
        # Flushed here, not at exit: a closed pipe must be met inside this ``try``.
        sys.stdout.flush()
        return result
    except UsageError as exc:
        print(f"mailmanager-cli: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``mailmanager-cli list | head``): stop quietly, like other
        # command-line tools, and keep Python from complaining again when it flushes at exit.
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        # Output or a file the command writes could not be written (a full disk, a closed
        # terminal): one line, never a traceback; the log keeps the details.
        log.error("command failed with %s", type(exc).__name__, exc_info=True)
        print(f"mailmanager-cli: error: {_os_error_text(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        # The last resort: a bug. The traceback goes to the log (redacted there), the user
        # gets one line naming the log; the exception's text is not printed (it could hold
        # what a backend or a server put in it).
        return _unexpected(ctx, exc)


def _unexpected(ctx: CliContext, exc: Exception) -> int:
    log.error("unexpected %s; the command stopped", type(exc).__name__, exc_info=True)
    print(
        f"mailmanager-cli: error: an unexpected error ({type(exc).__name__}) stopped the "
        f"command; the details are in the log {ctx.paths.log_file}",
        file=sys.stderr,
    )
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    return 1


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program a pipe stopped


def _flush_stdout() -> bool:
    """Flush standard output; False (and output discarded) when the reader has gone."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return False
    return True


def _discard_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _os_error_text(exc: OSError) -> str:
    from mailmanager.core import redact

    reason = exc.strerror or type(exc).__name__
    where = f" ({exc.filename})" if exc.filename else ""
    return redact.redact_text(f"{reason}{where}")
