"""Small builders for service tests: they call the real services, never the ORM directly."""

from __future__ import annotations

import datetime as dt

from netday.scheduling.cadence import Cadence
from netday.services.contacts import ContactFields, add_contact, edit_contact
from netday.services.context import Context
from netday.services.journal import log_interaction
from netday.services.views import ContactSummary


def person(
    ctx: Context,
    name: str,
    *,
    every: str = "3 weeks",
    tier: str = "B",
    company: str | None = None,
    last_call_days_ago: int | None = None,
) -> ContactSummary:
    """A contact with a cadence, optionally last called some days ago."""
    summary = add_contact(
        ctx,
        ContactFields(
            full_name=name, tier=tier, company=company, cadence=Cadence.parse_every(every)
        ),
    )
    if last_call_days_ago is not None:
        at = ctx.now() - dt.timedelta(days=last_call_days_ago)
        log_interaction(ctx, str(summary.id), kind="call", at=at, summary="catch-up")
        summary = edit_contact(ctx, str(summary.id), ContactFields())
    return summary
