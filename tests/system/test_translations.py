"""Translation files: complete, consistent with the code, and compiled.

* every string in the code is in the .ts files (pyside6-lupdate finds nothing new);
* every Chinese entry is translated, with the same placeholders as its English source;
* each committed .qm is exactly what lrelease makes of its .ts (a stale .qm fails; content is
  compared rather than file times, which a git checkout does not keep).
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scripts import ts_tool

LOCALES = ts_tool.LOCALES


def _entries(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {(c, m.findtext("source", "")): m for c, m in ts_tool.messages(tree)}


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zh_CN .ts as lupdate would write it from the current code."""
    target = tmp_path_factory.mktemp("ts") / "fresh_zh_CN.ts"
    shutil.copy(ts_tool.ts_path("zh_CN"), target)
    ts_tool.lupdate(target)
    return target


@pytest.mark.parametrize("locale", LOCALES)
def test_files_exist(locale: str) -> None:
    assert ts_tool.ts_path(locale).exists()
    assert ts_tool.qm_path(locale).exists()


def test_ts_covers_every_string_in_the_code(fresh_ts: Path) -> None:
    committed = set(_entries(ts_tool.ts_path("zh_CN")))
    current = set(_entries(fresh_ts))
    new = sorted(current - committed)
    assert not new, f"run `make translations` and translate: {new[:10]}"
    stale = sorted(committed - current)
    assert not stale, f"strings no longer in the code, run `make translations`: {stale[:10]}"


def test_every_chinese_entry_is_translated() -> None:
    todo = [key for key, m in _entries(ts_tool.ts_path("zh_CN")).items()
            if not ts_tool.is_finished(m)]  # fmt: skip
    assert not todo, f"{len(todo)} untranslated, e.g. {todo[:5]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_match(locale: str) -> None:
    for (context, source), message in _entries(ts_tool.ts_path(locale)).items():
        translation = message.find("translation")
        assert translation is not None
        forms = (
            [f.text or "" for f in translation.iter("numerusform")]
            if ts_tool.is_plural(message)
            else [translation.text or ""]
        )
        for form in forms:
            assert ts_tool.placeholders(form) == ts_tool.placeholders(source), (
                f"{locale} {context}: {source!r} -> {form!r}"
            )


def test_chinese_translations_are_chinese() -> None:
    """A copied English text is not a translation (product names and codes excepted)."""
    allowed = {"IMAP", "SMTP", "mailmanager", "OK", "TLS", "ID", "SSL", "STARTTLS", "SSL/TLS"}
    allowed |= {"English"}  # a language is listed under its own name in the language menu
    for (context, source), message in _entries(ts_tool.ts_path("zh_CN")).items():
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or "".join(f.text or "" for f in translation.iter("numerusform"))
        if source.strip() in allowed or not any(ch.isalpha() for ch in source):
            continue
        has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in text)
        assert has_cjk or text != source, f"{context}: {source!r} left in English"


def test_chinese_calls_the_app_by_its_chinese_name() -> None:
    """Issue 18, item 6: titles and sentences say 邮箱授权码管家 (the desktop entry's
    Name[zh_CN]), never "mailmanager"; only a name the user types may stay as it is."""
    desktop = (
        ts_tool.REPO / "packaging/linux/io.github.mailmanager.MailManager.desktop"
    ).read_text("utf-8")
    assert "Name[zh_CN]=邮箱授权码管家" in desktop
    literal = "例如 mailmanager"  # the code's suggested label, typed at the provider
    for (context, _source), message in _entries(ts_tool.ts_path("zh_CN")).items():
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or "".join(f.text or "" for f in translation.iter("numerusform"))
        assert "mailmanager" not in text.replace(literal, ""), f"{context}: {text!r}"


@pytest.mark.parametrize("locale", LOCALES)
def test_qm_is_built_from_the_current_ts(locale: str, tmp_path: Path) -> None:
    rebuilt = tmp_path / f"{locale}.qm"
    ts_tool.lrelease(ts_tool.ts_path(locale), rebuilt)
    assert rebuilt.read_bytes() == ts_tool.qm_path(locale).read_bytes(), (
        f"{ts_tool.qm_path(locale).name} is stale: run `make translations`"
    )
