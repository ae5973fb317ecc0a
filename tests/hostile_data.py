"""Data that tries to talk to the terminal or to Textual, for the output tests.

The escape sequences are the ones seen in imported files: a window title (OSC 0), a
clipboard write (OSC 52), a screen clear, an OSC 8 link, SGR colours, and their 8-bit
C1 forms. The input path strips them; these tests check the second line of defence, so
`poison` writes them straight into the database through the ORM, as data written before
that rule existed (or by another program) would be. The markup-shaped names survive any
cleaning and go in through the services.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from netday.services.context import Context
from netday.services.invites import send_invite
from netday.services.journal import log_interaction
from netday.services.posts import add_post
from netday.services.promises import add_promise
from netday.store.models import Contact, Interaction, Invite, Post, Promise
from tests.services.helpers import person

TITLE = "\x1b]0;pwned-title\x07"
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
CLEAR = "\x1b[2J"
LINK = "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\"
SGR = "\x1b[1;31m"
C1 = "\x9b2J\x9d0;c1-title\x9c"
SEQUENCES = TITLE + CLIPBOARD + CLEAR + LINK + SGR + C1

ANA = "Ana [/]"
BOB = "Bob [PhD]"
CLICK = "[@click=app.quit]x[/]"
LINKED = "[link=https://x]y[/link]"
DEE = "Dee [$x] [b]"

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What may never reach the terminal from data: every control but tab and newline."""


def controls_in(text: str) -> list[str]:
    return sorted({repr(c) for c in CONTROL.findall(text)})


def poison(ctx: Context, *, markup: bool = True) -> dict[str, int]:
    """Two people due today, one to triage, an invitation, a post and today's log, every
    text field carrying escape sequences and (unless `markup` is False, to test the
    sequences alone) markup. Returns the contacts' ids."""
    names = (ANA, BOB, DEE, "Cara [/]") if markup else ("Ana", "Bob", "Dee", "Cara")
    ana = person(ctx, names[0], company="Acme", last_call_days_ago=33)
    bob = person(ctx, names[1], company="Initech", last_call_days_ago=25)
    dee = person(ctx, names[2], company="Globex")
    log_interaction(ctx, str(dee.id), kind="email", summary="today's note")
    send_invite(ctx, "Hi Cara, glad to connect", name=names[3])
    add_post(ctx, str(bob.id), excerpt="a post")
    add_promise(ctx, str(bob.id), "a promise", ctx.today() + dt.timedelta(days=3), owed_by="them")
    role, company, said = (LINKED, CLICK, CLICK) if markup else ("CTO", "Initech", "Ana")
    with ctx.db.transaction() as s:
        for contact in s.scalars(select(Contact)):
            contact.full_name += SEQUENCES
            contact.role = role + CLEAR
            contact.phone = SGR + "555 0100"
            contact.why = "met at a talk " + LINK
            contact.notes = "notes " + TITLE
        s.get_one(Contact, bob.id).company.name = company + CLIPBOARD
        s.get_one(Contact, dee.id).triage = "pending"
        for interaction in s.scalars(select(Interaction)):
            interaction.summary = f"{said} said {SEQUENCES}"
        for invite in s.scalars(select(Invite)):
            invite.name += TITLE
            invite.message += CLIPBOARD
        for post in s.scalars(select(Post)):
            post.excerpt = f"{role} {SEQUENCES}"
        for promise in s.scalars(select(Promise)):
            promise.what = f"{said} owed {SEQUENCES}"
    return {"ana": ana.id, "bob": bob.id, "dee": dee.id}


def poison_opportunity(ctx: Context, contact_id: int) -> int:
    """An opportunity shared with `contact_id`, its title, URL, notes, tag and the share's
    summary carrying escape sequences and markup (written through the ORM, as `poison`
    does); everyone else shares its tag "python", so they are proposed. Returns its id."""
    from netday.services.opportunities import add_opportunity, share_opportunity
    from netday.store.models import ContactTag, Opportunity, OpportunityTag

    found = add_opportunity(ctx, "A talk", "event", on=ctx.today() + dt.timedelta(days=2))
    with ctx.db.reading() as s:
        name = s.get_one(Contact, contact_id).full_name
    share = share_opportunity(ctx, found.id, str(contact_id), f"{name.split()[0]}, for you")
    with ctx.db.transaction() as s:
        row = s.get_one(Opportunity, found.id)
        row.title = f"{CLICK} talk {SEQUENCES}"
        row.url = f"https://x.example/{TITLE}"
        row.notes = f"{LINKED} {SEQUENCES}"
        row.tags = [OpportunityTag(tag=f"{CLICK}{SGR}"), OpportunityTag(tag="python")]
        for contact in s.scalars(select(Contact).where(Contact.id != contact_id)):
            s.add(ContactTag(contact_id=contact.id, tag="python"))
        s.get_one(Interaction, share.interaction_id).summary = f"{CLICK} shared {SEQUENCES}"
    return found.id


def poison_event(ctx: Context, contact_ids: list[int]) -> int:
    """An event today with these people planned, the first met; its title, place, URL,
    notes and the meeting's summary carrying escape sequences and markup (written
    through the ORM, as `poison` does). Returns its id."""
    from netday.services.events import add_event, mark_met, plan_to_meet
    from netday.store.models import Event

    found = add_event(ctx, "A summit", ctx.today())
    plan_to_meet(ctx, found.id, [str(c) for c in contact_ids])
    met = mark_met(ctx, found.id, str(contact_ids[0]), "hello")
    with ctx.db.transaction() as s:
        row = s.get_one(Event, found.id)
        row.title = f"{CLICK} summit {SEQUENCES}"
        row.place = f"{LINKED} {SEQUENCES}"
        row.url = f"https://x.example/{TITLE}"
        row.notes = f"{LINKED} {SEQUENCES}"
        assert met.interaction_id is not None
        s.get_one(Interaction, met.interaction_id).summary = f"Met at x: {CLICK} {SEQUENCES}"
    return found.id
