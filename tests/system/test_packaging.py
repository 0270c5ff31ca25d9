"""Packaging files: the Linux desktop entry and AppStream metainfo pass their validators and
agree with each other and with the code; the PyInstaller spec names modules that exist; the
frozen-bundle branch of paths.resources_dir.

The archive's install.sh (menu entry, icons, --uninstall) runs here against a stand-in folder;
the rules of what the bundle leaves out (packaging/bundle_rules.py) are checked against the app.
The bundle itself is built and smoke-tested by packaging/ci_bundle.sh (too slow for pytest).
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from mailmanager import __version__, paths
from mailmanager.services.autostart import DESKTOP_ID

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_ID}.metainfo.xml"
SPEC = REPO / "packaging" / "mailmanager.spec"
RULES = REPO / "packaging" / "bundle_rules.py"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing on CI (scripts/install-system-deps.sh test)")
        pytest.skip(f"{name} is not installed")
    return found


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)


def test_desktop_file_validates() -> None:
    result = run(tool("desktop-file-validate"), str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_metainfo_validates_without_network() -> None:
    result = run(tool("appstreamcli"), "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_app_and_its_icon_in_both_languages() -> None:
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == "mailmanager"
    assert entry["Icon"] == DESKTOP_ID
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[f"{key}[zh_CN]"].strip(), key


def test_metainfo_agrees_with_the_desktop_entry_and_the_code() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert {b.text for b in root.iter("binary")} == {"mailmanager", "mailmanager-cli"}
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__, "add a <release> for the current version"
    assert root.find("content_rating") is not None


def test_metainfo_has_chinese_for_every_visible_text() -> None:
    root = ET.parse(METAINFO).getroot()
    for tag in ("name", "summary"):
        langs = [e.get(LANG) for e in root.findall(tag)]
        assert None in langs and "zh_CN" in langs, tag
    description = root.find("description")
    assert description is not None
    paragraphs = [e.get(LANG) for e in description.iter("p")]
    items = [e.get(LANG) for e in description.iter("li")]
    assert paragraphs.count(None) == paragraphs.count("zh_CN") > 0
    assert items.count(None) == items.count("zh_CN") > 0
    for caption_list in (s.findall("caption") for s in root.iter("screenshot")):
        assert {c.get(LANG) for c in caption_list} == {None, "zh_CN"}


def test_screenshots_point_at_files_in_docs_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    names = [(i.text or "").rsplit("/docs/screenshots/", 1)[-1] for i in root.iter("image")]
    assert names == ["main-en.png", "main-zh_CN.png"]
    folder = REPO / "docs" / "screenshots"
    if not any(folder.glob("*.png")):
        pytest.skip("no screenshots committed yet (make screenshots)")
    for name in names:
        assert (folder / name).is_file(), name


def spec_list(name: str) -> list[str]:
    """A list literal assigned (or appended with +=) to ``name`` in the spec."""
    values: list[str] = []
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        target = getattr(node, "target", None) or next(iter(getattr(node, "targets", [])), None)
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and target.id == name and isinstance(value, ast.List):
            values += [
                e.value
                for e in value.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
    return values


def test_spec_names_every_keyring_backend_and_they_exist() -> None:
    hidden = spec_list("hidden")
    for backend in (
        "SecretService",
        "kwallet",
        "macOS",
        "Windows",
        "libsecret",
        "chainer",
        "fail",
    ):
        module = f"keyring.backends.{backend}"
        assert module in hidden
        assert importlib.util.find_spec(module) is not None, module


def bundle_rules() -> ModuleType:
    """packaging/bundle_rules.py: what the spec leaves out (a plain module, no PyInstaller)."""
    spec = importlib.util.spec_from_file_location("bundle_rules", RULES)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def app_sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "mailmanager").rglob("*.py"))


def test_spec_excludes_only_qt_modules_we_do_not_import() -> None:
    unused = set(bundle_rules().QT_UNUSED)
    used = set()
    for source in (REPO / "mailmanager").rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                used.add((node.module or "").split(".")[1])
    assert used, "the app imports Qt somewhere"
    assert not used & unused, f"the spec excludes Qt modules the app uses: {used & unused}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the plugin rules are Linux's")
def test_bundle_keeps_the_plugins_a_desktop_loads_and_drops_the_rest() -> None:
    keep = bundle_rules().keep_binary
    qt = "PySide6/Qt/plugins"
    for kept in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",  # typing Chinese
        "iconengines/libqsvgicon.so",
        "imageformats/libqsvg.so",
        "networkinformation/libqnetworkmanager.so",
        "wayland-shell-integration/libxdg-shell.so",
    ):
        assert keep(f"{qt}/{kept}"), kept
    for dropped in (
        "platforms/libqeglfs.so",
        "platforms/libqvnc.so",
        "platformthemes/libqgtk3.so",
        "imageformats/libqjpeg.so",
        "tls/libqopensslbackend.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
    ):
        assert not keep(f"{qt}/{dropped}"), dropped
    assert keep("libpython3.11.so.1.0")


def test_dropped_plugins_match_what_the_app_uses() -> None:
    sources = app_sources()
    # The tls plugins are left out: Qt's own TLS (QSslSocket and friends) must stay unused.
    assert "QSsl" not in sources
    # The scheduler's online/offline signal needs the networkinformation backends (kept whole).
    assert "QNetworkInformation" in sources
    assert "networkinformation" not in bundle_rules().LINUX_QT_PLUGINS


def test_qt_translations_are_cut_to_the_apps_languages() -> None:
    keep = bundle_rules().keep_data
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("mailmanager/resources/translations/mailmanager_zh_CN.qm")


def test_resources_dir_in_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "mailmanager" / "resources"


def test_resources_dir_outside_a_bundle_has_the_catalogue() -> None:
    assert (paths.resources_dir() / "providers").is_dir()


def fake_unpacked_folder(root: Path) -> Path:
    """What the archive unpacks to, minus the bundle itself (an executable stand-in)."""
    folder = root / "mail manager $HOME" / "mailmanager"  # a space and a $: both need quoting
    share = folder / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications" / DESKTOP.name)
    shutil.copy(METAINFO, share / "metainfo" / METAINFO.name)
    for icon in (f"scalable/apps/{DESKTOP_ID}.svg", f"48x48/apps/{DESKTOP_ID}.png"):
        target = share / "icons" / "hicolor" / icon
        target.parent.mkdir(parents=True)
        target.write_bytes(b"icon")
    app = folder / "mailmanager"
    app.write_text("#!/bin/sh\n")
    app.chmod(0o755)
    shutil.copy(LINUX / "install.sh", folder / "install.sh")
    return folder


def test_install_script_adds_a_menu_entry_for_this_folder_and_removes_it(tmp_path: Path) -> None:
    folder = fake_unpacked_folder(tmp_path / "downloads")
    data = tmp_path / "home" / ".local" / "share"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(data)}
    installed = subprocess.run(
        ["sh", str(folder / "install.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stderr
    entry = data / "applications" / DESKTOP.name
    lines = entry.read_text(encoding="utf-8").splitlines()
    app = folder / "mailmanager"
    assert f"TryExec={app}" in lines
    # Exec quotes the path and escapes its $ as \$; the file format doubles the backslash.
    assert 'Exec="' + str(app).replace("$", "\\\\$") + '"' in lines
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{DESKTOP_ID}.png").is_file()
    assert (data / "metainfo" / METAINFO.name).is_file()
    result = run(tool("desktop-file-validate"), str(entry))
    assert result.returncode == 0, result.stdout + result.stderr

    removed = subprocess.run(
        ["sh", str(folder / "install.sh"), "--uninstall"], env=env, capture_output=True, check=False
    )
    assert removed.returncode == 0
    assert not [p for p in data.rglob(f"{DESKTOP_ID}.*")]
