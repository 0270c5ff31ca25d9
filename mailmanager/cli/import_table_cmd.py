"""`import-table`: add many mailboxes from a CSV, TSV or .xlsx file, each code proven first.

The work is the core's (``core.table_import``): this module parses the options, reads the file
where it lies (never a copy), runs the proof batch with ``asyncio.run`` and prints one line or
one JSON object per row. Nothing is saved before every row was checked; ``--dry-run`` saves
nothing at all.

Exit codes: 0 when every row is saved, proved (dry run) or unchanged; 1 when any row is failed,
untrusted, invalid or duplicate; 2 for a file that cannot be read at all (or bad options).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Any

from mailmanager.cli import account_view
from mailmanager.cli.accounts_cmds import guarded, json_flag, open_registry
from mailmanager.cli.common import EXIT_NEEDS_ACTION, EXIT_OK, CliContext, fail, short
from mailmanager.cli.detect_cmd import parse_dns_server
from mailmanager.cli.trust_options import add_trust_options, chosen_ca
from mailmanager.core import trust
from mailmanager.core.bulk import gc_paused
from mailmanager.core.checking.hints import hint_text
from mailmanager.core.model import limits
from mailmanager.core.model.accounts import utcnow
from mailmanager.core.rules.policy import local_today
from mailmanager.core.table_import import consent
from mailmanager.core.table_import.batch import ProofBatch, save
from mailmanager.core.table_import.detection import Detected, detect_domains
from mailmanager.core.table_import.headers import (
    ColumnMap,
    MappingError,
    field_names,
    headerless,
    map_columns,
)
from mailmanager.core.table_import.model import GOOD_RESULTS, ImportRow, Result
from mailmanager.core.table_import.reading import Table, TableError, open_table
from mailmanager.core.table_import.rows import (
    Defaults,
    build_list,
    existing_lookup,
    needs_detection,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "import-table",
        help="add mailboxes from a CSV, TSV or .xlsx file, proving every code before saving",
    )
    p.add_argument("file", metavar="FILE", help="the spreadsheet (.csv, .tsv, .xlsx)")
    p.add_argument("--sheet", metavar="NAME", help="the workbook's sheet (default: the first)")
    p.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        default=[],
        help="read COLUMN (its header, or its number from 1) as FIELD; FIELD 'ignore' drops it "
        "(repeatable)",
    )
    p.add_argument("--group", metavar="G", default="", help="group of rows without a group column")
    p.add_argument(
        "--label",
        metavar="L",
        default="",
        help="label of codes without a label column (default: 'mailmanager YYYY-MM')",
    )
    p.add_argument(
        "--ca-file", metavar="PEM", help="extra CA certificates for servers with their own CA"
    )
    p.add_argument("--dry-run", action="store_true", help="prove every row, save nothing")
    p.add_argument(
        "--offline",
        "--no-network",
        dest="offline",
        action="store_true",
        help="servers from the file and the catalogue only (no DNS, autoconfig or guessing)",
    )
    p.add_argument(
        "--dns-server",
        metavar="IP:PORT",
        help="send detection's DNS queries to this server (IPv6 in brackets)",
    )
    add_trust_options(p)
    p.epilog = (
        "--trust-server covers the rows of one domain: HOST alone when only one domain's rows "
        "name HOST, HOST@DOMAIN to say which domain (repeatable)."
    )
    json_flag(p)
    p.set_defaults(func=guarded(cmd_import_table))


def _overrides(entries: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in entries:
        column, sep, field = entry.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            fail(f"--map {short(entry)!r}: expected COLUMN=FIELD")
        found[column] = field
    return found


def _columns(ctx: CliContext, headers: tuple[str, ...], entries: list[str]) -> ColumnMap:
    if headerless(headers):
        # Its cells are data, a code among them: none is shown.
        fail(
            "the first row holds an address, not column names: add a header row "
            f"(e.g. email,code) before the data (fields: {field_names()})"
        )
    try:
        columns = map_columns(headers, _overrides(entries))
    except MappingError as exc:
        fail(str(exc))
    missing = columns.missing()
    if missing:
        shown = ", ".join(repr(short(h, 40)) for h in headers if h) or "none"
        fail(
            f"no column was recognised as {' and '.join(missing)} (headers: {shown}); "
            f"map them with --map COLUMN=FIELD (fields: {field_names()})"
        )
    for _index, header in columns.unknown:
        ctx.warn(f"column {short(header, 40)!r} ignored (map it with --map COLUMN=FIELD)")
    for _index, header, field in columns.repeated:
        ctx.warn(f"column {short(header, 40)!r} ignored: an earlier column holds {field.value}")
    return columns


def cmd_import_table(args: argparse.Namespace, ctx: CliContext) -> int:
    path = Path(args.file).expanduser()
    if not args.file.strip():
        fail("import-table needs a file name")
    problem = limits.text_problem("--group", args.group, limits.MAX_GROUP) or limits.text_problem(
        "--label", args.label, limits.MAX_LABEL
    )
    if problem is not None:
        fail(problem)
    dns_server = parse_dns_server(args.dns_server) if args.dns_server else None
    now = utcnow()
    ca = chosen_ca(args.ca_file, now)
    try:
        table = open_table(path, sheet=args.sheet)
    except TableError as exc:
        fail(str(exc))
    with table:
        return _run(args, ctx, path, table, now, ca, dns_server)


def _run(
    args: argparse.Namespace,
    ctx: CliContext,
    path: Path,
    table: Table,
    now: datetime,
    ca: dict[str, Any],
    dns_server: tuple[str, int] | None,
) -> int:
    columns = _columns(ctx, table.headers, args.map)
    defaults = Defaults(
        group=args.group,
        label=args.label.strip() or f"mailmanager {local_today(now):%Y-%m}",
        source_name=path.name,
        **ca,
    )
    with open_registry(ctx) as registry:
        existing = existing_lookup(registry.store.list_accounts())
        try:
            with gc_paused():  # thousands of rows, no cycles (core.bulk)
                cells = list(table.rows)  # read once: detection may ask for a second pass
        except TableError as exc:
            fail(str(exc))
        rows = build_list(cells, columns, trust.bundled_catalogue(), existing, defaults)
        domains = needs_detection(rows)
        if domains and not args.offline:
            found = _detect(ctx, domains, dns_server)
            defaults = dataclasses.replace(defaults, detected=found)
            rows = build_list(cells, columns, trust.bundled_catalogue(), existing, defaults)
        consent.judge(rows)
        try:
            consent.give_host_consent(rows, now, args.trust_server)
        except consent.ConsentScopeError as exc:
            fail(
                f"--trust-server {short(exc.host)}: rows at several domains name it "
                f"({', '.join(exc.domains)}); one confirmation covers one domain: give "
                f"--trust-server {short(exc.host)}@DOMAIN for each domain to trust it for"
            )
        consent.give_consent(rows, now, plain=args.allow_plain, ca_sha256=args.trust_ca_file)
        if not args.dry_run and any(r.checkable for r in rows):
            registry.secrets.check_backend()  # refuse before any login if codes cannot be kept
        batch = ProofBatch()
        asyncio.run(batch.prove(rows))
        if not args.dry_run:
            save(registry, rows)
    _report(ctx, rows, batch, dry_run=args.dry_run)
    good = all(r.final(dry_run=args.dry_run) in GOOD_RESULTS for r in rows)
    return EXIT_OK if good else EXIT_NEEDS_ACTION


def _detect(ctx: CliContext, domains: set[str], dns_server: tuple[str, int] | None) -> Detected:
    """Servers for domains the catalogue does not know, as `add` finds them."""
    catalogue = account_view.load_catalogue(ctx.paths.user_providers_dir)
    return detect_domains(domains, catalogue, dns_server=dns_server)


def _row_json(row: ImportRow, dry_run: bool) -> dict[str, Any]:
    shown = row.to_json(dry_run=dry_run)
    if row.final() is Result.UNTRUSTED and row.refusals:
        options = ", ".join(dict.fromkeys(r.option for r in row.refusals))
        shown["reason"] += f"; to accept it: {options}"
    return shown


def _report(ctx: CliContext, rows: list[ImportRow], batch: ProofBatch, *, dry_run: bool) -> None:
    if ctx.json_output:
        ctx.emit_json([_row_json(r, dry_run) for r in rows])
    else:
        for row in rows:
            shown = _row_json(row, dry_run)
            line = f"row {row.number} {row.address or '(no address)'}: {shown['result']}"
            if shown["reason"]:
                line += f" - {shown['reason']}"
            ctx.say(line)
            check = row.check
            if check is not None and not check.ok:
                hints = dict.fromkeys(hint_text(r.hint_id) for r in check.results() if r.hint_id)
                for hint in hints:
                    if hint:
                        ctx.say(f"    {hint}")
        counts: dict[str, int] = {}
        for row in rows:
            result = row.final(dry_run=dry_run).value
            counts[result] = counts.get(result, 0) + 1
        summary = ", ".join(f"{n} {result}" for result, n in counts.items()) or "no rows"
        ctx.say(f"{len(rows)} row(s): {summary}.")
    if batch.paused_by is not None:
        ctx.warn(
            f"the batch paused at row {batch.paused_by.number}: its server asked to slow down; "
            "run the same command later to check the rest (saved rows are left unchanged)"
        )
    if not dry_run and any(r.final() is Result.SAVED for r in rows):
        ctx.warn(
            "the spreadsheet still holds the codes in plain text: delete it or keep it safe "
            "(the codes are now in the system keyring)"
        )
