"""What an importer hands to the import service: plain records, each with where it came from.

Readers in `netday.io` turn files into these; `services.importing` matches them against
the database. Keeping the two apart lets a reader be tested without a database, and the
matching rules be the same for LinkedIn, vCard or anything added later.
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
    """The last time a message went either way between the user and one person."""

    origin: Origin
    name: str
    profile_url: str
    at: dt.datetime


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
    rejected: tuple[Rejected, ...] = ()
    notes: tuple[str, ...] = ()
    """What the reader wants the user to know (a file it did not recognise, say)."""
