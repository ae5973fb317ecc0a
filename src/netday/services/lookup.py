"""Finding a contact from what a person types: an id, or a fragment of the name."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from netday.cleaning import quoted
from netday.errors import Ambiguous, NotFound
from netday.limits import ID_MAX, NAME
from netday.normalise import fold
from netday.store.models import Contact

MAX_LISTED = 8
MATCH_LIMIT = 50


def name_key(full_name: str) -> str:
    """The folded name contacts are matched on; folding can lengthen a name (NFKD), so
    it is cut to the column's width (twice `NAME`) instead of failing on PostgreSQL."""
    return fold(full_name)[: 2 * NAME]


def company_key(name: str) -> str:
    """The folded company name companies are told apart by, cut to its column's width."""
    return fold(" ".join(name.split()))[:NAME]


def _escaped(fragment: str) -> str:
    return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _at_word_start(key: str) -> ColumnElement[bool]:
    """The folded name has `key` at the start of one of its words: "ana" finds Ana Souza
    and Anatole Dubois, never Jana or Tanaka; "ana sou" finds Ana Souza."""
    escaped = _escaped(key)
    return or_(
        Contact.name_key.like(f"{escaped}%", escape="\\"),
        Contact.name_key.like(f"% {escaped}%", escape="\\"),
    )


def resolve_contact(session: Session, ref: str, include_archived: bool = False) -> Contact:
    """By id ("12" or "#12"), else by the start of a word of the name (or of several:
    "ana sou"), unambiguous, or naming exactly one contact whole or by first name
    ("ana" is Ana Souza beside Anatole Dubois).

    An id past `ID_MAX` or a fragment longer than any name names nobody: refused here,
    before the database (PostgreSQL refuses an out-of-range integer with an error).
    """
    text = ref.strip()
    digits = text.removeprefix("#")
    if digits.isascii() and digits.isdigit():
        number = int(digits) if len(digits) <= len(str(ID_MAX)) else ID_MAX + 1
        contact = session.get(Contact, number) if 1 <= number <= ID_MAX else None
        if contact is None:
            raise NotFound(f"no contact has id {quoted(digits, 20)}")
        return contact
    key = fold(text)
    if not key:
        raise NotFound("name a contact by id or by part of the name")
    if len(key) > 2 * NAME:
        raise NotFound(f"no contact matches {quoted(ref)}")
    query = select(Contact)
    if not include_archived:
        query = query.where(Contact.archived.is_(False))
    found = list(
        session.scalars(
            query.where(_at_word_start(key)).order_by(Contact.full_name).limit(MATCH_LIMIT)
        )
    )
    if not found:
        raise NotFound(f"no contact matches {quoted(ref)}")
    if len(found) == 1:
        return found[0]
    whole_name = Contact.name_key == key
    first_name = Contact.name_key.like(f"{_escaped(key)} %", escape="\\")
    for exactly in (whole_name, first_name):
        same = list(session.scalars(query.where(exactly).limit(2)))
        if len(same) == 1:
            return same[0]
    listed = "; ".join(
        f"#{c.id} {c.full_name}" + (f" ({c.company.name})" if c.company else "")
        for c in found[:MAX_LISTED]
    )
    more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
    count = f"{len(found)} or more" if len(found) == MATCH_LIMIT else str(len(found))
    raise Ambiguous(f"{quoted(ref)} matches {count} contacts: {listed}{more}. Use the id.")
