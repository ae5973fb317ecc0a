"""Finding a contact from what a person types: an id, or a fragment of the name."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from netday.errors import Ambiguous, NotFound
from netday.scheduling.invites import fold
from netday.store.models import Contact

MAX_LISTED = 8
MATCH_LIMIT = 50


def name_key(full_name: str) -> str:
    return fold(full_name)


def _like_pattern(fragment: str) -> str:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def resolve_contact(session: Session, ref: str, include_archived: bool = False) -> Contact:
    """By id ("12" or "#12"), else by an unambiguous part of the name."""
    text = ref.strip()
    digits = text.removeprefix("#")
    if digits.isdigit():
        contact = session.get(Contact, int(digits))
        if contact is None:
            raise NotFound(f"no contact has id {digits}")
        return contact
    key = fold(text)
    if not key:
        raise NotFound("name a contact by id or by part of the name")
    query = select(Contact).where(Contact.name_key.like(_like_pattern(key), escape="\\"))
    if not include_archived:
        query = query.where(Contact.archived.is_(False))
    found = list(session.scalars(query.order_by(Contact.full_name).limit(MATCH_LIMIT)))
    if not found:
        raise NotFound(f"no contact matches {ref!r}")
    if len(found) == 1:
        return found[0]
    exact = [c for c in found if c.name_key == key]
    if len(exact) == 1:
        return exact[0]
    listed = "; ".join(
        f"#{c.id} {c.full_name}" + (f" ({c.company.name})" if c.company else "")
        for c in found[:MAX_LISTED]
    )
    more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
    count = f"{len(found)} or more" if len(found) == MATCH_LIMIT else str(len(found))
    raise Ambiguous(f"{ref!r} matches {count} contacts: {listed}{more}. Use the id.")
