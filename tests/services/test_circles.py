"""The circle filter of the main screen's lists: calls, comments, invitations and the
day's log keep only people in one circle, read in SQL; the day's plan is never re-made."""

from __future__ import annotations

from netday.services.contacts import ContactFields, edit_contact
from netday.services.context import Context
from netday.services.events import add_event, event_detail, mark_met, plan_to_meet
from netday.services.insights import insights, window_line
from netday.services.invites import send_invite
from netday.services.journal import log_interaction
from netday.services.posts import add_post, list_posts, mark_commented
from netday.services.promises import add_promise
from netday.services.review import (
    review_day,
    review_headline,
    review_title,
    save_review,
    today_overview,
)
from netday.vocabulary import Circle, OwedBy
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


def reviewed(ctx: Context) -> None:
    """The network, and by the end of the day: Ana's and Di's posts commented, a promise
    due today with each, Bo (still to call) had 25 minutes of comments, and Bo and Di
    wrote a post still to comment."""
    network(ctx)
    for post in list_posts(ctx):
        mark_commented(ctx, post.id, f"Well said, {post.author.split()[0]}")
    add_promise(ctx, "ana souza", "the deck", ctx.today())
    add_promise(ctx, "di park", "the recipe", ctx.today(), owed_by=OwedBy.THEM)
    log_interaction(ctx, "bo chen", kind="comment", minutes=25)
    for name in ("bo chen", "di park"):
        add_post(ctx, name, f"https://example.com/{name.split()[0]}/2", "another post")


def review_names(r) -> dict[str, list[str]]:
    return {
        "calls": sorted(c.contact.name for c in r.plan.calls),
        "log": sorted({i.contact_name for i in r.interactions}),
        "comments": sorted(p.author for p in r.comments_written),
        "invites": sorted(i.name for i in r.invites_sent),
        "promises": sorted(p.contact_name for p in r.promises_due),
        "carry": sorted(c.contact.name for c in r.carry_over),
    }


def test_the_review_counts_only_people_of_the_circle(ctx: Context, db_url: str) -> None:
    reviewed(ctx)
    both = review_day(ctx)
    assert both.circle is None
    assert review_names(both) == {
        "calls": ["Ana Souza", "Bo Chen", "Di Park"],
        "log": ["Ana Souza", "Bo Chen", "Di Park"],
        "comments": ["Ana Souza", "Di Park"],
        "invites": ["Ana Souza", "Di Park"],
        "promises": ["Ana Souza", "Di Park"],
        "carry": ["Bo Chen"],
    }
    stored = rows(db_url, "SELECT contact_id, position, status FROM plan_item ORDER BY position")
    personal = review_day(ctx, circle=Circle.PERSONAL)
    assert review_names(personal) == {
        "calls": ["Di Park"],
        "log": ["Di Park"],
        "comments": ["Di Park"],
        "invites": ["Di Park"],
        "promises": ["Di Park"],
        "carry": [],
    }
    assert personal.circle == "personal"
    assert (personal.comments_waiting, both.comments_waiting) == (1, 2)
    professional = review_day(ctx, circle=Circle.PROFESSIONAL)
    assert review_names(professional)["log"] == ["Ana Souza", "Bo Chen"]
    assert review_names(professional)["carry"] == ["Bo Chen"]
    # The time is the whole day's (a review's minutes name no circle); the plan is whole.
    assert personal.minutes_logged == professional.minutes_logged == both.minutes_logged == 25
    assert rows(db_url, "SELECT contact_id, position, status FROM plan_item ORDER BY position") == (
        stored
    )
    assert review_headline(personal).endswith("25 min (all circles) · streak 0 days")
    assert review_title(personal, "Review") == "Review · the personal circle only"
    assert review_title(both, "Review") == "Review"


def test_saving_a_review_of_one_circle_keeps_the_whole_days_time(ctx: Context) -> None:
    reviewed(ctx)
    saved = save_review(ctx, note="good day", circle=Circle.PERSONAL)
    assert (saved.circle, saved.note, saved.minutes_spent) == ("personal", "good day", 25)
    assert review_names(saved)["log"] == ["Di Park"]
    again = review_day(ctx)
    assert (again.note, again.minutes_spent, again.circle) == ("good day", 25, None)


def test_an_events_people_keep_one_circle_its_counts_stay_whole(ctx: Context) -> None:
    network(ctx)
    event = add_event(ctx, "Web Summit", ctx.today())
    plan_to_meet(ctx, event.id, ["ana souza", "bo chen", "di park"])
    mark_met(ctx, event.id, "di park")
    both = event_detail(ctx, event.id)
    assert [p.contact_name for p in both.people] == ["Ana Souza", "Bo Chen", "Di Park"]
    assert (both.circle, both.outside) == (None, 0)
    personal = event_detail(ctx, event.id, Circle.PERSONAL)
    assert [p.contact_name for p in personal.people] == ["Di Park"]
    assert (personal.circle, personal.outside) == ("personal", 2)
    assert (personal.event.planned, personal.event.met) == (3, 1)
    professional = event_detail(ctx, event.id, Circle.PROFESSIONAL)
    assert [p.contact_name for p in professional.people] == ["Ana Souza", "Bo Chen"]
    assert professional.outside == 1
