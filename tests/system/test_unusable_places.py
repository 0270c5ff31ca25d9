"""Folders and outputs the app cannot use: one clear line (or dialog), never a traceback.

Found by a bad-input exploration: a home folder that is a file, a ``data`` file where the data
folder should be, an empty ``--home``, output into a closed pipe or onto a full disk all ended
in Python tracebacks. Each case runs the real entry points in a child process, as a user would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

CLI = [sys.executable, "-c", "import sys; from mailmanager.cli import main; sys.exit(main())"]


def cli(env: dict[str, str], *args: str, stdout: int | None = subprocess.PIPE) -> tuple[int, str]:
    done = subprocess.run(
        [*CLI, *args],
        env=env,
        cwd=tempfile.gettempdir(),  # never the checkout: a bad home must not land in it
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
    # Refused at start, before anything opens the database.
    assert f"cannot use the folder {home / 'data'}: it is not a folder" in one_line(err)
    assert (home / "data").read_text() == "in the way"


def test_an_empty_home_is_refused(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    code, err = cli(subprocess_env, "--home", "", "list")
    assert code == 2 and "--home" in one_line(err)


@pytest.mark.parametrize(
    "args", [["--json", "provider", "list"], ["list"], ["--version"], ["--help"]]
)
def test_output_into_a_closed_pipe_stops_quietly(
    tmp_path: Path, subprocess_env: dict[str, str], args: list[str]
) -> None:
    """Like ``| head -c 10`` that has already exited: the reader is gone before the first
    byte, buffered or not (PYTHONUNBUFFERED is removed so Python's own buffering is tested)."""
    env = {k: v for k, v in subprocess_env.items() if k != "PYTHONUNBUFFERED"}
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [*CLI, "--home", str(tmp_path / "elsewhere"), *args],
            env=env,
            cwd=tmp_path,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr
    assert done.stderr.strip() == ""


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
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "cannot use the folder" in one_line(done.stderr)


def test_a_log_file_that_cannot_be_written(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    """A folder where the log file belongs: the command still works, and says once that it
    carries on without its log (no "Logging error" traceback per record)."""
    home = tmp_path / "elsewhere"
    (home / "logs" / "mailmanager.log").mkdir(parents=True)
    code, err = cli(subprocess_env, "--home", str(home), "list")
    assert code == 0
    assert "cannot write the log file" in one_line(err)


def test_export_into_an_appending_redirect_keeps_what_was_there(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    """``export /dev/stdout >> file`` and ``export /dev/fd/3 3>> file``: /dev/stdout is a link
    to the redirect's file; following it and replacing the file lost what was appended."""
    home = str(tmp_path / "elsewhere")
    log = tmp_path / "all.log"
    log.write_text("keep me\n")
    with log.open("a") as appended:
        done = subprocess.run(
            [*CLI, "--home", home, "export", "/dev/stdout"],
            env=subprocess_env, cwd=tmp_path, stdout=appended, stderr=subprocess.PIPE,
            text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with log.open("a") as appended:
        descriptor = appended.fileno()
        done = subprocess.run(
            [*CLI, "--home", home, "export", f"/dev/fd/{descriptor}"],
            env=subprocess_env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
            pass_fds=(descriptor,),
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = log.read_text()
    assert text.startswith("keep me\n") and text.count('"accounts"') == 2
