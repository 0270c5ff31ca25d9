"""`set-group` and `export-table`: groups of mailboxes, and the table for sending platforms.

``set-group G ADDRESS...`` puts mailboxes in a group (``''`` takes them out of any), through the
registry in one transaction: all of them or, when one address is unknown, none.
``export-table FILE [--group G]`` writes the platform CSV of ``core.table_export``: settings
only, the password columns empty, the file owner-only. There is deliberately no option to put
codes in it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mailmanager.cli.accounts_cmds import (
    chosen_group,
    guarded,
    json_flag,
    open_registry,
)
from mailmanager.cli.common import EXIT_OK, CliContext, fail, short
from mailmanager.core import table_export
from mailmanager.core.model import address as address_rules
from mailmanager.core.store.account_store import AccountStore


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the group commands to the CLI."""
    p = subparsers.add_parser("set-group", help="put mailboxes in a group ('' for no group)")
    p.add_argument("group", metavar="GROUP")
    p.add_argument("addresses", metavar="ADDRESS", nargs="+")
    json_flag(p)
    p.set_defaults(func=guarded(cmd_set_group))

    p = subparsers.add_parser(
        "export-table",
        help="write a CSV for sending platforms (settings only; the password columns stay empty)",
    )
    p.add_argument("file", metavar="FILE", help="the CSV file to write (readable by you only)")
    p.add_argument("--group", metavar="G", help="only the mailboxes of group G ('' for none)")
    json_flag(p)
    p.set_defaults(func=guarded(cmd_export_table))


def cmd_set_group(args: argparse.Namespace, ctx: CliContext) -> int:
    group = chosen_group(args.group)
    assert group is not None
    for text in args.addresses:
        try:
            address_rules.parse_address(text)
        except address_rules.AddressError as exc:
            fail(f"invalid address {short(text)!r}: {exc}")
    with open_registry(ctx) as registry:
        ids = []
        for text in args.addresses:
            account = registry.resolve(text)
            assert account.id is not None
            ids.append(account.id)
        saved = registry.move_to_group(dict.fromkeys(ids), group)
    if ctx.json_output:
        ctx.emit_json({"group": group, "addresses": [a.address for a in saved]})
    else:
        where = f"group {group!r}" if group else "no group"
        ctx.say(f"{len(saved)} mailbox(es) now in {where}.")
    return EXIT_OK


def cmd_export_table(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.file.strip():
        fail("export-table needs a file name")
    path = Path(args.file).expanduser()
    if path.is_dir():
        fail(f"{short(str(path))} is a folder: choose a file name")
    if not path.parent.is_dir():
        fail(f"the folder of {short(str(path))} does not exist")
    with AccountStore.open(ctx.paths.database) as store:
        accounts = table_export.in_group(store.list_accounts(), args.group)
    try:
        count = table_export.write(path, accounts)
    except OSError as exc:
        fail(f"cannot write {short(str(path))}: {exc.strerror or exc}")
    if ctx.json_output:
        ctx.emit_json({"file": str(path), "accounts": count, "codes": False})
    else:
        ctx.say(
            f"Wrote {count} mailbox(es) to {path} (settings only: the password columns are "
            "empty; hand each code over from the app)."
        )
    return EXIT_OK
