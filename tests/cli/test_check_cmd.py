"""mailmanager-cli check: the ad-hoc form (stores nothing) and the stored forms (history)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from mailmanager import paths
from mailmanager.cli import main
from mailmanager.core.model.accounts import Account
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from tests.helpers import scripted_server as ss
from tests.helpers.factories import make_account
from tests.helpers.logging_state import preserved_app_logger

CODE = "right-code"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    with preserved_app_logger():
        yield


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    def run(*argv: str, stdin: str = "") -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def servers() -> Iterator[tuple[ss.ScriptedServer, ss.ScriptedServer]]:
    with ExitStack() as stack:
        imap = stack.enter_context(ss.ScriptedServer(ss.imap_script(password=CODE)))
        smtp = stack.enter_context(ss.ScriptedServer(ss.smtp_script(password=CODE)))
        yield imap, smtp


def adhoc(servers: tuple[ss.ScriptedServer, ss.ScriptedServer]) -> list[str]:
    imap, smtp = servers
    return [
        "--address",
        "User@Example.com",
        "--imap",
        f"127.0.0.1:{imap.port}:plain",
        "--smtp",
        f"127.0.0.1:{smtp.port}:plain",
        "--password-stdin",
        "--timeout",
        "3",
    ]


def test_adhoc_ok_json(cli: Any, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]) -> None:
    result = cli("check", *adhoc(servers), "--json", stdin=CODE + "\n")
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == {"imap", "smtp"}
    for proto in ("imap", "smtp"):
        assert set(data[proto]) == {
            "status",
            "ok",
            "server_message",
            "hint_id",
            "hint",
            "elapsed_ms",
        }
        assert data[proto]["status"] == "ok" and data[proto]["ok"] is True
        assert data[proto]["hint_id"] == "ok_plaintext"  # plain was chosen: say so
    # The login used the canonical address and the code went out once per server.
    assert servers[0].auth_attempts == [("User@example.com", CODE)]
    assert len(servers[1].auth_attempts) == 1


def test_adhoc_global_json_before_subcommand(
    cli: Any, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    result = cli("--json", "check", *adhoc(servers), stdin=CODE)
    assert result.code == 0
    assert result.json()["smtp"]["ok"] is True


def test_adhoc_wrong_code_exit_1_with_hint_and_no_secret(
    cli: Any, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    wrong = "Wrong-Code-987654"
    result = cli("check", *adhoc(servers), "--json", stdin=wrong)
    assert result.code == 1
    data = result.json()
    assert data["imap"]["status"] == data["smtp"]["status"] == "auth_failed"
    assert data["imap"]["hint"] and data["imap"]["hint_id"] == "auth_rejected"
    assert wrong not in result.out + result.err
    text = cli("check", *adhoc(servers), stdin=wrong)
    assert text.code == 1
    assert "auth_failed" in text.out and wrong not in text.out + text.err
    # Two runs, one attempt each per server.
    assert len(servers[0].auth_attempts) == 2 and len(servers[1].auth_attempts) == 2


def test_adhoc_stores_nothing(
    cli: Any, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    assert cli("check", *adhoc(servers), stdin=CODE).code == 0
    database = paths.resolve().database
    if database.exists():
        with AccountStore.open(database) as store:
            assert store.list_accounts() == []


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--address", "a@example.com", "--imap", "h:993:ssl", "--password-stdin"],
        ["check", "--address", "a@example.com", "--imap", "h:993:ssl", "--smtp", "h:465:ssl"],
        [
            "check",
            "--address",
            "a@example.com",
            "--imap",
            "h:99999:ssl",
            "--smtp",
            "h:465:ssl",
            "--password-stdin",
        ],
        [
            "check",
            "--address",
            "a@example.com",
            "--imap",
            "h:993:tls",
            "--smtp",
            "h:465:ssl",
            "--password-stdin",
        ],
        [
            "check",
            "--address",
            "not-an-address",
            "--imap",
            "h:993:ssl",
            "--smtp",
            "h:465:ssl",
            "--password-stdin",
        ],
        [
            "check",
            "x@example.com",
            "--address",
            "a@example.com",
            "--imap",
            "h:993:ssl",
            "--smtp",
            "h:465:ssl",
        ],
        ["check", "--all", "x@example.com"],
        ["check", "x@example.com", "--force"],
        ["check", "--all", "--timeout", "0"],
        ["check", "--all", "--password-stdin"],
    ],
)
def test_usage_errors_exit_2(cli: Any, argv: list[str]) -> None:
    result = cli(*argv, stdin=CODE)
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err


# -- stored accounts ------------------------------------------------------------------------------


def store_account(
    servers: tuple[ss.ScriptedServer, ss.ScriptedServer],
    address: str,
    code: str | None,
    **extra: Any,
) -> Account:
    app_paths = paths.resolve()
    with AccountStore.open(app_paths.database) as store:
        account = store.add_account(
            make_account(address, servers=servers, username=address, **extra)
        )
    if code is not None:
        SecretStore(app_paths).set(address, code)
    return account


def history(account: Account) -> list[ConnectionStatus]:
    assert account.id is not None
    with AccountStore.open(paths.resolve().database) as store:
        return [r.status for r in store.recent_checks(account.id)]


def test_stored_check_records_history(
    cli: Any, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    good = store_account(servers, "good@example.com", CODE)
    bad = store_account(servers, "bad@example.com", "stale-code")
    result = cli("check", "good@example.com", "BAD@example.com", "--json", "--timeout", "3")
    assert result.code == 1
    rows = {row["address"]: row for row in result.json()}
    assert rows["good@example.com"]["imap"]["ok"] and rows["good@example.com"]["smtp"]["ok"]
    assert rows["bad@example.com"]["imap"]["status"] == "auth_failed"
    assert history(good) == [ConnectionStatus.OK, ConnectionStatus.OK]
    assert history(bad) == [ConnectionStatus.AUTH_FAILED, ConnectionStatus.AUTH_FAILED]
    assert "stale-code" not in result.out + result.err


def test_check_all_skips_paused_and_rejected_unless_forced(
    cli: Any, servers: tuple[ss.ScriptedServer, ss.ScriptedServer]
) -> None:
    store_account(servers, "good@example.com", CODE)
    store_account(servers, "paused@example.com", CODE, paused=True)
    store_account(servers, "bad@example.com", "stale-code")
    store_account(servers, "nocode@example.com", None)
    first = cli("check", "--all", "--json", "--timeout", "3")
    assert first.code == 1  # bad and nocode
    rows = {row["address"]: row for row in first.json()}
    assert rows["paused@example.com"]["skipped"] == "paused"
    assert rows["nocode@example.com"]["error"] == "no code is stored"
    attempts = len(servers[0].auth_attempts)
    # The rejected code is not tried again by --all (providers lock accounts)...
    second = cli("check", "--all", "--json", "--timeout", "3")
    rows = {row["address"]: row for row in second.json()}
    assert "code rejected" in rows["bad@example.com"]["skipped"]
    assert len(servers[0].auth_attempts) == attempts + 1  # only good@ logged in
    # ...unless forced, which also includes the paused account.
    forced = cli("check", "--all", "--force", "--json", "--timeout", "3")
    rows = {row["address"]: row for row in forced.json()}
    assert rows["paused@example.com"]["imap"]["ok"]
    assert rows["bad@example.com"]["imap"]["status"] == "auth_failed"


def test_unknown_stored_account_is_usage_error(cli: Any) -> None:
    result = cli("check", "nobody@example.com")
    assert result.code == 2
    assert "nobody@example.com" in result.err
