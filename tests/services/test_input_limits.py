"""The services enforce every limit themselves (the TUI and sync call them directly)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from netday import limits
from netday.cleaning import TooLong
from netday.errors import NetdayError, NotFound
from netday.scheduling.cadence import Cadence, CadenceError
from netday.scheduling.when import DateError
from netday.services import contacts, invites, journal, planner, posts, review, settings, triage
from netday.services.contacts import ContactFields
from netday.services.context import Context
from netday.store.models import Contact, Interaction, Invite


def _count(ctx: Context, model: type) -> int:
    with ctx.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def ana(ctx: Context) -> int:
    return contacts.add_contact(ctx, ContactFields(full_name="Ana Souza")).id


@pytest.mark.parametrize("length", [201, 130_000])
def test_a_name_over_its_limit_is_refused_and_nothing_is_written(ctx: Context, length: int) -> None:
    with pytest.raises(TooLong, match="a name is longer than 200 characters"):
        contacts.add_contact(ctx, ContactFields(full_name="n" * length))
    with pytest.raises(TooLong, match="a name is longer than 200 characters"):
        invites.send_invite(ctx, "Hi there", name="n" * length)
    assert (_count(ctx, Contact), _count(ctx, Invite)) == (0, 0)


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("company", limits.NAME),
        ("role", limits.ROLE),
        ("email", limits.EMAIL),
        ("phone", limits.PHONE),
        ("profile_url", limits.URL),
        ("why", limits.LONG_TEXT),
        ("notes", limits.LONG_TEXT),
    ],
)
def test_every_contact_field_has_its_limit(ctx: Context, ana: int, field: str, limit: int) -> None:
    with pytest.raises(TooLong, match=f"longer than {limit:,} characters"):
        contacts.edit_contact(ctx, str(ana), ContactFields(**{field: _shaped(field, limit + 1)}))
    contacts.edit_contact(ctx, str(ana), ContactFields(**{field: _shaped(field, limit)}))


def _shaped(field: str, length: int) -> str:
    """A value of `length` characters that the field can hold (a phone is a number...)."""
    shapes = {
        "email": ("", "@x.example"),
        "phone": ("+", "0"),
        "profile_url": ("https://x.example/", "p"),
    }
    head, tail = shapes.get(field, ("", "@"))
    if field == "email":
        return "a" * (length - len(tail)) + tail
    return head + tail * (length - len(head))


def test_tags_are_bounded_in_length_and_number(ctx: Context, ana: int) -> None:
    with pytest.raises(TooLong, match="a tag is longer than 64"):
        contacts.edit_contact(ctx, str(ana), ContactFields(tags=("t" * 65,)))
    many = tuple(f"tag{n}" for n in range(limits.TAGS_PER_CONTACT + 1))
    with pytest.raises(NetdayError, match="at most 100 tags"):
        contacts.edit_contact(ctx, str(ana), ContactFields(tags=many))


def test_control_characters_are_removed_at_input(ctx: Context, ana: int) -> None:
    contacts.edit_contact(
        ctx, str(ana), ContactFields(full_name="Ana\x1b]0;pwned\x07 Souza", notes="a\x1b[2J\nb")
    )
    detail = contacts.show_contact(ctx, str(ana))
    assert (detail.summary.name, detail.notes) == ("Ana]0;pwned Souza", "a[2J\nb")


def test_a_cadence_from_a_form_is_checked_against_today(ctx: Context) -> None:
    """The TUI form parses without a date; the service checks the rule from today."""
    ended = Cadence.parse("FREQ=DAILY;UNTIL=20200101")
    with pytest.raises(CadenceError, match="no date within 5 years after 2026-11-22"):
        contacts.add_contact(ctx, ContactFields(full_name="Zed", cadence=ended))
    assert _count(ctx, Contact) == 0


def test_a_cadence_stored_before_the_limits_still_shows(ctx: Context, ana: int) -> None:
    """`contact show` failed for ever ('year 10117 is out of range') after "5000 years"."""
    with ctx.db.transaction() as session:
        row = session.get_one(Contact, ana)
        row.cadence_kind, row.cadence_every, row.cadence_unit = "relative", 60_000, "months"
    detail = contacts.show_contact(ctx, str(ana))
    assert detail.cadence_spec == "every 5000 years"
    journal.log_interaction(ctx, str(ana), summary="call")
    with ctx.db.reading() as session:
        assert session.get_one(Contact, ana).next_due_on is None


@pytest.mark.parametrize("ref", ["99999999999999999999", "#2147483648", "0", "#0", "²"])
def test_ids_out_of_range_name_nobody(ctx: Context, ana: int, ref: str) -> None:
    with pytest.raises(NotFound):
        contacts.show_contact(ctx, ref)


@pytest.mark.parametrize("number", [0, -1, limits.ID_MAX + 1, 10**20])
def test_invitation_and_post_ids_out_of_range_name_nothing(ctx: Context, number: int) -> None:
    with pytest.raises(NotFound, match="ids are 1 to 2,147,483,647"):
        invites.accept_invite(ctx, number)
    with pytest.raises(NotFound, match="ids are 1 to 2,147,483,647"):
        posts.mark_commented(ctx, number)


def test_counts_and_minutes_are_bounded(ctx: Context, ana: int) -> None:
    with pytest.raises(NetdayError, match="from 1 to 100,000"):
        contacts.list_contacts(ctx, limit=10**20)
    with pytest.raises(NetdayError, match="between 0 and 1440"):
        journal.log_interaction(ctx, str(ana), minutes=10**20)
    with pytest.raises(NetdayError, match="between 0 and 1440"):
        planner.plan_for(ctx, minutes=1441)
    with pytest.raises(NetdayError, match="between 0 and 1440"):
        review.save_review(ctx, minutes=-1)
    with pytest.raises(NetdayError, match="between 1 and 100,000"):
        triage.triage_queue(ctx, limit=10**20)
    assert _count(ctx, Interaction) == 0


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("minutes_per_day", "99999999999999999999", "from 0 to 1,440"),
        ("minutes_per_call", "0", "from 1 to 1,440"),
        ("max_calls", "-3", "from 1 to 1,440"),
        ("invite_expiry_days", "367", "from 1 to 366"),
        ("invite_follow_up_days", "1e3", "from 1 to 366"),
        ("default_cadence", "5000 years", "at most every 60 months"),
        ("tier_a_cadence", "FREQ=DAILY;INTERVAL=0", "not understood"),
    ],
)
def test_settings_are_checked_against_their_ranges(
    ctx: Context, key: str, value: str, message: str
) -> None:
    before = settings.get_settings(ctx)
    with pytest.raises(NetdayError, match=message):
        settings.change_setting(ctx, key, value)
    assert settings.get_settings(ctx) == before


def test_long_texts_are_bounded_everywhere(ctx: Context, ana: int) -> None:
    too_long = "w" * (limits.LONG_TEXT + 1)
    with pytest.raises(TooLong, match="a note is longer than 20,000"):
        journal.log_interaction(ctx, str(ana), summary=too_long)
    with pytest.raises(TooLong, match="the message is longer than 20,000"):
        invites.send_invite(ctx, too_long, contact_ref=str(ana))
    with pytest.raises(TooLong, match="a template name is longer than 100"):
        invites.add_template(ctx, "t" * 101, "body")
    with pytest.raises(TooLong, match="an excerpt is longer than 20,000"):
        posts.add_post(ctx, str(ana), excerpt=too_long)
    with pytest.raises(TooLong, match="a post's URL is longer than 1,000"):
        posts.add_post(ctx, str(ana), url="u" * 1001)
    with pytest.raises(TooLong, match="a reflection is longer than 20,000"):
        review.save_review(ctx, note=too_long)
    with pytest.raises(TooLong, match="a company name is longer than 200"):
        contacts.follow_company(ctx, "c" * 201)
    assert (_count(ctx, Interaction), _count(ctx, Invite)) == (0, 0)


def test_a_note_netday_writes_around_a_full_length_text_stays_within_the_limit(
    ctx: Context, ana: int
) -> None:
    full = "m" * limits.LONG_TEXT
    invites.send_invite(ctx, full, contact_ref=str(ana))
    post = posts.add_post(ctx, str(ana), url="https://example.com/" + "p" * 900)
    posts.mark_commented(ctx, post.id, full)
    with ctx.db.reading() as session:
        lengths = session.scalars(select(func.length(Interaction.summary))).all()
    assert lengths and max(lengths) <= limits.LONG_TEXT


def test_dates_outside_the_range_are_refused_by_the_services(ctx: Context, ana: int) -> None:
    far = dt.date(2200, 1, 1)
    with pytest.raises(DateError):
        journal.log_interaction(ctx, str(ana), follow_up_on=far)
    with pytest.raises(DateError):
        planner.snooze_contact(ctx, str(ana), far)
    with pytest.raises(DateError):
        review.review_day(ctx, dt.date(1, 1, 1))
    with pytest.raises(DateError):
        contacts.edit_contact(ctx, str(ana), ContactFields(birthday=dt.date(1800, 1, 1)))
    with pytest.raises(DateError):
        contacts.edit_contact(ctx, str(ana), ContactFields(connected_on=dt.date(1800, 1, 1)))
    with pytest.raises(NetdayError, match="in the future"):
        soon = ctx.today() + dt.timedelta(days=1)
        contacts.edit_contact(ctx, str(ana), ContactFields(connected_on=soon))


def test_a_promise_is_bounded_cleaned_and_dated_within_range(ctx: Context, ana: int) -> None:
    from netday.services import promises
    from netday.store.models import Promise

    for what in ("p" * (limits.PROMISE + 1), "p" * 130_000):
        with pytest.raises(TooLong, match=f"a promise is longer than {limits.PROMISE}"):
            promises.add_promise(ctx, str(ana), what, ctx.today())
    with pytest.raises(DateError):
        promises.add_promise(ctx, str(ana), "x", dt.date(2200, 1, 1))
    with pytest.raises(NotFound):
        promises.edit_promise(ctx, limits.ID_MAX + 1, what="x")
    kept = promises.add_promise(ctx, str(ana), "p" * limits.PROMISE, ctx.today())
    assert len(kept.what) == limits.PROMISE
    said = promises.add_promise(ctx, str(ana), "the\x1b]0;x\x07 deck\r\nnow\u202e", ctx.today())
    assert said.what == "the]0;x deck now\u202e"  # controls out, one line, as every line
    assert _count(ctx, Promise) == 2


def test_a_search_is_bounded_and_cleaned(ctx: Context, ana: int) -> None:
    """A search is one line of at most `limits.SEARCH` characters and lists at most
    `limits.SEARCH_HITS` people; control characters are dropped before the index sees
    it, so a name cut by a control character is still found."""
    from netday.services.search import search

    with pytest.raises(TooLong, match="a search is longer than 200 characters"):
        search(ctx, "s" * (limits.SEARCH + 1))
    assert search(ctx, "s" * limits.SEARCH) == []
    with pytest.raises(NetdayError, match="1 to 1,000 people"):
        search(ctx, "ana", limit=limits.SEARCH_HITS + 1)
    assert [hit.name for hit in search(ctx, "an\x00a sou\x07za")] == ["Ana Souza"]
    assert [hit.name for hit in search(ctx, "ana\nsouza")] == ["Ana Souza"]


def test_the_people_lists_filters_are_bounded(ctx: Context, ana: int) -> None:
    from netday.services.people import PeopleFilter, list_people, people_page

    with pytest.raises(NetdayError, match="64"):
        list_people(ctx, PeopleFilter(tag="t" * (limits.TAG + 1)))
    with pytest.raises(NetdayError, match="200"):
        list_people(ctx, PeopleFilter(company="c" * (limits.NAME + 1)))
    with pytest.raises(NetdayError, match="from 0 to 100,000"):
        people_page(ctx, offset=10**20)
    with pytest.raises(NetdayError, match="a triage filter is one of"):
        people_page(ctx, PeopleFilter(triage="\x1b[2J"))
    found = list_people(ctx, PeopleFilter(company="\x1b]0;x\x07Acme", tag="\x00"))
    assert found == []


def test_an_opportunity_and_a_share_line_are_bounded_cleaned_and_dated(
    ctx: Context, ana: int
) -> None:
    from netday.services import opportunities as opp
    from netday.store.models import Opportunity

    for title in ("t" * (limits.OPPORTUNITY_TITLE + 1), "t" * 130_000):
        with pytest.raises(TooLong, match=f"a title is longer than {limits.OPPORTUNITY_TITLE}"):
            opp.add_opportunity(ctx, title, "job")
    with pytest.raises(TooLong, match="a URL is longer than 1,000"):
        opp.add_opportunity(ctx, "x", "job", url="https://e.com/" + "u" * 130_000)
    with pytest.raises(TooLong, match="notes is longer than 20,000"):
        opp.add_opportunity(ctx, "x", "job", notes="n" * 20_001)
    with pytest.raises(TooLong, match="a tag is longer than 64"):
        opp.add_opportunity(ctx, "x", "job", tags=("t" * 65,))
    with pytest.raises(NetdayError, match="at most 100 tags"):
        opp.add_opportunity(ctx, "x", "job", tags=[f"t{i}" for i in range(101)])
    with pytest.raises(DateError):
        opp.add_opportunity(ctx, "x", "job", on=dt.date(2200, 1, 1))
    with pytest.raises(NotFound):
        opp.close_opportunity(ctx, limits.ID_MAX + 1)
    assert _count(ctx, Opportunity) == 0
    kept = opp.add_opportunity(ctx, "t" * limits.OPPORTUNITY_TITLE, "job")
    assert len(kept.title) == limits.OPPORTUNITY_TITLE
    said = opp.add_opportunity(ctx, "the\x1b]0;x\x07 talk\r\nnow\u202e", "event")
    assert said.title == "the]0;x talk now\u202e"
    with pytest.raises(TooLong, match="the personal line is longer than 500"):
        opp.share_opportunity(ctx, said.id, str(ana), "Ana " + "l" * 130_000)
    share = opp.share_opportunity(ctx, said.id, str(ana), "Ana,\x1b[2J come\nalong")
    assert share.summary.endswith(": Ana,[2J come along")


def test_an_event_and_the_line_when_met_are_bounded_cleaned_and_dated(
    ctx: Context, ana: int
) -> None:
    from netday.services import events as ev
    from netday.store.models import Event

    for title in ("t" * (limits.EVENT_TITLE + 1), "t" * 130_000):
        with pytest.raises(TooLong, match=f"a title is longer than {limits.EVENT_TITLE}"):
            ev.add_event(ctx, title, ctx.today())
    with pytest.raises(TooLong, match=f"a place is longer than {limits.PLACE}"):
        ev.add_event(ctx, "x", ctx.today(), place="p" * 130_000)
    with pytest.raises(TooLong, match="a URL is longer than 1,000"):
        ev.add_event(ctx, "x", ctx.today(), url="https://e.com/" + "u" * 130_000)
    with pytest.raises(TooLong, match="notes is longer than 20,000"):
        ev.add_event(ctx, "x", ctx.today(), notes="n" * 20_001)
    with pytest.raises(DateError):
        ev.add_event(ctx, "x", dt.date(2200, 1, 1))
    with pytest.raises(NotFound):
        ev.mark_met(ctx, limits.ID_MAX + 1, str(ana))
    with pytest.raises(NetdayError, match="at most 50"):
        ev.plan_to_meet(ctx, 1, [str(ana)] * 51)
    assert _count(ctx, Event) == 0
    kept = ev.add_event(ctx, "t" * limits.EVENT_TITLE, ctx.today())
    assert len(kept.title) == limits.EVENT_TITLE
    said = ev.add_event(ctx, "the\x1b]0;x\x07 summit\r\nnow\u202e", ctx.today(), place="a\nb")
    assert (said.title, said.place) == ("the]0;x summit now\u202e", "a b")
    with pytest.raises(TooLong, match=f"the line is longer than {limits.MET_LINE}"):
        ev.mark_met(ctx, said.id, str(ana), "l" * 130_000)
    met = ev.mark_met(ctx, said.id, str(ana), "hi\x1b[2J there\nagain")
    assert met.summary.endswith(": hi[2J there again")
