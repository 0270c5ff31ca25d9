"""A known code goes through the whole setup wizard with a real keyring and echoing servers,
and afterwards appears nowhere but in that keyring.

The servers are hostile in the way real ones sometimes are: the IMAP server quotes the LOGIN
line it received (or the AUTHENTICATE payload) in its reply, as text, hex and base64; the SMTP
server quotes the decoded AUTH PLAIN payload (``\\0user\\0code``), its base64 and its hex in
its 535. Between them every searched form of the code is on the wire (the test asserts so).
The wizard runs twice: against a pair that rejects the code (then "Save anyway", so the failed
test with its echoed messages is stored with the mailbox), and against a pair that accepts it
(and echoes on success too). The code is kept by gnome-keyring on a private D-Bus.

Then the home folder (every file: SQLite database, WAL and shared memory, logs at DEBUG,
settings), the captured stdout/stderr, every log record and the output of ``mailmanager-cli
export`` and ``list --json`` (run in a fresh process, where no secret is registered for
redaction) are searched for the code: plain, hex (both cases), and the base64 core of every
string that embeds it, at each of the three byte alignments. Zero hits. The code must also be
in gnome-keyring, so a save that silently failed cannot pass for a clean result.
"""

from __future__ import annotations

import base64
import gc
import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService
from PySide6.QtWidgets import QLabel, QLineEdit, QTextBrowser

from mailmanager import logs, paths
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.wizard import PageId, SetupWizard
from tests.helpers import scripted_server as ss
from tests.helpers.certs import Pki
from tests.helpers.logging_state import preserved_app_logger
from tests.helpers.secret_service import SecretServiceSession, missing_binaries, secret_service
from tests.helpers.wizard import (
    TIMEOUT_MS,
    click_next,
    fill_servers,
    make_services,
    make_wizard,
    type_address,
)

pytestmark = [
    pytest.mark.secretservice,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

CODE = "Lk7Qx9Zw2KpR4mTv"
REJECTED = "leak.echo@example.net"
ACCEPTED = "leak.saved@example.net"
REPO_ROOT = Path(__file__).resolve().parents[2]


# -- what to look for -----------------------------------------------------------------------------


def needles(secret: str) -> dict[str, bytes]:
    """The forms of ``secret`` to search for.

    Base64 encodes 3-byte groups, so a string that embeds the secret encodes it in one of three
    ways, depending on where the secret starts within a group. Whatever surrounds it, the
    secret's own complete groups always encode to the same text: that core is searched for at
    each alignment (start 0, 1 or 2 bytes into the secret).
    """
    raw = secret.encode("utf-8")
    found = {"plain": raw, "hex": raw.hex().encode(), "HEX": raw.hex().upper().encode()}
    for start in range(3):
        usable = (len(raw) - start) // 3 * 3
        found[f"base64 core from byte {start}"] = base64.b64encode(raw[start : start + usable])
    return found


def hits(data: bytes, forms: dict[str, bytes]) -> list[str]:
    return [name for name, needle in forms.items() if needle in data]


def test_needles_catch_every_alignment() -> None:
    """The search itself: every embedding of the code, at every offset, is recognised."""
    forms = needles(CODE)
    for prefix in (b"", b"\0", b"\0u", b"\0user@example.net\0", b"x" * 7, b"xy" * 5):
        for suffix in (b"", b"\0", b"ab"):
            encoded = base64.b64encode(prefix + CODE.encode() + suffix)
            assert hits(encoded, forms), (prefix, suffix)
    assert not hits(base64.b64encode(b"\0user\0" + b"another-code-123"), forms)


# -- hostile servers ------------------------------------------------------------------------------


def _decode(token: bytes) -> bytes:
    try:
        return base64.b64decode(token.strip(), validate=True)
    except ValueError:
        return b"<not base64>"


def echoing_imap(accept: bool, sent: list[bytes]) -> ss.Script:
    """IMAP that quotes the received LOGIN line (or AUTHENTICATE payload), also in hex and
    base64."""
    script = ss.imap_script(password=CODE, capabilities="IMAP4rev1 ID AUTH=PLAIN")

    def answer(session: ss.Session, tag: bytes, received: bytes, ok: bool) -> None:
        if ok:
            session.state["authenticated"] = True
            reply = tag + b" OK [CAPABILITY IMAP4rev1 ID] Welcome, you sent " + received
        else:
            encoded = received.hex().encode() + b" " + base64.b64encode(received)
            reply = tag + b" NO [AUTHENTICATIONFAILED] Rejected: " + received + b" " + encoded
        sent.append(reply)
        session.send(reply + b"\r\n")

    def login(session: ss.Session, line: bytes) -> None:
        answer(session, ss.tag_of(line), line, accept and CODE.encode() in line)

    def authenticate(session: ss.Session, line: bytes) -> None:
        tag = ss.tag_of(line)

        def payload(session: ss.Session, token: bytes) -> None:
            decoded = _decode(token)
            quoted = token.strip() + b" = " + decoded
            answer(session, tag, quoted, accept and decoded.endswith(b"\0" + CODE.encode()))

        words = line.split()
        if len(words) >= 4:
            payload(session, words[3])
        else:
            session.next_line = payload
            session.send(b"+ \r\n")

    script.rules = [(r"\S+ LOGIN ", login), (r"\S+ AUTHENTICATE ", authenticate), *script.rules]
    return script


def echoing_smtp(accept: bool, sent: list[bytes]) -> ss.Script:
    """SMTP that quotes the decoded AUTH payload, its base64 and its hex in its 535 (or 235)."""
    script = ss.smtp_script(password=CODE)

    def answer(session: ss.Session, tokens: list[bytes]) -> None:
        decoded = [_decode(t) for t in tokens]
        ok = accept and decoded[-1].endswith(CODE.encode())
        quoted = b" / ".join(
            d + b" (" + t.strip() + b") [" + d.hex().upper().encode() + b"]"
            for d, t in zip(decoded, tokens, strict=True)
        )
        if ok:
            session.state["authenticated"] = True
            reply = b"235 2.7.0 Accepted " + quoted
        else:
            reply = b"535 5.7.8 Authentication failed for " + quoted
        sent.append(reply)
        session.send(reply + b"\r\n")

    def auth(session: ss.Session, line: bytes) -> None:
        words = line.split()
        mechanism = words[1].upper() if len(words) > 1 else b""
        if mechanism == b"PLAIN" and len(words) > 2:
            answer(session, [words[2]])
        elif mechanism == b"PLAIN":
            session.next_line = lambda s, token: answer(s, [token])
            session.send(b"334 \r\n")
        elif mechanism == b"LOGIN":

            def user(session: ss.Session, name: bytes) -> None:
                session.next_line = lambda s, secret: answer(s, [name, secret])
                session.send(b"334 UGFzc3dvcmQ6\r\n")

            session.next_line = user
            session.send(b"334 VXNlcm5hbWU6\r\n")
        else:
            session.send(b"504 5.5.4 mechanism not supported\r\n")

    script.rules = [(r"AUTH ", auth), *script.rules]
    return script


# -- fixtures -------------------------------------------------------------------------------------


@pytest.fixture
def real_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceSession]:
    """gnome-keyring on a private bus, and keyring's global backend pointing at it."""
    missing = missing_binaries()
    if missing:
        message = f"secret-leak test needs {', '.join(missing)} (Debian: dbus, gnome-keyring)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI must run this test, not skip it")
        pytest.skip(message)
    with secret_service(tmp_path / "secret-service") as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        previous = keyring.get_keyring()
        keyring.set_keyring(SecretService.Keyring())
        try:
            yield session
        finally:
            keyring.set_keyring(previous)
            # keyring's Secret Service backend may leave a D-Bus socket for the collector.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                gc.collect()


@pytest.fixture
def wal_reader(app_home: Path) -> Iterator[AccountStore]:
    """A store connection held open for the whole test, so the write-ahead log file is still
    there when the home folder is searched (the last connection to close removes it)."""
    app_paths = paths.resolve()
    app_paths.ensure()
    store = AccountStore.open(app_paths.database)
    yield store
    store.close()


class Records(logging.Handler):
    """Every record a handler would see (after the app's redacting file handler ran)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(
            "\n".join(filter(None, [record.getMessage(), record.exc_text, record.stack_info or ""]))
        )


# -- the wizard runs ------------------------------------------------------------------------------


def run_wizard(qtbot, secrets: SecretStore, address: str, imap, smtp, pki: Pki) -> SetupWizard:
    services = make_services()
    services.secrets = secrets  # saving goes through the app's keyring store
    wizard = make_wizard(qtbot, services)
    type_address(qtbot, wizard, address)
    assert click_next(qtbot, wizard) == PageId.PREPARE
    assert click_next(qtbot, wizard) == PageId.CREDENTIAL
    wizard.credential_page.password_edit.setText(CODE)
    assert click_next(qtbot, wizard) == PageId.SERVERS
    fill_servers(wizard, imap_port=imap.port, smtp_port=smtp.port, ca_file=pki.ca_file)
    assert click_next(qtbot, wizard) == PageId.TEST
    qtbot.waitUntil(lambda: wizard.ctx.check is not None, timeout=TIMEOUT_MS)
    return wizard


def visible_texts(wizard: SetupWizard) -> str:
    """Text the wizard shows (labels, read-only boxes), not the code field itself."""
    parts = [label.text() for label in wizard.findChildren(QLabel)]
    parts += [box.toPlainText() for box in wizard.findChildren(QTextBrowser)]
    parts += [
        edit.text()
        for edit in wizard.findChildren(QLineEdit)
        if edit.echoMode() is QLineEdit.EchoMode.Normal and edit.isReadOnly()
    ]
    return "\n".join(parts)


def save(qtbot, wizard: SetupWizard) -> None:
    with qtbot.waitSignal(wizard.accountSaved, timeout=TIMEOUT_MS):
        assert click_next(qtbot, wizard) == PageId.DONE
    wizard.accept()


def test_code_appears_nowhere_but_the_keyring(
    qtbot,
    qloop: object,
    real_keyring: SecretServiceSession,
    wal_reader: AccountStore,
    pki: Pki,
    app_home: Path,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    forms = needles(CODE)
    app_paths = paths.resolve()
    app_paths.ensure()
    records = Records()
    caplog.set_level(logging.DEBUG)  # third-party loggers, which do not pass our redaction
    shown: list[str] = []
    sent: list[bytes] = []  # every reply that quoted the client's credential
    with preserved_app_logger() as app_logger:
        logs.setup(app_paths, level=logging.DEBUG)  # as the app does, at the chattiest level
        app_logger.addHandler(records)
        secrets = SecretStore(app_paths)
        try:
            context = pki.server_context()
            with (
                ss.ScriptedServer(echoing_imap(False, sent), tls_context=context) as imap,
                ss.ScriptedServer(echoing_smtp(False, sent), tls_context=context) as smtp,
            ):
                wizard = run_wizard(qtbot, secrets, REJECTED, imap, smtp, pki)
                check = wizard.ctx.check
                assert check is not None and not check.ok
                assert check.imap.status is ConnectionStatus.AUTH_FAILED, check
                assert check.smtp.status is ConnectionStatus.AUTH_FAILED, check
                # The echo really happened: the servers quoted what they received.
                assert "Rejected" in check.imap.server_message
                assert "Authentication failed for" in check.smtp.server_message
                shown.append(visible_texts(wizard))
                wizard.test_page.save_anyway.setChecked(True)
                save(qtbot, wizard)
            with (
                ss.ScriptedServer(echoing_imap(True, sent), tls_context=context) as imap,
                ss.ScriptedServer(echoing_smtp(True, sent), tls_context=context) as smtp,
            ):
                wizard = run_wizard(qtbot, secrets, ACCEPTED, imap, smtp, pki)
                assert wizard.ctx.check is not None and wizard.ctx.check.ok, wizard.ctx.check
                shown.append(visible_texts(wizard))
                save(qtbot, wizard)
        finally:
            app_logger.removeHandler(records)
        for handler in app_logger.handlers:
            handler.flush()

    # The servers really put every searched form of the code on the wire...
    assert sorted(hits(b"\n".join(sent), forms)) == sorted(forms)
    # ... and both mailboxes are stored, the rejected one with its failed (echoed) test.
    with AccountStore.open(app_paths.database) as store:
        stored = {a.address: a for a in store.list_accounts()}
        assert set(stored) == {REJECTED, ACCEPTED}
        rejected = store.summary(stored[REJECTED].id or 0)
        assert rejected.last_imap is not None and rejected.last_imap.server_message
        assert rejected.last_smtp is not None and rejected.last_smtp.server_message

    env = dict(os.environ, MAILMANAGER_HOME=str(app_home), PYTHONPATH=str(REPO_ROOT))
    export_file = tmp_path / "export.json"
    cli = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]
    exported = subprocess.run(
        [*cli, "export", str(export_file)], env=env, capture_output=True, timeout=60
    )
    assert exported.returncode == 0, exported.stderr
    listed = subprocess.run([*cli, "--json", "list"], env=env, capture_output=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert REJECTED.encode() in export_file.read_bytes() and ACCEPTED.encode() in listed.stdout

    captured = capfd.readouterr()
    places: dict[str, bytes] = {
        str(p.relative_to(app_home)): p.read_bytes() for p in app_home.rglob("*") if p.is_file()
    }
    assert any(name.endswith(".log") for name in places), sorted(places)
    assert any(name.endswith("-wal") for name in places), sorted(places)
    places["stdout"] = captured.out.encode()
    places["stderr"] = captured.err.encode()
    places["app log records"] = "\n".join(records.texts).encode()
    places["other log records"] = "\n".join(
        r.getMessage() + (r.exc_text or "") for r in caplog.records
    ).encode()
    places["export"] = export_file.read_bytes() + exported.stdout + exported.stderr
    places["list --json"] = listed.stdout + listed.stderr
    places["wizard texts"] = "\n".join(shown).encode()
    assert records.texts  # the app did log during the run
    leaks = {place: found for place, data in places.items() if (found := hits(data, forms))}
    assert leaks == {}

    # ... and the code did reach gnome-keyring, for both mailboxes (read over the private bus).
    real = SecretStore(app_paths, backend=SecretService.Keyring())
    assert real.get(REJECTED) == CODE
    assert real.get(ACCEPTED) == CODE
    ours = [i for i in real_keyring.items() if i.get("service") == real.service]
    assert sorted(i["username"] for i in ours) == sorted([REJECTED, ACCEPTED])
