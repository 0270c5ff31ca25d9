"""Start-up of the desktop app: arguments, logging, QApplication, translations, main window.

Start-up is kept short: only argparse, paths and logging load before Qt; the widgets' modules
load after the QApplication exists, the provider catalogue loads when the list first needs a
provider's name, and nothing touches the network or the keyring before the window is painted.
``--smoke-test`` paints the main window once, prints the time from the start of this module
to the first paint ("startup_ms=..."), and exits 0, for CI and the frozen bundle.

A store that cannot be opened (damaged, locked by another writer, written by a newer version)
is reported in a dialog in the user's language and the app exits with status 1; the file is
left untouched.

On Linux and the BSDs, a start with no display at all (no ``DISPLAY``, ``WAYLAND_DISPLAY`` or
``WAYLAND_SOCKET``, no ``QT_QPA_PLATFORM`` or ``-platform``) stops before Qt with one line on
stderr ("mailmanager: no display found ...") and exit status 3: Qt itself would abort with a
message about ``xcb-cursor0`` that sends the user after a library that is not missing.

``MAILMANAGER_DEBUG_CRASH=1`` (hidden, for support and the bundle's smoke test) raises an
exception from a Qt slot right after the first paint, so the crash handler writes its report
to the log and shows the crash dialog; with ``--smoke-test`` the app then waits (at most 10 s)
for that dialog, prints ``crash_dialog=shown`` (or ``crash_dialog=missing`` and exits 1).
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import argparse  # noqa: E402  (the clock above must start first)
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from mailmanager import APP_NAME, __version__, logs, paths  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from mailmanager.core.secrets import SecretStore
    from mailmanager.core.store.account_store import AccountStore
    from mailmanager.services.crash_handler import CrashHandler
    from mailmanager.ui.background_controls import BackgroundControls
    from mailmanager.ui.crash_host import CrashDialogHost

log = logging.getLogger("mailmanager.app")

EXIT_STORE_ERROR = 1
EXIT_NO_DISPLAY = 3
# Hidden switch (documented above and in packaging/README.md): a forced crash.
DEBUG_CRASH_ENV = "MAILMANAGER_DEBUG_CRASH"
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET")


def no_display_message(qt_args: Sequence[str]) -> str | None:
    """The one-line reason to stop before Qt when there is no display to open, else None.

    Only where Qt talks X11 or Wayland (not Windows or macOS); a platform chosen explicitly
    (``QT_QPA_PLATFORM``, ``-platform``/``--platform``) is left to Qt.
    """
    if sys.platform in ("win32", "darwin"):
        return None
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if any(arg.lstrip("-").split("=")[0] == "platform" for arg in qt_args if arg.startswith("-")):
        return None
    if any(os.environ.get(name) for name in DISPLAY_VARIABLES):
        return None
    return (
        "mailmanager: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); start it "
        "from a desktop session, or use mailmanager-cli on a terminal without one"
    )


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest (passed on to Qt, e.g. ``-platform offscreen``)."""
    parser = argparse.ArgumentParser(prog="mailmanager", description="mailmanager desktop app")
    parser.add_argument("--version", action="version", version=f"mailmanager {__version__}")
    parser.add_argument("--home", metavar="DIR", help="keep all data, logs and settings in DIR")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, paint the main window once, print the start-up time and exit",
    )
    parser.add_argument(
        "--minimized",
        action="store_true",
        help="start with the window minimised (used by the start-at-login entry)",
    )
    args, qt_args = parser.parse_known_args(list(argv))
    if args.home is not None and not args.home.strip():
        parser.error("--home needs a folder name")
    return args, qt_args


def elapsed_ms() -> float:
    """Milliseconds since this module started loading."""
    return (time.perf_counter() - _STARTED) * 1000


def _create_application(qt_args: list[str]) -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    return app


def _unusable_home(
    app_paths: paths.AppPaths, error: OSError, qt_args: list[str], smoke_test: bool
) -> int:
    """The app's folders cannot be made (a file in the way, no permission): say so in a dialog
    in the user's language (stderr for --smoke-test) instead of a traceback nobody sees."""
    line = paths.unusable_home_message(app_paths, error)
    if smoke_test:
        sys.stderr.write(line + "\n")
        return EXIT_STORE_ERROR
    app = _create_application(qt_args)
    from PySide6.QtCore import QCoreApplication

    from mailmanager.ui import language

    translators = language.install(app, language.chosen_locale(language.SYSTEM))
    where = str(error.filename or app_paths.home or app_paths.data_dir)
    message = (
        QCoreApplication.translate(
            "App",
            "mailmanager cannot use the folder %1 for its data and logs (%2). Check that it is a "
            "folder you can write to, or start mailmanager with another --home folder.",
        )
        .replace("%1", where)
        .replace("%2", error.strerror or type(error).__name__)
    )
    _cannot_start(message, "homeErrorDialog")
    del translators
    return EXIT_STORE_ERROR


def _cannot_start(message: str, name: str) -> None:
    """The dialog that says why the app stops before its window (a QApplication exists)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("App", "mailmanager cannot start"),
        message,
    )
    box.setObjectName(name)
    box.exec()


def _open_store(app_paths: paths.AppPaths, smoke_test: bool) -> AccountStore | None:
    """Open the store, or explain in a dialog (stderr for --smoke-test) why it cannot be."""
    from mailmanager.core.store.account_store import AccountStore, StoreError

    try:
        return AccountStore.open(app_paths.database)
    except StoreError as exc:
        from mailmanager.ui.errors import user_message

        log.error("store cannot be opened: %s (%s)", exc, exc.detail)
        message = user_message(exc)
        if smoke_test:
            sys.stderr.write(message + "\n")
            return None
        _cannot_start(message, "storeErrorDialog")
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    no_display = no_display_message(qt_args)
    if no_display is not None:
        sys.stderr.write(no_display + "\n")
        return EXIT_NO_DISPLAY
    if args.home:
        # Child processes (the CLI started from the app, the keyring namespace) follow --home.
        os.environ[paths.HOME_ENV] = str(args.home)
    app_paths = paths.resolve(args.home)
    from mailmanager import private_files

    private_files.restrict_umask()
    try:
        app_paths.ensure()
        # The file opens after the first paint (see open_deferred_files below); warnings at once.
        logs.setup(app_paths, defer=True)
    except OSError as exc:
        return _unusable_home(app_paths, exc, qt_args, args.smoke_test)
    log.info("mailmanager %s starting (home %s)", __version__, app_paths.home or "default")

    app = _create_application(qt_args)
    from mailmanager.services.crash_handler import CrashHandler
    from mailmanager.ui.crash_host import CrashDialogHost

    # Right after the QApplication: from here on an uncaught exception becomes a logged,
    # redacted report and a dialog instead of a vanished window.
    crash_dialogs = CrashDialogHost(app_paths.log_file)
    crash_handler = CrashHandler(crash_dialogs, app)
    crash_handler.install()

    from mailmanager.services.single_instance import SingleInstance

    # Before the store opens: a second start on the same home hands over and exits 0. The
    # socket that later starts ask opens after the first paint (instance.listen() below).
    instance = SingleInstance(app_paths, app)
    if not instance.claim(listen=False):
        log.info("mailmanager already runs on this home; asked it to come forward")
        crash_handler.uninstall()
        return 0

    from PySide6.QtCore import QSettings

    from mailmanager.ui import icons, language

    app.setWindowIcon(icons.app_icon())
    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    locale = language.chosen_locale(language.setting(settings))
    translators = language.install(app, locale)

    store = _open_store(app_paths, args.smoke_test)
    if store is None:
        return EXIT_STORE_ERROR

    from mailmanager.services.account_ops import AccountOps
    from mailmanager.ui.main_window import MainWindow
    from mailmanager.ui.provider_info import ProviderDirectory

    def make_secrets() -> SecretStore:
        # keyring is slow to import: it loads when the first account change needs it.
        from mailmanager.core.secrets import SecretStore

        return SecretStore(app_paths)

    ops = AccountOps(make_secrets, app_paths.database)
    window = MainWindow(
        store,
        ops,
        settings,
        providers=ProviderDirectory(
            language.content_language(locale),
            cache_file=app_paths.data_dir / "cache" / "catalogue.json",
        ),
    )
    from mailmanager.ui.window_activation import bring_forward

    instance.activationRequested.connect(lambda: bring_forward(window))
    crash_dialogs.parent = lambda: window
    if args.minimized:
        window.showMinimized()
    else:
        window.show()
    monitoring: BackgroundControls | None = None

    def start_monitoring() -> None:
        # After the first paint: the single-instance socket, the log file, checks, schedule,
        # alerts and tray are not needed to show the list, and their imports would delay it.
        nonlocal monitoring
        from mailmanager.services.keyring_status import KeyringStatus

        # The keyring's backend is found now, once, on the keyring thread (never this one);
        # the window shows a banner if no secure keyring is available.
        keyring_status = KeyringStatus(window, tasks=window.tasks)  # closing it cancels
        window.watch_keyring(keyring_status)
        if not args.smoke_test:  # (the smoke test exits before the loop would run these)
            keyring_status.check()
            # A save that a crash interrupted: its keyring entry goes, off the GUI thread.
            window.tasks.start(ops.recover_pending())
        instance.listen()
        logs.open_deferred_files()
        from mailmanager.core.secrets import SecretStore
        from mailmanager.ui.background_controls import BackgroundControls

        monitoring = BackgroundControls(
            window,
            app_paths,
            settings,
            SecretStore(app_paths),
            start_schedule=not args.smoke_test,
        )
        if args.minimized and monitoring.tray is not None:
            window.hide()
        elif not args.smoke_test:
            from PySide6.QtCore import QTimer as _Timer

            # Servers saved before the trust rule, or imported, that wait for a confirmation:
            # one dialog for all of them (their checks send nothing until then).
            _Timer.singleShot(0, window.review_trust)
        freeze_startup_objects()
        if os.environ.get(DEBUG_CRASH_ENV) == "1":
            from PySide6.QtCore import QTimer as _CrashTimer

            log.warning("%s=1: raising a test exception now", DEBUG_CRASH_ENV)
            _CrashTimer.singleShot(0, _forced_crash)

    try:
        if args.smoke_test:
            code = _smoke_test(app, window)
            start_monitoring()
            if os.environ.get(DEBUG_CRASH_ENV) == "1" and code == 0:
                code = _wait_for_crash_dialog(app, crash_dialogs)
            return code
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, start_monitoring)
        return _run_event_loop(app, crash_handler)
    finally:
        if monitoring is not None:
            monitoring.shutdown()
        window.close()
        from mailmanager.core import secrets_gateway

        # A keyring answer still on its way to the window must arrive before Python shuts down
        # (see KeyringGateway.settle); a keyring that does not answer is waited for 2 s at most.
        secrets_gateway.gateway().settle(2.0)
        store.close()
        icons.clear_caches()
        del translators
        instance.release()
        crash_handler.uninstall()


def freeze_startup_objects() -> None:
    """Exempt what start-up built from later full garbage collections (``gc.freeze``).

    A full collection walks every tracked object on the GUI thread: with Qt's wrappers, the
    modules and the list that took ~40 ms, the longest stall during a "Check all" of 200
    mailboxes (bench/bench_smoothness.py). What start-up builds lives as long as the app, so
    the collector need not walk it again; garbage made later is collected as before. Runs once,
    after the first paint and the background side's start.
    """
    import gc

    gc.collect()
    gc.freeze()


def _smoke_test(app: QApplication, window: object) -> int:
    """Paint the window once (synchronously), report the time and the account count."""
    from mailmanager.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    app.processEvents()
    window.repaint()
    painted = elapsed_ms()
    sys.stdout.write(f"startup_ms={painted:.0f}\n")
    sys.stdout.write(f"accounts={window.model.rowCount()}\n")
    sys.stdout.flush()
    return 0


def _forced_crash() -> None:
    """The exception ``MAILMANAGER_DEBUG_CRASH=1`` raises, from a Qt slot like a real bug."""
    raise RuntimeError(f"forced crash to try the crash report ({DEBUG_CRASH_ENV}=1)")


def _wait_for_crash_dialog(app: QApplication, host: CrashDialogHost, timeout_s: float = 10) -> int:
    """--smoke-test with the forced crash: run events until the crash dialog is on screen."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if host.dialog is not None and host.dialog.isVisible():
            sys.stdout.write("crash_dialog=shown\n")
            sys.stdout.flush()
            return 0
    sys.stdout.write("crash_dialog=missing\n")
    sys.stdout.flush()
    return 1


def _run_event_loop(app: QApplication, crash_handler: CrashHandler | None = None) -> int:
    """Run Qt's event loop under qasync, so ``async`` slots and executors work in the GUI."""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    if crash_handler is not None:
        loop.set_exception_handler(crash_handler.handle_asyncio)
    quit_event = asyncio.Event()
    app.aboutToQuit.connect(quit_event.set)
    with loop:
        loop.run_until_complete(quit_event.wait())
        # Quitting cancels what is still running (a check, a detection, a wait on the keyring):
        # each task's cancel flag is set, so the executor's threads stop before they send
        # anything more and closing the loop does not wait for a network timeout.
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    return 0
