"""A real Secret Service (gnome-keyring) on a private D-Bus session bus, for integration tests.

Nothing here touches the developer's own session: the bus is a fresh ``dbus-daemon`` with its
own socket and a configuration WITHOUT service directories (so nothing is D-Bus-activated from
the system, in particular no second gnome-keyring and no GUI prompter), and gnome-keyring runs
with HOME, XDG_* and its control directory inside a temporary folder. Both daemons run in the
foreground in their own process groups, so teardown can always kill them.

``echo |`` in the shell recipe matters and is reproduced here: ``--unlock`` reads the login
password from stdin, and one empty line creates (and unlocks) a login keyring with an empty
password; zero bytes create none, and keyring then fails with "Prompt dismissed".
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

BINARIES = ("dbus-daemon", "gnome-keyring-daemon")
SERVICE_NAME = "org.freedesktop.secrets"

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def missing_binaries() -> list[str]:
    """The daemons this helper needs that are not on PATH."""
    return [name for name in BINARIES if shutil.which(name) is None]


@dataclass
class SecretServiceSession:
    """A private bus, optionally with gnome-keyring serving the Secret Service on it.

    Attributes:
        address: the bus address to put in DBUS_SESSION_BUS_ADDRESS.
        root: the temporary folder holding HOME, XDG dirs, the socket and the daemon logs.
        env: the environment the daemons run with (also usable for child processes).
    """

    address: str
    root: Path
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_keyring(self, *, unlock: bool = True, timeout: float = 10.0) -> None:
        """Start gnome-keyring's secrets component and wait until it owns its bus name."""
        args = ["gnome-keyring-daemon", "--foreground", "--components=secrets"]
        control = self.root / "keyring-control"
        control.mkdir(mode=0o700, exist_ok=True)
        args.append(f"--control-directory={control}")
        if unlock:
            args.append("--unlock")
        log = (self.root / "gnome-keyring.log").open("wb")
        proc = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.env,
            start_new_session=True,
        )
        log.close()
        self.processes.append(proc)
        assert proc.stdin is not None
        if unlock:
            proc.stdin.write(b"\n")  # one empty line: an unlocked login keyring, empty password
        proc.stdin.close()
        self._wait_for_service(proc, timeout)

    def _wait_for_service(self, proc: subprocess.Popen[bytes], timeout: float) -> None:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        dbus = DBusAddress(
            "/org/freedesktop/DBus",
            bus_name="org.freedesktop.DBus",
            interface="org.freedesktop.DBus",
        )
        deadline = time.monotonic() + timeout
        with open_dbus_connection(bus=self.address) as conn:
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    raise RuntimeError(
                        f"gnome-keyring-daemon exited with {proc.returncode}: "
                        + (self.root / "gnome-keyring.log").read_text(errors="replace")
                    )
                reply = conn.send_and_get_reply(
                    new_method_call(dbus, "NameHasOwner", "s", (SERVICE_NAME,)), timeout=timeout
                )
                if reply.body[0]:
                    return
                time.sleep(0.01)
        raise RuntimeError(f"{SERVICE_NAME} did not appear on the private bus in {timeout} s")

    def lock_default_collection(self) -> None:
        """Lock the login collection, as the desktop does after a timeout or on screen lock."""
        import secretstorage
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(bus=self.address) as conn:
            collection = secretstorage.get_default_collection(conn)
            collection.lock()
            assert collection.is_locked()

    def items(self) -> list[dict[str, str]]:
        """Attributes of every item in the default collection (to check namespacing)."""
        import secretstorage
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(bus=self.address) as conn:
            collection = secretstorage.get_default_collection(conn)
            return [dict(item.get_attributes()) for item in collection.get_all_items()]

    def close(self) -> None:
        """Stop every daemon (keyring first, then the bus); never raises."""
        for proc in reversed(self.processes):
            _stop(proc)
        self.processes.clear()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def isolated_env(root: Path) -> dict[str, str]:
    """The current environment with HOME and the XDG folders moved into ``root``."""
    home = root / "home"
    runtime = root / "runtime"
    home.mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    return env


@contextlib.contextmanager
def private_bus(root: Path, *, timeout: float = 10.0) -> Iterator[SecretServiceSession]:
    """A private D-Bus session bus in ``root``; the daemons are stopped on exit, whatever
    happened inside."""
    root.mkdir(parents=True, exist_ok=True)
    env = isolated_env(root)
    # A unix socket path is limited to ~107 bytes; pytest's tmp_path can be longer.
    socket_dir = Path(tempfile.mkdtemp(prefix="mmbus-"))
    socket = socket_dir / "bus.sock"
    config = root / "bus.conf"
    config.write_text(_BUS_CONFIG.format(socket=socket), encoding="utf-8")
    log = (root / "dbus-daemon.log").open("wb")
    bus = subprocess.Popen(
        [
            "dbus-daemon",
            f"--config-file={config}",
            "--nofork",
            "--nopidfile",
            "--nosyslog",
            "--print-address=1",
        ],
        stdout=subprocess.PIPE,
        stderr=log,
        env=env,
        start_new_session=True,
    )
    log.close()
    session = SecretServiceSession(address="", root=root, env=env, processes=[bus])
    try:
        assert bus.stdout is not None
        address = _read_line(bus, timeout)
        session.address = address
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        yield session
    finally:
        session.close()
        shutil.rmtree(socket_dir, ignore_errors=True)


def _read_line(proc: subprocess.Popen[bytes], timeout: float) -> str:
    """The first line the bus prints (its address), without blocking forever."""
    import selectors

    assert proc.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise RuntimeError("dbus-daemon printed no address")
    line = proc.stdout.readline().decode().strip()
    if not line:
        raise RuntimeError(f"dbus-daemon exited with {proc.poll()} before printing an address")
    return line


@contextlib.contextmanager
def secret_service(root: Path, *, unlock: bool = True) -> Iterator[SecretServiceSession]:
    """A private bus with gnome-keyring's Secret Service running on it."""
    with private_bus(root) as session:
        session.start_keyring(unlock=unlock)
        yield session
