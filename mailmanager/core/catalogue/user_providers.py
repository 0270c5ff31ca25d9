"""Custom providers the user imports from Thunderbird autoconfig files (a company's own server).

Why stored as catalogue-format TOML: one loader, one validator and one set of look-ups serve both
the bundled catalogue and the user's providers, and the user can read (and fix) the file. The file
is written to a temporary name, validated by loading it back, and only then moved into place, so a
failed import never leaves a broken provider behind.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mailmanager.core.catalogue.lookup import load_provider_file, load_user_providers
from mailmanager.core.catalogue.model import Provider
from mailmanager.core.catalogue.schema import SCHEMA_VERSION, CatalogueError
from mailmanager.core.discovery.autoconfig import (
    AutoconfigDocument,
    AutoconfigServer,
    parse_autoconfig,
)
from mailmanager.core.model.address import UsernameForm

__all__ = ["ProviderImportError", "import_autoconfig", "remove_user_provider", "to_toml"]


class ProviderImportError(ValueError):
    """The autoconfig file cannot become a user provider; the message says why."""


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # A JSON string with ensure_ascii=False is a valid TOML basic string.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Sequence):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def to_toml(document: Mapping[str, Any], header: str = "") -> str:
    """Write a catalogue-shaped mapping as TOML: scalars and inline tables first, then tables,
    then arrays of tables (the subset the catalogue format uses)."""
    lines = [f"# {line}" for line in header.splitlines()]
    tables: list[tuple[str, Mapping[str, Any]]] = []
    arrays: list[tuple[str, Sequence[Mapping[str, Any]]]] = []
    for key, value in document.items():
        if isinstance(value, Mapping) and key not in ("name", "mark"):
            tables.append((key, value))
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            arrays.append((key, value))
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    for key, table in tables:
        lines += ["", f"[{key}]"] + [f"{k} = {_toml_value(v)}" for k, v in table.items()]
    for key, items in arrays:
        for item in items:
            lines += ["", f"[[{key}]]"] + [f"{k} = {_toml_value(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:60]


def _endpoint(server: AutoconfigServer, domain: str) -> dict[str, Any]:
    host = server.host.replace("%EMAILDOMAIN%", domain)
    return {"host": host, "port": server.port, "security": server.security.value}


def _form(server: AutoconfigServer) -> str:
    local = server.username.strip() == "%EMAILLOCALPART%"
    return (UsernameForm.LOCAL_PART if local else UsernameForm.ADDRESS).value


def provider_document(doc: AutoconfigDocument, provider_id: str, origin: str) -> dict[str, Any]:
    """The catalogue-format mapping for an autoconfig document."""
    if not doc.domains:
        raise ProviderImportError("the file names no <domain>, so no address could use it")
    if not doc.imap or not doc.smtp:
        missing = 'IMAP (<incomingServer type="imap">)' if not doc.imap else "SMTP"
        raise ProviderImportError(f"the file has no {missing} server")
    domain = doc.domains[0]
    groups = []
    count = max(len(doc.imap), len(doc.smtp))
    for i in range(count):
        imap = doc.imap[min(i, len(doc.imap) - 1)]
        smtp = doc.smtp[min(i, len(doc.smtp) - 1)]
        label = f"{imap.security.value.upper()} / {smtp.security.value.upper()}"
        groups.append(
            {
                "id": f"autoconfig_{i + 1}",
                "name": {
                    "zh": f"自动配置 {i + 1}（{label}）",
                    "en": f"Autoconfig {i + 1} ({label})",
                },
                "imap": _endpoint(imap, domain),
                "smtp": _endpoint(smtp, domain),
                "source": f"autoconfig:{origin}",
            }
        )
    oauth_only = all(s.oauth_only for s in doc.imap)
    name = doc.display_name or doc.short_name or domain
    result: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "id": provider_id,
        "family": "user",
        "name": {"zh": name, "en": name},
        "domains": list(doc.domains),
        "accepts_passwords": not oauth_only,
    }
    if doc.enable_url or doc.documentation_url:
        result["settings_url"] = doc.enable_url or doc.documentation_url
    result["username"] = {"imap": _form(doc.imap[0]), "smtp": _form(doc.smtp[0])}
    result["sources"] = {"domains": f"autoconfig:{origin}"}
    result["credential"] = {
        "kind": "oauth_only" if oauth_only else "login_password",
        "name": {"zh": "邮箱密码", "en": "mailbox password"},
        "mandatory": False,
        "source": f"autoconfig:{origin}",
    }
    if oauth_only:
        result["oauth"] = {
            "zh": "这个服务器只接受 OAuth 登录，本程序暂不支持。",
            "en": "This server accepts only OAuth sign-in, which mailmanager does not support yet.",
        }
    result["servers"] = groups
    return result


def import_autoconfig(
    data: bytes | str,
    user_dir: Path,
    *,
    origin: str = "config-v1.1.xml",
    provider_id: str | None = None,
    replace: bool = False,
    existing: Sequence[Provider] = (),
) -> Provider:
    """Parse an autoconfig file and store it as a user provider in ``user_dir``.

    Raises AutoconfigError for an unsafe or malformed file, ProviderImportError when it cannot
    become a provider (no domain, no servers, an id or domain already imported, ``replace``
    False).
    ``existing`` defaults to the providers already in ``user_dir``.
    """
    doc = parse_autoconfig(data)
    if not doc.domains:
        raise ProviderImportError("the file names no <domain>, so no address could use it")
    chosen = provider_id or "user_" + _slug(doc.provider_id or doc.domains[0])
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", chosen):
        raise ProviderImportError(f"{chosen!r} is not a valid provider id (use snake_case)")
    others = list(existing) if existing else load_user_providers(user_dir)
    for other in others:
        if other.id == chosen and not replace:
            raise ProviderImportError(f"a user provider {chosen!r} exists already (use replace)")
        shared = set(other.domains) & set(doc.domains)
        if shared and other.id != chosen:
            raise ProviderImportError(
                f"{sorted(shared)[0]} is already served by user provider {other.id}"
            )
    text = to_toml(
        provider_document(doc, chosen, Path(origin).name),
        header=f"User provider imported from {Path(origin).name} by mailmanager.",
    )
    user_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = user_dir / f"{chosen}.toml"
    fd, temp_name = tempfile.mkstemp(prefix=".import-", suffix=".toml", dir=user_dir)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            load_provider_file(temp, strict=False, user=True)
        except CatalogueError as exc:
            raise ProviderImportError(
                f"the imported settings do not validate: {exc.problem}"
            ) from None
        temp.replace(target)
    finally:
        temp.unlink(missing_ok=True)
    return load_provider_file(target, strict=False, user=True)


def remove_user_provider(user_dir: Path, provider_id: str) -> bool:
    """Delete a user provider's file; False if there was none."""
    target = user_dir / f"{provider_id}.toml"
    if not re.fullmatch(r"[a-z][a-z0-9_]*", provider_id) or not target.is_file():
        return False
    target.unlink()
    return True
