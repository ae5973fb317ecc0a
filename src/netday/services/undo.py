"""Undo: every action a person can slip on can be taken back, several levels deep.

A service makes an action undoable by opening its transaction with `undoable(ctx)`
instead of `ctx.db.transaction()`, and naming the step before the block ends:

    with undoable(ctx) as (session, step):
        ...  # write through ORM objects, as always
        step.label = f"Skipped the call with {contact.full_name}"

The label is what the user reads back ("Undone: Skipped the call with Bruno Costa"). The
step belongs to `ctx.origin`: the command line's steps are taken back by `netday undo`,
an open planner's by its `u`, each only its own. How rows are recorded and replayed, and
what a service writing without the ORM must do, is in `netday.store.undo`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from netday.errors import NetdayError
from netday.services.context import COMMAND_LINE, Context
from netday.store.models import Contact
from netday.store.undo import Recording, StepConflict, recording, replay_last


@contextmanager
def undoable(ctx: Context) -> Iterator[tuple[Session, Recording]]:
    """One user action, in one transaction, that `undo_last` can take back."""
    with ctx.db.transaction() as session, recording(session, ctx.origin, ctx.now()) as step:
        yield session, step


def undo_last(ctx: Context) -> str:
    """Take back the last action of `ctx.origin`; what it was, as its label says.

    Refused with the reason (NetdayError) when there is nothing to take back, or when
    what it changed was changed again since: then nothing is undone.
    """
    with ctx.db.transaction() as session:
        try:
            label = replay_last(session, ctx.origin)
        except StepConflict as conflict:
            who = _who(session, conflict.table, conflict.image)
            raise NetdayError(
                f"{who} was changed since you {conflict.label[:1].lower()}{conflict.label[1:]};"
                " nothing undone"
            ) from None
    if label is None:
        raise NetdayError(
            "nothing to undo: no command has changed anything yet"
            if ctx.origin == COMMAND_LINE
            else "nothing to undo since netday was opened"
        )
    return label


def _who(session: Session, table: str, image: dict[str, object]) -> str:
    """Whom a changed row is about, for the refusal: a person's name where there is one."""
    if table == "contact":
        return str(image["full_name"])
    for column in ("contact_id", "author_id"):
        contact_id = image.get(column)
        if isinstance(contact_id, int):
            contact = session.get(Contact, contact_id)
            if contact is not None:
                return contact.full_name
    name = image.get("name")
    if isinstance(name, str) and name:
        return name
    return "what it changed"
