"""The layers of mailmanager, checked by reading every module's imports with ``ast``.

The package is layered so that the plain-Python core can be shared by the GUI, the command line
and the tests, and so that nothing below the widgets depends on them (docs/architecture.md).
Each module under ``mailmanager/`` belongs to one layer, and a layer may import only the layers
listed for it in ``ALLOWED`` and none of the outside packages listed in ``FORBIDDEN``:

==========  ==============================================  ==================================
layer       modules                                         may import (inside mailmanager)
==========  ==============================================  ==================================
base        ``mailmanager`` (``__init__``), ``paths``,      base
            ``mailmanager.resources`` (data)
core        ``mailmanager.core.*``, ``logs``                base, core
services    ``mailmanager.services.*``                      base, core, services
ui          ``mailmanager.ui.*``                            base, core, services, ui
cli         ``mailmanager.cli.*``                           base, core, cli
app         ``app``, ``__main__`` (the GUI's start-up)      everything
==========  ==============================================  ==================================

base, core and cli import no Qt at all (PySide6, shiboken6, qasync): the command line runs
without a display and the core is tested without one. services is Qt without widgets
(no ``PySide6.QtWidgets``). The command line does not import services today and is held to
that: it runs checks through ``core.checking.runner`` directly. ``logs`` is plain Python that
sets up logging for both entry points, so it is counted with the core.

What counts as an import: every ``import`` and ``from ... import`` anywhere in a module,
including those inside functions (lazy imports, used to keep start-up fast), relative imports
(resolved against the module's package) and ``importlib.import_module`` / ``__import__`` called
with a literal string. An import whose name is built at run time (``cli.COMMAND_MODULES``) is not
seen; those names all point inside the same layer.

``if TYPE_CHECKING:`` imports: they count for the layer rules exactly like any other import. A
type-only import from a higher layer still makes the lower module's meaning depend on the
higher one, and an upward import moved under ``TYPE_CHECKING`` would otherwise be a way round
the rule. They are left out of the cycle check, because they never run: a type-only import is
the usual way two modules that name each other's types avoid a real import cycle.

``from package import name`` counts as an import of ``package.name`` when that is a module of
mailmanager, else of ``package``. A package's ``__init__`` running first is not counted as an
edge: every submodule would otherwise import its own package and every package would form a
cycle with what it imports.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = REPO_ROOT / "mailmanager"

# Layer of each top-level module that is not a sub-package; sub-packages go by their name.
TOP_LEVEL = {
    "mailmanager": "base",
    "mailmanager.paths": "base",
    "mailmanager.private_files": "base",
    "mailmanager.resources": "base",
    "mailmanager.logs": "core",
    "mailmanager.app": "app",
    "mailmanager.__main__": "app",
}
SUB_PACKAGES = {
    "mailmanager.core": "core",
    "mailmanager.services": "services",
    "mailmanager.ui": "ui",
    "mailmanager.cli": "cli",
}
ALLOWED: Mapping[str, frozenset[str]] = {
    "base": frozenset({"base"}),
    "core": frozenset({"base", "core"}),
    "services": frozenset({"base", "core", "services"}),
    "ui": frozenset({"base", "core", "services", "ui"}),
    "cli": frozenset({"base", "core", "cli"}),
    "app": frozenset({"base", "core", "services", "ui", "cli", "app"}),
}
QT = ("PySide6", "shiboken6", "qasync")
FORBIDDEN: Mapping[str, tuple[str, ...]] = {
    "base": QT,
    "core": QT,
    "services": ("PySide6.QtWidgets",),
    "ui": (),
    "cli": QT,
    "app": (),
}


@dataclass(frozen=True)
class Import:
    """One import statement's effect: ``importer`` imports ``target`` at ``line``.

    Attributes:
        importer: dotted name of the importing module.
        path: the importing file, relative to the repository (for messages).
        line: line number of the statement.
        target: dotted name imported (a module of mailmanager, or an outside name).
        statement: the statement as written, for messages.
        type_only: inside ``if TYPE_CHECKING:`` (never executed).
    """

    importer: str
    path: str
    line: int
    target: str
    statement: str
    type_only: bool

    def where(self) -> str:
        return f"{self.path}:{self.line}: {self.statement}"


def module_name(path: Path, root: Path = REPO_ROOT) -> str:
    """``mailmanager/core/store/schema.py`` -> ``mailmanager.core.store.schema``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(package_dir: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    return {module_name(p, package_dir.parent): p for p in sorted(package_dir.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


class _ImportCollector(ast.NodeVisitor):
    """Walks the whole tree (function bodies included), noting TYPE_CHECKING blocks."""

    def __init__(self, importer: str, path: str, is_package: bool, known: Iterable[str]) -> None:
        self.importer = importer
        self.path = path
        self.package = importer if is_package else importer.rpartition(".")[0]
        self.known = frozenset(known)
        self.type_only = False
        self.found: list[Import] = []
        self.seen: set[tuple[int, str]] = set()

    def _add(self, node: ast.stmt | ast.expr, target: str) -> None:
        if (node.lineno, target) in self.seen:
            return  # ``from x import a, b``: one import of x, not two
        self.seen.add((node.lineno, target))
        # The statement as Python would print it: one line even when written over several.
        statement = ast.unparse(node)
        self.found.append(
            Import(
                importer=self.importer,
                path=self.path,
                line=node.lineno,
                target=target,
                statement=statement,
                type_only=self.type_only,
            )
        )

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            self.visit(node.test)
            outer, self.type_only = self.type_only, True
            for child in node.body:
                self.visit(child)
            self.type_only = outer
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base_parts = self.package.split(".")
            if node.level > 1:
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
            base = ".".join([*base_parts, *([node.module] if node.module else [])])
        else:
            base = node.module or ""
        for alias in node.names:
            full = f"{base}.{alias.name}"
            # A submodule of mailmanager when it is one; an outside name is kept whole so that
            # ``from PySide6 import QtWidgets`` reads as PySide6.QtWidgets.
            internal = base == "mailmanager" or base.startswith("mailmanager.")
            if internal and full not in self.known:
                self._add(node, base)
            else:
                self._add(node, full)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        if (
            name in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            self._add(node, node.args[0].value)
        self.generic_visit(node)


def collect_imports(
    source: str, importer: str, path: str, known: Iterable[str], is_package: bool = False
) -> list[Import]:
    """All imports of one module's source, lazy and type-only ones included."""
    collector = _ImportCollector(importer, path, is_package, known)
    collector.visit(ast.parse(source, filename=path))
    return collector.found


def layer_of(name: str) -> str | None:
    """The layer of a mailmanager module (None: not in any layer)."""
    for prefix, layer in SUB_PACKAGES.items():
        if name == prefix or name.startswith(prefix + "."):
            return layer
    for prefix, layer in TOP_LEVEL.items():
        if name == prefix or (prefix != "mailmanager" and name.startswith(prefix + ".")):
            return layer
    return None


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer_violations(imports: Iterable[Import]) -> list[str]:
    """One message for each import that breaks a layer rule."""
    problems: list[str] = []
    for imp in imports:
        layer = layer_of(imp.importer)
        if layer is None:
            problems.append(f"{imp.path}: module {imp.importer} is in no layer (add it)")
            continue
        kind = " (type-only)" if imp.type_only else ""
        if _is_under(imp.target, "mailmanager"):
            target_layer = layer_of(imp.target)
            if target_layer is None:
                problems.append(f"{imp.where()}{kind}: {imp.target} is in no layer")
            elif target_layer not in ALLOWED[layer]:
                problems.append(
                    f"{imp.where()}{kind}: {layer} must not import {target_layer} ({imp.target})"
                )
            continue
        for banned in FORBIDDEN[layer]:
            if _is_under(imp.target, banned):
                problems.append(f"{imp.where()}{kind}: {layer} must not import {banned}")
    return problems


def import_graph(imports: Iterable[Import], modules: Iterable[str]) -> dict[str, list[Import]]:
    """Module -> the run-time imports of other mailmanager modules (type-only ones left out)."""
    known = set(modules)
    graph: dict[str, list[Import]] = {name: [] for name in known}
    for imp in imports:
        if imp.type_only or imp.target not in known or imp.target == imp.importer:
            continue
        graph.setdefault(imp.importer, []).append(imp)
    return graph


def find_cycles(graph: Mapping[str, Sequence[Import]]) -> list[list[Import]]:
    """One cycle (as its chain of imports) for each strongly connected group of modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[set[str]] = []

    def connect(node: str) -> None:  # Tarjan; the package is small enough for recursion
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for edge in graph.get(node, ()):
            if edge.target not in index:
                connect(edge.target)
                low[node] = min(low[node], low[edge.target])
            elif edge.target in on_stack:
                low[node] = min(low[node], index[edge.target])
        if low[node] == index[node]:
            group: set[str] = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_cycle_in(group, graph) for group in groups]


def _cycle_in(group: set[str], graph: Mapping[str, Sequence[Import]]) -> list[Import]:
    """A shortest cycle through the group's first module (breadth-first inside the group)."""
    start = min(group)
    came_by: dict[str, Import] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for edge in graph.get(node, ()):
                if edge.target not in group:
                    continue
                if edge.target == start:
                    chain = [edge]
                    while chain[0].importer != start:
                        chain.insert(0, came_by[chain[0].importer])
                    return chain
                if edge.target not in came_by:
                    came_by[edge.target] = edge
                    following.append(edge.target)
        frontier = following
    raise AssertionError(f"no cycle found in {sorted(group)}")  # pragma: no cover


def describe_cycle(chain: Sequence[Import]) -> str:
    names = " -> ".join([chain[0].importer, *(edge.target for edge in chain)])
    steps = "\n".join(f"    {edge.where()}" for edge in chain)
    return f"{names}\n{steps}"


def all_imports() -> tuple[dict[str, Path], list[Import]]:
    modules = package_modules()
    found: list[Import] = []
    for name, path in modules.items():
        found += collect_imports(
            path.read_text(encoding="utf-8"),
            name,
            str(path.relative_to(REPO_ROOT)),
            modules,
            is_package=path.name == "__init__.py",
        )
    return modules, found


# --- the checks on the real package ---------------------------------------------------------


def test_every_module_is_in_a_layer() -> None:
    unplaced = [name for name in package_modules() if layer_of(name) is None]
    assert not unplaced, f"modules in no layer (add them to TOP_LEVEL): {unplaced}"


def test_layers_are_respected() -> None:
    _, found = all_imports()
    problems = layer_violations(found)
    assert not problems, "imports across layers:\n" + "\n".join(problems)


def test_no_import_cycles() -> None:
    modules, found = all_imports()
    cycles = find_cycles(import_graph(found, modules))
    assert not cycles, "import cycles:\n" + "\n".join(describe_cycle(c) for c in cycles)


# --- the checker itself ----------------------------------------------------------------------

KNOWN = (
    "mailmanager",
    "mailmanager.core",
    "mailmanager.core.model",
    "mailmanager.core.model.status",
    "mailmanager.core.rules.badges",
    "mailmanager.services",
    "mailmanager.services.checker",
    "mailmanager.ui",
    "mailmanager.ui.tray",
    "mailmanager.cli.common",
    "mailmanager.app",
)


def _check(source: str, importer: str, is_package: bool = False) -> list[str]:
    path = importer.replace(".", "/") + ("/__init__.py" if is_package else ".py")
    return layer_violations(collect_imports(source, importer, path, KNOWN, is_package))


def test_checker_catches_lazy_and_type_only_imports() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from mailmanager.core.model import status\n"
        "if TYPE_CHECKING:\n"
        "    from mailmanager.ui.tray import TrayIcon\n"
        "def later():\n"
        "    from PySide6.QtCore import QObject\n"
        "    import importlib\n"
        "    return importlib.import_module('mailmanager.services.checker')\n"
    )
    problems = _check(source, "mailmanager.core.rules.badges")
    assert problems == [
        "mailmanager/core/rules/badges.py:4: from mailmanager.ui.tray import TrayIcon "
        "(type-only): core must not import ui (mailmanager.ui.tray)",
        "mailmanager/core/rules/badges.py:6: from PySide6.QtCore import QObject: "
        "core must not import PySide6",
        "mailmanager/core/rules/badges.py:8: importlib.import_module('mailmanager.services."
        "checker'): core must not import services (mailmanager.services.checker)",
    ]


def test_checker_applies_each_layers_own_rules() -> None:
    assert _check("from PySide6.QtCore import QObject\n", "mailmanager.services.checker") == []
    assert _check("from PySide6 import QtWidgets\n", "mailmanager.services.checker") == [
        "mailmanager/services/checker.py:1: from PySide6 import QtWidgets: "
        "services must not import PySide6.QtWidgets"
    ]
    assert _check("from ..ui import tray\n", "mailmanager.services.checker") == [
        "mailmanager/services/checker.py:1: from ..ui import tray: "
        "services must not import ui (mailmanager.ui.tray)"
    ]
    assert _check("import mailmanager.services.checker\n", "mailmanager.cli.common") == [
        "mailmanager/cli/common.py:1: import mailmanager.services.checker: "
        "cli must not import services (mailmanager.services.checker)"
    ]
    assert _check("from mailmanager import app\n", "mailmanager.ui.tray") == [
        "mailmanager/ui/tray.py:1: from mailmanager import app: "
        "ui must not import app (mailmanager.app)"
    ]
    assert _check("from . import status\n", "mailmanager.core.model", is_package=True) == []


def test_checker_reports_a_cycle_with_its_lines() -> None:
    known = ("mailmanager.core.a", "mailmanager.core.b", "mailmanager.core.c")
    sources = {
        "mailmanager.core.a": "from mailmanager.core import b\n",
        "mailmanager.core.b": "def f():\n    import mailmanager.core.c\n",
        "mailmanager.core.c": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    import mailmanager.core.b\n"
            "from mailmanager.core.a import thing\n"
        ),
    }
    found = [
        imp
        for name, source in sources.items()
        for imp in collect_imports(source, name, name.replace(".", "/") + ".py", known)
    ]
    cycles = find_cycles(import_graph(found, known))
    assert [describe_cycle(c) for c in cycles] == [
        "mailmanager.core.a -> mailmanager.core.b -> mailmanager.core.c -> mailmanager.core.a\n"
        "    mailmanager/core/a.py:1: from mailmanager.core import b\n"
        "    mailmanager/core/b.py:2: import mailmanager.core.c\n"
        "    mailmanager/core/c.py:4: from mailmanager.core.a import thing"
    ]
    # The type-only import from c back to b does not make a cycle of its own.
    without_a = [imp for imp in found if imp.target != "mailmanager.core.a"]
    assert find_cycles(import_graph(without_a, known)) == []
