"""SecretStore against the in-memory keyring and against deliberately bad backends."""

from __future__ import annotations

import logging
import threading
import time
import traceback
from pathlib import Path
from typing import Any

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from mailmanager import paths
from mailmanager.core import redact, secrets
from mailmanager.core.secrets import (
    InsecureBackend,
    SecretsError,
    SecretsLocked,
    SecretStore,
    SecretsUnavailable,
)
from tests.helpers.memory_keyring import MemoryKeyring

SECRET = "abcdEFGHijklMNOP"


class RecordingKeyring(KeyringBackend):
    """Counts writes; used for backends that must never be written to."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[tuple[str, str, str]] = []

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes.append((service, username, password))

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("none")


def plaintext_backend() -> RecordingKeyring:
    """A stand-in for keyrings.alt.file.PlaintextKeyring (that package is not installed)."""
    cls = type("PlaintextKeyring", (RecordingKeyring,), {"__module__": "keyrings.alt.file"})
    backend: RecordingKeyring = cls()
    return backend


class RaisingKeyring(KeyringBackend):
    """Raises ``error`` (built with the password in its text when there is one) on every call."""

    priority = 1

    def __init__(self, error: type[Exception]) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error(f"cannot read {service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error(f"cannot store {password} for {username}")

    def delete_password(self, service: str, username: str) -> None:
        raise self.error("cannot delete")


class ForgetfulKeyring(MemoryKeyring):
    """Accepts a write and keeps nothing."""

    def set_password(self, service: str, username: str, password: str) -> None:
        return None


def store_for(home: Path | None = None, **kwargs: Any) -> SecretStore:
    return SecretStore(paths.resolve(home) if home else paths.resolve(), **kwargs)


def test_round_trip_overwrite_delete(memory_keyring: MemoryKeyring) -> None:
    store = store_for()
    assert store.get("a@example.org") is None
    store.set("a@example.org", SECRET)
    assert store.get("a@example.org") == SECRET
    store.set("a@example.org", "second-code-1234")
    assert store.get("a@example.org") == "second-code-1234"
    assert len(memory_keyring.entries) == 1
    store.delete("a@example.org")
    assert store.get("a@example.org") is None
    store.delete("a@example.org")  # idempotent
    assert memory_keyring.entries == {}


def test_address_is_normalised(memory_keyring: MemoryKeyring) -> None:
    store = store_for()
    store.set("  Alice@Example.ORG ", SECRET)
    assert store.get("Alice@example.org") == SECRET
    assert [user for _, user in memory_keyring.entries] == ["Alice@example.org"]


def test_service_name_namespaced_by_home(
    memory_keyring: MemoryKeyring, app_home: Path, tmp_path: Path
) -> None:
    store = store_for()
    assert store.service == f"mailmanager:{app_home.resolve()}"
    other = store_for(tmp_path / "portable")
    store.set("a@example.org", SECRET)
    assert other.get("a@example.org") is None
    other.set("a@example.org", "portable-code-99")
    assert store.get("a@example.org") == SECRET
    # The user's real entries (no home); AppPaths built by hand because resolving the
    # platform folders warns about XDG_RUNTIME_DIR in this environment.
    real_paths = paths.AppPaths(None, tmp_path, tmp_path, tmp_path, tmp_path)
    real = SecretStore(real_paths)
    assert real.service == "mailmanager"
    assert real.get("a@example.org") is None
    assert {service for service, _ in memory_keyring.entries} == {
        f"mailmanager:{app_home.resolve()}",
        f"mailmanager:{(tmp_path / 'portable').resolve()}",
    }


def test_memory_backend_is_accepted() -> None:
    """The (secure, in-memory) test backend passes the check, and the probe really asks it."""
    asked: list[tuple[str, str]] = []

    class Recording(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            asked.append((service, username))
            return super().get_password(service, username)

    backend = Recording()
    store = store_for(backend=backend)
    store.check_backend()  # no SecretsError
    assert asked == []  # without ``probe`` the keyring is not called
    store.check_backend(probe=True)
    assert asked == [(store.service, "__mailmanager_probe__")]
    assert store.backend_name().endswith(".Recording")
    assert backend.entries == {}  # the probe only reads


@pytest.mark.expected_warnings(
    "refusing keyring backend keyring.backends.fail.Keyring: no keyring backend is available",
)
def test_fail_backend_refused_in_plain_words() -> None:
    store = store_for(backend=fail.Keyring())
    with pytest.raises(SecretsUnavailable) as caught:
        store.set("a@example.org", SECRET)
    assert "No secure keyring is available" in str(caught.value)
    with pytest.raises(SecretsUnavailable):
        store.check_backend()


@pytest.mark.parametrize(
    "backend_factory",
    [
        pytest.param(
            null.Keyring,
            marks=pytest.mark.expected_warnings(
                "refusing keyring backend keyring.backends.null.Keyring"
            ),
        ),
        pytest.param(
            plaintext_backend,
            marks=pytest.mark.expected_warnings(
                "refusing keyring backend keyrings.alt.file.PlaintextKeyring"
            ),
        ),
    ],
    ids=["null", "keyrings.alt-plaintext"],
)
def test_insecure_backends_refused_and_never_written(backend_factory: Any) -> None:
    backend = backend_factory()
    store = store_for(backend=backend)
    with pytest.raises(InsecureBackend) as caught:
        store.set("a@example.org", SECRET)
    assert "refuses to store" in caught.value.message
    assert SECRET not in str(caught.value)
    with pytest.raises(InsecureBackend):
        store.get("a@example.org")
    with pytest.raises(InsecureBackend):
        store.check_backend()
    assert getattr(backend, "writes", []) == []


class _EmptyChain(chainer.ChainerBackend):
    backends: list[KeyringBackend] = []  # noqa: RUF012 - overrides a classproperty


class _MixedChain(chainer.ChainerBackend):
    backends: list[KeyringBackend] = [MemoryKeyring(), plaintext_backend()]  # noqa: RUF012


class _GoodChain(chainer.ChainerBackend):
    backends: list[KeyringBackend] = [MemoryKeyring()]  # noqa: RUF012


@pytest.mark.expected_warnings("refusing keyring backend tests.core.test_secrets._EmptyChain")
def test_chainer_needs_only_secure_backends() -> None:
    assert secrets.insecure_reason(_EmptyChain()) == "the keyring chain holds no secure backend"
    assert secrets.insecure_reason(_MixedChain()) is not None
    assert secrets.insecure_reason(_GoodChain()) is None
    with pytest.raises(InsecureBackend):
        store_for(backend=_EmptyChain()).set("a@example.org", SECRET)


@pytest.mark.expected_warnings(
    "refusing keyring backend tests.helpers.memory_keyring.MemoryKeyring: not in this test",
)
def test_injectable_policy() -> None:
    store = store_for(policy=lambda backend: "not in this test")
    with pytest.raises(InsecureBackend, match="not in this test"):
        store.get("a@example.org")


@pytest.mark.parametrize(
    ("error", "expected", "words"),
    [
        (keyring.errors.KeyringLocked, SecretsLocked, "locked"),
        (keyring.errors.InitError, SecretsUnavailable, "could not be opened"),
        (keyring.errors.NoKeyringError, SecretsUnavailable, "No secure keyring"),
        (ConnectionRefusedError, SecretsUnavailable, "could not be reached"),
        (RuntimeError, SecretsUnavailable, "could not be reached"),
    ],
)
def test_errors_mapped_without_the_secret(
    error: type[Exception],
    expected: type[SecretsError],
    words: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="mailmanager")
    store = store_for(backend=RaisingKeyring(error))
    with pytest.raises(expected) as caught:
        store.set("a@example.org", SECRET)
    exc = caught.value
    assert words in exc.message
    assert error.__name__ in exc.detail
    rendered = "".join(traceback.format_exception(exc))
    assert SECRET not in rendered
    assert exc.__cause__ is None
    assert exc.__context__ is None
    assert SECRET not in caplog.text
    for call in (lambda: store.get("a@example.org"), lambda: store.delete("a@example.org")):
        with pytest.raises(expected):
            call()


@pytest.mark.expected_warnings(
    "keyring call failed: tests.core.test_secrets.RaisingKeyring: RuntimeError",
)
def test_short_secret_never_in_error_text() -> None:
    store = store_for(backend=RaisingKeyring(RuntimeError))
    with pytest.raises(SecretsUnavailable) as caught:
        store.set("a@example.org", "xyz")
    assert "xyz" not in str(caught.value)


@pytest.mark.expected_warnings(
    "RaisingKeyring: SecretServiceNotAvailableException",
    "RaisingKeyring: LockedException",
)
def test_secretstorage_errors_are_mapped() -> None:
    from secretstorage import exceptions

    store = store_for(backend=RaisingKeyring(exceptions.SecretServiceNotAvailableException))
    with pytest.raises(SecretsUnavailable, match="could not be reached"):
        store.get("a@example.org")
    store = store_for(backend=RaisingKeyring(exceptions.LockedException))
    with pytest.raises(SecretsLocked):
        store.check_backend(probe=True)


def test_backend_that_keeps_nothing_is_refused() -> None:
    store = store_for(backend=ForgetfulKeyring())
    with pytest.raises(SecretsUnavailable, match="did not keep it"):
        store.set("a@example.org", SECRET)


def test_empty_secret_refused() -> None:
    with pytest.raises(SecretsError):
        store_for().set("a@example.org", "")


def test_secrets_are_registered_for_redaction(memory_keyring: MemoryKeyring) -> None:
    store = store_for()
    store.set("a@example.org", SECRET)
    assert SECRET not in redact.redact_text(f"server said {SECRET}")
    # A code read back (stored by another process) is registered too.
    memory_keyring.entries[(store.service, "b@example.org")] = "OtherProcessCode77"
    assert store.get("b@example.org") == "OtherProcessCode77"
    assert "OtherProcessCode77" not in redact.redact_text("echo OtherProcessCode77")


class OverlapDetectingKeyring(MemoryKeyring):
    """Fails the test if two calls run at the same time."""

    def __init__(self) -> None:
        super().__init__()
        self.active = 0
        self.overlaps = 0
        self.guard = threading.Lock()

    def _enter(self) -> None:
        with self.guard:
            self.active += 1
            if self.active > 1:
                self.overlaps += 1
        # A bounded wait is the only way: calls that are serialised never meet, so there is no
        # event to wait for; the pause keeps this call open long enough for an unserialised
        # second call to overlap it.
        time.sleep(0.0005)
        with self.guard:
            self.active -= 1

    def get_password(self, service: str, username: str) -> str | None:
        self._enter()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._enter()
        super().set_password(service, username, password)


def test_calls_are_serialised_across_threads() -> None:
    backend = OverlapDetectingKeyring()
    stores = [store_for(backend=backend) for _ in range(2)]

    def work(n: int) -> None:
        for i in range(20):
            stores[n % 2].set(f"user{n}@example.org", f"code-{n}-{i}-xxxx")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert backend.overlaps == 0
    assert len(backend.entries) == 4
