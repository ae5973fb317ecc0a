"""The circle filter as SQL: one condition every list that filters by circle adds.

A list shows one circle (professional or personal) or both; `None` is both. A row is
in a circle through the contact it belongs to (a call's, a post's author, an
invitation's other party, an interaction's): a row linked to nobody has no circle, so a
one-circle list leaves it out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, select, true

from netday.store.models import Contact


def in_circle(contact_id: Any, circle: str | None) -> ColumnElement[bool]:
    """`contact_id` (a column holding a contact's id) belongs to a contact of `circle`;
    always true when `circle` is None (both circles)."""
    if circle is None:
        return true()
    return contact_id.in_(select(Contact.id).where(Contact.circle == circle))  # type: ignore[no-any-return]
