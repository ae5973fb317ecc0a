import datetime as dt

import pytest

from netday.errors import NetdayError
from netday.services.contacts import show_contact
from netday.services.invites import send_invite
from netday.services.journal import log_interaction
from netday.services.planner import plan_for
from netday.services.posts import add_post, list_posts, mark_commented, skip_post
from netday.services.review import review_day, save_review, today_overview
from tests.services.helpers import person


def test_commenting_on_a_post_is_logged_as_a_light_touch(ctx) -> None:
    ana = person(ctx, "Ana Souza", last_call_days_ago=30)
    post = add_post(ctx, "ana", "https://example.com/p/1", excerpt="On hiring")
    done = mark_commented(ctx, post.id, "Great point about referrals")
    assert done.status == "commented"
    detail = show_contact(ctx, "ana")
    assert detail.interactions[0].kind == "comment"
    assert "Great point about referrals" in detail.interactions[0].summary
    assert detail.summary.next_due == ana.next_due
    with pytest.raises(NetdayError, match="already commented"):
        skip_post(ctx, post.id)


def test_comments_to_write_are_listed_oldest_first(ctx, clock) -> None:
    person(ctx, "Ana Souza")
    first = add_post(ctx, "ana", "https://example.com/old")
    clock.advance(dt.timedelta(hours=3))
    add_post(ctx, "ana", "https://example.com/new")
    skipped = add_post(ctx, "ana", excerpt="meh")
    skip_post(ctx, skipped.id)
    assert [p.url for p in list_posts(ctx)] == [
        "https://example.com/old",
        "https://example.com/new",
    ]
    assert first.status == "to_comment"
    with pytest.raises(NetdayError, match="URL or an excerpt"):
        add_post(ctx, "ana")


def test_the_review_compares_planned_and_done_and_carries_the_rest(ctx, clock) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    person(ctx, "Bruno Martin", last_call_days_ago=30)
    person(ctx, "Jane Roe", last_call_days_ago=1)
    plan_for(ctx)
    log_interaction(ctx, "ana", kind="call", minutes=12, summary="all good")
    post = add_post(ctx, "jane", "https://example.com/p")
    mark_commented(ctx, post.id, "Nice!")
    send_invite(ctx, "Hi Carla, great panel", name="Carla Diaz")

    review = review_day(ctx)
    assert review.plan is not None and review.plan.done == 1
    assert [c.contact.name for c in review.carry_over] == ["Bruno Martin"]
    assert [p.author for p in review.comments_written] == ["Jane Roe"]
    assert [i.name for i in review.invites_sent] == ["Carla Diaz"]
    assert review.minutes_logged >= 12
    assert not review.reviewed

    clock.advance(dt.timedelta(days=1))
    yesterday = ctx.today() - dt.timedelta(days=1)
    saved = save_review(ctx, yesterday, note="Good call with Ana", minutes=25)
    assert saved.reviewed and saved.note == "Good call with Ana" and saved.minutes_spent == 25
    assert review_day(ctx, yesterday).note == "Good call with Ana"
    with pytest.raises(NetdayError, match="once it has started"):
        review_day(ctx, ctx.today() + dt.timedelta(days=1))


def test_the_streak_counts_days_in_a_row_with_the_plan_completed(ctx, clock) -> None:
    for name in ("Ana Souza", "Bruno Martin", "Chloé Dubois"):
        person(ctx, name, every="1 day", last_call_days_ago=1)

    def complete_today() -> None:
        for call in plan_for(ctx).calls:
            log_interaction(ctx, str(call.contact.id), kind="call")

    for day in range(3):
        complete_today()
        assert today_overview(ctx).streak == day + 1
        clock.advance(dt.timedelta(days=1))
    # A day in progress does not break the streak...
    assert today_overview(ctx).streak == 3
    # ...but a day left unfinished does.
    clock.advance(dt.timedelta(days=1))
    assert today_overview(ctx).streak == 0
    complete_today()
    assert today_overview(ctx).streak == 1


def test_calls_logged_without_minutes_count_the_minutes_per_call_setting(ctx) -> None:
    from netday.services.settings import change_setting

    person(ctx, "Ana Souza")
    person(ctx, "Bruno Martin")
    change_setting(ctx, "minutes_per_call", "15")
    log_interaction(ctx, "ana", kind="call", summary="no minutes said")
    log_interaction(ctx, "bruno", kind="video", minutes=7)
    log_interaction(ctx, "bruno", kind="email", summary="an email takes no call time")
    assert review_day(ctx).minutes_logged == 15 + 7
    assert save_review(ctx, note="done").minutes_spent == 15 + 7
