"""Private files and folders (issue 14, item 1): 0600 files, 0700 folders, no symbolic links.

Real processes on real files: the CLI and the app run in child processes as a user would, and
the refusals run under an unprivileged uid (``setpriv``), since root's chmod always succeeds and
root may open any file.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailmanager import paths, private_files
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.store.account_store import AccountStore, StoreError

REPO_ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]
NOBODY = 65534


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def cli(
    env: dict[str, str], *args: str, user: int | None = None
) -> subprocess.CompletedProcess[str]:
    prefix: list[str] = []
    if user is not None:
        prefix = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups"]
    return subprocess.run(
        [*prefix, *CLI, *args],
        env=env,
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        timeout=60,
    )


def one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def walk_modes(root: Path) -> tuple[dict[Path, int], dict[Path, int]]:
    """Every folder and file under ``root`` (root included) with its permission bits."""
    folders = {root: mode(root)}
    files: dict[Path, int] = {}
    for path in root.rglob("*"):
        (folders if path.is_dir() else files)[path] = mode(path)
    return folders, files


def test_everything_the_cli_and_the_app_make_is_owner_only(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    home = tmp_path / "new" / "home"
    env = dict(subprocess_env, QT_QPA_PLATFORM="offscreen")
    add = subprocess.run(
        [*CLI, "--home", str(home), "add", "me@163.com", "--password-stdin", "--no-check",
         "--imap", "imap.163.com:993:ssl", "--smtp", "smtp.163.com:465:ssl"],
        env=env, input="SomeCode1234\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    export = home / "exported.json"
    assert cli(env, "--home", str(home), "export", str(export)).returncode == 0
    done = subprocess.run(
        [sys.executable, "-m", "mailmanager", "--smoke-test", "--home", str(home)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    folders, files = walk_modes(home)
    assert {p.name for p in folders} >= {"home", "data", "logs", "config", "run"}
    assert {p.name for p in files} >= {
        "mailmanager.sqlite3", "mailmanager.log", "settings.ini", "exported.json", "catalogue.json"
    }  # fmt: skip
    assert {p: m for p, m in folders.items() if m != 0o700} == {}
    assert {p: m for p, m in files.items() if m & 0o077} == {}


def test_database_companions_are_0600_while_open(tmp_path: Path) -> None:
    database = tmp_path / "data" / "mailmanager.sqlite3"
    with AccountStore.open(database) as store:
        store.add_account(
            Account("a@163.com", Endpoint("imap.163.com", 993, Security.SSL, "a@163.com"),
                    Endpoint("smtp.163.com", 465, Security.SSL, "a@163.com"))
        )  # fmt: skip
        companions = [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]
        assert all(p.exists() for p in companions)
        assert {p.name: mode(p) for p in companions} == {p.name: 0o600 for p in companions}


def test_existing_wide_folders_and_files_are_tightened(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    home = tmp_path / "home"
    assert cli(subprocess_env, "--home", str(home), "list").returncode == 0
    app_paths = paths.resolve(home)
    for folder in (app_paths.data_dir, app_paths.log_dir, app_paths.config_dir):
        folder.chmod(0o777)
    app_paths.database.chmod(0o644)
    app_paths.log_file.chmod(0o666)
    rotated = app_paths.log_dir / "mailmanager.log.1"
    rotated.write_text("old\n")
    rotated.chmod(0o644)
    home.chmod(0o755)  # a home that others can read but not write is the user's choice
    done = cli(subprocess_env, "--home", str(home), "list")
    assert done.returncode == 0, done.stderr
    assert mode(home) == 0o755  # never changed
    for folder in (app_paths.data_dir, app_paths.log_dir, app_paths.config_dir):
        assert mode(folder) == 0o700
    for file in (app_paths.database, app_paths.log_file, rotated):
        assert mode(file) == 0o600


def test_a_home_the_cli_creates_is_0700(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    home = tmp_path / "fresh"
    assert cli(subprocess_env, "--home", str(home), "list").returncode == 0
    assert mode(home) == 0o700


def test_a_database_planted_as_a_link_is_refused(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    home = tmp_path / "home"
    target = tmp_path / "elsewhere.sqlite3"
    target.write_bytes(b"")
    (home / "data").mkdir(parents=True)
    (home / "data" / "mailmanager.sqlite3").symlink_to(target)
    done = cli(subprocess_env, "--home", str(home), "list")
    assert done.returncode == 2
    assert "symbolic link" in one_line(done.stderr)
    assert target.read_bytes() == b""


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_companion_planted_as_a_link_is_refused(tmp_path: Path, suffix: str) -> None:
    database = tmp_path / "mailmanager.sqlite3"
    target = tmp_path / "target"
    target.write_bytes(b"precious")
    database.with_name(database.name + suffix).symlink_to(target)
    with pytest.raises(StoreError) as caught:
        AccountStore.open(database)
    assert "symbolic link" in caught.value.detail
    assert target.read_bytes() == b"precious"


def test_a_log_planted_as_a_link_is_not_followed(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    home = tmp_path / "home"
    (home / "logs").mkdir(parents=True, mode=0o700)
    target = tmp_path / "victim.txt"
    target.write_text("untouched\n")
    (home / "logs" / "mailmanager.log").symlink_to(target)
    done = cli(subprocess_env, "--home", str(home), "list")
    assert done.returncode == 0
    assert "cannot write the log file" in one_line(done.stderr)
    assert "symbolic link" in done.stderr
    assert target.read_text() == "untouched\n"


# -- under an unprivileged uid ------------------------------------------------------------


@pytest.fixture
def shared_root() -> Iterator[Path]:
    """A folder outside pytest's root-only temporary tree, where ``nobody`` can look."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run the CLI as another user")
    root = Path(tempfile.mkdtemp(prefix="mm-private-"))
    root.chmod(0o755)
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def nobody_env(subprocess_env: dict[str, str], root: Path) -> dict[str, str]:
    env = dict(subprocess_env)
    env.pop("MAILMANAGER_HOME", None)
    env["HOME"] = str(root)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def test_a_home_of_another_user_is_refused(
    shared_root: Path, subprocess_env: dict[str, str]
) -> None:
    home = shared_root / "roots-home"
    (home / "logs").mkdir(parents=True)
    home.chmod(0o777)  # even writable: it is not ours
    victim = shared_root / "victim.txt"
    victim.write_text("untouched\n")
    victim.chmod(0o666)
    (home / "logs" / "mailmanager.log").symlink_to(victim)
    done = cli(nobody_env(subprocess_env, shared_root), "--home", str(home), "list", user=NOBODY)
    assert done.returncode == 2
    assert one_line(done.stderr) == (
        f"mailmanager-cli: error: cannot use the folder {home}: it belongs to another user"
    )
    assert victim.read_text() == "untouched\n"
    assert sorted(p.name for p in home.iterdir()) == ["logs"]


@pytest.mark.parametrize(("bits", "who"), [(0o777, "others"), (0o770, "group")])
def test_a_home_others_can_write_to_is_refused(
    shared_root: Path, subprocess_env: dict[str, str], bits: int, who: str
) -> None:
    home = shared_root / "shared-home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)
    home.chmod(bits)
    done = cli(nobody_env(subprocess_env, shared_root), "--home", str(home), "list", user=NOBODY)
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert line.startswith(f"mailmanager-cli: error: cannot use the folder {home}: ")
    assert who in line and "chmod go-w" in line
    assert list(home.iterdir()) == []
    assert mode(home) == bits


def test_as_a_user_files_are_private_and_links_are_not_followed(
    shared_root: Path, subprocess_env: dict[str, str]
) -> None:
    home = shared_root / "own-home"
    (home / "logs").mkdir(parents=True)
    (home / "data").mkdir()
    for folder in (home, home / "logs", home / "data"):
        os.chown(folder, NOBODY, NOBODY)
    (home / "data").chmod(0o777)
    victim = shared_root / "nobodys-file.txt"
    victim.write_text("untouched\n")
    os.chown(victim, NOBODY, NOBODY)
    link = home / "logs" / "mailmanager.log"
    link.symlink_to(victim)
    os.chown(link, NOBODY, NOBODY, follow_symlinks=False)
    env = nobody_env(subprocess_env, shared_root)
    done = cli(env, "--home", str(home), "list", user=NOBODY)
    assert done.returncode == 0, done.stderr
    assert "symbolic link" in one_line(done.stderr)
    assert victim.read_text() == "untouched\n"
    assert mode(home / "data") == 0o700
    assert mode(home / "data" / "mailmanager.sqlite3") == 0o600
    link.unlink()
    done = cli(env, "--home", str(home), "list", user=NOBODY)
    assert done.returncode == 0 and done.stderr == ""
    assert mode(home / "logs" / "mailmanager.log") == 0o600
    assert os.lstat(home / "logs" / "mailmanager.log").st_uid == NOBODY


def test_unsafe_place_reads_as_one_line(tmp_path: Path) -> None:
    error = private_files.UnsafePlace(tmp_path, "it belongs to another user")
    app_paths = paths.resolve(tmp_path)
    assert paths.unusable_home_message(app_paths, error) == (
        f"cannot use the folder {tmp_path}: it belongs to another user"
    )
