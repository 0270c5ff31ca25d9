"""`check`: log in to IMAP and SMTP now, once each, and say what is wrong and what to do.

Three forms:

* ``check ADDRESS...``: stored accounts; results go to the check history (and so the badges).
* ``check --all [--force]``: every stored account except paused ones and those whose code was
  rejected last time (checking a rejected code again only counts towards the provider's lock-out);
  ``--force`` checks those too.
* ``check --address A --imap ... --smtp ... --password-stdin``: ad hoc, nothing is stored.

JSON: the ad-hoc form prints ``{"imap": {...}, "smtp": {...}}``; the stored forms print a list of
``{"address", "imap", "smtp"}`` (plus ``"skipped"`` or ``"error"`` when an account was not
checked). Exit codes: 0 every probe ok, 1 anything else, 2 usage.
"""

from __future__ import annotations

import argparse
import logging
import sys
from concurrent.futures import Future
from typing import Any

from mailmanager.cli.common import (
    EXIT_NEEDS_ACTION,
    EXIT_OK,
    CliContext,
    fail,
    parse_endpoint,
    read_password_stdin,
    short,
)
from mailmanager.cli.trust_options import (
    add_trust_options,
    chosen_ca,
    refusal_json,
    say_refusals,
    with_consent,
)
from mailmanager.core import trust
from mailmanager.core.checking.result import ProbeResult
from mailmanager.core.checking.runner import (
    DEFAULT_CONCURRENCY,
    DEFAULT_TIMEOUT,
    AccountCheck,
    CheckRunner,
    MissingSecret,
    check_account,
)
from mailmanager.core.model import address as address_rules
from mailmanager.core.model.accounts import Account, utcnow
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretsError, SecretStore
from mailmanager.core.store.account_store import AccountStore, StoreError, UnknownAccountError
from mailmanager.core.store.errors import REMOVED_DURING_CHECK

log = logging.getLogger("mailmanager.cli")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check`` to the CLI."""
    p = subparsers.add_parser(
        "check",
        help="log in to IMAP and SMTP once each and diagnose any failure",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    p.add_argument("addresses", metavar="ADDRESS", nargs="*", help="stored accounts to check")
    p.add_argument("--all", action="store_true", help="check every stored account")
    p.add_argument(
        "--force", action="store_true", help="with --all: also paused and rejected accounts"
    )
    p.add_argument("--address", metavar="A", help="ad hoc: the mailbox address (stores nothing)")
    p.add_argument("--imap", metavar="HOST:PORT:SECURITY", help="ad hoc: the IMAP server")
    p.add_argument("--smtp", metavar="HOST:PORT:SECURITY", help="ad hoc: the SMTP server")
    p.add_argument("--username", metavar="U", help="ad hoc: login name (default: the address)")
    p.add_argument(
        "--password-stdin", action="store_true", help="ad hoc: read the code from standard input"
    )
    p.add_argument("--ca-file", metavar="PEM", help="ad hoc: an extra CA certificate file to trust")
    add_trust_options(p)
    p.add_argument(
        "--timeout",
        metavar="S",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"time limit per protocol in seconds (default {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if getattr(args, "json", False):
        ctx.json_output = True
    if not 0 < args.timeout <= 600:
        fail("--timeout must be between 0 and 600 seconds")
    adhoc = any(v is not None for v in (args.address, args.imap, args.smtp, args.username))
    if adhoc:
        if args.addresses or args.all or args.force:
            fail("give either stored ADDRESSes / --all, or --address with --imap and --smtp")
        return _run_adhoc(args, ctx)
    if args.password_stdin:
        fail("--password-stdin belongs to the ad-hoc form (--address, --imap, --smtp)")
    if args.ca_file is not None:
        fail("--ca-file belongs to the ad-hoc form; for a stored mailbox use --trust-ca-file")
    if args.all == bool(args.addresses):
        fail("give the ADDRESSes to check, or --all")
    if args.force and not args.all:
        fail("--force goes with --all")
    try:
        return _run_stored(args, ctx)
    except StoreError as exc:
        print(f"mailmanager-cli: error: {exc}", file=sys.stderr)
        return EXIT_NEEDS_ACTION


# -- ad hoc ---------------------------------------------------------------------------------------


def _run_adhoc(args: argparse.Namespace, ctx: CliContext) -> int:
    if not (args.address and args.imap and args.smtp):
        fail("the ad-hoc form needs --address, --imap and --smtp")
    if not args.password_stdin:
        fail("the ad-hoc form reads the code from standard input: add --password-stdin")
    try:
        address = address_rules.normalise_address(args.address)
    except address_rules.AddressError as exc:
        fail(f"invalid address {short(args.address)!r}: {exc}")
    if args.username is not None and not args.username.strip():
        fail("--username needs a login name (leave it out to use the address)")
    username = (args.username or "").strip() or address
    account = Account(
        address=address,
        imap=parse_endpoint(args.imap, username),
        smtp=parse_endpoint(args.smtp, username),
        **chosen_ca(args.ca_file, utcnow()),
    )
    secret = read_password_stdin()
    check = check_account(account, secret, timeout=args.timeout)
    if ctx.json_output:
        ctx.emit_json(_check_json(check))
    else:
        _say(ctx, address, check)
    return EXIT_OK if check.ok else EXIT_NEEDS_ACTION


# -- stored accounts ------------------------------------------------------------------------------


def _skip_reason(account: Account, last: list[ConnectionStatus]) -> str:
    if account.paused:
        return "paused"
    if ConnectionStatus.AUTH_FAILED in last:
        return "code rejected at the last check (use --force to check again)"
    return ""


def _run_stored(args: argparse.Namespace, ctx: CliContext) -> int:
    secrets = SecretStore(ctx.paths)
    with AccountStore.open(ctx.paths.database) as store:
        skipped: dict[str, str] = {}
        accounts: list[Account] = []
        if args.all:
            for summary in store.summaries():
                reason = (
                    "" if args.force else _skip_reason(summary.account, summary.connection_statuses)
                )
                if reason:
                    skipped[summary.account.address] = reason
                else:
                    accounts.append(summary.account)
        else:
            for text in args.addresses:
                try:
                    canonical = address_rules.normalise_address(text)
                except address_rules.AddressError as exc:
                    fail(f"invalid address {short(text)!r}: {exc}")
                found = store.find_by_address(canonical)
                if found is None:
                    fail(f"no stored account {short(text)!r}")
                accounts.append(found)
        registry = Registry(store, secrets)  # consent and results are kept through it
        accounts, untrusted = _consent_and_trust(registry, accounts, args)
        runner = CheckRunner(
            lambda account: secrets.get(account.address),
            concurrency=DEFAULT_CONCURRENCY,
            timeout=args.timeout,
        )
        try:
            done = runner.run(accounts)
        finally:
            runner.shutdown(cancel=False)
        outcomes = [
            _recorded(registry, account, _outcome(account, future)) for account, future in done
        ]
    for account, refused in untrusted:
        row = _not_checked(account, "not sent: a server or certificate needs your confirmation")
        outcomes.append(({**row, "untrusted": [refusal_json(r) for r in refused]}, None))
        if not ctx.json_output:
            say_refusals(ctx, account.address, refused)
    for address, reason in skipped.items():
        outcomes.append(({"address": address, "imap": None, "smtp": None, "skipped": reason}, None))
    if ctx.json_output:
        ctx.emit_json([row for row, _check in outcomes])
    else:
        for row, check in outcomes:
            _say_row(ctx, row, check)
    all_ok = all(check is not None and check.ok for row, check in outcomes if "skipped" not in row)
    return EXIT_OK if all_ok else EXIT_NEEDS_ACTION


def _consent_and_trust(
    registry: Registry, accounts: list[Account], args: argparse.Namespace
) -> tuple[list[Account], list[tuple[Account, list[trust.Refusal]]]]:
    """Record the consent the options give, then split the accounts into those the trust
    rule lets through and those it stops (with why): the latter are not checked at all."""
    now = utcnow()
    allowed: list[Account] = []
    refused: list[tuple[Account, list[trust.Refusal]]] = []
    for account in accounts:
        confirmed = with_consent(account, args, now)
        if confirmed is not account:
            confirmed = registry.confirm_hosts(confirmed)
        reasons = trust.refusals(confirmed)
        if reasons:
            refused.append((confirmed, reasons))
        else:
            allowed.append(confirmed)
    return allowed, refused


def _recorded(
    registry: Registry, account: Account, outcome: tuple[dict[str, Any], AccountCheck | None]
) -> tuple[dict[str, Any], AccountCheck | None]:
    """Keep the check in the history; an account removed meanwhile (``remove`` in another
    terminal, the app) ends its check with one line instead of a traceback."""
    assert account.id is not None
    _row, check = outcome
    try:
        if check is None:
            registry.store.get_account(account.id)  # no code may mean the account went away
            return outcome
        registry.record_check(account.id, check)
    except UnknownAccountError:
        log.info("account %s was removed while it was being checked", account.id)
        return _not_checked(account, REMOVED_DURING_CHECK), None
    return outcome


def _not_checked(account: Account, error: str) -> dict[str, Any]:
    return {"address": account.address, "imap": None, "smtp": None, "error": error}


def _outcome(
    account: Account, future: Future[AccountCheck]
) -> tuple[dict[str, Any], AccountCheck | None]:
    try:
        check = future.result()
    except MissingSecret:
        return _not_checked(account, "no code is stored"), None
    except SecretsError as exc:
        return _not_checked(account, exc.message), None
    except Exception as exc:  # a bug must not print a traceback (or anything secret)
        return _not_checked(account, f"the check failed ({type(exc).__name__})"), None
    return {"address": account.address, **_check_json(check)}, check


# -- output ---------------------------------------------------------------------------------------


def _check_json(check: AccountCheck) -> dict[str, Any]:
    return {"imap": check.imap.to_json(), "smtp": check.smtp.to_json()}


def _say_result(ctx: CliContext, result: ProbeResult, *, hint: bool = True) -> None:
    name = result.protocol.value.upper()
    line = f"  {name:<4}  {result.status.value} ({result.elapsed_ms} ms)"
    if result.server_message and not result.ok:
        line += f": {result.server_message}"
    ctx.say(line)
    text = result.to_json()["hint"]
    if text and hint:
        ctx.say(f"        {text}")


def _say(ctx: CliContext, address: str, check: AccountCheck) -> None:
    ctx.say(address)
    # The same advice once when both protocols failed alike (it is the same fix).
    alike = bool(check.imap.hint_id) and check.imap.hint_id == check.smtp.hint_id
    _say_result(ctx, check.imap, hint=not alike)
    _say_result(ctx, check.smtp)


def _say_row(ctx: CliContext, row: dict[str, Any], check: AccountCheck | None) -> None:
    if check is not None:
        _say(ctx, row["address"], check)
    elif "skipped" in row:
        ctx.say(f"{row['address']}\n  skipped: {row['skipped']}")
    else:
        ctx.say(f"{row['address']}\n  not checked: {row.get('error', '')}")
