"""The catalogue file format: validation of one provider file and its conversion to a Provider.

Why hand-written rather than a schema library: the standard library has no schema validator, the
format is small, and what matters most is the message when a file is wrong. Every error names the
file and the dotted field path (``netease_qiye.toml: servers[1].imap.port: expected an integer
between 1 and 65535, got "993x"``), so whoever edits a catalogue file, or imports a broken
autoconfig file, sees at once what to fix. Unknown keys are errors too: a typo must not silently
drop a fact.

File layout (TOML, one provider per file; see resources/providers/netease_personal.toml for a
fully commented example):

    schema = 1
    id = "snake_case_id"            family = "netease"
    name = { zh = "...", en = "..." }
    domains = [...]                 mx_patterns = [...]   # fnmatch globs, lower-case
    requires_imap_id = bool         accepts_passwords = bool
    hint_family = "netease" | "netease_qiye" | "qq" | "exmail" | "gmail" | "outlook"
                | "international"   # whose hints explain a refused login; absent: generic
    settings_url = "https://..."    help_url = "https://..."
                                    # settings_url may hold {domain}, the address's domain
                                    # (core/catalogue/links.py fills it in)
    unconfirmed = ["credential.format.length", "domains[188.com]", ...]
    mark = { text = "网易", color = "#RRGGBB" }
    [username]   imap = "address" | "local_part",  smtp = ...
    [sources]    domains = "...", mx_patterns = "...", ...
    [[servers]]  id, name{zh,en}, domains?, unconfirmed?, source,
                 imap = {host, port, security = ssl|starttls|plain}, smtp = {...}
    [credential] kind, name{zh,en}, mandatory, shown_once, expires, validity{zh,en}?,
                 invalidated_by{zh,en}?, count_limit?, source,
                 [credential.format] length?, pattern?, group_size?, separator?, keep_separator?
    [steps]      zh = [...], en = [...], source
    [[pitfalls]] zh, en, status?, unconfirmed?, source
    [sending]    zh, en, one_to_one_only?, source, [[sending.stages]] from_week, to_week?,
                 max_per_day, min_per_day?, min_interval_minutes?, max_interval_minutes?
    [inactivity] days, zh, en, source
    [suitability] zh, en, source
    [registration] zh = [...], en = [...], source
    [oauth]      since = 2024-09-16, zh, en, source     # only when accepts_passwords = false

``strict`` (the bundled catalogue) additionally requires sources, setup steps in both languages
and at least one pitfall; user providers (imported from autoconfig files) may omit them.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
from collections.abc import Iterable
from datetime import date

from mailmanager.core.catalogue.model import (
    HINT_FAMILIES,
    CodeFormat,
    Credential,
    CredentialKind,
    InactivityRule,
    Mark,
    Pitfall,
    Provider,
    SendingGuidance,
    SendingStage,
    ServerGroup,
    Text,
    TextList,
)
from mailmanager.core.catalogue.toml_reader import CatalogueError, Table, show
from mailmanager.core.model.accounts import Endpoint, EndpointSource, Origin, Security
from mailmanager.core.model.address import UsernameForm, is_valid_hostname
from mailmanager.core.model.status import ConnectionStatus

__all__ = ["ID_PATTERN", "SCHEMA_VERSION", "CatalogueError", "parse_provider"]

SCHEMA_VERSION = 1

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_MX_GLOB = re.compile(r"^[a-z0-9.*?\[\]\-]+$")
_UNCONFIRMED = re.compile(r"^(?P<top>[a-z_]+)(?P<rest>(?:\.[a-z_]+)*)(?:\[(?P<item>[^\]]+)\])?$")

# Top-level sections an ``unconfirmed`` entry may point into.
_SECTIONS = frozenset(
    {
        "domains",
        "mx_patterns",
        "servers",
        "username",
        "credential",
        "steps",
        "pitfalls",
        "sending",
        "inactivity",
        "suitability",
        "registration",
        "requires_imap_id",
        "hint_family",
        "accepts_passwords",
        "settings_url",
        "help_url",
        "oauth",
    }
)


def _check_host(table: Table, key: str, host: str) -> None:
    if is_valid_hostname(host):
        return
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise table.error(key, f"{show(host)} is not a valid lower-case host name") from None


def _hint_family(top: Table) -> str:
    family: str = top.string("hint_family", required=False)
    if family and family not in HINT_FAMILIES:
        raise top.error("hint_family", f"expected one of {', '.join(sorted(HINT_FAMILIES))}")
    return family


def _with_origin(group: ServerGroup, provider_id: str, user: bool) -> ServerGroup:
    """Mark the group's servers as the bundled catalogue's, or as a user's provider file's
    (which the trust rule treats as a suggestion: anyone can write such a file)."""
    source = EndpointSource.PROVIDER_FILE if user else EndpointSource.CATALOGUE
    origin = Origin(source, f"{provider_id}/{group.id}")
    return dataclasses.replace(
        group, imap=group.imap.with_origin(origin), smtp=group.smtp.with_origin(origin)
    )


def _endpoint(table: Table) -> Endpoint:
    host = table.string("host")
    _check_host(table, "host", host)
    port = table.integer("port", lo=1, hi=65535)
    security_text = table.string("security")
    try:
        security = Security(security_text)
    except ValueError:
        raise table.error("security", "expected ssl, starttls or plain") from None
    table.finish()
    return Endpoint(host=host, port=port, security=security)


def _server_group(table: Table, strict: bool) -> ServerGroup:
    group_id = table.string("id")
    if not re.fullmatch(r"[a-z0-9_]+", group_id):
        raise table.error("id", "expected lower-case letters, digits and underscores")
    name = table.text("name")
    assert name is not None
    imap_table = table.table("imap")
    smtp_table = table.table("smtp")
    assert imap_table is not None and smtp_table is not None
    group = ServerGroup(
        id=group_id,
        name=name,
        imap=_endpoint(imap_table),
        smtp=_endpoint(smtp_table),
        domains=tuple(d.lower() for d in table.str_list("domains")),
        unconfirmed=table.boolean("unconfirmed"),
        source=table.string("source", required=strict),
    )
    table.finish()
    return group


def _code_format(table: Table | None) -> CodeFormat:
    if table is None:
        return CodeFormat()
    pattern = table.string("pattern", required=False)
    if pattern:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise table.error("pattern", f"not a valid regular expression: {exc}") from None
    fmt = CodeFormat(
        length=table.integer("length", required=False, lo=1, hi=256),
        pattern=pattern,
        group_size=table.integer("group_size", required=False, lo=0, hi=64) or 0,
        separator=table.string("separator", required=False),
        keep_separator=table.boolean("keep_separator"),
    )
    table.finish()
    return fmt


def _credential(table: Table, strict: bool) -> Credential:
    kind_text = table.string("kind")
    try:
        kind = CredentialKind(kind_text)
    except ValueError:
        allowed = ", ".join(k.value for k in CredentialKind)
        raise table.error("kind", f"expected one of {allowed}") from None
    name = table.text("name")
    assert name is not None
    credential = Credential(
        kind=kind,
        name=name,
        mandatory=table.boolean("mandatory", default=True),
        shown_once=table.boolean("shown_once"),
        format=_code_format(table.table("format", required=False)),
        expires=table.boolean("expires"),
        validity=table.text("validity", required=False),
        invalidated_by=table.text("invalidated_by", required=False),
        count_limit=table.integer("count_limit", required=False, lo=0, hi=10_000) or 0,
        source=table.string("source", required=strict),
    )
    table.finish()
    return credential


def _text_list(table: Table, strict: bool) -> tuple[TextList, str]:
    zh = table.str_list("zh", required=True)
    en = table.str_list("en", required=True)
    if strict and (not zh or not en):
        raise table.error("zh" if not zh else "en", "must list at least one entry")
    source = table.string("source", required=strict)
    table.finish()
    return TextList(zh=zh, en=en), source


def _pitfall(table: Table, strict: bool) -> Pitfall:
    status = table.string("status", required=False)
    if status and status not in {s.value for s in ConnectionStatus}:
        raise table.error("status", f"{status!r} is not a connection status of the app")
    pitfall = Pitfall(
        text=table.own_text(),
        status=status,
        unconfirmed=table.boolean("unconfirmed"),
        source=table.string("source", required=strict),
    )
    table.finish()
    return pitfall


def _sending(table: Table, strict: bool) -> SendingGuidance:
    text = table.own_text()
    stages = []
    for stage_table in table.tables("stages"):
        stage = SendingStage(
            from_week=stage_table.integer("from_week", lo=1, hi=1000),
            to_week=stage_table.integer("to_week", required=False, lo=1, hi=1000),
            max_per_day=stage_table.integer("max_per_day", lo=1, hi=100_000),
            min_per_day=stage_table.integer("min_per_day", required=False, lo=1, hi=100_000),
            min_interval_minutes=stage_table.integer(
                "min_interval_minutes", required=False, hi=1440
            ),
            max_interval_minutes=stage_table.integer(
                "max_interval_minutes", required=False, hi=1440
            ),
        )
        stage_table.finish()
        stages.append(stage)
    guidance = SendingGuidance(
        text=text,
        stages=tuple(stages),
        one_to_one_only=table.boolean("one_to_one_only"),
        source=table.string("source", required=strict),
    )
    table.finish()
    return guidance


def _check_unconfirmed(
    top: Table, entries: Iterable[str], lists: dict[str, tuple[str, ...]]
) -> tuple[str, ...]:
    for i, entry in enumerate(entries):
        match = _UNCONFIRMED.match(entry)
        if match is None or match["top"] not in _SECTIONS:
            raise top.error(
                f"unconfirmed[{i}]", f"{show(entry)} does not name a field of this file"
            )
        item = match["item"]
        if item is not None and match["top"] in lists and item not in lists[match["top"]]:
            raise top.error(f"unconfirmed[{i}]", f"{show(item)} is not in {match['top']}")
    return tuple(entries)


def parse_provider(data: object, file: str, *, strict: bool = True, user: bool = False) -> Provider:
    """Validate one parsed TOML document and return its Provider; CatalogueError if malformed."""
    top = Table(data, file, "")
    version = top.integer("schema", lo=1, hi=1000)
    if version != SCHEMA_VERSION:
        raise top.error("schema", f"this version of mailmanager reads schema {SCHEMA_VERSION}")
    provider_id = top.string("id")
    if not ID_PATTERN.match(provider_id):
        raise top.error("id", "expected a snake_case id (lower-case letters, digits, '_')")
    family = top.string("family")
    names = top.text("name")
    assert names is not None

    domains = tuple(top.str_list("domains"))
    for i, domain in enumerate(domains):
        if not is_valid_hostname(domain):
            raise top.error(f"domains[{i}]", f"{show(domain)} is not a lower-case domain name")
    if len(set(domains)) != len(domains):
        raise top.error("domains", "lists a domain twice")
    mx_patterns = top.str_list("mx_patterns")
    for i, pattern in enumerate(mx_patterns):
        if not _MX_GLOB.match(pattern) or "." not in pattern:
            raise top.error(f"mx_patterns[{i}]", f"{show(pattern)} is not a lower-case host glob")

    groups = tuple(
        _with_origin(_server_group(t, strict), provider_id, user)
        for t in top.tables("servers", required=True)
    )
    if not groups:
        raise top.error("servers", "must list at least one server group")
    group_ids = [g.id for g in groups]
    if len(set(group_ids)) != len(group_ids):
        raise top.error("servers", "two server groups share an id")
    for i, group in enumerate(groups):
        for domain in group.domains:
            if domain not in domains:
                raise top.error(
                    f"servers[{i}].domains", f"{domain!r} is not in this file's domains"
                )

    username = top.table("username", required=False)
    forms = {"imap": UsernameForm.ADDRESS, "smtp": UsernameForm.ADDRESS}
    if username is not None:
        for proto in ("imap", "smtp"):
            text = username.string(proto, required=False, default="address")
            try:
                forms[proto] = UsernameForm(text)
            except ValueError:
                raise username.error(proto, "expected address or local_part") from None
        username.finish()

    credential_table = top.table("credential")
    assert credential_table is not None
    credential = _credential(credential_table, strict)

    accepts_passwords = top.boolean("accepts_passwords", default=True)
    oauth_since: date | None = None
    oauth_note: Text | None = None
    oauth = top.table("oauth", required=not accepts_passwords and strict)
    if oauth is not None:
        since = oauth.raw("since")
        if since is not None and not isinstance(since, date):
            raise oauth.error("since", f"expected a date (YYYY-MM-DD), got {show(since)}")
        oauth_since = since
        oauth_note = oauth.own_text()
        oauth.string("source", required=strict)
        oauth.finish()
    if not accepts_passwords and credential.kind is not CredentialKind.OAUTH_ONLY:
        raise credential_table.error("kind", "must be oauth_only when accepts_passwords = false")

    steps_table = top.table("steps", required=strict)
    steps, steps_source = _text_list(steps_table, strict) if steps_table else (TextList(), "")
    pitfalls = tuple(_pitfall(t, strict) for t in top.tables("pitfalls", required=strict))
    if strict and not pitfalls:
        raise top.error("pitfalls", "must list at least one pitfall")

    sending_table = top.table("sending", required=False)
    inactivity_table = top.table("inactivity", required=False)
    inactivity = None
    if inactivity_table is not None:
        inactivity = InactivityRule(
            days=inactivity_table.integer("days", lo=1, hi=10_000),
            text=inactivity_table.own_text(),
            source=inactivity_table.string("source", required=strict),
        )
        inactivity_table.finish()
    suitability_table = top.table("suitability", required=False)
    suitability = None
    suitability_source = ""
    if suitability_table is not None:
        suitability = suitability_table.own_text()
        suitability_source = suitability_table.string("source", required=strict)
        suitability_table.finish()
    registration_table = top.table("registration", required=False)
    registration, registration_source = (
        _text_list(registration_table, strict) if registration_table else (None, "")
    )

    mark_table = top.table("mark", required=strict)
    mark = Mark(provider_id[:2].upper(), "#607D8B")
    if mark_table is not None:
        color = mark_table.string("color")
        if not _COLOR.match(color):
            raise mark_table.error("color", "expected #RRGGBB")
        mark = Mark(text=mark_table.string("text"), color=color)
        if len(mark.text) > 4:
            raise mark_table.error("text", "at most 4 characters (initials or a short name)")
        mark_table.finish()

    sources_table = top.table("sources", required=False)
    sources: dict[str, str] = {}
    if sources_table is not None:
        for key in list(sources_table.data):
            sources[key] = sources_table.string(key)
        sources_table.finish()
    sources.setdefault("steps", steps_source)
    sources.setdefault("credential", credential.source)
    if suitability_source:
        sources.setdefault("suitability", suitability_source)
    if registration_source:
        sources.setdefault("registration", registration_source)
    if strict:
        for section, present in (("domains", domains), ("mx_patterns", mx_patterns)):
            if present and not sources.get(section):
                raise top.error(f"sources.{section}", "missing (every fact needs a source)")

    settings_url = top.string("settings_url", required=strict)
    help_url = top.string("help_url", required=False)
    for key, url in (("settings_url", settings_url), ("help_url", help_url)):
        if url and not url.startswith(("https://", "http://")):
            raise top.error(key, "expected an http(s) URL")

    provider = Provider(
        id=provider_id,
        family=family,
        names=names,
        domains=domains,
        mx_patterns=mx_patterns,
        server_groups=groups,
        credential=credential,
        imap_username=forms["imap"],
        smtp_username=forms["smtp"],
        requires_imap_id=top.boolean("requires_imap_id"),
        hint_family=_hint_family(top),
        accepts_passwords=accepts_passwords,
        oauth_only_since=oauth_since,
        oauth_note=oauth_note,
        settings_url=settings_url,
        help_url=help_url,
        steps_text=steps,
        pitfall_list=pitfalls,
        sending=_sending(sending_table, strict) if sending_table else None,
        inactivity=inactivity,
        suitability=suitability,
        registration=registration,
        mark=mark,
        sources=sources,
        unconfirmed=_check_unconfirmed(
            top,
            top.str_list("unconfirmed"),
            {"domains": domains, "mx_patterns": mx_patterns, "servers": tuple(group_ids)},
        ),
        user=user,
        origin=file,
    )
    top.finish()
    return provider
