"""Where exports and reviews go unless the user says: decided once, by the service."""

from __future__ import annotations

from pathlib import Path

import pytest

from netday.services.context import Context
from netday.services.demo import open_demo
from netday.services.exporting import default_export_folder
from netday.store.db import Database
from netday.store.schema import open_database


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder of the test, apart from the database's."""
    folder = tmp_path / "where-netday-was-started"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_beside_a_database_file(tmp_path: Path, clock, here: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'data' / 'netday.sqlite3'}", clock.now())
    try:
        assert default_export_folder(Context(db, clock)) == tmp_path / "data"
    finally:
        db.close()


def test_the_current_folder_for_a_database_without_one(clock, here: Path) -> None:
    """A server database (or an in-memory one) has no folder to write beside."""
    db = Database("sqlite://")
    try:
        assert db.path is None
        assert default_export_folder(Context(db, clock)) == Path.cwd() == here
    finally:
        db.close()


def test_the_current_folder_for_the_demo(clock, here: Path) -> None:
    """The demo's folder is deleted on close: an export there would be lost."""
    with open_demo(clock, contacts=3) as demo:
        assert default_export_folder(demo.ctx) == here
        assert default_export_folder(Context(demo.ctx.db, clock)) == demo.folder
