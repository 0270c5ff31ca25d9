"""Which column holds which field: English and Chinese header names, and the user's mapping.

Spreadsheets come from many hands: cold-email platforms' templates (``smtp_password``,
``imap_host``), Chinese teams' own sheets (邮箱, 授权码, 发信服务器), and anything in between.
A header is compared in a folded form (case, spaces, ``_``, ``-``, full-width forms ignored);
what is not recognised is left for the user to map (``--map COLUMN=FIELD``, or the app's
mapping step) or ignored.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Field(StrEnum):
    """What a column may hold. ``ignore`` drops a column on purpose."""

    ADDRESS = "address"
    DISPLAY_NAME = "display_name"
    CODE = "code"
    IMAP_PASSWORD = "imap_password"  # noqa: S105 (a column name)
    SMTP_PASSWORD = "smtp_password"  # noqa: S105 (a column name)
    USERNAME = "username"
    IMAP_USERNAME = "imap_username"
    SMTP_USERNAME = "smtp_username"
    IMAP_HOST = "imap_host"
    IMAP_PORT = "imap_port"
    SMTP_HOST = "smtp_host"
    SMTP_PORT = "smtp_port"
    SECURITY = "security"
    IMAP_SECURITY = "imap_security"
    SMTP_SECURITY = "smtp_security"
    GROUP = "group"
    LABEL = "label"
    NOTE = "note"
    IGNORE = "ignore"


# Header names per field, written as people write them; they are folded before comparison.
_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.ADDRESS: (
        "address",
        "email",
        "e-mail",
        "email address",
        "mail",
        "mailbox",
        "from_email",
        "from email",
        "sender email",
        "account",
        "邮箱",
        "邮箱地址",
        "电子邮箱",
        "邮件地址",
        "邮箱账号",
        "邮箱帐号",
        "账号",
        "帐号",
        "发件邮箱",
        "发件人邮箱",
    ),
    Field.DISPLAY_NAME: (
        "display_name",
        "from_name",
        "name",
        "sender name",
        "显示名",
        "显示名称",
        "发件人",
        "发件人名称",
        "昵称",
        "姓名",
        "名称",
    ),
    Field.CODE: (
        "code",
        "password",
        "auth code",
        "authorization code",
        "app password",
        "secret",
        "授权码",
        "密码",
        "客户端授权码",
        "授权密码",
        "客户端密码",
        "应用密码",
        "专用密码",
    ),
    Field.IMAP_PASSWORD: ("imap_password", "imap password", "imap pass", "收信密码"),
    Field.SMTP_PASSWORD: ("smtp_password", "smtp password", "smtp pass", "发信密码"),
    Field.USERNAME: ("username", "user", "login", "user name", "用户名", "登录名", "登录账号"),
    Field.IMAP_USERNAME: ("imap_username", "imap user", "imap login", "收信用户名"),
    Field.SMTP_USERNAME: ("smtp_username", "smtp user", "smtp login", "发信用户名"),
    Field.IMAP_HOST: (
        "imap_host",
        "imap server",
        "imap",
        "incoming server",
        "收信服务器",
        "收件服务器",
        "imap服务器",
        "接收服务器",
    ),
    Field.IMAP_PORT: ("imap_port", "incoming port", "收信端口", "收件端口", "imap端口"),
    Field.SMTP_HOST: (
        "smtp_host",
        "smtp server",
        "smtp",
        "outgoing server",
        "发信服务器",
        "发件服务器",
        "smtp服务器",
        "发送服务器",
    ),
    Field.SMTP_PORT: ("smtp_port", "outgoing port", "发信端口", "发件端口", "smtp端口"),
    Field.SECURITY: (
        "security",
        "encryption",
        "ssl",
        "tls",
        "加密方式",
        "加密",
        "安全类型",
        "连接安全",
    ),
    Field.IMAP_SECURITY: ("imap_security", "imap encryption", "imap ssl", "收信加密方式"),
    Field.SMTP_SECURITY: ("smtp_security", "smtp encryption", "smtp ssl", "发信加密方式"),
    Field.GROUP: ("group", "client", "team", "分组", "组", "客户", "所属客户", "分类"),
    Field.LABEL: ("label", "code label", "purpose", "用途", "标签", "授权码用途", "授权码名称"),
    Field.NOTE: ("note", "notes", "comment", "remark", "备注", "说明"),
}


def fold(text: str) -> str:
    """A header as compared: full-width folded (NFKC), lower case, without spaces, ``_``, ``-``."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "_-.:：")


_BY_FOLDED: dict[str, Field] = {
    fold(name): field for field, names in _SYNONYMS.items() for name in names
}


def recognise(header: str) -> Field | None:
    """The field a header names, or None when it is not one we know."""
    return _BY_FOLDED.get(fold(header))


def parse_field(text: str) -> Field | None:
    """A field named by the user (``--map`` or the mapping step): its id or any synonym."""
    name = text.strip().lower()
    try:
        return Field(name)
    except ValueError:
        return recognise(text)


@dataclass(frozen=True)
class ColumnMap:
    """Which column index holds which field, and the headers nothing was found for.

    Attributes:
        columns: field -> column index (0-based); one column per field.
        unknown: (index, header) of the columns neither recognised nor mapped.
        repeated: (index, header, field) of columns naming a field an earlier column holds.
    """

    columns: Mapping[Field, int]
    unknown: tuple[tuple[int, str], ...]
    repeated: tuple[tuple[int, str, Field], ...] = ()

    def missing(self) -> list[str]:
        """What a row cannot do without: the address and a code (one of the code columns)."""
        needed = []
        if Field.ADDRESS not in self.columns:
            needed.append("address")
        if not {Field.CODE, Field.IMAP_PASSWORD, Field.SMTP_PASSWORD} & set(self.columns):
            needed.append("code")
        return needed


class MappingError(ValueError):
    """A ``--map`` entry that names no column or no field (message in English, one line)."""


def map_columns(headers: Sequence[str], overrides: Mapping[str, str] | None = None) -> ColumnMap:
    """Map ``headers`` to fields; ``overrides`` (header text or 1-based column number -> field
    name) come first, as the user's word beats our guess."""
    chosen: dict[int, Field] = {}
    for column, field_name in (overrides or {}).items():
        index = _column_index(headers, column)
        field = parse_field(field_name)
        if field is None:
            raise MappingError(f"unknown field {field_name!r} (fields: {field_names()})")
        chosen[index] = field
    columns: dict[Field, int] = {}
    unknown: list[tuple[int, str]] = []
    repeated: list[tuple[int, str, Field]] = []
    for index, header in enumerate(headers):
        field = chosen.get(index) or recognise(header)
        if field is None:
            if header.strip():
                unknown.append((index, header))
            continue
        if field in (Field.IGNORE, Field.NOTE):
            continue
        if field in columns:
            repeated.append((index, header, field))
            continue
        columns[field] = index
    return ColumnMap(columns, tuple(unknown), tuple(repeated))


def _column_index(headers: Sequence[str], column: str) -> int:
    wanted = fold(column)
    for index, header in enumerate(headers):
        if fold(header) == wanted:
            return index
    text = column.strip()
    if text.isascii() and text.isdigit() and 1 <= int(text) <= len(headers):
        return int(text) - 1
    raise MappingError(f"--map names the column {column!r}, which the file does not have")


def headerless(headers: Sequence[str]) -> bool:
    """Whether the first row is data rather than names: a cell holds an address.

    Such a row is never echoed as headers (its neighbour is likely a code), and never read as
    names (its mailbox would be lost without a word)."""
    return any("@" in header and not recognise(header) for header in headers)


def field_names(fields: Iterable[Field] = Field) -> str:
    return ", ".join(f.value for f in fields)
