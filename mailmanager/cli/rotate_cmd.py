"""`rotate ADDRESS --password-stdin`: replace a mailbox's code after proving the new one.

The new code is checked against IMAP and SMTP first; only a passing check replaces the keyring
entry (the old code stays until then), records a 'rotated' event and resets the code's dates.
Afterwards the user is reminded to revoke the old code in the provider's web settings: a code
that is no longer used but still valid is a leak waiting to happen.
"""

from __future__ import annotations

import argparse

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
from mailmanager.cli.common import EXIT_NEEDS_ACTION, EXIT_OK, CliContext, fail
from mailmanager.cli.trust_options import add_trust_options, with_consent
from mailmanager.core import trust
from mailmanager.core.catalogue import links
from mailmanager.core.model.accounts import utcnow
from mailmanager.core.rules.policy import local_today


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "rotate", help="replace a mailbox's code with a new one (read from standard input)"
    )
    p.add_argument("address", help="the mailbox whose code is replaced")
    p.add_argument("--password-stdin", action="store_true", help="read the new code from stdin")
    p.add_argument("--label", help="which client the new code is for")
    p.add_argument("--code-created", metavar="YYYY-MM-DD", help="when the new code was made")
    p.add_argument("--code-expires", metavar="YYYY-MM-DD", help="when the new code expires")
    add_trust_options(p)
    json_flag(p)
    p.set_defaults(func=guarded(cmd_rotate))


def cmd_rotate(args: argparse.Namespace, ctx: CliContext) -> int:
    code_created = parse_day(args.code_created, "--code-created")
    code_expires = parse_day(args.code_expires, "--code-expires")
    today = local_today(account_view.local_now())
    if code_expires is not None and code_expires < (code_created or today):
        fail("--code-expires is before the code was created")
    with open_registry(ctx) as registry:
        stored = registry.resolve(args.address)
        account = with_consent(stored, args, utcnow())
        refused = trust.refusals(account)
        if refused:
            return untrusted(ctx, account, refused)
        secret = read_code(args)
        registry.secrets.check_backend()
        # The new code with the stored servers, and the dates the user gave: proven first,
        # nothing is replaced before.
        account = account.replace(
            credential_label=args.label if args.label is not None else account.credential_label,
            code_created=code_created or today,
            code_expires=code_expires,
        )
        proof = run_check(account, secret)
        check = proof.check
        if not proof.ok:
            if ctx.json_output:
                ctx.emit_json(
                    {"address": account.address, "rotated": False, "check": check_json(check)}
                )
            else:
                ctx.say(f"Not rotated: the new code for {account.address} did not work.")
                ctx.say("The old code is still stored.")
                say_check(ctx, check)
            return EXIT_NEEDS_ACTION
        # One transaction: the new code, its dates and any consent given by the options.
        old = registry.store.own_code(stored.id or 0)
        saved = registry.rotate(account, proof)
    catalogue = account_view.load_catalogue(ctx.paths.user_providers_dir)
    provider = catalogue.get(saved.provider_id) if catalogue and saved.provider_id else None
    revoke_at = links.settings_url(provider, saved.address.rpartition("@")[2])
    if ctx.json_output:
        # "revoke_old_code_at" is the old name of "settings_url", kept for one release.
        ctx.emit_json(
            {
                "address": saved.address,
                "rotated": True,
                "check": check_json(check),
                "settings_url": revoke_at or None,
                "revoke_old_code_at": revoke_at or None,
                "old_code": {
                    "label": old.label if old else None,
                    "created": old.created.isoformat() if old and old.created else None,
                },
                "label": saved.credential_label,
            }
        )
    else:
        ctx.say(f"Rotated the code of {saved.address} (login checked).")
        domain = saved.address.rpartition("@")[2]
        unsure = " (not confirmed)" if links.settings_url_unconfirmed(provider, domain) else ""
        # Named by its label and creation date, as the provider's list shows it (issue 19).
        made = f", made {old.created.isoformat()}" if old and old.created else ""
        name = f"the old code {old.label!r}{made}" if old else "the old code"
        ctx.say(
            f"Now revoke {name} in the provider's web settings"
            + (f": {revoke_at}{unsure}" if revoke_at else ".")
        )
    return EXIT_OK
