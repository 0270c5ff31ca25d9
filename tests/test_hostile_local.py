"""Issue 14's figure: hostile local inputs against real processes, a real gnome-keyring and real
files, then a count of leaks, orphaned codes and tracebacks.

    .venv/bin/python -m pytest tests/test_hostile_local.py -s -q

Each input is one real CLI process (or one planted file, or one killed writer) with a code of
its own. Afterwards every file under the test's folder (the homes, their logs and databases,
exports; the keyring's own encrypted store excepted) and every byte printed are searched for
every code, plain, hex and base64; the keyring is searched for entries that no listed account
owns; every output and log is searched for "Traceback".
"""

from __future__ import annotations

import base64
import gc
import json
import os
import signal
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailmanager import paths
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.secret_service import SecretServiceSession, missing_binaries, secret_service

pytestmark = pytest.mark.secretservice

REPO_ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]
SERVERS = ["--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl"]


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceSession]:
    missing = missing_binaries()
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    with secret_service(tmp_path / "ss") as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        try:
            yield session
        finally:
            for proc in session.processes:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGCONT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


class Battery:
    def __init__(self, session: SecretServiceSession, root: Path) -> None:
        self.session = session
        self.root = root
        self.codes: list[str] = []
        self.outputs: list[str] = []
        self.inputs = 0
        self.homes: list[Path] = []

    def code(self) -> str:
        value = f"HostileCode{len(self.codes):04d}Zq"
        self.codes.append(value)
        return value

    def env(self, home: Path, **extra: str) -> dict[str, str]:
        if home not in self.homes:
            self.homes.append(home)
        env = dict(self.session.env)
        env.pop("PYTHON_KEYRING_BACKEND", None)
        env.update(MAILMANAGER_HOME=str(home), PYTHONPATH=str(REPO_ROOT), **extra)
        return env

    def run(self, home: Path, *args: str, stdin: str = "", **extra: str) -> int:
        done = subprocess.run(
            [*CLI, *args], input=stdin, capture_output=True, text=True, timeout=120,
            env=self.env(home, **extra),
        )  # fmt: skip
        self.inputs += 1
        self.outputs.append(done.stdout + done.stderr)
        return done.returncode

    def popen(self, home: Path, *args: str) -> subprocess.Popen[str]:
        self.inputs += 1
        return subprocess.Popen(
            [*CLI, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=self.env(home),
        )  # fmt: skip


def encodings(code: str) -> list[bytes]:
    raw = code.encode()
    return [raw, raw.hex().encode(), base64.b64encode(raw), base64.b64encode(raw)[:-2]]


def test_hostile_local_inputs(service: SecretServiceSession, tmp_path: Path) -> None:
    b = Battery(service, tmp_path)
    home = tmp_path / "home"

    # 1. Hostile fields for `add` (each with a fresh code), and the same in one `import`.
    hostile_args = [
        ["--display-name", "x" * 100_000], ["--display-name", "a\nb"], ["--label", "l" * 5000],
        ["--imap", "imap example.org:993:ssl"], ["--imap", "imap.example.org/x:993:ssl"],
        ["--imap", "a" * 300 + ":993:ssl"], ["--imap", "imap\u200b.example.org:993:ssl"],
        ["--imap", "imap.example.org:0:ssl"], ["--imap", "imap.example.org:99999:ssl"],
        ["--username", "u" * 1000], ["--username", "a\tb"],
    ]  # fmt: skip
    for n, extra in enumerate(hostile_args):
        args = ["add", f"h{n}@example.org", "--password-stdin", "--no-check"]
        if "--imap" not in extra:
            args += ["--imap", "imap.example.org:993:ssl"]
        assert b.run(home, *args, "--smtp", "smtp.example.org:465:ssl", *extra,
                     stdin=b.code()) == 2  # fmt: skip
    entries = [
        {"address": f"i{n}@example.org", "display_name": name,
         "imap": {"host": host, "port": port, "security": "ssl", "username": "u"},
         "smtp": {"host": "smtp.example.org", "port": 465, "security": "ssl", "username": "u"}}
        for n, (name, host, port) in enumerate([
            ("x" * 50_000_000, "imap.example.org", 993), ("ok", "imap example.org", 993),
            ("ok", "a/b", 993), ("ok", "imap.example.org", 0), ("ok", "imap.example.org", 70000),
            ("a\x00b", "imap.example.org", 993), ("ok", "\u202eimap.example.org", 993),
        ])
    ]  # fmt: skip
    export = tmp_path / "hostile-export.json"
    export.write_text(json.dumps({"format": "mailmanager-accounts", "version": 1,
                                  "accounts": entries}))  # fmt: skip
    assert b.run(home, "import", str(export)) == 1
    b.inputs += len(entries) - 1  # each entry is an input of its own

    # 2. Codes of every shape that a user may paste.
    for n, code in enumerate(["  spaced code  ", "码" * 40, "Zk9" * 3333, "a'b\"c$(d)`e`"]):
        b.codes.append(code.strip())
        assert b.run(home, "add", f"shape{n}@example.org", "--password-stdin", "--no-check",
                     *SERVERS, stdin=code) == 0  # fmt: skip

    # 3. Files planted as links, in a home of our own.
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched\n")
    for name in ("data/mailmanager.sqlite3", "data/mailmanager.sqlite3-wal",
                 "data/mailmanager.sqlite3-shm", "data/mailmanager.sqlite3-journal",
                 "config/settings.ini", "logs/mailmanager.log"):  # fmt: skip
        planted = tmp_path / f"planted-{name.replace('/', '-')}"
        (planted / name).parent.mkdir(parents=True)
        (planted / name).symlink_to(victim)
        exit_code = b.run(planted, "add", "p@example.org", "--password-stdin", "--no-check",
                          *SERVERS, stdin=b.code())  # fmt: skip
        assert exit_code == (0 if name.startswith("logs") else 2)
        assert victim.read_text() == "untouched\n"

    # 4. Homes others can write to.
    for bits in (0o777, 0o775, 0o757):
        shared = tmp_path / f"shared-{bits:o}"
        shared.mkdir()
        shared.chmod(bits)
        assert b.run(shared, "add", "s@example.org", "--password-stdin", "--no-check",
                     *SERVERS, stdin=b.code()) == 2  # fmt: skip
        assert list(shared.iterdir()) == []

    # 5. Six concurrent adds of one address, three rounds.
    for round_ in range(3):
        address = f"race{round_}@example.org"
        procs = [b.popen(home, "add", address, "--password-stdin", "--no-check", *SERVERS)
                 for _ in range(6)]  # fmt: skip
        results = [p.communicate(b.code(), timeout=120) for p in procs]
        b.outputs += [out + err for out, err in results]
        assert sorted(p.returncode for p in procs) == [0, 1, 1, 1, 1, 1]

    # 6. A frozen keyring (SIGSTOP of the daemon this test started), then thawed.
    daemon = service.processes[-1].pid
    os.kill(daemon, signal.SIGSTOP)
    try:
        assert b.run(home, "add", "frozen@example.org", "--password-stdin", "--no-check",
                     *SERVERS, stdin=b.code(), MAILMANAGER_KEYRING_TIMEOUT="2") == 1  # fmt: skip
    finally:
        os.kill(daemon, signal.SIGCONT)

    # 7. Writers SIGKILLed between the steps of a save.
    for step in ("before-keyring", "after-keyring"):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.core.atomic_writer", str(home), f"k-{step}@example.org",
             step], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=b.env(home), cwd=REPO_ROOT,
        )  # fmt: skip
        assert writer.stdin is not None and writer.stdout is not None
        writer.stdin.write(b.code() + "\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "paused"
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=30)
        b.outputs.append(out + err)
        b.inputs += 1

    # 8. One more add (it cleans up what the killed and frozen saves left), then the list.
    assert b.run(home, "add", "last@example.org", "--password-stdin", "--no-check", *SERVERS,
                 stdin=b.code()) == 0  # fmt: skip
    assert b.run(home, "--json", "list") == 0
    listed = {row["address"] for row in json.loads(b.outputs[-1])}

    # The counts.
    leaks: list[tuple[str, str]] = []
    scanned = 0
    keyring_store = tmp_path / "ss" / "home" / ".local" / "share" / "keyrings"  # encrypted
    for path in tmp_path.rglob("*"):
        if path.is_symlink() or not path.is_file() or keyring_store in path.parents:
            continue
        data = path.read_bytes()
        scanned += 1
        leaks += [(str(path), c) for c in b.codes for form in encodings(c) if form in data]
    for text in b.outputs:
        leaks += [("output", c) for c in b.codes for form in encodings(c) if form.decode() in text]
    tracebacks = sum("Traceback" in text for text in b.outputs)
    for h in b.homes:
        log = paths.resolve(h).log_file
        if log.is_file() and not log.is_symlink():
            tracebacks += log.read_text(errors="replace").count("Traceback")
    namespace = f"mailmanager:{paths.resolve(home).home}"
    in_keyring = {i["username"] for i in service.items() if i.get("service") == namespace}
    with AccountStore.open(paths.resolve(home).database) as store:
        pending = [a.address for a in store.pending_accounts()]
    orphans = sorted(in_keyring - listed)
    print(
        f"\n{b.inputs} hostile local inputs tried, {len(leaks)} leaks, {len(orphans)} orphaned "
        f"codes, {tracebacks} tracebacks ({scanned} files and {len(b.outputs)} outputs searched "
        f"for {len(b.codes)} codes, plain/hex/base64; {len(listed)} accounts listed, "
        f"{len(in_keyring)} keyring entries, {len(pending)} pending rows)"
    )
    assert leaks == []
    assert orphans == []
    assert tracebacks == 0
    assert pending == []
