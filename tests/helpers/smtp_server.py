"""Real aiosmtpd servers on loopback (implicit TLS and STARTTLS) that record what they got.

The recorder keeps every AUTH attempt (mechanism, user, whether the secret matched; never the
secret itself in assertion messages), every MAIL FROM, and every RCPT or DATA (which the probe
must never send). Wrong passwords get the provider wording the test chooses.
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
from aiosmtpd.smtp import AuthResult, LoginPassword

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
    controller = Controller(
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
