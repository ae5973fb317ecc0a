"""The plain records that cross between `netday.io` and the services, both ways.

In: readers turn files into records (each with where it came from) and
`services.importing` matches them against the database. Out: `services.exporting`
reads the database into records and the writers turn them into files. Keeping files
and database apart this way lets a reader or a writer be tested without a database,
keeps the matching rules the same for LinkedIn, vCard or anything added later, and
means `io` imports records from one module, never a service, to read or write a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """A file and the line a record starts on, for messages a user can act on."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class NetdayFields:
    """netday's own judgement about a person, carried by its own exports (X-NETDAY-*)."""

    tier: str | None = None
    circle: str | None = None
    cadence: str | None = None
    why: str | None = None
    triage: str | None = None


@dataclass(frozen=True)
class PersonRecord:
    origin: Origin
    source: str
    full_name: str
    company: str = ""
    role: str = ""
    profile_url: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    notes: str = ""
    birthday: dt.date | None = None
    tags: tuple[str, ...] = ()
    connected_on: dt.date | None = None
    vcard: str | None = None
    netday: NetdayFields | None = None


@dataclass(frozen=True)
class InviteRecord:
    origin: Origin
    direction: str
    """'sent' or 'received', as netday says it."""
    name: str
    profile_url: str
    message: str
    sent_at: dt.datetime


@dataclass(frozen=True)
class FollowRecord:
    origin: Origin
    company: str


@dataclass(frozen=True)
class TalkRecord:
    """A day on which messages went either way between the user and one person: `at` is
    the last message of that day (one record per person per day, not per message)."""

    origin: Origin
    name: str
    profile_url: str
    at: dt.datetime


PENDING_ASK = "Recommendation pending (an open ask)"
"""How a recommendation received and still pending starts its summary: an import that
finds it settled since replaces that summary with the settled one."""


@dataclass(frozen=True)
class VouchRecord:
    """Vouching for someone, or being vouched for: skills endorsed or a recommendation
    written, either way, about one person on one day (LinkedIn's endorsement and
    recommendation files)."""

    origin: Origin
    kind: str
    """`InteractionKind.ENDORSEMENT` or `InteractionKind.RECOMMENDATION`."""
    direction: str
    """`Direction.GAVE` (the user gave it) or `Direction.ASKED` (the user received it)."""
    name: str
    profile_url: str
    at: dt.datetime
    summary: str
    """What it was, as the log shows it: "Endorsed you for Python, SQL"."""
    pending: bool = False
    """A recommendation received and not yet settled: an open ask."""


@dataclass(frozen=True)
class Rejected:
    origin: Origin
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class ImportBatch:
    """Everything read from one import's files, before anything touches the database."""

    kind: str
    files: tuple[str, ...]
    people: tuple[PersonRecord, ...] = ()
    invites: tuple[InviteRecord, ...] = ()
    follows: tuple[FollowRecord, ...] = ()
    talks: tuple[TalkRecord, ...] = ()
    vouches: tuple[VouchRecord, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    notes: tuple[str, ...] = ()
    """What the reader wants the user to know (a file it did not recognise, say)."""


# --- out: what the exporters hand to the writers -------------------------------------


@dataclass(frozen=True)
class ContactRecord:
    """A contact with everything an address book or a spreadsheet can hold."""

    id: int
    full_name: str
    company: str
    role: str
    email: str
    phone: str
    profile_url: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    urls: tuple[str, ...]
    notes: str
    birthday: dt.date | None
    tags: tuple[str, ...]
    tier: str
    circle: str
    why: str
    cadence: str
    cadence_kind: str | None
    cadence_rule: str | None
    next_due: dt.date | None
    connected_on: dt.date | None
    triage: str | None
    archived: bool
    vcard: str | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class InteractionRecord:
    id: int
    contact_id: int
    contact_name: str
    kind: str
    at: dt.datetime
    minutes: int | None
    direction: str
    summary: str
    follow_up_on: dt.date | None


@dataclass(frozen=True)
class CalendarItem:
    """One event for a calendar app: a planned call, a due date or a promised follow-up."""

    uid: str
    day: dt.date
    title: str
    description: str
    minutes: int
    rrule: str | None = None
