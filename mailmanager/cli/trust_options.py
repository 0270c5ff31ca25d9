"""The trust options of every command that sends a code, and how a refusal is reported.

``--trust-server HOST``, ``--allow-plain HOST:PORT`` and ``--trust-ca-file SHA256`` are the
command line's way of giving the consent ``core.trust`` asks for; each names one thing, so a
script cannot agree to "everything" by accident (there is deliberately no such option). A
refusal names every host with its reason and the option that would accept it, and the command
sends nothing.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from mailmanager.cli.common import CliContext, fail, short
from mailmanager.core import trust
from mailmanager.core.model.accounts import Account
from mailmanager.core.model.certificates import read_ca_file


def add_trust_options(parser: argparse.ArgumentParser) -> None:
    """The consent options (repeatable), on every command that may send a code."""
    parser.add_argument(
        "--trust-server",
        metavar="HOST",
        action="append",
        default=[],
        help="send the code to HOST although it is outside the address's domain and not one of "
        "the provider's known servers (repeatable)",
    )
    parser.add_argument(
        "--allow-plain",
        metavar="HOST:PORT",
        action="append",
        default=[],
        help="allow HOST:PORT without encryption although the setting did not come from you",
    )
    parser.add_argument(
        "--trust-ca-file",
        metavar="SHA256",
        action="append",
        default=[],
        help="trust the extra CA certificates with this SHA-256 fingerprint",
    )


def chosen_ca(path: str | None, now: datetime) -> dict[str, Any]:
    """Account fields for a CA file the user names on the command line (read once, now)."""
    if path is None:
        return {}
    if not path.strip():
        fail("--ca-file needs a file name")
    path = str(Path(path).expanduser().resolve())
    try:
        pem = read_ca_file(path)
    except OSError as exc:
        fail(f"--ca-file {short(path)!r} cannot be read: {exc.strerror or exc}")
    except ValueError as exc:
        fail(f"--ca-file {short(path)!r}: {exc}")
    return {"ca_file": path, "ca_pem": pem, "ca_confirmed_at": now}


def with_consent(account: Account, args: argparse.Namespace, now: datetime) -> Account:
    """``account`` with the consent given by the options recorded."""
    legacy_pem = None
    if account.ca_file and not account.ca_pem and args.trust_ca_file:
        # The path may come from an import file: a FIFO would hang the command and /dev/stdin
        # would swallow the code waiting there. Only a regular file is read (once, now).
        if not Path(account.ca_file).is_file():
            fail(
                f"the CA file {short(account.ca_file)!r} saved with the mailbox is not a "
                "regular file, so it was not read"
            )
        try:
            legacy_pem = read_ca_file(account.ca_file)
        except (OSError, ValueError) as exc:
            fail(f"the CA file {short(account.ca_file)!r} saved with the mailbox: {exc}")
    return trust.confirm(
        account,
        now,
        hosts=args.trust_server,
        plain=args.allow_plain,
        ca_sha256=args.trust_ca_file,
        ca_pem_of_file=legacy_pem,
    )


def refusal_json(refusal: trust.Refusal) -> dict[str, Any]:
    return {
        "protocol": refusal.protocol.value if refusal.protocol else None,
        "kind": refusal.kind.value,
        "host": refusal.host or None,
        "port": refusal.port or None,
        "reason": refusal.message(),
        "option": refusal.option,
    }


def say_refusals(ctx: CliContext, address: str, refusals: list[trust.Refusal]) -> None:
    """One line per refused endpoint (stderr), with the option that would accept it."""
    ctx.warn(f"not sending the code of {address}: nothing was sent")
    for refusal in refusals:
        where = ""
        if refusal.protocol is not None:
            where = f"{refusal.protocol.value.upper()} {refusal.host}:{refusal.port}: "
        ctx.warn(f"  {where}{refusal.message()}; to accept it: {refusal.option}")
