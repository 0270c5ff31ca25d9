"""Typed, path-tracking reading of parsed TOML tables, for the catalogue schema.

Why separate: the schema (schema.py) says *what* a provider file holds; this module
says *how* a value is read and what the error looks like. Every getter knows the dotted path of
the value it reads, so a wrong value is reported as ``file: servers[1].imap.port: expected ...``,
and ``finish`` turns any key nobody read into an "unknown field" error (typos must not silently
drop facts).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from mailmanager.core.catalogue.model import Text

__all__ = ["CatalogueError", "Table", "show"]

T = TypeVar("T")


class CatalogueError(ValueError):
    """A provider file is malformed; the message names the file and the field."""

    def __init__(self, file: str, field: str, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        where = f"{file}: {field}: " if field else f"{file}: "
        super().__init__(where + problem)


def show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Table:
    """A TOML table being read: typed getters that raise CatalogueError, unknown-key check."""

    def __init__(self, data: object, file: str, path: str) -> None:
        if not isinstance(data, dict):
            raise CatalogueError(file, path or "(file)", f"expected a table, got {show(data)}")
        self.data: dict[str, Any] = data
        self.file = file
        self.path = path
        self.used: set[str] = set()

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str, problem: str) -> CatalogueError:
        return CatalogueError(self.file, self.where(key), problem)

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str) -> Any:
        self.used.add(key)
        return self.data.get(key)

    def _typed(
        self, key: str, check: Callable[[Any], bool], what: str, default: T | None, required: bool
    ) -> Any:
        if key not in self.data:
            if required:
                raise self.error(key, f"missing (expected {what})")
            return default
        value = self.raw(key)
        if not check(value):
            raise self.error(key, f"expected {what}, got {show(value)}")
        return value

    def string(
        self, key: str, *, required: bool = True, default: str = "", empty: bool = False
    ) -> Any:
        value = self._typed(key, lambda v: isinstance(v, str), "a string", default, required)
        if required and not empty and not str(value).strip():
            raise self.error(key, "must not be empty")
        return value

    def boolean(self, key: str, *, default: bool = False) -> bool:
        value = self._typed(key, lambda v: isinstance(v, bool), "true or false", default, False)
        return bool(value)

    def integer(self, key: str, *, required: bool = True, lo: int = 0, hi: int = 1 << 31) -> Any:
        def ok(v: Any) -> bool:
            return isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi

        return self._typed(key, ok, f"an integer between {lo} and {hi}", None, required)

    def str_list(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        def ok(v: Any) -> bool:
            return isinstance(v, list) and all(isinstance(i, str) and i.strip() for i in v)

        value = self._typed(key, ok, "a list of non-empty strings", [], required)
        return tuple(value)

    def table(self, key: str, *, required: bool = True) -> Table | None:
        if key not in self.data:
            if required:
                raise self.error(key, "missing (expected a table)")
            return None
        return Table(self.raw(key), self.file, self.where(key))

    def tables(self, key: str, *, required: bool = False) -> list[Table]:
        if key not in self.data:
            if required:
                raise self.error(key, "missing (expected a list of tables)")
            return []
        value = self.raw(key)
        if not isinstance(value, list):
            raise self.error(key, f"expected a list of tables, got {show(value)}")
        return [Table(item, self.file, f"{self.where(key)}[{i}]") for i, item in enumerate(value)]

    def text(self, key: str, *, required: bool = True) -> Text | None:
        table = self.table(key, required=required)
        if table is None:
            return None
        return table.own_text(finish=True)

    def own_text(self, *, finish: bool = False) -> Text:
        """Read ``zh`` and ``en`` from this table itself."""
        result = Text(zh=self.string("zh"), en=self.string("en"))
        if finish:
            self.finish()
        return result

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.error(unknown[0], "unknown field (a typo?)")
