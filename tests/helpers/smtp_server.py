"""Real aiosmtpd servers on loopback (implicit TLS and STARTTLS) that record what they got.

The recorder keeps every AUTH attempt (mechanism, user, whether the secret matched; never the
secret itself in assertion messages), every MAIL FROM, and every RCPT or DATA (which the probe
must never send). Wrong passwords get the provider wording the test chooses.
``wait_sessions_ended`` waits until the server has finished with the client's sessions, so
everything a client sent is recorded (rather than sleeping after the client returns).
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from tests.helpers.certs import Pki


@dataclass
class SmtpRecorder:
    """What an aiosmtpd test server received."""

    password: str
    failure: str = "535 5.7.8 Authentication credentials invalid"
    auth_attempts: list[tuple[str, str, bool]] = field(default_factory=list)
    mail_from: list[str] = field(default_factory=list)
    rcpt_to: list[str] = field(default_factory=list)
    data: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    ended: set[int] = field(default_factory=set)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def session_ended(self, session_id: int) -> None:
        with self.changed:
            self.ended.add(session_id)
            self.changed.notify_all()

    def wait_sessions_ended(self, count: int = 1, timeout: float = 5.0) -> bool:
        """Wait until ``count`` client sessions (ones that said EHLO or HELO; not the controller's
        own start-up connection) have ended."""
        with self.changed:
            return self.changed.wait_for(lambda: len(self.ended) >= count, timeout)

    def authenticator(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = False
        user = ""
        if isinstance(auth_data, LoginPassword):
            user = auth_data.login.decode("utf-8", "replace")
            ok = auth_data.password.decode("utf-8", "replace") == self.password
        with self.lock:
            self.auth_attempts.append((mechanism, user, ok))
        if ok:
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False, message=self.failure)

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        with self.lock:
            self.mail_from.append(address)
        envelope.mail_from = address
        return "250 2.1.0 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        with self.lock:
            self.rcpt_to.append(address)
        return "554 5.7.1 this test server never accepts mail"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.data += 1
        return "554 5.7.1 this test server never accepts mail"


class _RecordingSMTP(SMTP):
    """Tells the recorder when a client's session ends."""

    def connection_lost(self, error: Exception | None) -> None:
        greeted = self.session is not None and bool(self.session.host_name)
        super().connection_lost(error)
        if greeted and isinstance(self.event_handler, SmtpRecorder):
            self.event_handler.session_ended(id(self))


class _RecordingController(Controller):
    def factory(self) -> SMTP:
        return _RecordingSMTP(self.handler, **self.SMTP_kwargs)


@dataclass
class RunningSmtp:
    host: str
    port: int
    recorder: SmtpRecorder


@contextmanager
def aiosmtpd_server(
    pki: Pki,
    *,
    mode: str,
    password: str = "smtp-code",
    failure: str = "535 5.7.8 Authentication credentials invalid",
    host: str = "127.0.0.1",
) -> Iterator[RunningSmtp]:
    """``mode`` "ssl" (implicit TLS, 465-style) or "starttls" (587-style, TLS required)."""
    recorder = SmtpRecorder(password=password, failure=failure)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    pki.ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    kwargs: dict[str, Any]
    if mode == "ssl":
        kwargs = {"ssl_context": context, "auth_require_tls": False}
    elif mode == "starttls":
        kwargs = {"tls_context": context, "require_starttls": True, "auth_require_tls": True}
    else:
        raise ValueError(mode)
    with socket.socket() as probe:
        probe.bind((host, 0))
        port = int(probe.getsockname()[1])
    controller = _RecordingController(
        recorder,
        hostname=host,
        port=port,
        authenticator=recorder.authenticator,
        **kwargs,
    )
    controller.start()
    try:
        yield RunningSmtp(host, port, recorder)
    finally:
        controller.stop()
