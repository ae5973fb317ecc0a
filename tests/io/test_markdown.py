"""The Markdown writer called directly: a day and a week pinned byte for byte.

The golden files in `golden/` were written by netday before the writer moved to
`netday.io.markdown` (when the week was still made by string-replacing the day's
headings), so these tests prove the move changed nothing a reader sees.
"""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from netday.io.markdown import export_review, review_markdown, week_markdown
from netday.services.context import Context
from netday.services.exporting import week_reviews
from netday.services.review import review_day
from netday.services.views import ReviewView
from tests.conftest import TODAY

GOLDEN = Path(__file__).parent / "golden"
SATURDAY = dt.date(2026, 11, 21)


@pytest.fixture
def a_week(cli, ctx: Context) -> Context:
    """Two contacts planned on Saturday, one called, a reflection with would-be markup."""
    for args in (
        ("contact", "add", "Ana Lima", "--every", "1 days", "--company", "R&D <Labs>"),
        ("contact", "add", "Bo *Chen*", "--every", "1 days"),
    ):
        assert cli(*args, today="2026-11-20").code == 0
    saturday = SATURDAY.isoformat()
    assert cli("today", today=saturday).code == 0
    log = ("log", "Ana", "talked about [hiring](x)", "--at", f"{saturday} 10:05")
    assert cli(*log, "--minutes", "20", "--kind", "call", today=saturday).code == 0
    note = "good day\n# not a heading\n1. not a list"
    assert cli("review", "--date", saturday, "--note", note, today=saturday).code == 0
    return ctx


def golden(name: str) -> str:
    return (GOLDEN / name).read_bytes().decode("utf-8")


def test_a_day_is_pinned(a_week: Context) -> None:
    assert review_markdown(review_day(a_week, SATURDAY)) == golden("review-day.md")


def test_a_week_is_pinned(a_week: Context) -> None:
    reviews = week_reviews(a_week)
    assert [r.date for r in reviews] == [TODAY - dt.timedelta(days=n) for n in range(6, -1, -1)]
    assert week_markdown(reviews) == golden("review-week.md")


def test_a_day_inside_a_week_is_the_day_one_heading_level_down(a_week: Context) -> None:
    day = review_markdown(review_day(a_week, SATURDAY))
    section = review_markdown(review_day(a_week, SATURDAY), level=2)
    assert section.splitlines() == [
        "#" + line if line.startswith("#") else line for line in day.splitlines()
    ]
    assert section in week_markdown(week_reviews(a_week))


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_data_never_makes_a_heading_at_any_level(a_week: Context) -> None:
    review: ReviewView = review_day(a_week, SATURDAY)
    for level in (1, 2, 3):
        assert len(headings(review_markdown(review, level))) == 7
        assert "\\# not a heading" in review_markdown(review, level)


def test_export_review_writes_the_day_atomically_and_privately(
    a_week: Context, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = export_review(a_week, SATURDAY, folder)
    assert path == folder / "netday-review-2026-11-21.md"
    assert path.read_bytes().decode("utf-8") == golden("review-day.md")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left
