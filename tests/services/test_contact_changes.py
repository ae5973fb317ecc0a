"""Deleting a contact with its history, and the shapes a contact's fields can hold."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from netday.errors import NetdayError
from netday.services.contacts import (
    ContactFields,
    add_contact,
    delete_contact,
    deletion_of,
    edit_contact,
    list_contacts,
    show_contact,
)
from netday.services.invites import send_invite
from netday.services.journal import log_interaction
from netday.services.planner import plan_for
from netday.services.posts import add_post
from netday.store.models import ContactTag, Interaction, Invite, PlanItem, Post
from tests.services.helpers import person


def _count(ctx, model: type) -> int:
    with ctx.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_deleting_a_contact_takes_its_history_and_says_how_much(ctx) -> None:
    bruno = person(ctx, "Bruno Costa", last_call_days_ago=30)
    person(ctx, "Ana Souza", last_call_days_ago=30)
    assert "Bruno Costa" in [c.contact.name for c in plan_for(ctx).calls]
    edit_contact(ctx, "bruno", ContactFields(tags=("mentor",)))
    log_interaction(ctx, "bruno", kind="email", summary="the deck")  # the 2nd, the invite the 3rd
    log_interaction(ctx, "ana", kind="email", summary="hello")
    send_invite(ctx, "Hi Bruno, good to meet you", contact_ref="bruno")
    add_post(ctx, "bruno", "https://example.com/p/1", "on hiring")
    add_post(ctx, "bruno", "https://example.com/p/2", "on teams")

    asked = deletion_of(ctx, "bruno")
    assert asked.what() == "Bruno Costa and 3 interactions, 1 invitation, 2 posts"

    gone = delete_contact(ctx, str(bruno.id))

    assert gone == asked
    assert [c.name for c in list_contacts(ctx)] == ["Ana Souza"]
    with pytest.raises(NetdayError, match="no contact"):
        show_contact(ctx, str(bruno.id))
    assert (_count(ctx, Interaction), _count(ctx, Invite), _count(ctx, Post)) == (2, 0, 0)  # Ana's
    assert _count(ctx, ContactTag) == 0
    with ctx.db.reading() as session:
        left = session.scalars(select(PlanItem.contact_id)).all()
    assert bruno.id not in left
    assert "Bruno Costa" not in [c.contact.name for c in plan_for(ctx).calls]


def test_a_contact_without_history_is_named_alone(ctx) -> None:
    add_contact(ctx, ContactFields(full_name="Zoë Almeida", phone="+351 912 345 678"))
    assert deletion_of(ctx, "zoe").what() == "Zoë Almeida"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "someday", "is not a phone number: use digits, spaces and + ( ) - ."),
        ("phone", "+", "is not a phone number"),
        ("phone", "030/1234", "is not a phone number"),
        ("email", "ana", "is not an e-mail address"),
        ("email", "ana@", "is not an e-mail address"),
        ("email", "ana souza@example.com", "is not an e-mail address"),
        ("profile_url", "someday", "is not a web address"),
        ("profile_url", "https://exa mple.com", "is not a web address"),
        ("full_name", "   ", "needs a name"),
    ],
)
def test_a_field_never_holds_what_it_cannot(ctx, field: str, value: str, message: str) -> None:
    """The slip of the issue: a sentence typed into the main screen saved a contact with
    phone "someday". The service refuses it, so the form, the CLI and sync agree."""
    with pytest.raises(NetdayError, match=re.escape(message)):
        add_contact(ctx, ContactFields(**{"full_name": "Ana Souza", field: value}))
    assert list_contacts(ctx) == []


def test_what_a_field_can_hold_is_saved(ctx) -> None:
    added = add_contact(
        ctx,
        ContactFields(
            full_name="Ana Souza",
            phone="+55 (11) 98765-4321.0",
            email="ana@acme.example",
            profile_url="linkedin.com/in/ana-souza",
        ),
    )
    assert added.phone == "+55 (11) 98765-4321.0"
    assert added.profile_url == "linkedin.com/in/ana-souza"
