"""`list`, `add`, `remove`, `export` and `import`: the accounts from the command line.

The helpers without a leading underscore (``guarded``, ``open_registry``, ``read_code``,
``run_check`` ...) are shared with the other account commands (``rotate_cmd``).

Every change goes through ``core.registry.Registry`` (store and keyring together); this module
only parses arguments, reads the code from standard input (never from argv, where other users
and shell history would see it) and prints. Expected failures end in one line on stderr and an
exit code: 2 for bad input (malformed address, unknown account, bad date), 1 when the command ran
but the user has to act (login check failed, keyring locked or missing, database busy, damaged
or too new). No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mailmanager.cli import account_view
from mailmanager.cli.common import (
    EXIT_NEEDS_ACTION,
    EXIT_OK,
    EXIT_USAGE,
    CliContext,
    ascii_number,
    fail,
    parse_endpoint,
    read_password_stdin,
    short,
)
from mailmanager.cli.detect_cmd import parse_dns_server
from mailmanager.cli.trust_options import (
    add_trust_options,
    chosen_ca,
    refusal_json,
    say_refusals,
    with_consent,
)
from mailmanager.core import trust
from mailmanager.core.catalogue import links
from mailmanager.core.catalogue.lookup import Provider
from mailmanager.core.checking import runner as check_runner
from mailmanager.core.checking.hints import hint_text
from mailmanager.core.checking.proof import Credential, Proof, Unproven
from mailmanager.core.checking.runner import AccountCheck
from mailmanager.core.discovery import detector
from mailmanager.core.discovery.detector import Detection
from mailmanager.core.model import address as address_rules
from mailmanager.core.model import limits
from mailmanager.core.model.accounts import DEFAULT_ROTATE_DAYS, Account, Endpoint, utcnow
from mailmanager.core.registry import CheckFailedError, Registry
from mailmanager.core.rules.policy import local_today
from mailmanager.core.secrets import SecretsError, SecretStore
from mailmanager.core.store import export_file
from mailmanager.core.store.account_store import (
    AccountStore,
    DuplicateAccountError,
    StoreError,
    UnknownAccountError,
)

log = logging.getLogger("mailmanager.cli")

CHECK_TIMEOUT = 20.0
DETECT_TIMEOUT = 8.0

Command = Callable[[argparse.Namespace, CliContext], int]


# -- registration ------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the account commands to the CLI."""
    p = subparsers.add_parser("list", help="list the mailboxes with their status")
    p.add_argument("--group", metavar="G", help="only the mailboxes of group G ('' for none)")
    json_flag(p)
    p.set_defaults(func=guarded(cmd_list))

    p = subparsers.add_parser("add", help="add a mailbox; the code is read from standard input")
    p.add_argument("address", metavar="ADDRESS")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the authorization code from the first line of standard input (required)",
    )
    server_help = "HOST:PORT:ssl|starttls|plain (IPv6 host in brackets); detected if omitted"
    p.add_argument("--imap", metavar="SERVER", help=server_help)
    p.add_argument("--smtp", metavar="SERVER", help=server_help)
    p.add_argument("--username", metavar="U", help="login name (default: the provider's rule)")
    p.add_argument("--label", metavar="L", default="", help="the client name the code was made for")
    p.add_argument("--display-name", metavar="N", default="", help="a name shown in the list")
    p.add_argument("--group", metavar="G", help="the group the mailbox belongs to (a client...)")
    p.add_argument("--code-created", metavar="YYYY-MM-DD", help="when the code was made")
    p.add_argument("--code-expires", metavar="YYYY-MM-DD", help="when the code stops working")
    p.add_argument(
        "--rotate-days",
        metavar="N",
        type=_rotate_days,
        default=DEFAULT_ROTATE_DAYS,
        help=f"remind to rotate the code after N days, {limits.MIN_ROTATE_DAYS} to "
        f"{limits.MAX_ROTATE_DAYS}, or 0 for never (default {DEFAULT_ROTATE_DAYS})",
    )
    p.add_argument(
        "--ca-file", metavar="PEM", help="extra CA certificates for a server with its own CA"
    )
    p.add_argument(
        "--offline",
        "--no-network",
        dest="offline",
        action="store_true",
        help="find servers in the catalogue only (no DNS, autoconfig or guessing)",
    )
    p.add_argument(
        "--dns-server",
        metavar="IP:PORT",
        help="send detection's DNS queries to this server (IPv6 in brackets)",
    )
    p.add_argument("--no-check", action="store_true", help="save without checking the login")
    add_trust_options(p)
    json_flag(p)
    p.set_defaults(func=guarded(cmd_add))

    p = subparsers.add_parser("remove", help="remove a mailbox and its code")
    p.add_argument("address", metavar="ADDRESS")
    json_flag(p)
    p.set_defaults(func=guarded(cmd_remove))

    p = subparsers.add_parser("export", help="write every account's settings (never codes)")
    p.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="output file (default: stdout); an existing file is replaced by a new one, "
        "readable by you only",
    )
    json_flag(p)
    p.set_defaults(func=guarded(cmd_export))

    p = subparsers.add_parser("import", help="restore accounts from an export")
    p.add_argument("file", metavar="FILE", help="an export file, or - for standard input")
    json_flag(p)
    p.set_defaults(func=guarded(cmd_import))


def json_flag(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps the global --json (given before the subcommand) when this one is absent.
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )


def _rotate_days(text: str) -> int:
    """The reminder interval, within the limits every editor uses (core.model.limits)."""
    value = ascii_number(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"{short(text)!r} is not a whole number")
    try:
        return limits.validate_rotate_days(value)
    except limits.LimitError as exc:
        raise argparse.ArgumentTypeError(f"{short(str(value))} days: {exc}") from None


# -- error handling ------------------------------------------------------------------------


def _error(message: str, code: int) -> int:
    print(f"mailmanager-cli: error: {message}", file=sys.stderr)
    return code


def guarded(command: Command) -> Command:
    """Turn the expected failures of the core into one line and an exit code."""

    def run(args: argparse.Namespace, ctx: CliContext) -> int:
        try:
            return command(args, ctx)
        except (UnknownAccountError, DuplicateAccountError) as exc:
            return _error(str(exc), EXIT_USAGE)
        except StoreError as exc:
            log.error("store error: %s (%s)", exc, exc.detail)
            return _error(str(exc), EXIT_NEEDS_ACTION)
        except SecretsError as exc:
            return _error(exc.message, EXIT_NEEDS_ACTION)
        except address_rules.AddressError as exc:
            return _error(f"invalid address: {exc}", EXIT_USAGE)

    return run


@contextmanager
def open_registry(ctx: CliContext) -> Iterator[Registry]:
    with AccountStore.open(ctx.paths.database) as store:
        yield Registry(store, SecretStore(ctx.paths))


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    # Python also reads "20260101" and "2026-W01-1" as dates: only the form we print counts.
    if _ISO_DAY.fullmatch(text.strip()):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            pass
    fail(f"invalid {option} {short(text)!r}: use YYYY-MM-DD")


def _parse_address(text: str) -> address_rules.Address:
    try:
        return address_rules.parse_address(text)
    except address_rules.AddressError as exc:
        fail(f"invalid address {short(text)!r}: {exc}")


# -- list ----------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """Exit 0 whatever the accounts' states: the list is the answer (see `badge`)."""
    today = local_today(account_view.local_now())
    with AccountStore.open(ctx.paths.database) as store:
        summaries = store.summaries()
        codes = store.all_codes()
    if args.group is not None:
        wanted = group_key(args.group)
        summaries = [s for s in summaries if s.account.group.casefold() == wanted]
    catalogue = account_view.load_catalogue(ctx.paths.user_providers_dir)
    rows = account_view.build_rows(summaries, today, catalogue, codes)
    if ctx.json_output:
        ctx.emit_json([row.to_json() for row in rows])
    else:
        ctx.say(account_view.render_text(rows, today))
    return EXIT_OK


def group_key(text: str) -> str:
    """A group name as ``--group`` compares it: cleaned like a kept name, case ignored."""
    return limits.clean_group(text).casefold()


def chosen_group(text: str | None) -> str | None:
    """``--group``'s name as it will be kept, or None when the option was not given."""
    if text is None:
        return None
    group = limits.clean_group(text)
    problem = limits.text_problem("--group", group, limits.MAX_GROUP)
    if problem is not None:
        fail(problem)
    return group


# -- add -----------------------------------------------------------------------------------


def read_code(args: argparse.Namespace) -> str:
    if not args.password_stdin:
        fail("the code is read from standard input only: add --password-stdin and pipe it in")
    if sys.stdin is not None and sys.stdin.isatty():
        code = getpass.getpass("Authorization code: ")
        if not code.strip():
            fail("no code entered")
        return code
    return read_password_stdin()


def _catalogue_provider(ctx: CliContext, domain: str) -> Provider | None:
    catalogue = account_view.load_catalogue(ctx.paths.user_providers_dir)
    return catalogue.by_domain(domain) if catalogue is not None else None


def _with_user(endpoint: Endpoint, username: str) -> Endpoint:
    return endpoint.with_username(username)


def _detect(
    ctx: CliContext,
    parsed: address_rules.Address,
    network: bool,
    dns_server: tuple[str, int] | None = None,
) -> Detection:
    """Provider and servers for the address: the catalogue first, then (unless offline) MX,
    SRV, autoconfig and a guess, as the wizard does (core.discovery). What the network steps
    find is a suggestion: ``core.trust`` decides whether the code may go there."""
    catalogue = account_view.load_catalogue(ctx.paths.user_providers_dir)
    if catalogue is None:  # already logged; the servers must then come from the options
        return Detection(parsed.address, None, detector.Source.NONE, None, None)
    return detector.detect(
        parsed.address,
        network=network,
        dns_server=dns_server,
        timeout=DETECT_TIMEOUT,
        catalogue=catalogue,
    )


def _endpoints(
    args: argparse.Namespace, parsed: address_rules.Address, found: Detection
) -> tuple[Endpoint, Endpoint]:
    """Servers from the options; what they leave out from detection."""
    if args.username is not None and not args.username.strip():
        fail("--username needs a login name (leave it out to use the provider's rule)")
    user = (args.username or "").strip()
    imap = parse_endpoint(args.imap, user or parsed.address) if args.imap else None
    smtp = parse_endpoint(args.smtp, user or parsed.address) if args.smtp else None
    if imap is None and found.imap is not None:
        imap = _with_user(found.imap, user or found.imap.username or parsed.address)
    if smtp is None and found.smtp is not None:
        smtp = _with_user(found.smtp, user or found.smtp.username or parsed.address)
    if imap is None or smtp is None:
        missing = " and ".join(
            name for name, ep in (("--imap", imap), ("--smtp", smtp)) if ep is None
        )
        fail(
            f"the servers for {parsed.domain} could not be found: give {missing} "
            "HOST:PORT:ssl|starttls|plain"
        )
    return imap, smtp


def run_check(account: Account, secret: str) -> Proof:
    """Log in to both servers once with the candidate code, before anything is saved; the
    proof carries the code to the registry."""
    return check_runner.prove(account, secret, timeout=CHECK_TIMEOUT)


def check_json(check: AccountCheck | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {r.protocol.value: r.to_json() for r in check.results()}


def say_check(ctx: CliContext, check: AccountCheck) -> None:
    # The same advice once when both protocols failed alike (it is the same fix).
    alike = bool(check.imap.hint_id) and check.imap.hint_id == check.smtp.hint_id
    for r in check.results():
        hint = hint_text(r.hint_id) if r.hint_id and not (alike and r is check.imap) else ""
        line = f"  {r.protocol.value.upper()}: {r.status.value}"
        if r.server_message:
            line += f" - {r.server_message}"
        ctx.say(line)
        if hint:
            ctx.say(f"    {hint}")


def _already_exists(address: str) -> int:
    return _error(
        f"{address} already exists in the list (remove it first to add it again)",
        EXIT_NEEDS_ACTION,
    )


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    parsed = _parse_address(args.address)
    code_created = parse_day(args.code_created, "--code-created")
    code_expires = parse_day(args.code_expires, "--code-expires")
    if code_created and code_expires and code_expires < code_created:
        fail("--code-expires is before --code-created")
    for option, value, limit in (
        ("--display-name", args.display_name, limits.MAX_DISPLAY_NAME),
        ("--label", args.label, limits.MAX_LABEL),
        ("--username", args.username, limits.MAX_USERNAME),
    ):
        problem = limits.text_problem(option, value, limit)
        if problem is not None:
            fail(problem)
    group = chosen_group(args.group)
    dns_server = parse_dns_server(args.dns_server) if args.dns_server else None
    now = utcnow()
    with open_registry(ctx) as registry:
        existing = registry.store.find_by_address(parsed.address)
        if (
            existing is not None
            and existing.id is not None
            and registry.store.is_pending(existing.id)
        ):
            existing = None  # an unfinished save (a crash): the add cleans it up first
        if existing is not None and not existing.needs_code:
            return _already_exists(existing.address)
        if existing is not None:
            # The restore step: the imported settings stay unless the options replace them.
            account = _restored(args, existing, now)
            if group is not None:
                account = account.replace(group=group)
        else:
            # Both servers given: only the provider's id is wanted, no network needed.
            network = not args.offline and not (args.imap and args.smtp)
            found = _detect(ctx, parsed, network, dns_server)
            provider = found.provider
            if provider is not None and provider.oauth_only:
                fail(f"{provider.name('en')} no longer accepts authorization codes (OAuth only)")
            imap, smtp = _endpoints(args, parsed, found)
            account = Account(
                address=parsed.address,
                imap=imap,
                smtp=smtp,
                display_name=args.display_name,
                provider_id=provider.id if provider is not None else None,
                credential_label=args.label,
                code_created=code_created or local_today(account_view.local_now()),
                code_expires=code_expires,
                rotate_days=args.rotate_days,
                group=group or "",
                **chosen_ca(args.ca_file, now),
            )
            problem = limits.account_problem(account)
            if problem is not None:
                fail(f"cannot add {account.address}: {problem}")
        account = with_consent(account, args, now)
        refused = trust.refusals(account)
        if refused:
            return untrusted(ctx, account, refused)
        secret = read_code(args)
        registry.secrets.check_backend()  # refuse before logging in if the code cannot be kept
        credential: Credential = (
            Unproven(secret, "--no-check") if args.no_check else run_check(account, secret)
        )
        check = credential.check
        try:
            if existing is not None:
                # The restore step: the code, its label and dates, and any servers the options
                # replaced, in one transaction.
                restored = account.replace(
                    credential_label=args.label or existing.credential_label,
                    code_created=code_created or existing.code_created,
                    code_expires=code_expires or existing.code_expires,
                )
                saved = registry.restore_code(restored, credential)
            else:
                saved = registry.add(account, credential)
        except DuplicateAccountError:
            # Another process saved it first (six concurrent adds: one wins, under the lock).
            return _already_exists(account.address)
        except CheckFailedError as exc:
            if ctx.json_output:
                ctx.emit_json({"address": account.address, "saved": False, **_check_out(exc)})
            else:
                ctx.say(f"Not saved: the login check of {account.address} failed.")
                say_check(ctx, exc.check)
            return EXIT_NEEDS_ACTION
    if ctx.json_output:
        ctx.emit_json({"address": saved.address, "saved": True, "check": check_json(check)})
    else:
        what = "Code stored for" if existing is not None else "Added"
        suffix = " (not checked)" if check is None else " (login checked)"
        ctx.say(f"{what} {saved.address}{suffix}.")
        if check is not None:
            say_check(ctx, check)
    return EXIT_OK


def _restored(args: argparse.Namespace, existing: Account, now: datetime) -> Account:
    """An imported mailbox with what the options replace: servers typed now, a CA chosen now."""
    if args.username is not None and not args.username.strip():
        fail("--username needs a login name (leave it out to keep the imported one)")
    user = (args.username or "").strip()
    imap = parse_endpoint(args.imap, user or existing.imap.username) if args.imap else None
    smtp = parse_endpoint(args.smtp, user or existing.smtp.username) if args.smtp else None
    if user:
        imap = imap or existing.imap.with_username(user)
        smtp = smtp or existing.smtp.with_username(user)
    return existing.replace(
        imap=imap or existing.imap, smtp=smtp or existing.smtp, **chosen_ca(args.ca_file, now)
    )


def untrusted(ctx: CliContext, account: Account, refused: list[trust.Refusal]) -> int:
    """The trust rule said no: nothing is read, sent or saved; say what would accept it."""
    if ctx.json_output:
        ctx.emit_json(
            {
                "address": account.address,
                "saved": False,
                "untrusted": [refusal_json(r) for r in refused],
            }
        )
    say_refusals(ctx, account.address, refused)
    return EXIT_NEEDS_ACTION


def _check_out(exc: CheckFailedError) -> dict[str, Any]:
    return {"check": check_json(exc.check)}


# -- remove --------------------------------------------------------------------------------


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    parsed = _parse_address(args.address)
    with open_registry(ctx) as registry:
        account = registry.resolve(parsed.address)
        assert account.id is not None
        removed = registry.remove(account.id)
    catalogue = account_view.load_catalogue(ctx.paths.user_providers_dir)
    provider = None
    if catalogue is not None:
        provider = catalogue.get(removed.provider_id) if removed.provider_id else None
        provider = provider or catalogue.by_domain(parsed.domain)
    url = links.settings_url(provider, parsed.domain)  # this suffix's own webmail
    if ctx.json_output:
        # "revoke_at" is the old name of "settings_url", kept for one release.
        ctx.emit_json(
            {
                "address": removed.address,
                "removed": True,
                "settings_url": url or None,
                "revoke_at": url or None,
            }
        )
    else:
        ctx.say(f"Removed {removed.address}; its code was deleted from the keyring.")
        unsure = (
            " (not confirmed)" if links.settings_url_unconfirmed(provider, parsed.domain) else ""
        )
        where = f": {url}{unsure}" if url else ""
        ctx.say(f"Also revoke the code in the provider's web settings{where}")
    return EXIT_OK


# -- export / import -----------------------------------------------------------------------


_STREAM = re.compile(r"/(?:dev/fd|proc/self/fd)/([0-9]+)")


def _write_export(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` without ever destroying what the path names.

    * ``/dev/fd/N`` and ``/proc/self/fd/N`` (a redirect, a process substitution) are written
      through the open descriptor: following them to a file and replacing it would lose what
      a ``>>`` redirect had already appended.
    * A pipe, a terminal or another character device, or a socket is written into.
    * A block device is refused.
    * A regular file (or a new one) is replaced atomically, so a failure leaves the old export
      whole (a new file gets the owner-only permissions every file of ours has); a link to one
      is followed and its target replaced, the link kept.
    """
    stream = _STREAM.fullmatch(str(path))
    if stream is not None:
        with os.fdopen(os.dup(int(stream.group(1))), "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    if path.exists() and not path.is_file():
        mode = path.stat().st_mode
        if stat.S_ISBLK(mode) or stat.S_ISDIR(mode):
            fail(f"{short(str(path))} is a disk or a folder, not a file: choose a file name")
        with path.open("w", encoding="utf-8") as handle:
            handle.write(text)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target is not path and not target.parent.is_dir():
        fail(f"{short(str(path))} is a link into a folder that does not exist")
    _write_atomically(target, text)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    with AccountStore.open(ctx.paths.database) as store:
        accounts = store.list_accounts()
        codes = store.all_codes()
    text = export_file.dumps(accounts, codes=codes)
    if args.file is None or args.file in ("-", "/dev/stdout"):
        sys.stdout.write(text)
        return EXIT_OK
    if args.file == "/dev/stderr":
        sys.stderr.write(text)
        return EXIT_OK
    if not args.file.strip():
        fail("export needs a file name (or - for standard output)")
    path = Path(args.file).expanduser()
    try:
        _write_export(path, text)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")
    if ctx.json_output:
        ctx.emit_json({"file": str(path), "accounts": len(accounts)})
    else:
        ctx.say(f"Exported {len(accounts)} account(s) to {path} (settings only, no codes).")
    return EXIT_OK


def _read_import(name: str) -> str:
    """The export file's text: from standard input for ``-`` (as ``export -`` writes there);
    UTF-8 with or without a byte-order mark (editors on Windows add one)."""
    if not name.strip():
        fail("import needs a file name (or - for standard input)")
    try:
        if name == "-":
            if sys.stdin is None:
                fail("there is no standard input to read the export from")
            raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        else:
            raw = Path(name).expanduser().read_bytes()
    except OSError as exc:
        fail(f"cannot read {short(name)}: {exc.strerror or exc}")
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{short(name)} is not UTF-8 text (save the export as UTF-8 and try again)")


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """Exit 0 when every entry is now present; 1 when some entries could not be read."""
    text = _read_import(args.file)
    path = Path(args.file).expanduser()
    try:
        parsed = export_file.loads(text)
    except export_file.ExportFormatError as exc:
        fail(f"{path}: {exc}")
    with open_registry(ctx) as registry:
        imported, skipped = registry.import_accounts(parsed.accounts, parsed.codes)
    if ctx.json_output:
        ctx.emit_json(
            {
                "imported": [a.address for a in imported],
                "skipped": [a.address for a in skipped],
                "invalid": [{"index": i, "reason": r} for i, r in parsed.problems],
            }
        )
    else:
        for account in imported:
            ctx.say(f"Imported {account.address} (needs its code)")
        for account in skipped:
            ctx.say(f"Skipped {account.address}: already in the list, left unchanged")
        for index, reason in parsed.problems:
            ctx.say(f"Entry {index + 1} not imported: {reason}")
        if imported:
            ctx.say(
                "Enter each imported mailbox's code with: "
                "mailmanager-cli add ADDRESS --password-stdin"
            )
    return EXIT_NEEDS_ACTION if parsed.problems else EXIT_OK
