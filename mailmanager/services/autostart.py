"""Start mailmanager when the user logs in: install or remove the platform's autostart entry.

A code that expires is only caught if the app runs, so "start at login" is a setting. The entry
itself is the only record of that setting (no copy in settings.ini that could disagree with
what the desktop shows in its own start-up list):

* Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/<id>.desktop`` (default
  ``~/.config/autostart``). A desktop that lets the user switch the entry off writes
  ``X-GNOME-Autostart-enabled=false`` or ``Hidden=true`` into it; both count as disabled.
* Windows: a value in ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
* macOS: a LaunchAgent ``~/Library/LaunchAgents/<id>.plist`` with ``RunAtLoad``.

The command is the running launcher (the frozen bundle's executable, or the ``mailmanager``
script of the virtual environment), plus ``--minimized`` when a system tray exists (the caller
decides, with ``QSystemTrayIcon.isSystemTrayAvailable()``), plus ``--home DIR`` when the app
runs on a portable home; such an entry gets its own name, so it never replaces the entry of the
user's normal installation.
"""

from __future__ import annotations

import configparser
import hashlib
import os
import plistlib
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from mailmanager.paths import AppPaths

DESKTOP_ID = "io.github.mailmanager.MailManager"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Characters that force quoting in a desktop entry's Exec key (Desktop Entry spec, "Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def launch_command(*, frozen: bool | None = None, executable: str | None = None) -> list[str]:
    """The command that starts this installation of the desktop app."""
    exe = Path(executable or sys.executable)
    if getattr(sys, "frozen", False) if frozen is None else frozen:
        return [str(exe)]  # the bundle's own windowed executable
    launcher = exe.with_name("mailmanager.exe" if exe.suffix == ".exe" else "mailmanager")
    if launcher.is_file():
        return [str(launcher)]
    return [str(exe), "-m", "mailmanager"]


def desktop_exec(args: Sequence[str]) -> str:
    """``args`` as the value of an Exec key, quoted and escaped as the spec asks."""
    parts = []
    for arg in args:
        if arg and not (_RESERVED & set(arg)):
            quoted = arg
        else:
            quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
        parts.append(quoted.replace("%", "%%"))
    # Exec is a string value: its backslashes are escaped once more by the key-file syntax.
    return " ".join(parts).replace("\\", "\\\\")


def _entry_name(home: Path | None) -> str:
    if home is None:
        return DESKTOP_ID
    return f"{DESKTOP_ID}-{hashlib.sha256(str(home).encode()).hexdigest()[:8]}"


class _Backend(Protocol):
    location: str

    def is_enabled(self) -> bool: ...
    def enable(self, command: Sequence[str]) -> None: ...
    def disable(self) -> None: ...


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


class _XdgBackend:
    def __init__(self, name: str, environ: Mapping[str, str]) -> None:
        config = environ.get("XDG_CONFIG_HOME", "")
        # The spec says to ignore a relative XDG_CONFIG_HOME.
        base = Path(config) if config and Path(config).is_absolute() else None
        if base is None:
            base = Path(environ.get("HOME") or Path.home()) / ".config"
        self.path = base / "autostart" / f"{name}.desktop"
        self.location = str(self.path)

    def is_enabled(self) -> bool:
        if not self.path.is_file():
            return False
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        try:
            parser.read(self.path, encoding="utf-8")
            entry = parser["Desktop Entry"]
        except (configparser.Error, KeyError, UnicodeDecodeError):
            return False
        hidden = entry.get("Hidden", "false").strip().lower() == "true"
        switched_off = entry.get("X-GNOME-Autostart-enabled", "true").strip().lower() == "false"
        return not hidden and not switched_off

    def enable(self, command: Sequence[str]) -> None:
        text = "\n".join(
            [
                "[Desktop Entry]",
                "Type=Application",
                "Name=mailmanager",
                "Name[zh_CN]=邮箱授权码管家",
                "Comment=Check mailbox authorization codes at login",
                "Comment[zh_CN]=登录时检查邮箱授权码",
                f"Exec={desktop_exec(command)}",
                f"Icon={DESKTOP_ID}",
                "Terminal=false",
                "X-GNOME-Autostart-enabled=true",
                "",
            ]
        )
        _write_atomically(self.path, text.encode("utf-8"))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class _LaunchAgentBackend:
    def __init__(self, name: str, environ: Mapping[str, str]) -> None:
        home = Path(environ.get("HOME") or Path.home())
        self.label = name
        self.path = home / "Library" / "LaunchAgents" / f"{name}.plist"
        self.location = str(self.path)

    def is_enabled(self) -> bool:
        try:
            with self.path.open("rb") as f:
                data = plistlib.load(f)
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return bool(data.get("RunAtLoad")) and not data.get("Disabled", False)

    def enable(self, command: Sequence[str]) -> None:
        data = {
            "Label": self.label,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        _write_atomically(self.path, plistlib.dumps(data))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class _WindowsRunBackend:  # pragma: no cover - exercised on Windows only
    def __init__(self, name: str) -> None:
        self.value_name = "mailmanager" if name == DESKTOP_ID else f"mailmanager-{name[-8:]}"
        self.location = f"HKEY_CURRENT_USER\\{RUN_KEY}\\{self.value_name}"

    def is_enabled(self) -> bool:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    winreg.QueryValueEx(key, self.value_name)
            except OSError:
                return False
            return True
        return False

    def enable(self, command: Sequence[str]) -> None:
        if sys.platform == "win32":
            import winreg

            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                line = subprocess.list2cmdline(command)
                winreg.SetValueEx(key, self.value_name, 0, winreg.REG_SZ, line)
            return
        raise OSError("the Run key exists on Windows only")

    def disable(self) -> None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, self.value_name)
            except FileNotFoundError:
                pass


class Autostart:
    """The "start at login" setting, read from and written to the platform's own entry.

    Attributes:
        command: what the entry runs.
        location: where the entry lives (a file path, or the registry value on Windows).
    """

    def __init__(
        self,
        command: Sequence[str],
        *,
        home: Path | None = None,
        platform: str = sys.platform,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.command = list(command)
        env = os.environ if environ is None else environ
        name = _entry_name(home)
        self._backend: _Backend
        if platform == "win32":
            self._backend = _WindowsRunBackend(name)
        elif platform == "darwin":
            self._backend = _LaunchAgentBackend(name, env)
        else:
            self._backend = _XdgBackend(name, env)
        self.location = self._backend.location

    @classmethod
    def for_app(
        cls,
        app_paths: AppPaths,
        *,
        minimized: bool,
        platform: str = sys.platform,
        environ: Mapping[str, str] | None = None,
    ) -> Autostart:
        """The entry for the running installation; ``minimized`` when a system tray exists."""
        command = launch_command()
        if app_paths.home is not None:
            command += ["--home", str(app_paths.home)]
        if minimized:
            command.append("--minimized")
        return cls(command, home=app_paths.home, platform=platform, environ=environ)

    def is_enabled(self) -> bool:
        return self._backend.is_enabled()

    def set_enabled(self, enabled: bool) -> None:
        """Install (or refresh) the entry, or remove it; raises OSError if that fails."""
        if enabled:
            self._backend.enable(self.command)
        else:
            self._backend.disable()
