"""The circle filter of the main screen's lists: calls, comments, invitations and the
day's log keep only people in one circle, read in SQL; the day's plan is never re-made."""

from __future__ import annotations

from netday.services.contacts import ContactFields, edit_contact
from netday.services.context import Context
from netday.services.insights import insights, window_line
from netday.services.invites import send_invite
from netday.services.journal import log_interaction
from netday.services.posts import add_post
from netday.services.review import today_overview
from netday.vocabulary import Circle
from tests.conftest import rows
from tests.services.helpers import person


def network(ctx: Context) -> None:
    """Ana and Bo (professional) and Di (personal), all planned today; two wrote a post, has an
    invitation waiting and something logged today."""
    for name in ("Ana Souza", "Bo Chen", "Di Park"):
        person(ctx, name, last_call_days_ago=40)
    edit_contact(ctx, "di park", ContactFields(circle=Circle.PERSONAL))
    today_overview(ctx)  # the day's plan is made once, before anything is logged
    for name in ("ana souza", "di park"):
        add_post(ctx, name, f"https://example.com/{name.split()[0]}", "a post")
        send_invite(ctx, f"Hello {name}, let us connect!", contact_ref=name)
        log_interaction(ctx, name, kind="message", summary="said hi")


def names(view) -> dict[str, list[str]]:
    return {
        "calls": sorted(c.contact.name for c in view.plan.calls),
        "comments": sorted(p.author for p in view.comments),
        "invites": sorted(i.name for i in view.invites),
        "log": sorted({i.contact_name for i in view.log}),  # an invitation is logged too
    }


def test_each_pane_keeps_only_the_circle_asked_for(ctx: Context, db_url: str) -> None:
    network(ctx)
    both = today_overview(ctx)
    assert names(both) == {
        "calls": ["Ana Souza", "Bo Chen", "Di Park"],
        "comments": ["Ana Souza", "Di Park"],
        "invites": ["Ana Souza", "Di Park"],
        "log": ["Ana Souza", "Di Park"],
    }
    assert both.circle is None
    personal = today_overview(ctx, circle=Circle.PERSONAL)
    assert names(personal) == {
        "calls": ["Di Park"],
        "comments": ["Di Park"],
        "invites": ["Di Park"],
        "log": ["Di Park"],
    }
    assert (personal.circle, personal.comments_total) == ("personal", 1)
    professional = today_overview(ctx, circle=Circle.PROFESSIONAL)
    assert names(professional) == {
        "calls": ["Ana Souza", "Bo Chen"],
        "comments": ["Ana Souza"],
        "invites": ["Ana Souza"],
        "log": ["Ana Souza"],
    }
    assert professional.comments_total == 1


def test_the_plan_is_shown_filtered_never_made_again(ctx: Context, db_url: str) -> None:
    network(ctx)
    whole = [(c.position, c.contact.name) for c in today_overview(ctx).plan.calls]
    stored = rows(db_url, "SELECT contact_id, position FROM plan_item ORDER BY position")
    personal = today_overview(ctx, circle=Circle.PERSONAL).plan.calls
    assert [(c.position, c.contact.name) for c in personal] == [
        (p, n) for p, n in whole if n == "Di Park"
    ]
    assert rows(db_url, "SELECT contact_id, position FROM plan_item ORDER BY position") == stored
    assert len(stored) == 3


def test_insights_count_only_people_of_the_circle(ctx: Context) -> None:
    network(ctx)
    person(ctx, "Cy Long", last_call_days_ago=90)  # professional, long past due
    both, personal = insights(ctx), insights(ctx, circle=Circle.PERSONAL)
    professional = insights(ctx, circle=Circle.PROFESSIONAL)
    assert personal.circle == "personal" and both.circle is None
    assert "the personal circle only" in window_line(personal)
    assert "circle only" not in window_line(both)
    for measure in ("people", "conversations", "invites_sent"):
        whole = getattr(both.total, measure)
        parts = getattr(personal.total, measure) + getattr(professional.total, measure)
        assert whole == parts > 0, measure
    assert personal.total.invites_sent == 1
    drifting = {p.name for tier in professional.drifting for p in tier.people}
    assert "Cy Long" in drifting
    assert not {p.name for tier in personal.drifting for p in tier.people} & drifting
    circles = {s.value for s in personal.diversity[2].top}
    assert circles == {"personal"}
