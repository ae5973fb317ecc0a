"""The contact form's cadence preview is the schedule the saved contact gets: one
function (`contacts.cadence_schedule`) for both, new contact or edited one."""

from __future__ import annotations

import datetime as dt

import pytest

from netday.services.contacts import (
    ContactFields,
    add_contact,
    cadence_schedule,
    edit_contact,
    read_cadence,
    show_contact,
)
from tests.services.helpers import person


@pytest.mark.parametrize(
    "typed", ["every 3 weeks", "10 days", "every 2 months", "first Monday of each month"]
)
def test_a_new_contacts_preview_is_its_saved_schedule(ctx, typed: str) -> None:
    today = ctx.today()
    cadence = read_cadence(typed, today)
    assert cadence is not None
    preview = cadence_schedule(cadence, "Olga  Novák", None, today)
    saved = add_contact(ctx, ContactFields(full_name="Olga Novák", cadence=cadence))
    assert saved.next_due == preview[0]
    assert list(show_contact(ctx, str(saved.id)).upcoming) == preview


def test_an_edited_contacts_preview_counts_from_the_last_conversation(ctx) -> None:
    ana = person(ctx, "Ana Souza", every="2 weeks", last_call_days_ago=9)
    today = ctx.today()
    detail = show_contact(ctx, str(ana.id))
    assert detail.last_conversation == today - dt.timedelta(days=9)
    cadence = read_cadence("every 3 weeks", today)
    assert cadence is not None
    preview = cadence_schedule(cadence, "Ana Souza", detail.last_conversation, today)
    assert preview[0] == today + dt.timedelta(days=12)
    saved = edit_contact(ctx, str(ana.id), ContactFields(cadence=cadence))
    assert saved.next_due == preview[0]
    assert list(show_contact(ctx, str(ana.id)).upcoming) == preview
