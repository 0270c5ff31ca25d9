"""The outcome of one protocol probe, as the CLI, the checker service and the store see it.

A probe never raises for a server's behaviour: everything (a refused login, a timeout, garbage on
the wire) ends up here as a status from the app's vocabulary, the server's own words with every
secret redacted, and a stable hint id the UI turns into advice. ``steps`` is the trace of what
the probe did (shown in details and useful in bug reports; it never holds a credential).
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mailmanager.core import redact
from mailmanager.core.checking.diagnosis import diagnose_error
from mailmanager.core.checking.wire import ConnectionClosed, LineConnection, TlsFailure
from mailmanager.core.model.accounts import CheckRecord, Protocol, utcnow
from mailmanager.core.model.status import ConnectionStatus

MAX_MESSAGE = 500  # characters of a server message kept in a result


@dataclass(frozen=True)
class ProbeStep:
    """One step of a probe: its name (connect, tls, greeting, login, ...) and when it ended."""

    name: str
    elapsed_ms: int
    detail: str = ""


@dataclass(frozen=True)
class ProbeResult:
    """What one IMAP or SMTP probe found.

    Attributes:
        protocol: imap or smtp.
        status: the diagnosed connection status.
        server_message: the server's last relevant reply, decoded and redacted.
        hint_id: a stable id for ``mailmanager.core.checking.hints`` ("" when nothing needs saying).
        elapsed_ms: wall time of the whole probe.
        steps: the progress trace.
        plain_warning: the probe ran without encryption because the user chose plain.
        cancelled: the probe was cancelled; such a result should not be recorded.
    """

    protocol: Protocol
    status: ConnectionStatus
    server_message: str = ""
    hint_id: str = ""
    elapsed_ms: int = 0
    steps: tuple[ProbeStep, ...] = field(default=())
    plain_warning: bool = False
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.status is ConnectionStatus.OK

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON shape for one protocol (hint text in English)."""
        from mailmanager.core.checking.hints import hint_text

        return {
            "status": self.status.value,
            "ok": self.ok,
            "server_message": self.server_message,
            "hint_id": self.hint_id,
            "hint": hint_text(self.hint_id),
            "elapsed_ms": self.elapsed_ms,
        }

    def to_record(self, account_id: int, checked_at: datetime | None = None) -> CheckRecord:
        """The history row for this result."""
        return CheckRecord(
            account_id=account_id,
            checked_at=checked_at or utcnow(),
            protocol=self.protocol,
            status=self.status,
            hint_id=self.hint_id,
            server_message=self.server_message,
            elapsed_ms=self.elapsed_ms,
        )


class ProbeFailed(Exception):
    """Raised inside a probe to end it with a diagnosed status (never leaves the probe)."""

    def __init__(self, status: ConnectionStatus, hint_id: str, message: str = "") -> None:
        super().__init__(hint_id)
        self.status = status
        self.hint_id = hint_id
        self.message = message


class ProbeTrace:
    """Collects a probe's steps, reports each to an optional progress callback, and builds the
    result with the server's message redacted (the probe's own secret included explicitly, so
    redaction does not depend on the global registry)."""

    def __init__(
        self,
        protocol: Protocol,
        started: float,
        secret: str,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.protocol = protocol
        self._started = started
        self._secret = secret
        self._progress = progress
        self.steps: list[ProbeStep] = []

    def _elapsed_ms(self) -> int:
        return int((time.monotonic() - self._started) * 1000)

    def step(self, name: str, detail: str = "") -> None:
        self.steps.append(ProbeStep(name, self._elapsed_ms(), self.clean(detail)))
        if self._progress is not None:
            try:
                self._progress(name)
            except Exception:  # a broken observer must not break the probe
                logging.getLogger(__name__).exception("progress callback failed")

    def clean(self, text: str) -> str:
        """Redacted, single-spaced, at most ``MAX_MESSAGE`` characters."""
        text = redact.redact_text(text, (self._secret,))
        text = " ".join(text.split())
        return text[:MAX_MESSAGE]

    def success(self, message: str, *, plain: bool) -> ProbeResult:
        """The ok result; over a plain connection it carries the plain-text warning."""
        if plain:
            return self.result(ConnectionStatus.OK, "ok_plaintext", message, plain_warning=True)
        return self.result(ConnectionStatus.OK, "", message)

    def failure(self, exc: Exception, *, plain: bool, family: str) -> ProbeResult:
        """The result of a probe that ended with ``ProbeFailed`` or a ``WireError``."""
        if isinstance(exc, ProbeFailed):
            return self.result(exc.status, exc.hint_id, exc.message, plain_warning=plain)
        diagnosis = diagnose_error(exc, family=family)
        return self.result(
            diagnosis.status,
            diagnosis.hint_id,
            str(exc),
            plain_warning=plain,
            cancelled=diagnosis.hint_id == "cancelled",
        )

    def result(
        self,
        status: ConnectionStatus,
        hint_id: str,
        message: str,
        *,
        plain_warning: bool = False,
        cancelled: bool = False,
    ) -> ProbeResult:
        return ProbeResult(
            protocol=self.protocol,
            status=status,
            server_message=self.clean(message),
            hint_id=hint_id,
            elapsed_ms=self._elapsed_ms(),
            steps=tuple(self.steps),
            plain_warning=plain_warning,
            cancelled=cancelled,
        )


def start_tls_or_refuse(conn: LineConnection, context: ssl.SSLContext, host: str) -> None:
    """Upgrade after the server said yes. A certificate problem stays a TLS error; a handshake
    that breaks down means encryption could not be set up, so nothing is sent: insecure_refused."""
    try:
        conn.start_tls(context, host)
    except TlsFailure as exc:
        if exc.kind != "handshake":
            raise
        raise ProbeFailed(ConnectionStatus.INSECURE_REFUSED, "starttls_failed", str(exc)) from None
    except ConnectionClosed as exc:
        raise ProbeFailed(ConnectionStatus.INSECURE_REFUSED, "starttls_failed", str(exc)) from None


@dataclass(frozen=True)
class AccountCheck:
    """Both probes of one account."""

    imap: ProbeResult
    smtp: ProbeResult

    @property
    def ok(self) -> bool:
        return self.imap.ok and self.smtp.ok

    @property
    def cancelled(self) -> bool:
        return self.imap.cancelled or self.smtp.cancelled

    def results(self) -> tuple[ProbeResult, ProbeResult]:
        return (self.imap, self.smtp)
