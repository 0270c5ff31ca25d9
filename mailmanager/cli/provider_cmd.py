"""``mailmanager-cli provider list|import|remove``: the catalogue and the user's own providers.

``provider import FILE`` turns a Thunderbird autoconfig file (config-v1.1.xml) from a company's
mail admin into a user provider, stored beside the data (paths.user_providers_dir), so detection
recognises the company's domain from then on. The file is parsed safely (no DTDs or entities,
size limit); a bad file exits 2 with a one-line reason.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mailmanager.cli.common import EXIT_OK, CliContext, fail

MAX_FILE = 1024 * 1024  # read at most this much; the parser refuses more than 128 KiB anyway


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    from mailmanager.core.catalogue.lookup import Catalogue

    catalogue = Catalogue.load(ctx.paths.user_providers_dir)
    providers = catalogue.all()
    if ctx.json_output or getattr(args, "json", False):
        ctx.emit_json(
            [
                {
                    "id": p.id,
                    "name": p.name("en"),
                    "name_zh": p.name("zh"),
                    "domains": list(p.domains),
                    "user": p.user,
                    "credential": p.credential.kind.value,
                    "accepts_passwords": p.accepts_passwords,
                }
                for p in providers
            ]
        )
        return EXIT_OK
    for p in providers:
        domains = ", ".join(p.domains) if p.domains else "(own domains, found by MX)"
        origin = " [user]" if p.user else ""
        ctx.say(f"{p.id:<18} {p.name('en')}{origin}: {domains}")
    return EXIT_OK


def _import(args: argparse.Namespace, ctx: CliContext) -> int:
    from mailmanager.core.catalogue.user_providers import ProviderImportError, import_autoconfig
    from mailmanager.core.discovery.autoconfig import AutoconfigError

    path = Path(args.file)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    try:
        provider = import_autoconfig(
            data,
            ctx.paths.user_providers_dir,
            origin=path.name,
            provider_id=args.id,
            replace=args.replace,
        )
    except (AutoconfigError, ProviderImportError) as exc:
        fail(f"{path.name}: {exc}")
    from mailmanager.core.trust import bundled_catalogue

    bundled = bundled_catalogue()
    # A provider file never takes a domain the built-in catalogue serves (core.trust).
    ignored = [d for d in provider.domains if bundled.by_domain(d) is not None]
    if ctx.json_output or getattr(args, "json", False):
        ctx.emit_json(
            {
                "id": provider.id,
                "domains": list(provider.domains),
                "user": True,
                "ignored_domains": ignored,
            }
        )
    else:
        ctx.say(f"Imported {provider.id} for {', '.join(provider.domains)}")
        if ignored:
            ctx.say(
                f"Not used for {', '.join(ignored)}: the built-in catalogue serves these domains."
            )
        ctx.say(
            "Its servers are suggestions: a code goes to them only once you confirm them "
            "(--trust-server HOST, or the app's confirmation)."
        )
    return EXIT_OK


def _remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from mailmanager.core.catalogue.user_providers import remove_user_provider

    if not remove_user_provider(ctx.paths.user_providers_dir, args.provider_id):
        fail(f"no user provider {args.provider_id!r}")
    ctx.say(f"Removed {args.provider_id}")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``provider`` and its subcommands."""
    parser = subparsers.add_parser(
        "provider",
        help="list providers, import a company's autoconfig file",
        description="List the known providers, or manage your own (imported) providers.",
    )
    actions = parser.add_subparsers(dest="provider_action", metavar="ACTION")
    actions.required = True
    json_flag = {"action": "store_true", "default": argparse.SUPPRESS, "help": "print JSON"}

    listing = actions.add_parser("list", help="list the catalogue and your providers")
    listing.add_argument("--json", **json_flag)  # type: ignore[arg-type]
    listing.set_defaults(func=_list)

    importing = actions.add_parser(
        "import", help="import a Thunderbird autoconfig file (config-v1.1.xml)"
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--id", help="provider id to use (snake_case; default from the file)")
    importing.add_argument(
        "--replace", action="store_true", help="replace a provider imported before"
    )
    importing.add_argument("--json", **json_flag)  # type: ignore[arg-type]
    importing.set_defaults(func=_import)

    removing = actions.add_parser("remove", help="remove a provider you imported")
    removing.add_argument("provider_id", metavar="ID")
    removing.set_defaults(func=_remove)
