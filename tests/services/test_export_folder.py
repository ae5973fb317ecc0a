"""Where exports and reviews go unless the user says: one folder, decided once by the
service, that outlives the demo (whose own folder is deleted when it closes)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from netday.config import default_data_dir
from netday.io.markdown import export_review
from netday.services.context import Context
from netday.services.demo import open_demo
from netday.services.exporting import default_export_folder
from netday.store.schema import open_database


@pytest.fixture
def exports() -> Path:
    """The documented folder: `exports` in the user data folder (isolated per test)."""
    return default_data_dir() / "exports"


def test_one_folder_for_every_database(tmp_path: Path, clock, exports: Path) -> None:
    assert not exports.exists()
    """Not beside the database (a server's has no folder): the same for every one."""
    db = open_database(f"sqlite:///{tmp_path / 'data' / 'netday.sqlite3'}", clock.now())
    try:
        assert default_export_folder() == exports
        assert stat.S_IMODE(exports.stat().st_mode) == 0o700
        assert export_review(Context(db, clock), clock.today()).parent == exports
    finally:
        db.close()


def test_a_review_exported_from_the_demo_outlives_it(clock, exports: Path) -> None:
    with open_demo(clock, contacts=3) as demo:
        written = export_review(demo.ctx, clock.today())
        assert written.parent == exports and demo.folder not in written.parents
    assert not demo.folder.exists()
    assert written.read_text(encoding="utf-8").startswith("# Review of")
