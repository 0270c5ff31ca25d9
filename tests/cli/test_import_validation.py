"""`import` validates every field as `add` and the edit dialog do (issue 14, item 4).

Real processes: the CLI reads a real export file. Each hostile value is tried both ways: `add`
must refuse it (exit 2) and `import` must refuse its entry by number; the borderline values that
are fine must be accepted by both.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mailmanager.core.model import limits

CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120
    )


def entry(n: int, **changes: Any) -> dict[str, Any]:
    address = f"user{n}@example.org"
    base: dict[str, Any] = {
        "address": address,
        "display_name": "",
        "credential_label": "",
        "imap": {"host": "imap.example.org", "port": 993, "security": "ssl", "username": address},
        "smtp": {"host": "smtp.example.org", "port": 465, "security": "ssl", "username": address},
    }
    for key, value in changes.items():
        if key in ("imap_host", "imap_port", "imap_username"):
            base["imap"][key.removeprefix("imap_")] = value
        else:
            base[key] = value
    return base


# (name, import entry changes, add arguments): each must be refused by both.
HOSTILE: list[tuple[str, dict[str, Any], list[str]]] = [
    ("display name over the limit", {"display_name": "x" * 201}, ["--display-name", "x" * 201]),
    ("display name with a line break", {"display_name": "a\nb"}, ["--display-name", "a\nb"]),
    ("label over the limit", {"credential_label": "l" * 1000}, ["--label", "l" * 1000]),
    ("host with a space", {"imap_host": "imap example.org"},
     ["--imap", "imap example.org:993:ssl"]),
    ("host with a slash", {"imap_host": "imap.example.org/x"},
     ["--imap", "imap.example.org/x:993:ssl"]),
    ("host of 300 characters", {"imap_host": "a" * 300}, ["--imap", "a" * 300 + ":993:ssl"]),
    ("host with an invisible character", {"imap_host": "imap\u200b.example.org"},
     ["--imap", "imap\u200b.example.org:993:ssl"]),
    ("port 0", {"imap_port": 0}, ["--imap", "imap.example.org:0:ssl"]),
    ("port 70000", {"imap_port": 70000}, ["--imap", "imap.example.org:70000:ssl"]),
    ("username over the limit", {"imap_username": "u" * 400}, ["--username", "u" * 400]),
    ("username with a tab", {"imap_username": "a\tb"}, ["--username", "a\tb"]),
]  # fmt: skip

FINE: list[tuple[str, dict[str, Any], list[str]]] = [
    ("display name at the limit", {"display_name": "名" * 200}, ["--display-name", "名" * 200]),
    ("single-label host", {"imap_host": "mail"}, ["--imap", "mail:993:ssl"]),
    ("IPv6 host", {"imap_host": "::1"}, ["--imap", "[::1]:993:ssl"]),
]


def add_args(n: int, extra: list[str]) -> list[str]:
    args = ["add", f"user{n}@example.org", "--password-stdin", "--no-check"]
    if "--imap" not in extra:
        args += ["--imap", "imap.example.org:993:ssl"]
    return [*args, "--smtp", "smtp.example.org:465:ssl", *extra]


def test_add_and_import_agree(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    cases = HOSTILE + FINE
    entries = [entry(n, **changes) for n, (_name, changes, _args) in enumerate(cases)]
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps({"format": "mailmanager-accounts", "version": 1, "accounts": entries})
    )
    imported = run(subprocess_env, "import", str(export))
    assert imported.returncode == 1, imported.stderr
    assert "Traceback" not in imported.stdout + imported.stderr
    refused = {
        int(line.split()[1]): line
        for line in imported.stdout.splitlines()
        if line.startswith("Entry ") and "not imported" in line
    }
    assert sorted(refused) == list(range(1, len(HOSTILE) + 1)), imported.stdout
    for n, (_name, _changes, args) in enumerate(cases):
        added = run(
            subprocess_env, "--home", str(tmp_path / f"add-{n}"), *add_args(n, args),
            stdin="SomeCode1234\n",
        )  # fmt: skip
        expected = 2 if n < len(HOSTILE) else 0
        assert added.returncode == expected, (cases[n][0], added.stderr)
        assert "Traceback" not in added.stderr
        if expected:
            assert len(added.stderr.strip().splitlines()) == 1, added.stderr
    listed = json.loads(run(subprocess_env, "--json", "list").stdout)
    assert sorted(row["address"] for row in listed) == sorted(
        f"user{n}@example.org" for n in range(len(HOSTILE), len(cases))
    )


def test_a_50_mb_display_name_is_refused_with_its_entry_number(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    entries = [entry(0), entry(1, display_name="x" * 50_000_000), entry(2)]
    export = tmp_path / "big.json"
    export.write_text(
        json.dumps({"format": "mailmanager-accounts", "version": 1, "accounts": entries})
    )
    done = run(subprocess_env, "import", str(export))
    assert done.returncode == 1
    assert (
        f"Entry 2 not imported: display_name is longer than {limits.MAX_DISPLAY_NAME} characters"
        in done.stdout.splitlines()
    )
    listed = json.loads(run(subprocess_env, "--json", "list").stdout)
    assert sorted(row["address"] for row in listed) == ["user0@example.org", "user2@example.org"]
    database = Path(subprocess_env["MAILMANAGER_HOME"]) / "data" / "mailmanager.sqlite3"
    assert database.stat().st_size < 1_000_000


@pytest.mark.parametrize("name", [c[0] for c in HOSTILE])
def test_each_hostile_value_has_a_reason(name: str) -> None:
    from mailmanager.core.store import export_file

    changes = next(c[1] for c in HOSTILE if c[0] == name)
    with pytest.raises(ValueError) as caught:
        export_file.account_from_json(entry(1, **changes))
    assert str(caught.value) and "\n" not in str(caught.value)
