"""`codes`: the inventory of a mailbox's authorization codes, one per client (issue 19).

    codes ADDRESS [--json]                       list the codes
    codes add ADDRESS --label L [--password-stdin] [--keep] [--no-check]
    codes edit ADDRESS LABEL [--label NEW] [--note N] [--expires YYYY-MM-DD|none]
    codes revoke ADDRESS LABEL                   "I disabled this code in the web settings"
    codes audit ADDRESS [--done]                 the inventory beside the web-settings link

One parser with the action as an optional first word, because ``codes ADDRESS`` lists and an
address is never one of the action words (it has an ``@``). A code is read from standard input
only, checked with the mailbox's servers under the trust rule like any other code (unless
``--no-check``), and kept in the keyring only with ``--keep``; nothing is ever printed of it.
Going past a provider's known limit on active codes warns and goes on (the provider decides).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from mailmanager.cli import account_view
from mailmanager.cli.accounts_cmds import (
    check_json,
    guarded,
    json_flag,
    open_registry,
    parse_day,
    read_code,
    run_check,
    say_check,
    untrusted,
)
from mailmanager.cli.common import EXIT_NEEDS_ACTION, EXIT_OK, CliContext, fail, short
from mailmanager.core import trust
from mailmanager.core.catalogue import links
from mailmanager.core.checking.proof import Credential, Unproven
from mailmanager.core.model.accounts import Account
from mailmanager.core.model.codes import CodeRecord, CodeRecordError
from mailmanager.core.registry import CheckFailedError, Registry
from mailmanager.core.rules import code_limits
from mailmanager.core.rules.policy import audit_due, code_state, local_today, suggest_revoking
from mailmanager.core.store.errors import DuplicateLabelError, UnknownCodeError

ACTIONS = ("add", "edit", "revoke", "audit")
# The actions that name a code after the address.
WITH_LABEL = ("edit", "revoke")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "codes",
        help="the codes a mailbox has issued, one per client (list, add, edit, revoke, audit)",
        usage=(
            "mailmanager-cli codes ADDRESS [--json]\n"
            "       mailmanager-cli codes add ADDRESS --label L [--password-stdin] [--keep] "
            "[--no-check]\n"
            "       mailmanager-cli codes edit ADDRESS LABEL [--label NEW] [--note N] "
            "[--expires YYYY-MM-DD|none]\n"
            "       mailmanager-cli codes revoke ADDRESS LABEL\n"
            "       mailmanager-cli codes audit ADDRESS [--done]"
        ),
    )
    p.add_argument("words", nargs="+", metavar="[ACTION] ADDRESS [LABEL]")
    p.add_argument(
        "--label", help="add: the client the code is for (required, unique); edit: a new label"
    )
    p.add_argument("--note", help="edit: the code's note (empty to clear it)")
    p.add_argument("--expires", metavar="YYYY-MM-DD|none", help="edit: its expiry date, or none")
    p.add_argument("--password-stdin", action="store_true", help="add: read the code from stdin")
    p.add_argument("--keep", action="store_true", help="add: keep the code in the keyring")
    p.add_argument("--no-check", action="store_true", help="add: do not log in with it")
    p.add_argument("--code-created", metavar="YYYY-MM-DD", help="add: when it was made")
    p.add_argument("--code-expires", metavar="YYYY-MM-DD", help="add: when it expires")
    p.add_argument("--done", action="store_true", help="audit: record that it was done today")
    json_flag(p)
    p.set_defaults(func=guarded(cmd_codes))


def cmd_codes(args: argparse.Namespace, ctx: CliContext) -> int:
    words: list[str] = args.words
    action = words[0] if words[0] in ACTIONS and len(words) > 1 else "list"
    rest = words[1:] if action != "list" else words
    expected = 2 if action in WITH_LABEL else 1
    if len(rest) != expected:
        shape = f"codes {action} ADDRESS" + (" LABEL" if action in WITH_LABEL else "")
        fail(f"usage: {shape.replace('codes list', 'codes')}")
    _only_where_they_belong(args, action)
    try:
        if action == "add":
            return _add(args, ctx, rest[0])
        if action == "edit":
            return _edit(args, ctx, rest[0], rest[1])
        if action == "revoke":
            return _revoke(ctx, rest[0], rest[1])
        if action == "audit":
            return _audit(args, ctx, rest[0])
        return _list(ctx, rest[0])
    except (DuplicateLabelError, UnknownCodeError) as exc:
        fail(str(exc))
    except CodeRecordError as exc:
        fail(str(exc))


def _only_where_they_belong(args: argparse.Namespace, action: str) -> None:
    adding = ("--password-stdin", "--keep", "--no-check", "--code-created", "--code-expires")
    for option in adding:
        value = getattr(args, option[2:].replace("-", "_"))
        if value not in (None, False) and action != "add":
            fail(f"{option} belongs to codes add")
    if args.label is not None and action not in ("add", "edit"):
        fail("--label belongs to codes add and codes edit")
    for option in ("--note", "--expires"):
        if getattr(args, option[2:]) is not None and action != "edit":
            fail(f"{option} belongs to codes edit")
    if args.done and action != "audit":
        fail("--done belongs to codes audit")


# -- list ------------------------------------------------------------------------------------


def code_json(code: CodeRecord, today: date) -> dict[str, Any]:
    return {
        "label": code.label,
        "own": code.own,
        "state": code_state(code, today).value,
        "created": code.created.isoformat() if code.created else None,
        "expires": code.expires.isoformat() if code.expires else None,
        "revoked": code.revoked.isoformat() if code.revoked else None,
        "last_proven": code.last_proven.isoformat() if code.last_proven else None,
        "kept": code.kept,
    }


def _table(codes: list[CodeRecord], today: date) -> list[str]:
    header = ("LABEL", "STATE", "CREATED", "EXPIRES", "LAST PROVEN", "KEPT")
    rows = [header]
    for code in codes:
        label = f"{code.label} (mailmanager checks with it)" if code.own else code.label
        state = code_state(code, today).value
        if code.revoked is not None:
            state += f" {code.revoked.isoformat()}"
        rows.append(
            (
                label,
                state,
                code.created.isoformat() if code.created else "-",
                code.expires.isoformat() if code.expires else "-",
                code.last_proven.date().isoformat() if code.last_proven else "not proven",
                "yes" if code.kept else "no",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows]  # fmt: skip


def _list(ctx: CliContext, address: str) -> int:
    today = local_today(account_view.local_now())
    with open_registry(ctx) as registry:
        account = registry.resolve(address)
        codes = registry.store.codes(account.id or 0)
    if ctx.json_output:
        ctx.emit_json([code_json(code, today) for code in codes])
    else:
        ctx.say(f"Codes of {account.address}:")
        for line in _table(codes, today):
            ctx.say(f"  {line}")
    return EXIT_OK


# -- add -------------------------------------------------------------------------------------


def _add(args: argparse.Namespace, ctx: CliContext, address: str) -> int:
    if args.label is None:
        fail("codes add needs --label (the client the code is for)")
    if not args.password_stdin and (args.keep or not args.no_check):
        fail("codes add needs --password-stdin (unless --no-check is given without --keep)")
    created = parse_day(args.code_created, "--code-created")
    expires = parse_day(args.code_expires, "--code-expires")
    if created and expires and expires < created:
        fail("--code-expires is before --code-created")
    with open_registry(ctx) as registry:
        account = registry.resolve(address)
        assert account.id is not None
        existing = registry.store.find_code(account.id, args.label)
        if existing is not None:
            fail(f"{account.address} already has a code labelled {short(existing.label)}")
        warning = _limit_warning(ctx, registry, account)
        credential: Credential | None = None
        if args.password_stdin:
            if not args.no_check:
                refused = trust.refusals(account)
                if refused:
                    return untrusted(ctx, account, refused)
            secret = read_code(args)
            if args.keep:
                registry.secrets.check_backend()
            credential = (
                Unproven(secret, "--no-check") if args.no_check else run_check(account, secret)
            )
        try:
            code = registry.add_code(
                account.id,
                args.label,
                credential,
                keep=args.keep,
                created=created,
                expires=expires,
            )
        except CheckFailedError as exc:
            if ctx.json_output:
                ctx.emit_json(
                    {"address": account.address, "added": False, "check": check_json(exc.check)}
                )
            else:
                ctx.say(f"Not added: the login check with this code for {account.address} failed.")
                say_check(ctx, exc.check)
            return EXIT_NEEDS_ACTION
    today = local_today(account_view.local_now())
    if ctx.json_output:
        ctx.emit_json(
            {
                "address": account.address,
                "added": True,
                "code": code_json(code, today),
                "warning": warning,
            }
        )
    else:
        proven = "login checked" if code.last_proven is not None else "not proven"
        kept = "kept in the keyring" if code.kept else "value not kept"
        ctx.say(f"Added the code {code.label!r} to {account.address} ({proven}, {kept}).")
        if credential is not None and credential.check is not None:
            say_check(ctx, credential.check)
    return EXIT_OK


def _limit_warning(ctx: CliContext, registry: Registry, account: Account) -> str | None:
    catalogue = account_view.load_catalogue(ctx.paths.user_providers_dir)
    provider = catalogue.get(account.provider_id) if catalogue and account.provider_id else None
    found = code_limits.past_limit(provider, registry.store.codes(account.id or 0))
    if found is None:
        return None
    message = code_limits.limit_message(found)
    ctx.warn(f"warning: {message}")
    return message


# -- edit ------------------------------------------------------------------------------------


def _edit(args: argparse.Namespace, ctx: CliContext, address: str, label: str) -> int:
    """Correct a code's label, note or expiry date; what is not given stays as it is."""
    if args.label is None and args.note is None and args.expires is None:
        fail("codes edit needs --label, --note or --expires")
    expires_text = None if args.expires is None else args.expires.strip()
    with open_registry(ctx) as registry:
        account = registry.resolve(address)
        code = registry.code_by_label(account.id or 0, label)
        if expires_text is None:
            expires = code.expires
        elif expires_text.casefold() == "none":
            expires = None
        else:
            expires = parse_day(expires_text, "--expires")
        saved = registry.edit_code(
            code,
            label=code.label if args.label is None else args.label,
            note=code.note if args.note is None else args.note,
            expires=expires,
        )
    today = local_today(account_view.local_now())
    if ctx.json_output:
        ctx.emit_json({"address": account.address, "code": code_json(saved, today)})
    else:
        when = saved.expires.isoformat() if saved.expires else "never"
        ctx.say(f"Saved the code {saved.label!r} of {account.address} (expires: {when}).")
    return EXIT_OK


# -- revoke ----------------------------------------------------------------------------------


def _revoke(ctx: CliContext, address: str, label: str) -> int:
    with open_registry(ctx) as registry:
        account = registry.resolve(address)
        code = registry.revoke_code(registry.code_by_label(account.id or 0, label))
        needs_code = registry.store.get_account(account.id or 0).needs_code
    today = local_today(account_view.local_now())
    if ctx.json_output:
        ctx.emit_json({"address": account.address, "code": code_json(code, today)})
    else:
        ctx.say(f"Revoked the code {code.label!r} of {account.address}; its value is forgotten.")
        if code.own and needs_code:
            ctx.say(
                "mailmanager checked with this code: give it a new one with "
                "mailmanager-cli add ADDRESS --password-stdin"
            )
    return EXIT_OK


# -- audit -----------------------------------------------------------------------------------


def _audit(args: argparse.Namespace, ctx: CliContext, address: str) -> int:
    today = local_today(account_view.local_now())
    with open_registry(ctx) as registry:
        account = registry.resolve(address)
        assert account.id is not None
        if args.done:
            registry.record_audit(account.id, today)
        audit = registry.store.code_audit(account.id)
        codes = registry.store.codes(account.id)
    catalogue = account_view.load_catalogue(ctx.paths.user_providers_dir)
    provider = catalogue.get(account.provider_id) if catalogue and account.provider_id else None
    domain = account.address.rpartition("@")[2]
    url = links.settings_url(provider, domain)
    bound = account.created_at.astimezone().date()
    due = audit_due(audit.audited_on, audit.interval_days, bound, today)
    suggested = [code.label for code in codes if suggest_revoking(code, today)]
    if ctx.json_output:
        ctx.emit_json(
            {
                "address": account.address,
                "settings_url": url or None,
                "audited_on": audit.audited_on.isoformat() if audit.audited_on else None,
                "interval_days": audit.interval_days,
                "due": due,
                "codes": [code_json(code, today) for code in codes],
                "suggest_revoking": suggested,
            }
        )
        return EXIT_OK
    unsure = " (not confirmed)" if links.settings_url_unconfirmed(provider, domain) else ""
    where = f"{url}{unsure}" if url else "the provider's web settings"
    ctx.say(f"Compare the authorized clients listed at {where}")
    ctx.say(f"with the codes of {account.address}:")
    for line in _table(codes, today):
        ctx.say(f"  {line}")
    for label in suggested:
        ctx.say(f"Not proven for a long time: consider revoking {label!r}.")
    if args.done:
        ctx.say(f"Audit recorded on {today.isoformat()}; next in {audit.interval_days} days.")
    elif audit.audited_on is None:
        ctx.say("Never audited. When done: mailmanager-cli codes audit ADDRESS --done")
    else:
        state = "due" if due else "not due yet"
        ctx.say(f"Last audited on {audit.audited_on.isoformat()} ({state}).")
    return EXIT_OK
