"""The provider catalogue: the bundled provider files plus the user's own, indexed for look-up.

Why cached: the wizard, the main window (provider names and marks) and the CLI all need the
catalogue at start-up, and parsing some twenty TOML files costs a few milliseconds each time. The
bundled part is parsed once per process and shared; user providers (a handful of small files the
user imported from autoconfig files) are read on each ``Catalogue.load`` so that an import shows
up without a restart.

With a ``cache_file`` (the app passes one in its data folder), the bundled files' parsed TOML
is kept in a JSON cache (``core.catalogue_cache``) and the next start validates that instead of
parsing the files again; a changed file is parsed again.

Look-up order for a domain: the user's providers first (the user imported them on purpose, e.g.
to override servers for a company domain), then the bundled catalogue.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mailmanager import paths
from mailmanager.core.catalogue.model import (
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
    Source,
    Text,
    TextList,
)
from mailmanager.core.catalogue.schema import CatalogueError, parse_provider

__all__ = [
    "Catalogue",
    "CatalogueError",
    "CodeFormat",
    "Credential",
    "CredentialKind",
    "InactivityRule",
    "Mark",
    "Pitfall",
    "Provider",
    "SendingGuidance",
    "SendingStage",
    "ServerGroup",
    "Source",
    "Text",
    "TextList",
    "bundled_dir",
    "load_provider_file",
]

log = logging.getLogger("mailmanager.providers")

MAX_PROVIDER_FILE = 256 * 1024  # a provider file is a few kilobytes; refuse anything absurd


def bundled_dir() -> Path:
    """The folder of the bundled catalogue (resources/providers)."""
    return paths.resources_dir() / "providers"


def load_provider_file(path: Path, *, strict: bool = True, user: bool = False) -> Provider:
    """Read and validate one provider file; CatalogueError (naming the file) if it is broken."""
    return parse_provider(_read_toml(path), path.name, strict=strict, user=user)


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed TOML of a provider file (not validated); CatalogueError if unreadable."""
    import tomllib  # ~3 ms to import: not needed when the catalogue cache is fresh

    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueError(name, "", f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_PROVIDER_FILE:
        raise CatalogueError(name, "", f"is larger than {MAX_PROVIDER_FILE // 1024} KiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(name, "", f"is not UTF-8 (byte {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(name, "", f"is not valid TOML: {exc}") from None


def _load_folder(
    folder: Path, *, strict: bool, user: bool, cache_file: Path | None = None
) -> list[Provider]:
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.toml"))
    if cache_file is None:
        return [load_provider_file(path, strict=strict, user=user) for path in files]
    from mailmanager.core.catalogue import cache as catalogue_cache

    keys = catalogue_cache.file_keys(files)
    cached = catalogue_cache.read(cache_file, keys)
    if cached is not None:
        # Validated as on every load: the cache only saves reading and parsing the TOML.
        return [
            parse_provider(data, path.name, strict=strict, user=user)
            for data, path in zip(cached, files, strict=True)
        ]
    parsed: list[dict[str, Any]] = []
    providers: list[Provider] = []
    for path in files:  # file by file, so the first broken file is the one reported
        data = _read_toml(path)
        providers.append(parse_provider(data, path.name, strict=strict, user=user))
        parsed.append(data)
    catalogue_cache.write(cache_file, keys, parsed)
    return providers


@dataclass(frozen=True)
class _Index:
    providers: tuple[Provider, ...]
    by_id: dict[str, Provider]
    by_domain: dict[str, Provider]


def _index(providers: Iterable[Provider], what: str) -> _Index:
    ordered = tuple(providers)
    by_id: dict[str, Provider] = {}
    by_domain: dict[str, Provider] = {}
    for provider in ordered:
        if provider.id in by_id:
            other = by_id[provider.id].origin
            raise CatalogueError(provider.origin, "id", f"{provider.id!r} is also used by {other}")
        by_id[provider.id] = provider
        for domain in provider.domains:
            if domain in by_domain:
                other = by_domain[domain].origin
                raise CatalogueError(
                    provider.origin, "domains", f"{domain!r} is also listed in {other} ({what})"
                )
            by_domain[domain] = provider
    return _Index(ordered, by_id, by_domain)


def _beside_bundled(user: Iterable[Provider], bundled: _Index) -> list[Provider]:
    """The user's providers, less whatever would take over a bundled provider.

    A provider file is easy to plant or to be sent: one claiming 163.com with its own servers
    must not become the 163.com provider. A user provider that reuses a bundled id is skipped;
    one that lists a bundled domain keeps only its other domains.
    """
    kept: list[Provider] = []
    for provider in user:
        if provider.id in bundled.by_id:
            log.warning("ignoring user provider %s: its id is a bundled one", provider.origin)
            continue
        taken = [d for d in provider.domains if d in bundled.by_domain]
        if taken:
            log.warning(
                "user provider %s: ignoring %s (served by the bundled catalogue)",
                provider.origin,
                ", ".join(taken),
            )
            domains = tuple(d for d in provider.domains if d not in bundled.by_domain)
            if not domains:
                continue
            provider = dataclasses.replace(provider, domains=domains)
        kept.append(provider)
    return kept


_bundled_lock = threading.Lock()
_bundled_cache: dict[Path, _Index] = {}


def _bundled(folder: Path, cache_file: Path | None = None) -> _Index:
    with _bundled_lock:
        cached = _bundled_cache.get(folder)
        if cached is None:
            providers = _load_folder(folder, strict=True, user=False, cache_file=cache_file)
            cached = _index(providers, "bundled catalogue")
            _bundled_cache[folder] = cached
        return cached


class Catalogue:
    """The bundled providers plus the user's, with look-ups by id, domain and MX host.

    Build it with ``Catalogue.load()``; it is immutable afterwards, so it can be shared between
    threads (detection runs in a worker thread).
    """

    def __init__(self, bundled: Iterable[Provider], user: Iterable[Provider] = ()) -> None:
        self._bundled = _index(bundled, "bundled catalogue")
        self._user = _index(_beside_bundled(user, self._bundled), "user providers")
        self._all = self._bundled.providers + self._user.providers

    @classmethod
    def load(
        cls,
        user_dir: Path | None = None,
        *,
        bundled_dir_override: Path | None = None,
        include_user: bool = True,
        cache_file: Path | None = None,
    ) -> Catalogue:
        """Load the (cached) bundled catalogue and the user providers.

        ``user_dir`` defaults to ``paths.resolve().user_providers_dir``. ``cache_file``: where
        to keep the bundled files' parsed TOML between runs (``core.catalogue_cache``). A
        broken bundled file raises CatalogueError; a broken user file is skipped with a logged
        warning (one bad import must not stop the app), unless it is the only thing being
        loaded.
        """
        folder = bundled_dir_override if bundled_dir_override is not None else bundled_dir()
        bundled = _bundled(folder.resolve(), cache_file)
        user: list[Provider] = []
        if include_user:
            directory = user_dir if user_dir is not None else paths.resolve().user_providers_dir
            user = load_user_providers(directory)
        catalogue = cls.__new__(cls)
        catalogue._bundled = bundled
        catalogue._user = _index(_beside_bundled(user, bundled), "user providers")
        catalogue._all = bundled.providers + catalogue._user.providers
        return catalogue

    # -- look-ups ------------------------------------------------------------------------------
    def all(self) -> tuple[Provider, ...]:
        """Every provider: the bundled ones (sorted by file name), then the user's."""
        return self._all

    def __iter__(self) -> Iterator[Provider]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def get(self, provider_id: str) -> Provider | None:
        return self._bundled.by_id.get(provider_id) or self._user.by_id.get(provider_id)

    def by_domain(self, domain: str) -> Provider | None:
        """The provider whose address domain this is (exact match, lower-case ASCII form)."""
        key = domain.strip().lower().rstrip(".")
        return self._bundled.by_domain.get(key) or self._user.by_domain.get(key)

    def match_mx(self, host: str) -> Provider | None:
        """The provider whose MX patterns match ``host`` (bundled providers first), or None."""
        for provider in self._all:
            if provider.matches_mx(host):
                return provider
        return None

    def by_server_host(self, host: str) -> Provider | None:
        """The provider that lists ``host`` as one of its IMAP or SMTP servers, or None.

        Lets detection name the provider when SRV, autoconfig or a guess led to its servers.
        """
        target = host.lower().rstrip(".")
        for provider in self._all:
            for group in provider.server_groups:
                if target in (group.imap.host, group.smtp.host):
                    return provider
        return None

    def user_providers(self) -> tuple[Provider, ...]:
        return self._user.providers


def load_user_providers(directory: Path) -> list[Provider]:
    """The user's providers in ``directory``; broken files are logged and skipped."""
    result: list[Provider] = []
    if not directory.is_dir():
        return result
    for path in sorted(directory.glob("*.toml")):
        try:
            result.append(load_provider_file(path, strict=False, user=True))
        except CatalogueError as exc:
            log.warning("skipping user provider: %s", exc)
    seen: set[str] = set()
    unique: list[Provider] = []
    for provider in result:
        if provider.id in seen or any(f"@{d}" in seen for d in provider.domains):
            log.warning("skipping user provider %s: duplicate id or domain", provider.origin)
            continue
        seen.add(provider.id)
        seen.update(f"@{d}" for d in provider.domains)
        unique.append(provider)
    return unique
