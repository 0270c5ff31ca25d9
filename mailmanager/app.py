"""Start-up of the desktop app: arguments, logging, QApplication, translations, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mailmanager import __version__


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="mailmanager", description="mailmanager desktop app")
    parser.add_argument("--version", action="version", version=f"mailmanager {__version__}")
    parser.add_argument("--home", metavar="DIR", help="keep all data, logs and settings in DIR")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, paint the main window once, print the start-up time and exit",
    )
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    del args
    return 0
