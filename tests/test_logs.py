"""The log file: under --home, rotating, and never holding a registered secret."""

from __future__ import annotations

import base64
import io
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from mailmanager import logs, paths
from mailmanager.cli import main
from mailmanager.core import redact
from mailmanager.core.secrets import SecretStore, SecretsUnavailable
from tests.helpers.logging_state import preserved_app_logger

SECRET = "LogSecretQwer5678"


@pytest.fixture(autouse=True)
def app_logger() -> Iterator[logging.Logger]:
    with preserved_app_logger() as logger:
        yield logger


def flush(logger: logging.Logger) -> None:
    for handler in logger.handlers:
        handler.flush()


def log_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("mailmanager.log*")))


def test_log_file_lives_under_home(app_home: Path, app_logger: logging.Logger) -> None:
    app_paths = paths.resolve()
    logs.setup(app_paths)
    logging.getLogger("mailmanager.test").info("hello from the test")
    flush(app_logger)
    assert app_paths.log_file == app_home.resolve() / "logs" / "mailmanager.log"
    assert "hello from the test" in app_paths.log_file.read_text(encoding="utf-8")


@pytest.mark.expected_warnings("AUTH PLAIN", "probe crashed")
def test_secret_redacted_in_lines_and_exceptions(app_logger: logging.Logger) -> None:
    app_paths = paths.resolve()
    logs.setup(app_paths)
    redact.register(SECRET)
    log = logging.getLogger("mailmanager.test")
    encoded = base64.b64encode(f"\0user\0{SECRET}".encode()).decode()
    log.info("server echoed %s", SECRET)
    log.warning("AUTH PLAIN %s rejected", encoded)
    try:
        raise RuntimeError(f"login with {SECRET} failed")
    except RuntimeError:
        log.exception("probe crashed")
    flush(app_logger)
    text = log_text(app_paths.log_dir)
    assert "server echoed ********" in text
    assert "probe crashed" in text
    assert "RuntimeError: login with ******** failed" in text
    assert SECRET not in text
    assert encoded not in text


class LeakyKeyring(KeyringBackend):
    """A backend whose errors quote the password, as a careless one might."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError(f"could not write {password!r} to the bus")

    def delete_password(self, service: str, username: str) -> None:
        return None


@pytest.mark.expected_warnings("LeakyKeyring: OSError: could not write", "keyring failed")
def test_keyring_error_with_secret_never_logged(app_logger: logging.Logger) -> None:
    app_paths = paths.resolve()
    logs.setup(app_paths)
    store = SecretStore(app_paths, backend=LeakyKeyring())
    with pytest.raises(SecretsUnavailable) as caught:
        store.set("a@example.org", "Fresh" + SECRET)
    logging.getLogger("mailmanager.test").error("keyring failed", exc_info=caught.value)
    flush(app_logger)
    text = log_text(app_paths.log_dir)
    assert "keyring call failed" in text
    assert "Fresh" + SECRET not in text


def test_log_rotates(app_logger: logging.Logger) -> None:
    app_paths = paths.resolve()
    logs.setup(app_paths)
    log = logging.getLogger("mailmanager.test")
    chunk = "x" * 20_000
    for i in range(130):  # about 2.6 MB: more than two 1 MB files
        log.info("%d %s", i, chunk)
    flush(app_logger)
    files = sorted(p.name for p in app_paths.log_dir.glob("mailmanager.log*"))
    assert files[:3] == ["mailmanager.log", "mailmanager.log.1", "mailmanager.log.2"]
    assert len(files) <= 6
    assert all(p.stat().st_size <= 1_100_000 for p in app_paths.log_dir.glob("mailmanager.log*"))


def test_cli_logs_under_home_without_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "cli-home"
    monkeypatch.setattr(sys, "stdin", io.StringIO(SECRET + "\n"))
    code = main(
        [
            "--home", str(home), "add", "log@example.org", "--password-stdin", "--no-check",
            "--imap", "imap.example.org:993:ssl", "--smtp", "smtp.example.org:465:ssl",
        ]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    flush(logging.getLogger("mailmanager"))
    text = log_text(home / "logs")
    assert "log@example.org added" in text
    assert SECRET not in text
    for path in home.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
