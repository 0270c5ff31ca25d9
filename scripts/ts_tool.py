"""Maintain the Qt translation files in resources/translations/.

    python scripts/ts_tool.py update        extract strings from the code (pyside6-lupdate),
                                            fill the English file, build every .qm (lrelease)
    python scripts/ts_tool.py missing       list Chinese entries still to translate, as TSV
    python scripts/ts_tool.py fill F.tsv    take translations from F.tsv (context<TAB>source<TAB>
                                            translation; plural forms separated by " || ")
    python scripts/ts_tool.py release       build the .qm files only

The .ts files are the source of truth and are committed together with the .qm files they
produce; tests/system/test_translations.py fails when they drift apart or when a Chinese
translation is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
SOURCES = REPO / "mailmanager"
LOCALES = ("zh_CN", "en")
PLURAL_SEPARATOR = " || "


def ts_path(locale: str) -> Path:
    return TRANSLATIONS / f"mailmanager_{locale}.ts"


def qm_path(locale: str) -> Path:
    return TRANSLATIONS / f"mailmanager_{locale}.qm"


def tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python."""
    candidate = Path(sys.executable).with_name(name)
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def source_files() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def lupdate(target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         *source_files(), "-ts", str(target)],
        check=True,
    )  # fmt: skip


def lrelease(source: Path, target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], check=True
    )


def messages(tree: ET.ElementTree[ET.Element]) -> Iterator[tuple[str, ET.Element]]:
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def is_plural(message: ET.Element) -> bool:
    return message.get("numerus") == "yes"


def is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if is_plural(message):
        forms = [f.text or "" for f in translation.iter("numerusform")]
        return bool(forms) and all(forms)
    return bool(translation.text)


def english_plurals(source: str) -> list[str]:
    """ "%n minute(s) ago" -> ["%n minute ago", "%n minutes ago"]; "(es)" likewise."""
    singular = source.replace("(es)", "").replace("(s)", "")
    plural = source.replace("(es)", "es").replace("(s)", "s")
    return [singular, plural]


def fill_english(path: Path) -> None:
    """English is the source language: copy sources, and spell out the two plural forms."""
    tree = ET.parse(path)
    for _context, message in messages(tree):
        translation = message.find("translation")
        assert translation is not None
        source = message.findtext("source", "")
        translation.attrib.pop("type", None)
        if is_plural(message):
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in english_plurals(source):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = source
    write(tree, path)


def write(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


Snapshot = dict[tuple[str, str], tuple[list[str], bool]]


def numerus_snapshot(path: Path) -> Snapshot:
    """The plural forms (and whether they were finished) of every numerus message."""
    found: Snapshot = {}
    for context, message in messages(ET.parse(path)):
        if is_plural(message):
            translation = message.find("translation")
            forms = [] if translation is None else [f.text or "" for f in translation]
            found[(context, message.findtext("source", ""))] = (forms, is_finished(message))
    return found


def restore_numerus(path: Path, before: Snapshot) -> None:
    """Keep every "%n" message plural.

    pyside6-lupdate recognises plurals only in self.tr(text, disambiguation, n); for
    QCoreApplication.translate(context, text, None, n) it writes a plain message and drops the
    plural forms already translated, so English would read "3 day(s) ago". Messages whose
    source has %n are made plural again, with the forms they had before lupdate ran.
    """
    tree = ET.parse(path)
    changed = False
    for context, message in messages(tree):
        source = message.findtext("source", "")
        if "%n" not in source or is_plural(message):
            continue
        changed = True
        message.set("numerus", "yes")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        forms, finished = before.get((context, source), ([], False))
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        for form in forms or [""]:
            ET.SubElement(translation, "numerusform").text = form
        if finished:
            translation.attrib.pop("type", None)
        else:
            translation.set("type", "unfinished")
    if changed:
        write(tree, path)


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        path = ts_path(locale)
        if not path.exists():
            path.write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{locale}" sourcelanguage="en"></TS>\n',
                encoding="utf-8",
            )
        before = numerus_snapshot(path)
        lupdate(path)
        restore_numerus(path, before)
    fill_english(ts_path("en"))
    release()
    missing()


def release() -> None:
    for locale in LOCALES:
        lrelease(ts_path(locale), qm_path(locale))


def missing() -> None:
    tree = ET.parse(ts_path("zh_CN"))
    todo = [(c, m) for c, m in messages(tree) if not is_finished(m)]
    for context, message in todo:
        source = (message.findtext("source") or "").replace("\n", "\\n")
        print(f"{context}\t{source}\t")
    print(f"# {len(todo)} Chinese entries to translate", file=sys.stderr)


def fill(tsv: Path) -> None:
    wanted: dict[tuple[str, str], str] = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        context, source, text = line.split("\t")
        wanted[(context, source.replace("\\n", "\n"))] = text.replace("\\n", "\n")
    path = ts_path("zh_CN")
    tree = ET.parse(path)
    filled = 0
    for context, message in messages(tree):
        key = (context, message.findtext("source", ""))
        if key not in wanted:
            continue
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        text = wanted.pop(key)
        if is_plural(message):
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in text.split(PLURAL_SEPARATOR):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text
        filled += 1
    write(tree, path)
    print(f"filled {filled}; {len(wanted)} lines matched nothing", file=sys.stderr)
    for context, source in wanted:
        print(f"  unmatched: {context}\t{source}", file=sys.stderr)
    release()


PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%L?\d")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, *rest = argv
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "missing":
        missing()
    elif command == "fill" and rest:
        fill(Path(rest[0]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
