"""Start at login: the XDG autostart entry in a temporary XDG_CONFIG_HOME (validated with
desktop-file-validate), and the macOS LaunchAgent written to a temporary home."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mailmanager import paths
from mailmanager.services.autostart import (
    DESKTOP_ID,
    Autostart,
    desktop_exec,
    launch_command,
)


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def validate_desktop_file(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("desktop-file-validate is missing on CI (desktop-file-utils)")
        return
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_enable_writes_a_valid_entry_and_disable_removes_it(xdg: Path) -> None:
    entry = Autostart(["/opt/mail manager/mailmanager", "--minimized"], platform="linux")
    assert entry.location == str(xdg / "autostart" / f"{DESKTOP_ID}.desktop")
    assert not entry.is_enabled()
    entry.set_enabled(True)
    assert entry.is_enabled()
    text = Path(entry.location).read_text(encoding="utf-8")
    assert 'Exec="/opt/mail manager/mailmanager" --minimized\n' in text
    assert "Name[zh_CN]=" in text
    validate_desktop_file(Path(entry.location))
    entry.set_enabled(False)
    assert not entry.is_enabled()
    assert not Path(entry.location).exists()
    entry.set_enabled(False)  # removing twice is fine


def test_default_location_is_home_config_without_xdg_config_home(tmp_path: Path) -> None:
    entry = Autostart(["mm"], platform="linux", environ={"HOME": str(tmp_path)})
    assert entry.location == str(tmp_path / ".config" / "autostart" / f"{DESKTOP_ID}.desktop")
    relative = Autostart(
        ["mm"], platform="linux", environ={"HOME": str(tmp_path), "XDG_CONFIG_HOME": "rel"}
    )
    assert relative.location == entry.location  # a relative XDG_CONFIG_HOME is ignored


@pytest.mark.parametrize(
    "line",
    ["X-GNOME-Autostart-enabled=false", "Hidden=true"],
)
def test_entry_switched_off_by_the_desktop_counts_as_disabled(xdg: Path, line: str) -> None:
    entry = Autostart(["mm"], platform="linux")
    entry.set_enabled(True)
    path = Path(entry.location)
    text = path.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text + line + "\n", encoding="utf-8")
    assert not entry.is_enabled()
    entry.set_enabled(True)  # switching it on again rewrites the entry
    assert entry.is_enabled()


def test_a_damaged_entry_reads_as_disabled(xdg: Path) -> None:
    entry = Autostart(["mm"], platform="linux")
    Path(entry.location).parent.mkdir(parents=True)
    Path(entry.location).write_bytes(b"\xff\xfe not a desktop file")
    assert not entry.is_enabled()


def test_exec_quoting_follows_the_desktop_entry_spec(xdg: Path) -> None:
    assert desktop_exec(["/usr/bin/mailmanager", "--minimized"]) == (
        "/usr/bin/mailmanager --minimized"
    )
    assert desktop_exec(["a b"]) == '"a b"'
    assert desktop_exec(['say "hi"']) == '"say \\\\"hi\\\\""'
    assert desktop_exec(["100%"]) == "100%%"
    assert desktop_exec(["$HOME"]) == '"\\\\$HOME"'
    assert desktop_exec([""]) == '""'
    odd = ["/tmp/我的 邮箱/$x`y`\\z/mailmanager", "--home", "/tmp/50% off"]
    entry = Autostart(odd, platform="linux")
    entry.set_enabled(True)
    validate_desktop_file(Path(entry.location))


def test_portable_home_gets_its_own_entry_with_home_and_minimized(
    xdg: Path, tmp_path: Path
) -> None:
    normal = Autostart.for_app(paths.resolve(tmp_path / "h1"), minimized=True, platform="linux")
    other = Autostart.for_app(paths.resolve(tmp_path / "h2"), minimized=False, platform="linux")
    assert normal.location != other.location
    assert Path(normal.location).name.startswith(DESKTOP_ID + "-")
    assert normal.command[-3:] == ["--home", str((tmp_path / "h1").resolve()), "--minimized"]
    assert "--minimized" not in other.command
    normal.set_enabled(True)
    assert normal.is_enabled() and not other.is_enabled()


def test_launch_command_for_a_bundle_a_venv_and_a_bare_python(tmp_path: Path) -> None:
    assert launch_command(frozen=True, executable="/opt/mm/mailmanager") == ["/opt/mm/mailmanager"]
    bare = tmp_path / "python3"
    assert launch_command(frozen=False, executable=str(bare)) == [str(bare), "-m", "mailmanager"]
    (tmp_path / "mailmanager").write_text("#!/bin/sh\n")
    assert launch_command(frozen=False, executable=str(bare)) == [str(tmp_path / "mailmanager")]
    assert launch_command()  # this interpreter
    assert launch_command()[0].startswith(str(Path(sys.executable).parent))


def test_macos_launch_agent(tmp_path: Path) -> None:
    entry = Autostart(
        ["/Applications/mailmanager.app/Contents/MacOS/mailmanager", "--minimized"],
        platform="darwin",
        environ={"HOME": str(tmp_path)},
    )
    agent = tmp_path / "Library" / "LaunchAgents" / f"{DESKTOP_ID}.plist"
    assert entry.location == str(agent)
    entry.set_enabled(True)
    data = plistlib.loads(agent.read_bytes())
    assert data["Label"] == DESKTOP_ID
    assert data["RunAtLoad"] is True
    assert data["ProgramArguments"][-1] == "--minimized"
    assert entry.is_enabled()
    entry.set_enabled(False)
    assert not agent.exists() and not entry.is_enabled()


def test_windows_backend_reports_disabled_off_windows() -> None:
    entry = Autostart(["C:\\mm\\mailmanager.exe"], platform="win32")
    assert entry.location.startswith("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows")
    if sys.platform != "win32":
        assert not entry.is_enabled()
        with pytest.raises(OSError):
            entry.set_enabled(True)
