"""Placeholder: filled in by its issue."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register this module's subcommands (none yet)."""
    del subparsers
