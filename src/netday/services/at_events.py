"""Who is planned to be met at an event on a day: what the day's plan reads
(`services.planner`), apart from `services.events` so that the events can top up
today's plan without the planner importing them back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from netday.store.models import Contact, Event, EventPerson

PLANNED_TODAY = 50
"""People planned at a day's events the plan reads; its budget keeps fewer."""


@dataclass(frozen=True)
class PlannedAtEvent:
    """A person planned to be met at an event on a day: what the plan reads."""

    contact_id: int
    event_id: int
    title: str


def planned_on(session: Session, day: dt.date) -> tuple[PlannedAtEvent, ...]:
    """People planned to be met at an event on `day`, not yet met there and not
    archived: one bounded query for the day's plan (the earliest event first when one
    person is planned at two)."""
    rows = session.execute(
        select(EventPerson.contact_id, Event.id, Event.title)
        .join(Event, Event.id == EventPerson.event_id)
        .join(Contact, Contact.id == EventPerson.contact_id)
        .where(
            Event.on_date == day,
            EventPerson.planned.is_(True),
            EventPerson.met_at.is_(None),
            Contact.archived.is_(False),
        )
        .order_by(Event.id, Contact.tier, Contact.id)
        .limit(PLANNED_TODAY)
    )
    return tuple(PlannedAtEvent(contact_id=c, event_id=e, title=t) for c, e, t in rows)
