import datetime as dt

import pytest
from sqlalchemy import func, select

from netday.errors import NetdayError
from netday.scheduling.invites import InviteMessageError
from netday.services.contacts import list_contacts, show_contact
from netday.services.invites import (
    accept_invite,
    add_template,
    decline_invite,
    follow_up_invite,
    list_invites,
    record_received,
    send_invite,
    withdraw_invite,
)
from netday.services.planner import plan_for
from netday.store.models import Interaction, Invite
from tests.services.helpers import person


def counts(ctx) -> tuple[int, int]:
    with ctx.db.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Invite)) or 0,
            s.scalar(select(func.count()).select_from(Interaction)) or 0,
        )


def test_an_invitation_without_a_message_is_refused_and_nothing_written(ctx) -> None:
    person(ctx, "Ana Souza")
    with pytest.raises(InviteMessageError, match="personal message"):
        send_invite(ctx, "  ", contact_ref="ana")
    assert counts(ctx) == (0, 0)


def test_sending_flags_messages_that_name_nobody_or_copy_a_template(ctx) -> None:
    person(ctx, "Ana Souza")
    add_template(ctx, "generic", "I'd like to add you to my professional network.")
    good = send_invite(ctx, "Hi Ana, loved your PyCon talk!", contact_ref="ana")
    assert good.warnings == ()
    canned = send_invite(ctx, "I'd like to add you to my professional network.", name="Jane Roe")
    assert set(canned.warnings) == {
        "the message does not name the person",
        "the message is a saved template word for word",
    }
    assert counts(ctx) == (2, 1)


def test_a_sent_invite_asks_for_follow_up_then_withdrawal(ctx, clock) -> None:
    invite = send_invite(ctx, "Hi Jane, great meeting you", name="Jane Roe")
    assert invite.action is None
    clock.advance(dt.timedelta(days=8))
    (pending,) = list_invites(ctx)
    assert pending.action == "follow_up"
    followed = follow_up_invite(ctx, invite.id)
    assert followed.action is None and followed.follow_ups == 1
    clock.advance(dt.timedelta(days=14))
    (old,) = list_invites(ctx)
    assert old.action == "withdraw"
    assert withdraw_invite(ctx, invite.id).status == "withdrawn"
    with pytest.raises(NetdayError, match="already withdrawn"):
        withdraw_invite(ctx, invite.id)


def test_a_received_invite_without_a_message_asks_how_can_i_help(ctx) -> None:
    cold = record_received(ctx, name="Cold Caller", profile_url="https://x.example/cold")
    assert cold.action == "reply_help"
    with pytest.raises(NetdayError, match="only a sent"):
        withdraw_invite(ctx, cold.id)


def test_accepting_creates_the_contact_and_schedules_a_first_call(ctx, clock) -> None:
    received = record_received(ctx, name="Jane Roe", message="Hi! Loved your article.")
    accepted = accept_invite(ctx, received.id)
    assert accepted.status == "accepted"
    (jane,) = list_contacts(ctx, search="jane")
    clock.advance(dt.timedelta(days=2))
    plan = plan_for(ctx)
    assert plan.calls[0].contact.id == jane.id
    assert plan.calls[0].reason == "invite accepted 2 days ago"
    assert show_contact(ctx, "jane").invites[0].status == "accepted"


def test_declined_invites_are_closed(ctx) -> None:
    received = record_received(ctx, name="Spam Sender")
    assert decline_invite(ctx, received.id).status == "declined"
    assert list_invites(ctx) == []
    assert len(list_invites(ctx, status=None)) == 1


def test_an_invitation_is_on_a_contacts_timeline_once(ctx, clock) -> None:
    from netday.services.contacts import ContactFields, add_contact, show_contact
    from netday.services.invites import follow_up_invite, send_invite

    olga = add_contact(ctx, ContactFields(full_name="Olga Novák"))
    sent = send_invite(ctx, "Hi Olga, see you at the meetup", contact_ref=str(olga.id))
    detail = show_contact(ctx, str(olga.id))
    assert [i.id for i in detail.invites] == [sent.id]
    assert detail.interactions == ()
    clock.advance(dt.timedelta(days=8))
    follow_up_invite(ctx, sent.id, "Nudged her about the meetup")
    shown = show_contact(ctx, str(olga.id)).interactions
    assert [i.summary for i in shown] == ["Nudged her about the meetup"]
