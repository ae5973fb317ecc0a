"""What an import takes in and what it may change: the rules, apart from the SQL.

- **Cleaning**: every record passes the shared cleaning step (`netday.cleaning`, limits
  from `netday.limits`) or is rejected with the reason the user reads beside its file
  and line; a record over a limit is rejected, never cut short.
- **Keys**: what a record tells the identity rule (`services.identity`), and when two
  e-mails, phones or URLs are the same entry.
- **The merge policy**: what a new contact gets from its first record, what a second
  record about the same new person adds, and what a record may change on a contact
  netday already knows (written in `services.identity`, "What a matched record may
  change": nothing the user owns).

Nothing here opens a session or runs a query: `services.import_writing` does the bulk
SQL and `services.importing` runs the steps in order. A contact a rule changes is an
ORM object already loaded, so the policy is tested through `run_import` on a real
database and reads as plain Python.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from netday import limits
from netday.cleaning import clean_block, clean_line, clean_optional
from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.services.identity import Traits, email_key, is_profile_url, traits, url_key
from netday.services.lookup import name_key
from netday.services.records import (
    InviteRecord,
    NetdayFields,
    PersonRecord,
    TalkRecord,
    VouchRecord,
)
from netday.settings_fields import NEW_CONTACT_CIRCLE, NEW_CONTACT_TIER
from netday.store.models import Contact, ContactDetail, ContactTag
from netday.vocabulary import Circle, DetailKind, Tier, TriageState, values

"""A new person's tier and circle when the file does not carry netday's own."""


@dataclass(eq=False)
class NewContact:
    """A contact to insert: the column values, plus tags and extra details.

    Compared by identity: it is a key of the identity index until it has an id."""

    values: dict[str, Any]
    tags: set[str] = field(default_factory=set)
    details: list[tuple[str, str]] = field(default_factory=list)
    netday: NetdayFields | None = None
    id: int | None = None


Target = int | NewContact
"""Whom a record is about: a contact's id, or a contact this import creates."""


def id_of(target: Target) -> int:
    if isinstance(target, NewContact):
        assert target.id is not None, "a new contact is inserted before anything links to it"
        return target.id
    return target


# --- cleaning ----------------------------------------------------------------------


def _check_netday(fields: NetdayFields | None, today: dt.date) -> NetdayFields | None:
    """netday's own fields, checked and cleaned; NetdayError says what is wrong."""
    if fields is None:
        return None
    tiers, circles = values(Tier), values(Circle)
    if fields.tier and fields.tier.upper() not in tiers:
        raise NetdayError(f"X-NETDAY-TIER must be one of {', '.join(tiers)}, not {fields.tier!r}")
    if fields.circle and fields.circle.lower() not in circles:
        raise NetdayError(f"X-NETDAY-CIRCLE must be one of {', '.join(circles)}")
    cadence = clean_optional(fields.cadence, what="X-NETDAY-CADENCE", limit=limits.CADENCE_TEXT)
    if cadence:
        Cadence.parse(cadence, today)
    if fields.triage and fields.triage not in values(TriageState):
        raise NetdayError(f"X-NETDAY-TRIAGE must be {' or '.join(values(TriageState))}")
    why = (
        None
        if fields.why is None
        else clean_block(fields.why, what="X-NETDAY-WHY", limit=limits.LONG_TEXT)
    )
    return replace(fields, cadence=cadence, why=why)


def _check_day(day: dt.date | None, what: str) -> None:
    if day is not None and not limits.DATE_MIN <= day <= limits.DATE_MAX:
        raise NetdayError(
            f"{what} {day.isoformat()} is outside {limits.DATE_MIN.isoformat()}"
            f" to {limits.DATE_MAX.isoformat()}"
        )


def _distinct(texts: Sequence[str], what: str, limit: int) -> tuple[str, ...]:
    cleaned = (clean_line(t, what=what, limit=limit) for t in texts)
    return tuple(dict.fromkeys(v for v in cleaned if v))


def clean_person(record: PersonRecord, today: dt.date) -> PersonRecord | str:
    """The record through the shared cleaning step, or why it cannot be taken in."""
    try:
        name = clean_line(record.full_name, what="the name", limit=limits.NAME)
        if not name:
            return "no name"
        emails = tuple(e for e in _distinct(record.emails, "an e-mail", limits.EMAIL) if "@" in e)
        phones = _distinct(record.phones, "a phone", limits.PHONE)
        urls = _distinct(record.urls, "a URL", limits.URL)
        if len(emails) + len(phones) + len(urls) > limits.DETAILS_PER_CONTACT:
            return f"more than {limits.DETAILS_PER_CONTACT} e-mails, phones and URLs"
        tags = {t.lower() for t in _distinct(record.tags, "a tag", limits.TAG)}
        if len(tags) > limits.TAGS_PER_CONTACT:
            return f"more than {limits.TAGS_PER_CONTACT} tags"
        _check_day(record.birthday, "the birthday")
        _check_day(record.connected_on, "the connection date")
        return replace(
            record,
            full_name=name,
            company=clean_line(record.company, what="the company", limit=limits.NAME),
            role=clean_line(record.role, what="the title", limit=limits.ROLE),
            profile_url=clean_line(record.profile_url, what="the profile URL", limit=limits.URL),
            emails=emails,
            phones=phones,
            urls=urls,
            notes=clean_block(record.notes, what="the note", limit=limits.LONG_TEXT),
            tags=tuple(sorted(tags)),
            netday=_check_netday(record.netday, today),
        )
    except NetdayError as exc:
        return str(exc)


def clean_invite(invite: InviteRecord) -> InviteRecord | str:
    """The invitation through the shared cleaning step, or why it cannot be taken in."""
    try:
        _check_day(invite.sent_at.date(), "the date sent")
        return replace(
            invite,
            name=clean_line(invite.name, what="the name", limit=limits.NAME),
            profile_url=clean_line(invite.profile_url, what="the profile URL", limit=limits.URL),
            message=clean_block(invite.message, what="the message", limit=limits.LONG_TEXT),
        )
    except NetdayError as exc:
        return str(exc)


def clean_talk(talk: TalkRecord) -> TalkRecord | str:
    """The last message's record through the shared cleaning step, or why not."""
    try:
        _check_day(talk.at.date(), "the date")
        return replace(
            talk,
            name=clean_line(talk.name, what="the name", limit=limits.NAME),
            profile_url=clean_line(talk.profile_url, what="the profile URL", limit=limits.URL),
        )
    except NetdayError as exc:
        return str(exc)


def clean_vouch(vouch: VouchRecord) -> VouchRecord | str:
    """An endorsement's or a recommendation's record through the cleaning step, or why
    not (a recommendation's text over the limit of a summary is rejected, not cut)."""
    try:
        _check_day(vouch.at.date(), "the date")
        return replace(
            vouch,
            name=clean_line(vouch.name, what="the name", limit=limits.NAME),
            profile_url=clean_line(vouch.profile_url, what="the profile URL", limit=limits.URL),
            summary=clean_block(vouch.summary, what="the text", limit=limits.LONG_TEXT),
        )
    except NetdayError as exc:
        return str(exc)


# --- keys ----------------------------------------------------------------------------


def person_traits(record: PersonRecord) -> Traits:
    """What a person's record tells the identity rule."""
    return traits(
        record.full_name,
        record.company,
        profile_urls=[record.profile_url, *(u for u in record.urls if is_profile_url(u))],
        emails=record.emails,
        phones=record.phones,
    )


def lone_traits(name: str, profile_url: str) -> Traits:
    """An invitation or a message names a person and maybe a profile, never a company."""
    return traits(name, None, profile_urls=[profile_url])


def detail_key(kind: str, value: str) -> tuple[str, str]:
    """What makes two e-mails, phones or URLs the same entry (case, punctuation aside)."""
    if kind == DetailKind.EMAIL:
        return kind, email_key(value)
    if kind == DetailKind.PHONE:
        return kind, re.sub(r"\D", "", value) or value.strip()
    return kind, url_key(value)


def _file_entries(record: PersonRecord) -> list[tuple[str, str]]:
    """Every e-mail, phone and URL of a record (its profile URL too), as detail entries."""
    entries = [(DetailKind.EMAIL.value, e) for e in record.emails]
    entries += [(DetailKind.PHONE.value, p) for p in record.phones]
    return entries + [(DetailKind.URL.value, u) for u in (record.profile_url, *record.urls) if u]


def _extra_details(
    record: PersonRecord, email: str, phone: str, profile_url: str
) -> list[tuple[str, str]]:
    """E-mails, phones and URLs beyond the one of each the contact row holds."""
    details = [(DetailKind.EMAIL.value, e) for e in record.emails if e != email]
    details += [(DetailKind.PHONE.value, p) for p in record.phones if p != phone]
    details += [(DetailKind.URL.value, u) for u in record.urls if u != profile_url]
    return details


# --- the merge policy ------------------------------------------------------------


def new_contact(record: PersonRecord, company_key: str, now: dt.datetime) -> NewContact:
    """A new person from their first record: waiting for triage, with no cadence, unless
    the file is netday's own export (X-NETDAY-*), whose judgement it carries."""
    triage: str | None = TriageState.PENDING.value
    tier, circle, why = NEW_CONTACT_TIER.value, NEW_CONTACT_CIRCLE.value, ""
    if record.netday is not None:
        triage = record.netday.triage
        tier = (record.netday.tier or tier).upper()
        circle = (record.netday.circle or circle).lower()
        why = record.netday.why or ""
    email = record.emails[0] if record.emails else ""
    phone = record.phones[0] if record.phones else ""
    columns = {
        "full_name": record.full_name,
        "name_key": name_key(record.full_name),
        "company_key": company_key,
        "role": record.role,
        "email": email,
        "phone": phone,
        "profile_url": record.profile_url,
        "circle": circle,
        "tier": tier,
        "why": why,
        "notes": record.notes,
        "birthday": record.birthday,
        "archived": False,
        "triage": triage,
        "connected_on": record.connected_on,
        "source": record.source,
        "vcard": record.vcard,
        "created_at": now,
        "updated_at": now,
    }
    return NewContact(
        values=columns,
        tags=set(record.tags),
        details=_extra_details(record, email, phone, record.profile_url),
        netday=record.netday,
    )


def merge_into_new(new: NewContact, record: PersonRecord, company_key: str) -> None:
    """A second row about someone created by this same import: it fills the gaps."""
    columns = new.values
    for column, value in (
        ("role", record.role),
        ("notes", record.notes),
        ("profile_url", record.profile_url),
        ("birthday", record.birthday),
        ("connected_on", record.connected_on),
    ):
        if value and not columns[column]:
            columns[column] = value
    if company_key and not columns["company_key"]:
        columns["company_key"] = company_key
    have = {
        detail_key(kind, str(columns[column]))
        for kind, column in (
            (DetailKind.EMAIL, "email"),
            (DetailKind.PHONE, "phone"),
            (DetailKind.URL, "profile_url"),
        )
    } | {detail_key(kind, value) for kind, value in new.details}
    for kind, value in _file_entries(record):
        key = detail_key(kind, value)
        if key not in have and len(new.details) < limits.DETAILS_PER_CONTACT:
            new.details.append((kind, value))
            have.add(key)
    new.tags |= set(record.tags)


def update_existing(contact: Contact, record: PersonRecord, company_id: int | None) -> bool:
    """Bring a known contact up to date with a record; True when anything changed.

    `company_id` is the record's company (None when it names none). The rule is in
    `services.identity` ("What a matched record may change"): nothing the user owns is
    touched and X-NETDAY-* values are ignored; company, title and connection date follow
    a file of the contact's own source, and otherwise only fill what is empty.
    """
    changed = False

    def put(column: str, value: object) -> None:
        nonlocal changed
        if getattr(contact, column) != value:
            setattr(contact, column, value)
            changed = True

    def fill(column: str, value: object) -> None:
        if value and not getattr(contact, column):
            put(column, value)

    follows_file = contact.source == record.source
    if company_id is not None and (follows_file or contact.company_id is None):
        put("company_id", company_id)
    for column, value in (("role", record.role), ("connected_on", record.connected_on)):
        if follows_file and value:
            put(column, value)
        else:
            fill(column, value)
    fill("profile_url", record.profile_url)
    fill("email", record.emails[0] if record.emails else "")
    fill("phone", record.phones[0] if record.phones else "")
    fill("notes", record.notes)
    fill("birthday", record.birthday)
    if record.vcard and contact.vcard != record.vcard:
        put("vcard", record.vcard)
    have = {
        detail_key(DetailKind.EMAIL, contact.email),
        detail_key(DetailKind.PHONE, contact.phone),
        detail_key(DetailKind.URL, contact.profile_url),
    } | {detail_key(d.kind, d.value) for d in contact.details}
    for kind, value in _file_entries(record):
        key = detail_key(kind, value)
        if key not in have and len(contact.details) < limits.DETAILS_PER_CONTACT:
            contact.details.append(ContactDetail(kind=kind, value=value))
            have.add(key)
            changed = True
    tags = {t.tag for t in contact.tags}
    for tag in record.tags:
        if tag not in tags and len(tags) < limits.TAGS_PER_CONTACT:
            contact.tags.append(ContactTag(tag=tag))
            tags.add(tag)
            changed = True
    return changed
