"""Folders and outputs the app cannot use: one clear line (or dialog), never a traceback.

Found by a bad-input exploration: a home folder that is a file, a ``data`` file where the data
folder should be, an empty ``--home``, output into a closed pipe or onto a full disk all ended
in Python tracebacks. Each case runs the real entry points in a child process, as a user would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]


def cli(env: dict[str, str], *args: str, stdout: int | None = subprocess.PIPE) -> tuple[int, str]:
    done = subprocess.run(
        [*CLI, *args],
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stderr


def one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_a_home_that_is_a_file(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    home = tmp_path / "elsewhere"
    home.write_text("not a folder")
    for where in (home, home / "sub"):
        code, err = cli(subprocess_env, "--home", str(where), "list")
        assert code == 2
        assert "cannot use the folder" in one_line(err)
    assert home.read_text() == "not a folder"


def test_a_file_where_the_data_folder_belongs(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    home = tmp_path / "elsewhere"
    home.mkdir()
    (home / "data").write_text("in the way")
    code, err = cli(subprocess_env, "--home", str(home), "list")
    assert code != 0
    assert "database" in one_line(err)
    assert (home / "data").read_text() == "in the way"


def test_an_empty_home_is_refused(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    code, err = cli(subprocess_env, "--home", "", "list")
    assert code == 2 and "--home" in one_line(err)


def test_output_into_a_closed_pipe_stops_quietly(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    reader = subprocess.Popen(
        [*CLI, "--home", str(tmp_path / "elsewhere"), "--json", "provider", "list"],
        env=subprocess_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.read(10)
    reader.stdout.close()  # like `| head -c 10`
    err = reader.stderr.read().decode()
    reader.stderr.close()
    assert reader.wait(timeout=60) == 141
    assert err.strip() == ""


def test_output_onto_a_full_disk(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")  # pragma: no cover
    home = tmp_path / "elsewhere"
    cli(subprocess_env, "--home", str(home), "list")
    with open("/dev/full", "w") as full:
        code, err = cli(subprocess_env, "--home", str(home), "export", "-", stdout=full.fileno())
    assert code == 1
    assert "No space left" in one_line(err)


def test_the_app_with_a_home_that_is_a_file(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    home = tmp_path / "elsewhere"
    home.write_text("not a folder")
    env = dict(subprocess_env, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "mailmanager", "--smoke-test", "--home", str(home)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "cannot use the folder" in one_line(done.stderr)
