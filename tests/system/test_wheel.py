"""A wheel built from the repository works when installed into a fresh virtual environment.

The fresh environment gets the wheel itself (so resources/ must be inside it, mapped to
mailmanager/resources) and, to avoid downloading 300 MB of Qt again, sees the test
environment's third-party packages through a path file. Everything runs from a folder outside
the checkout so nothing can be imported from the source tree by accident.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, f"{cmd} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    _run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-q", "-w", str(dist)],
        cwd=dist,
    )  # fmt: skip
    (found,) = dist.glob("mailmanager-*.whl")
    return found


def test_wheel_carries_every_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = REPO / "resources"
    expected = {
        "mailmanager/resources/" + p.relative_to(resources).as_posix()
        for p in resources.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected, "resources/ is empty"
    assert expected <= names, sorted(expected - names)


def test_every_package_is_listed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for init in (REPO / "mailmanager").rglob("__init__.py"):
        rel = init.relative_to(REPO).as_posix()
        assert rel in names, f"{rel} missing from the wheel: add it to pyproject's packages"


def test_installed_wheel_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    # Never the checkout on the path: pip (and the app) must see only what the wheel installed.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MAILMANAGER_HOME")}
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--disable-pip-version-check", "-q", str(wheel)],
        cwd=tmp_path, env=env,
    )  # fmt: skip
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                cwd=tmp_path).strip()  # fmt: skip
    # Third-party packages only: the test environment's site-packages, appended last.
    Path(site, "zz_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")

    env["QT_QPA_PLATFORM"] = "offscreen"
    home = tmp_path / "home"
    where = _run(
        [str(python), "-c",
         "import mailmanager, mailmanager.paths as p; print(mailmanager.__file__); "
         "print(p.resources_dir())"],
        cwd=tmp_path, env=env,
    ).split()  # fmt: skip
    assert all(str(venv) in line for line in where), where
    assert (Path(where[1]) / "translations").is_dir()

    version = _run([str(venv / "bin" / "mailmanager-cli"), "--version"], tmp_path, env)
    assert version.startswith("mailmanager ")
    listed = _run(
        [str(venv / "bin" / "mailmanager-cli"), "--home", str(home), "--json", "list"],
        tmp_path,
        env,
    )
    assert json.loads(listed) == []
    smoke = _run(
        [str(venv / "bin" / "mailmanager"), "--home", str(home), "--smoke-test"], tmp_path, env
    )
    assert "ms" in smoke
