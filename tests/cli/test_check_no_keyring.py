"""`check` without any keyring says the stored code cannot be read (issue 14, item 5).

A real process with no D-Bus session: keyring picks its ``fail`` backend, as on a machine with
no keyring service installed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.secrets import MSG_NO_KEYRING_READ
from mailmanager.core.store.account_store import AccountStore
from tests.helpers.secret_service import isolated_env

REPO_ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]


def test_check_all_without_a_keyring_says_the_code_cannot_be_read(tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "nobus")
    env.pop("PYTHON_KEYRING_BACKEND", None)
    home = tmp_path / "mm"
    env["MAILMANAGER_HOME"] = str(home)
    env["PYTHONPATH"] = str(REPO_ROOT)
    address = "stored@example.org"
    with AccountStore.open(home / "data" / "mailmanager.sqlite3") as store:
        imap = Endpoint("imap.example.org", 993, Security.SSL, address)
        smtp = Endpoint("smtp.example.org", 465, Security.SSL, address)
        store.add_account(Account(address, imap, smtp))
    for args in (["check", "--all"], ["check", address]):
        done = subprocess.run([*CLI, *args], env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 1
        assert "Traceback" not in done.stdout + done.stderr
        assert done.stdout.splitlines() == [address, f"  not checked: {MSG_NO_KEYRING_READ}"]
        assert "cannot be stored" not in done.stdout
