"""One running mailmanager per home folder.

Two copies of the app on the same home would both poll and write the same SQLite store and
keyring entries, and the user would see two windows that disagree. So the first copy becomes
the *primary*: it holds a lock file in ``runtime_dir`` for its whole life and listens on a local
socket (a Unix socket, or a named pipe on Windows). A later start on the same home finds the
lock taken, sends ``activate`` over the socket, waits for the primary's ``ok`` and exits 0; the
primary emits ``activationRequested`` and brings its window forward.

Why a lock file as well as the socket: after a crash the socket file stays behind, and removing
it blindly (``QLocalServer.removeServer``) could delete the socket of a copy that is starting at
the same moment. ``QLockFile`` records the owner's PID, host and boot id, so a crashed owner's
lock is recognised as stale and taken over; only the lock holder ever removes a socket, and only
after it has confirmed that nobody answers on it.

The socket name is derived from ``runtime_dir``: a path inside it when that path is short enough
for a Unix socket (about 100 bytes), otherwise a hashed name in the system temp folder; on
Windows always a hashed pipe name. The socket accepts the current user only.

Start-up order (the app): ``claim(listen=False)`` before the store opens takes the lock and
makes sure no running copy answers; ``listen()`` right after the window's first paint opens the
socket. The first part needs only ``QLockFile``; QtNetwork (~10 ms to import) loads with the
second, or earlier when a socket file is there to be asked (a running copy, or a crash's
leftover). A second start that arrives in between finds the lock taken and keeps trying to
connect until the socket is up (``reply_timeout_ms``), as it does for a copy that is starting.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal, Slot

from mailmanager.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("mailmanager.instance")

ACTIVATE = b"activate\n"
ACK = b"ok\n"
LOCK_NAME = "instance.lock"
SOCKET_NAME = "instance.sock"
# sockaddr_un.sun_path is 108 bytes on Linux and 104 on macOS, including the final NUL.
MAX_SOCKET_PATH = 100


def server_name(runtime_dir: Path, *, platform: str = sys.platform) -> str:
    """The QLocalServer name for the instance that owns ``runtime_dir``."""
    if platform != "win32":
        candidate = str(runtime_dir / SOCKET_NAME)
        if len(candidate.encode()) <= MAX_SOCKET_PATH:
            return candidate
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        user = "user"
    digest = hashlib.sha256(f"{user}\0{runtime_dir}".encode()).hexdigest()[:24]
    return f"mailmanager-{digest}"


class SingleInstance(QObject):
    """Claims the home folder for this process, or hands over to the copy that owns it.

    Usage in the app, after the QApplication exists and before the store is opened::

        instance = SingleInstance(app_paths)
        if not instance.claim(listen=False):
            return 0                       # the running copy was asked to come forward
        ...                                # build and paint the window
        instance.activationRequested.connect(lambda: bring_forward(window))
        instance.listen()

    ``claim()`` with the default ``listen=True`` does both at once.

    Signals:
        activationRequested(): another start on the same home asked this copy to show itself.

    Attributes:
        name: the local socket / pipe name.
        reply_timeout_ms: how long a second start waits for the running copy to answer.
    """

    activationRequested = Signal()

    def __init__(
        self,
        app_paths: AppPaths,
        parent: QObject | None = None,
        *,
        reply_timeout_ms: int = 3000,
    ) -> None:
        super().__init__(parent)
        self._runtime_dir = app_paths.runtime_dir
        self.name = server_name(app_paths.runtime_dir)
        self.reply_timeout_ms = reply_timeout_ms
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []

    @property
    def is_primary(self) -> bool:
        """True once this copy owns the home folder (holds the lock or serves the socket)."""
        return self._lock is not None or self._server is not None

    def claim(self, *, listen: bool = True) -> bool:
        """True if this process is now the only instance on its home folder.

        False means another instance owns the folder; it has been asked to come forward (or did
        not answer in time, which is logged) and the caller should exit with status 0. With
        ``listen=False`` the socket opens only at ``listen()``.
        """
        if self._lock is None and self._server is None and not self._take_lock():
            return False
        if listen:
            self.listen()
        return True

    def _take_lock(self) -> bool:
        self._runtime_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = QLockFile(str(self._runtime_dir / LOCK_NAME))
        # Held for the whole life of the app: never consider it stale because of its age, only
        # because its owner is gone (QLockFile checks PID, host and boot id).
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            if lock.error() != QLockFile.LockError.LockFailedError:
                log.warning("cannot create the instance lock in %s", self._runtime_dir)
            if not self._ask_primary_to_activate(retry=True):
                # Alive (its lock is not stale) but hung or still starting: a second copy would
                # fight over the store, so give up all the same.
                log.warning("another mailmanager holds %s but does not answer", self._runtime_dir)
            return False
        if self._someone_may_answer() and self._ask_primary_to_activate(retry=False):
            # Somebody answers although we hold the lock (for instance the lock file was
            # deleted by hand): do not take the socket away from it.
            lock.unlock()
            return False
        self._lock = lock
        return True

    def _someone_may_answer(self) -> bool:
        """False when no copy can be listening: the name is a socket path and no file is there.

        Saves importing QtNetwork on an ordinary start. A hashed name (a Windows pipe, or a
        socket in the temp folder) is always asked.
        """
        if self.name.startswith("/"):
            return Path(self.name).exists()
        return True

    def listen(self) -> None:
        """Open the socket that later starts ask (after a ``claim(listen=False)``)."""
        if self._server is not None or self._lock is None:
            return
        from PySide6.QtNetwork import QLocalServer

        # The lock holder is the only one allowed to clean up; nobody answered at claim(), so
        # a leftover socket file is stale (a crash) and can go.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, server.errorString())
            self._lock.unlock()
            self._lock = None
            server.deleteLater()
            return  # run anyway: refusing to start helps nobody
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        log.info("single instance claimed on %s", self.name)

    def release(self) -> None:
        """Stop listening and give the home folder up (also done at process exit)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # -- the second start ------------------------------------------------------------------

    def _ask_primary_to_activate(self, *, retry: bool) -> bool:
        """Send ``activate`` to the running copy; True once it has acknowledged.

        Runs a local event loop rather than blocking calls, so that it also works when the
        running copy lives in this very process (tests) and its server needs the loop to answer.
        With ``retry``, keeps trying to connect until the timeout (the owner may be starting).
        """
        from PySide6.QtCore import QByteArray, QEventLoop, QTimer
        from PySide6.QtNetwork import QLocalSocket

        loop = QEventLoop()
        socket = QLocalSocket()
        received = QByteArray()
        outcome = {"ack": False, "refused": False}
        retry_timer = QTimer()
        retry_timer.setSingleShot(True)
        retry_timer.setInterval(50)
        retry_timer.timeout.connect(lambda: socket.connectToServer(self.name))

        def on_connected() -> None:
            socket.write(ACTIVATE)

        def on_ready_read() -> None:
            received.append(socket.readAll())
            if bytes(received.data()).startswith(ACK):
                outcome["ack"] = True
                loop.quit()

        def on_error(_error: QLocalSocket.LocalSocketError) -> None:
            if retry:
                retry_timer.start()
            else:
                outcome["refused"] = True
                loop.quit()

        socket.connected.connect(on_connected)
        socket.readyRead.connect(on_ready_read)
        socket.errorOccurred.connect(on_error)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        deadline.start(self.reply_timeout_ms)
        socket.connectToServer(self.name)
        if not outcome["refused"] and not outcome["ack"]:
            loop.exec()
        deadline.stop()
        retry_timer.stop()
        for signal in (socket.connected, socket.readyRead, socket.errorOccurred):
            signal.disconnect()
        socket.abort()
        socket.deleteLater()
        return outcome["ack"]

    # -- the running copy ------------------------------------------------------------------

    @Slot()
    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (client := self._server.nextPendingConnection()) is not None:
            self._clients.append(client)
            client.readyRead.connect(lambda c=client: self._on_client_data(c))
            client.disconnected.connect(lambda c=client: self._forget(c))
            if client.bytesAvailable():
                self._on_client_data(client)

    def _on_client_data(self, client: QLocalSocket) -> None:
        if not client.canReadLine():
            if client.bytesAvailable() > 256:  # not one of ours: drop it
                client.abort()
            return
        line = bytes(client.readLine(256).data())
        if line == ACTIVATE:
            client.write(ACK)
            client.flush()
            log.info("another start on this home folder: bringing the window forward")
            self.activationRequested.emit()
        client.disconnectFromServer()

    def _forget(self, client: QLocalSocket) -> None:
        if client in self._clients:
            self._clients.remove(client)
        client.deleteLater()
