"""A real Dovecot IMAP server on loopback for the probe tests; its configuration is below.

One instance per test session: IMAPS (implicit TLS) and IMAP (STARTTLS) ports, a trustme
certificate for 127.0.0.1/localhost, a passwd-file with known users, no auth penalty (anvil)
and no failure delay, so wrong-password tests are fast. ``auth_verbose`` logs every failed
password, which lets tests count how many attempts reached the server.

Without the dovecot binary the tests are skipped with a clear reason, except under CI=true,
where a missing Dovecot is a failure (CI must run them).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.certs import Pki, make_pki

USERS = {"alice@example.org": "s3cret-code", "bob@example.org": "b0b-code-2"}


@dataclass
class Dovecot:
    """A running Dovecot: where it listens, its users, its CA and its log."""

    host: str
    imap_port: int  # plain IMAP with STARTTLS
    imaps_port: int  # implicit TLS
    pki: Pki
    log_path: Path
    users: dict[str, str]

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def password_mismatches(self, user: str) -> int:
        """How many wrong passwords for ``user`` Dovecot has logged so far."""
        return sum(
            1 for line in self.log_text().splitlines() if user in line and "mismatch" in line
        )

    def wait_for_log(self, predicate_text: str, count: int, timeout: float = 3.0) -> int:
        """Wait until the log holds ``count`` lines containing ``predicate_text``."""
        end = time.monotonic() + timeout
        found = 0
        while time.monotonic() < end:
            found = sum(1 for line in self.log_text().splitlines() if predicate_text in line)
            if found >= count:
                return found
            time.sleep(0.02)
        return found

    def failed_logins(self, user: str) -> list[str]:
        """The login sessions of ``user`` that ended after a failed login.

        Dovecot's imap-login logs one line per session once the client has gone, with how many
        attempts it made ("auth failed, 1 attempts in 0 secs")."""
        return [
            line
            for line in self.log_text().splitlines()
            if "imap-login" in line and f"user=<{user}>" in line and "auth failed" in line
        ]

    def wait_for_failed_logins(self, user: str, count: int, timeout: float = 5.0) -> list[str]:
        """Wait until ``count`` failed login sessions of ``user`` are logged; returns them."""
        end = time.monotonic() + timeout
        while True:
            found = self.failed_logins(user)
            if len(found) >= count or time.monotonic() >= end:
                return found
            time.sleep(0.02)  # polls the log file: Dovecot tells no one when it writes


def _free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _config(folder: Path, pem: Path, imap_port: int, imaps_port: int) -> str:
    root = os.geteuid() == 0
    user_lines = (
        "default_internal_user = dovecot\ndefault_internal_group = dovecot\n"
        "default_login_user = dovenull\n"
        if root
        else (f"default_internal_user = {os.getlogin()}\ndefault_login_user = {os.getlogin()}\n")
    )
    chroot = "" if root else "  chroot =\n"
    userdb_ids = "uid=nobody gid=nogroup" if root else f"uid={os.getuid()} gid={os.getgid()}"
    return f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
{user_lines}
ssl = yes
ssl_cert = <{pem}
ssl_key = <{pem}
auth_mechanisms = plain login
auth_failure_delay = 0
auth_verbose = yes
auth_verbose_passwords = no
service anvil {{
{chroot}  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/users
}}
userdb {{
  driver = static
  args = {userdb_ids} home={folder}/mail/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
{chroot}  inet_listener imap {{
    port = {imap_port}
  }}
  inet_listener imaps {{
    port = {imaps_port}
    ssl = yes
  }}
}}
"""


def _wait_listening(host: str, port: int, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.025)
    return False


def start_dovecot(folder: Path) -> Iterator[Dovecot]:
    """Start Dovecot in ``folder``; yields it and stops it (generator for a fixture)."""
    binary = shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
    )
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("dovecot is not installed, but CI=true requires the Dovecot tests")
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # the dovecot and nobody users must reach the users file and mail
    pki = make_pki(folder / "pki")
    pem = pki.server_pem("server.pem", "127.0.0.1", "localhost")
    users = folder / "users"
    users.write_text("".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in USERS.items()))
    users.chmod(0o644)
    (folder / "mail").mkdir(exist_ok=True)
    (folder / "mail").chmod(0o777)
    host = "127.0.0.1"
    imap_port, imaps_port = _free_port(host), _free_port(host)
    conf = folder / "dovecot.conf"
    conf.write_text(_config(folder, pem, imap_port, imaps_port))
    with (folder / "stdout.log").open("wb") as output:
        process = subprocess.Popen(
            [binary, "-F", "-c", str(conf)], stdout=output, stderr=subprocess.STDOUT
        )
    try:
        if not (_wait_listening(host, imap_port) and _wait_listening(host, imaps_port)):
            log = (
                (folder / "dovecot.log").read_text(errors="replace")
                if (folder / "dovecot.log").exists()
                else ""
            )
            pytest.fail(f"dovecot did not start: {log[-2000:]}")
        yield Dovecot(host, imap_port, imaps_port, pki, folder / "dovecot.log", dict(USERS))
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
