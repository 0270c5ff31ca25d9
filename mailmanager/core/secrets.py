"""Authorization codes in the system keyring, behind one small interface.

Why a wrapper instead of calling ``keyring`` directly:

* **No silent downgrade.** keyring happily falls back to backends that do not protect anything
  (``fail`` raises on use, ``null`` forgets, ``keyrings.alt`` writes plain-text files, a chainer
  may have nothing to chain). ``SecretStore`` refuses those with a plain-words error and never
  falls back to a file of its own.
* **Namespacing.** Entries live under the service name ``mailmanager``; with ``--home`` or
  MAILMANAGER_HOME the home folder is part of the name, so a test run or a portable copy never
  overwrites the user's real entries.
* **Errors a user understands.** Locked, missing or unreachable keyrings (``KeyringLocked``,
  ``InitError``, ``NoKeyringError``, D-Bus failures) become ``SecretsLocked`` /
  ``SecretsUnavailable`` whose messages are translatable source strings (context ``Secrets``).
  Those messages never carry the secret: the original error's text is redacted and only logged.
* **One thread, a time limit, nothing half-done.** keyring backends are not documented as
  thread-safe (Secret Service opens a D-Bus connection per call, prompts may appear) and a frozen
  keyring blocks for ever, so every call runs on the process's one keyring thread
  (``core.secrets_gateway``) with a time limit (10 s by default); a change that lands after it
  is undone. The GUI awaits its calls on an executor (``services.operations.run_blocking``),
  which keeps the waiting off the GUI thread.

The backend policy is a deny-list of known-insecure backends (``insecure_reason``). An allow-list
would have to name every real backend on every platform and would need a way to admit the
in-memory backend that the test suite forces; such a switch (an environment variable, say) would
itself be a hole in production. keyring already ignores backends that declare themselves
unusable, so what remains to refuse is exactly the short list of backends that store nothing or
store in plain text. ``SecretStore`` still takes an injectable ``policy`` for tests and embedders.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring itself is imported where it is used, which is on the keyring thread
# (core.secrets_gateway): importing it takes ~100 ms and several MB, and making a SecretStore
# (the app does so on the GUI thread, right after the first paint) must not pay for it.

from mailmanager import APP_NAME, paths
from mailmanager.core import redact, secrets_gateway
from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.model import address as address_rules

log = logging.getLogger("mailmanager.secrets")

T = TypeVar("T")

# A sentinel entry used by check_backend(probe=True): reading it proves the keyring answers.
_PROBE_USER = "__mailmanager_probe__"

Policy = Callable[["KeyringBackend"], str | None]


class SecretsError(Exception):
    """A keyring problem, described for the user; never contains a secret.

    Attributes:
        message: the English source text, marked for translation in the ``Secrets`` context
            (the UI shows ``QCoreApplication.translate("Secrets", message)``).
        detail: a technical note (backend name, redacted error type) for logs and --verbose.
    """

    def __init__(self, message: str, detail: str = "", *, arguments: tuple[str, ...] = ()) -> None:
        self.source = message
        self.arguments = arguments
        self.message = fill(message, arguments)
        self.detail = redact.redact_text(detail)
        super().__init__(self.message if not self.detail else f"{self.message} ({self.detail})")

    def translated(self, translate: Callable[[str, str], str]) -> str:
        """The message in the UI language: ``translate(context, source)`` filled in."""
        return fill(translate("Secrets", self.source), self.arguments)


def fill(text: str, arguments: tuple[str, ...]) -> str:
    """Qt-style ``%1``, ``%2`` ... replaced by ``arguments``."""
    for number, value in enumerate(arguments, start=1):
        text = text.replace(f"%{number}", value)
    return text


class SecretsUnavailable(SecretsError):
    """No secure keyring can be reached (none installed, no D-Bus session, service failed)."""


class InsecureBackend(SecretsUnavailable):
    """The only keyring on offer would not protect the code (plain text, or stores nothing)."""


class SecretsTimeout(SecretsUnavailable):
    """The keyring did not answer within the time limit; nothing was changed (a change that
    lands later is undone)."""

    def __init__(self, timeout: float) -> None:
        super().__init__(MSG_TIMEOUT, arguments=(f"{timeout:g}",))
        self.timeout = timeout


class SecretsLocked(SecretsError):
    """The keyring exists but is locked and was not unlocked."""


MSG_NO_KEYRING = QT_TRANSLATE_NOOP(
    "Secrets",
    "No secure keyring is available, so the code cannot be stored. Install and start a "
    "keyring service (for example GNOME Keyring or KWallet), then try again.",
)
MSG_NO_KEYRING_READ = QT_TRANSLATE_NOOP(
    "Secrets",
    "No secure keyring is available, so the stored code cannot be read. Install and start a "
    "keyring service (for example GNOME Keyring or KWallet), then try again.",
)
MSG_INSECURE = QT_TRANSLATE_NOOP(
    "Secrets",
    "The only keyring available would keep the code unprotected, so mailmanager refuses to "
    "store it. Set up a secure keyring service (for example GNOME Keyring or KWallet).",
)
MSG_LOCKED = QT_TRANSLATE_NOOP(
    "Secrets",
    "The keyring is locked. Unlock it (usually with your login password) and try again.",
)
MSG_INIT = QT_TRANSLATE_NOOP(
    "Secrets",
    "The keyring could not be opened. Make sure a default keyring exists and is unlocked, "
    "then try again.",
)
MSG_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Secrets",
    "The keyring service could not be reached. Make sure you are logged in to a desktop "
    "session with a running keyring service, then try again.",
)
MSG_NOT_KEPT = QT_TRANSLATE_NOOP(
    "Secrets",
    "The keyring accepted the code but did not keep it, so it is not safe to rely on.",
)
MSG_NOT_DELETED = QT_TRANSLATE_NOOP(
    "Secrets",
    "The code could not be removed from the keyring.",
)
MSG_EMPTY = QT_TRANSLATE_NOOP("Secrets", "The code is empty.")
MSG_TIMEOUT = QT_TRANSLATE_NOOP(
    "Secrets",
    "The keyring did not answer within %1 s, so nothing was changed. Make sure the keyring "
    "service is running and responding, then try again.",
)


def _class_path(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def insecure_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` must not hold a code, or None when it is acceptable.

    Refused: keyring's ``fail`` backend (no backend at all), the ``null`` backend (forgets
    everything), anything from ``keyrings.alt`` (plain-text or weakly protected files) or any
    backend whose name says plain text, and a chainer whose chain holds nothing acceptable.
    """
    from keyring.backends import chainer, fail, null

    path = _class_path(backend)
    if isinstance(backend, fail.Keyring):
        return "no keyring backend is available"
    if isinstance(backend, null.Keyring):
        return "the null backend stores nothing"
    if path.startswith("keyrings.alt.") or "plaintext" in path.lower():
        return f"{path} keeps secrets in a file without real protection"
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        if not any(insecure_reason(b) is None for b in chained):
            return "the keyring chain holds no secure backend"
        if any(insecure_reason(b) is not None for b in chained):
            # A chainer writes to its first backend that accepts the call; a plain-text one
            # anywhere in the chain could end up holding the code.
            return "the keyring chain includes a backend without real protection"
    return None


def service_name(app_paths: paths.AppPaths) -> str:
    """The keyring service name: ``mailmanager``, or ``mailmanager:<home>`` under --home."""
    if app_paths.home is None:
        return APP_NAME
    return f"{APP_NAME}:{app_paths.home}"


def normalise_address(address: str) -> str:
    """The keyring user name for ``address``: its canonical form, the store's key.

    The canonical form (``core.address``) keeps the local part as typed and lower-cases the
    domain; text that is not a valid address is only trimmed (the store never holds one).
    """
    try:
        return address_rules.normalise_address(address)
    except address_rules.AddressError:
        return address.strip()


class SecretStore:
    """Set, get and delete an account's code in a secure keyring.

    Args:
        app_paths: decides the service name (namespaced by home); resolved from the
            environment when omitted.
        backend: a specific keyring backend (the Secret Service integration test passes
            ``keyring.backends.SecretService.Keyring()``); by default keyring's current one,
            looked up at each call so that ``keyring.set_keyring`` in tests takes effect.
        policy: ``backend -> reason or None``; defaults to ``insecure_reason``.
        timeout: the time limit of each call in seconds (default: 10 s, or the
            MAILMANAGER_KEYRING_TIMEOUT environment variable).

    Every call runs on the process's one keyring thread (``core.secrets_gateway``) and may
    raise ``SecretsUnavailable`` (``InsecureBackend``, ``SecretsTimeout``) or ``SecretsLocked``;
    messages never contain a secret. A change that lands after its time limit is undone.
    Calls block up to the time limit: keep them off the GUI thread
    (``services.operations.run_blocking``).
    """

    def __init__(
        self,
        app_paths: paths.AppPaths | None = None,
        *,
        backend: KeyringBackend | None = None,
        policy: Policy | None = None,
        timeout: float | None = None,
    ) -> None:
        self._paths = app_paths if app_paths is not None else paths.resolve()
        self._backend = backend
        self._policy = policy if policy is not None else insecure_reason
        self.service = service_name(self._paths)
        self.timeout = timeout if timeout is not None else secrets_gateway.default_timeout()

    @property
    def app_paths(self) -> paths.AppPaths:
        return self._paths

    @property
    def backend(self) -> KeyringBackend:
        """The backend calls go to (keyring's current one unless one was given)."""
        if self._backend is not None:
            return self._backend
        import keyring

        current: KeyringBackend = keyring.get_keyring()
        return current

    def backend_name(self) -> str:
        return _class_path(self.backend)

    def check_backend(self, *, probe: bool = False) -> None:
        """Raise a ``SecretsError`` unless a secure keyring is ready.

        With ``probe`` the keyring is also asked for an entry that does not exist, which
        proves that it is reachable and unlocked (it may show the desktop's unlock prompt).
        """

        def job(_job: secrets_gateway.Job[None]) -> None:
            backend = self._secure_backend()
            if probe:
                self._call(backend, backend.get_password, self.service, _PROBE_USER)

        self._run(job)

    def set(self, address: str, secret: str) -> None:
        """Store ``secret`` for ``address``, replacing any earlier code.

        The write is read back: a backend that accepts the call but keeps nothing raises
        ``SecretsUnavailable`` rather than leaving the account without a code. A write that
        lands after the time limit is undone (the previous code put back, or the entry removed).
        """
        if not secret:
            raise SecretsError(MSG_EMPTY)
        redact.register(secret)
        user = normalise_address(address)

        def job(task: secrets_gateway.Job[None]) -> None:
            backend = self._secure_backend()
            previous = self._call(backend, backend.get_password, self.service, user)
            if previous is not None:
                redact.register(previous)
            task.on_late(lambda: self._put_back(backend, user, previous))
            self._call(backend, backend.set_password, self.service, user, secret, secret=secret)
            kept = self._call(backend, backend.get_password, self.service, user, secret=secret)
            if kept != secret:
                raise SecretsUnavailable(MSG_NOT_KEPT, _class_path(backend))
            log.info("code stored for %s in %s", user, _class_path(backend))

        self._run(job)

    def get(self, address: str) -> str | None:
        """The code stored for ``address``, or None when there is none."""
        user = normalise_address(address)

        def job(_job: secrets_gateway.Job[str | None]) -> str | None:
            backend = self._secure_backend()
            value: str | None = self._call(backend, backend.get_password, self.service, user)
            if value is not None:
                redact.register(value)
            return value

        try:
            return self._run(job)
        except SecretsUnavailable as exc:
            if exc.source not in (MSG_NO_KEYRING, MSG_INSECURE):
                raise
            # Said for reading: "cannot be stored" misled a user running `check`.
            raise type(exc)(MSG_NO_KEYRING_READ, exc.detail) from None

    def delete(self, address: str) -> None:
        """Remove the code for ``address``; nothing happens when there is none. A removal
        that lands after the time limit is undone (the code is put back)."""
        user = normalise_address(address)

        def job(task: secrets_gateway.Job[None]) -> None:
            backend = self._secure_backend()
            previous = self._call(backend, backend.get_password, self.service, user)
            if previous is None:
                return
            redact.register(previous)
            task.on_late(lambda: self._put_back(backend, user, previous))
            # Some backends delete only the first match; loop until nothing is left, and
            # treat "no such password" as success only once a read confirms it.
            for _ in range(5):
                with contextlib.suppress(_NoSuchPassword):
                    self._call(backend, backend.delete_password, self.service, user)
                remaining = self._call(backend, backend.get_password, self.service, user)
                if remaining is None:
                    log.info("code removed for %s", user)
                    return
                redact.register(remaining)
            raise SecretsUnavailable(MSG_NOT_DELETED, _class_path(backend))

        self._run(job)

    # -- internals -------------------------------------------------------------------------

    def _run(self, job: Callable[[secrets_gateway.Job[T]], T]) -> T:
        try:
            return secrets_gateway.gateway().call(job, timeout=self.timeout)
        except secrets_gateway.GatewayTimeout as exc:
            raise SecretsTimeout(exc.timeout) from None

    def _put_back(self, backend: KeyringBackend, user: str, previous: str | None) -> None:
        """Undo a late change: the previous code back, or no entry when there was none."""
        if previous is None:
            with contextlib.suppress(_NoSuchPassword):
                self._call(backend, backend.delete_password, self.service, user)
        else:
            self._call(backend, backend.set_password, self.service, user, previous, secret=previous)

    def _secure_backend(self) -> KeyringBackend:
        backend = self.backend
        reason = self._policy(backend)
        if reason is None:
            return backend
        log.warning("refusing keyring backend %s: %s", _class_path(backend), reason)
        if isinstance(backend, _fail_keyring_type()):
            raise SecretsUnavailable(MSG_NO_KEYRING, reason)
        raise InsecureBackend(MSG_INSECURE, reason)

    def _call(
        self, backend: KeyringBackend, fn: Callable[..., T], *args: Any, secret: str = ""
    ) -> T:
        """Run one backend call, turning every failure into a ``SecretsError``.

        The original exception is logged (redacted) and not chained, so that no traceback
        printed later can carry text a backend built from its arguments.
        """
        import keyring.errors

        try:
            return fn(*args)
        except keyring.errors.PasswordDeleteError:
            raise _NoSuchPassword from None
        except Exception as exc:  # every backend failure becomes one of ours
            mapped = _map_error(exc, backend, secret)
        log.warning("keyring call failed: %s", mapped.detail)
        raise mapped


def discover_backend(policy: Policy | None = None, *, rediscover: bool = False) -> str:
    """Pick keyring's backend now (on the calling thread: the gateway's, see ``warm_up``) and
    return its class path; a ``SecretsError`` when it is not a secure keyring.

    keyring keeps its first choice for the life of the process; ``rediscover`` drops an
    insecure one (only that: a secure backend in use is never swapped) and chooses again.
    """
    import keyring
    import keyring.core as keyring_core

    check = policy or insecure_reason
    backend: KeyringBackend = keyring.get_keyring()
    if rediscover and check(backend) is not None:
        keyring_core.init_backend()
        backend = keyring.get_keyring()
    reason = check(backend)
    if reason is None:
        return _class_path(backend)
    if isinstance(backend, _fail_keyring_type()):
        raise SecretsUnavailable(MSG_NO_KEYRING, reason)
    raise InsecureBackend(MSG_INSECURE, reason)


class _NoSuchPassword(Exception):
    """Internal: the backend reported that there was nothing to delete."""


def _fail_keyring_type() -> type[KeyringBackend]:
    from keyring.backends import fail

    backend_type: type[KeyringBackend] = fail.Keyring
    return backend_type


def _secretstorage_exceptions() -> tuple[type[BaseException], type[BaseException]] | None:
    try:
        from secretstorage import exceptions
    except ImportError:  # pragma: no cover - secretstorage ships with keyring on Linux
        return None
    return exceptions.LockedException, exceptions.PromptDismissedException


def _map_error(exc: Exception, backend: KeyringBackend, secret: str) -> SecretsError:
    """One of our errors for a backend failure; its detail is redacted (``secret`` included)."""
    import keyring.errors

    name = type(exc).__name__
    text = redact.redact_text(str(exc), extra=(secret,) if secret else ())
    if secret and secret in text:  # shorter than redact's minimum length
        text = text.replace(secret, redact.MASK)
    detail = (
        f"{_class_path(backend)}: {name}: {text}" if text else f"{_class_path(backend)}: {name}"
    )
    locked = _secretstorage_exceptions()
    if isinstance(exc, keyring.errors.KeyringLocked) or (
        locked is not None and isinstance(exc, locked)
    ):
        return SecretsLocked(MSG_LOCKED, detail)
    if isinstance(exc, keyring.errors.NoKeyringError):
        return SecretsUnavailable(MSG_NO_KEYRING, detail)
    if isinstance(exc, keyring.errors.InitError):
        return SecretsUnavailable(MSG_INIT, detail)
    # D-Bus and socket failures (secretstorage's SecretServiceNotAvailableException, jeepney's
    # DBusErrorResponse, ConnectionRefusedError ...) and anything else a backend throws.
    return SecretsUnavailable(MSG_UNREACHABLE, detail)


def code_entry(account_id: int, code_id: int) -> str:
    """The keyring user name of a kept client code (issue 19): by mailbox and code id, so it
    stays put when the address changes, and never looks like an address (the own code's entry
    is the address itself, as it always was)."""
    return f"code:{account_id}:{code_id}"
