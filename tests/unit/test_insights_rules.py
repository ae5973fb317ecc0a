"""Role families and concentration: the pure rules behind the insights."""

from __future__ import annotations

import datetime as dt

import pytest

from netday.scheduling.insights import concentration, rate, week_starts
from netday.scheduling.roles import family_of
from netday.vocabulary import RoleFamily


@pytest.mark.parametrize(
    ("role", "family"),
    [
        ("Senior Software Engineer", RoleFamily.ENGINEERING),
        ("VP Engineering", RoleFamily.LEADERSHIP),
        ("CTO, Acme", RoleFamily.LEADERSHIP),
        ("Director of Sales", RoleFamily.LEADERSHIP),
        ("Sales Engineer", RoleFamily.SALES),
        ("Product Designer", RoleFamily.DESIGN),
        ("Product Manager", RoleFamily.PRODUCT),
        ("Technical Recruiter", RoleFamily.RECRUITING),
        ("Data Scientist", RoleFamily.DATA),
        ("Growth Marketing Lead", RoleFamily.MARKETING),
        ("Coordinator", RoleFamily.OTHER),  # not a COO
        ("Nurse", RoleFamily.OTHER),
        ("   ", None),
    ],
)
def test_role_families(role: str, family: RoleFamily | None) -> None:
    assert family_of(role) == family


def test_concentration_is_the_hhi_on_its_10000_scale() -> None:
    assert concentration({"Acme": 3, "Globex": 1}).hhi == 6250
    assert concentration({"Acme": 1}).hhi == 10_000
    spread = concentration({str(i): 1 for i in range(10)})
    assert (spread.hhi, spread.top_share, spread.dominated) == (1000, 0.1, False)
    assert concentration({}).hhi is None
    assert concentration({"Acme": 4, "Globex": 1}).dominated
    assert not concentration({"Acme": 3, "Globex": 1}).dominated  # too few people


def test_weeks_are_calendar_weeks_ending_with_this_one() -> None:
    sunday = dt.date(2026, 11, 22)
    assert week_starts(sunday, 2) == [dt.date(2026, 11, 9), dt.date(2026, 11, 16)]
    assert week_starts(dt.date(2026, 11, 16), 1) == [dt.date(2026, 11, 16)]
    assert rate(1, 2) == 0.5 and rate(0, 0) is None
