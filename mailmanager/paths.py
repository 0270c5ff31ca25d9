"""Every on-disk location of the app, in one place.

``--home DIR`` or the ``MAILMANAGER_HOME`` environment variable puts all data, logs, settings and
the single-instance lock under one folder (tests, portable installs, benchmarks). Without it the
platform's own folders are used (XDG on Linux, AppData on Windows, Library on macOS).

Imported before anything else at start-up, so it stays light: ``platformdirs`` loads only when
the platform's folders are asked for (not under --home), and the resources folder is found
through the package's own ``__path__`` rather than ``importlib.resources`` (together ~10 ms).
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mailmanager import APP_NAME

HOME_ENV = "MAILMANAGER_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The folders and files the app uses.

    Attributes:
        home: the folder given by --home / MAILMANAGER_HOME, or None for the platform folders.
        data_dir: where the SQLite store lives.
        log_dir: where the rotating log files live.
        config_dir: where settings (QSettings INI) live.
        runtime_dir: where the single-instance lock/socket lives.
    """

    home: Path | None
    data_dir: Path
    log_dir: Path
    config_dir: Path
    runtime_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "mailmanager.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "mailmanager.log"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"

    @property
    def user_providers_dir(self) -> Path:
        """Custom providers imported from autoconfig files live beside the data."""
        return self.data_dir / "providers"

    @property
    def private_files(self) -> tuple[Path, ...]:
        """The files of ours that must never be links or readable by others."""
        database = self.database
        return (
            database,
            *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal")),
            self.settings_file,
        )

    @property
    def log_files(self) -> tuple[Path, ...]:
        """The log and its rotated copies (``logs`` opens them with O_NOFOLLOW itself)."""
        name = self.log_file.name
        return (self.log_file, *(self.log_dir / f"{name}.{n}" for n in range(1, 6)))

    def ensure(self) -> None:
        """Create the folders owner-only (0700) and make sure nobody else can tamper with them.

        A home folder is created 0700 when missing and refused (``private_files.UnsafePlace``,
        an ``OSError``) when group or others can write to it or it belongs to another user; it
        is never chmod-ed itself. The app's own folders are tightened to 0700 and its files to
        0600; a symbolic link in place of one of them is refused.
        """
        from mailmanager import private_files

        if self.home is not None:
            private_files.check_home(self.home)
        for folder in (self.data_dir, self.log_dir, self.config_dir, self.runtime_dir):
            private_files.secure_folder(folder)
        for file in self.private_files:
            private_files.check_file(file)
        for file in self.log_files:
            # A log that cannot be used is said once by ``logs`` and the app carries on.
            private_files.tighten_quietly(file)


def unusable_home_message(app_paths: AppPaths, error: OSError) -> str:
    """One line saying why the app's folders cannot be created or used (a file in the way,
    no permission, a read-only disk), for the CLI and the app's start-up dialog."""
    where = error.filename or app_paths.home or app_paths.data_dir
    reason = error.strerror or type(error).__name__
    return f"cannot use the folder {where}: {reason}"


def resolve(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """Return the app's paths; ``home`` wins over MAILMANAGER_HOME, which wins over defaults."""
    chosen = home if home is not None else os.environ.get(HOME_ENV) or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(
            home=root,
            data_dir=root / "data",
            log_dir=root / "logs",
            config_dir=root / "config",
            runtime_dir=root / "run",
        )
    import warnings

    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    data_dir = Path(dirs.user_data_dir)
    with warnings.catch_warnings():
        # Without XDG_RUNTIME_DIR (a bare SSH or cron session) platformdirs warns and guesses a
        # folder in /tmp; a folder beside the data is private and good enough for a lock.
        warnings.simplefilter("error", platformdirs.RuntimeDirWarning)
        try:
            runtime_dir = Path(dirs.user_runtime_dir)
        except platformdirs.RuntimeDirWarning:
            runtime_dir = data_dir / "run"
    return AppPaths(
        home=None,
        data_dir=data_dir,
        log_dir=Path(dirs.user_log_dir),
        config_dir=Path(dirs.user_config_dir),
        runtime_dir=runtime_dir,
    )


def resources_dir() -> Path:
    """The resources/ folder: the installed package ``mailmanager.resources`` or the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        # PyInstaller bundle: packaging/mailmanager.spec puts resources/ here.
        return Path(bundle) / "mailmanager" / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    try:
        package = importlib.import_module("mailmanager.resources")
    except ModuleNotFoundError:
        return checkout
    # A regular package (it has an __init__.py): its folder is the first entry of __path__,
    # as importlib.resources.files() would say, without importing importlib.resources.
    locations = list(getattr(package, "__path__", []))
    if not locations:
        return checkout
    installed = Path(locations[0])
    return installed if installed.is_dir() else checkout
