"""A plain `pip install .` must carry the migrations and create a database."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


pytestmark = pytest.mark.sqlite_only(
    "packaging does not depend on the backend; the wheel is built and checked once"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (built,) = out.glob("netday-*.whl")
    return built


def test_the_wheel_ships_the_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    migrations = sorted(n for n in names if n.startswith("netday/migrations/"))
    assert "netday/migrations/env.py" in names
    assert "netday/migrations/script.py.mako" in names
    shipped = {Path(n).name for n in migrations if n.startswith("netday/migrations/versions/")}
    on_disk = {p.name for p in (ROOT / "migrations" / "versions").glob("*.py")}
    assert on_disk <= shipped


def test_an_installed_copy_creates_and_upgrades_a_database(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    db = tmp_path / "fresh.sqlite3"
    deps = sysconfig.get_paths()["purelib"]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(target), deps]),
        "NETDAY_TODAY": "2026-11-22",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-s",
            "-c",
            "import netday, sys; from netday.cli.main import main; "
            f"code = main(['--db', {str(db)!r}, 'contact', 'add', 'Ana Souza']); "
            "print(netday.__file__); sys.exit(code)",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith(str(target))
    assert db.exists()


def test_the_wheel_ships_the_stylesheet(wheel: Path) -> None:
    assert "netday/ui/netday.tcss" in set(zipfile.ZipFile(wheel).namelist())
