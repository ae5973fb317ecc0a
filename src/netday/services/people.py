"""The whole network as a list: filtered, sorted, and read one page at a time.

A network may hold ten thousand people; a screen shows a few dozen. So the list is read
in pages (`people_page`: the rows from an offset, and how many match in all), and a page
is read in two steps: the ids of the page, ordered and cut in SQL, then the columns shown
for those ids only (the last conversation is a subquery per person, paid for the rows
shown, not for every row sorted).

The filters are one small dataclass (`PeopleFilter`), the orders one closed set of words
(`netday.vocabulary.PeopleSort`); `where_matching` is the one place a filter becomes SQL,
shared by `contacts.list_contacts` (the palette, the forms' lookups, `contact list`).
Next due is the column the planner plans from (`Contact.next_due_on`, kept right by
every change that moves it), so "due" here is the planner's due, never re-derived.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from netday import limits
from netday.cleaning import clean_line
from netday.errors import NetdayError
from netday.normalise import fold
from netday.services.context import Context
from netday.services.outcomes import answered
from netday.services.snapshots import SUMMARY_COLUMNS, summary_from_row
from netday.services.views import ContactSummary
from netday.store.models import Company, Contact, ContactTag, Interaction
from netday.vocabulary import (
    Circle,
    DueFilter,
    PeopleSort,
    Tier,
    TriageFilter,
    TriageState,
    listed,
    values,
)

PAGE_SIZE = 60
"""Rows read at a time: more than the tallest screen shows, so one page fills it."""


@dataclass(frozen=True)
class PeopleFilter:
    """Which people a list keeps; a field left empty keeps everyone."""

    circle: str | None = None
    tier: str | None = None
    tag: str = ""
    """One tag, exactly (as stored: lower case)."""
    company: str = ""
    """Every word of it appears in the company's name (case and accents aside)."""
    due: str | None = None
    """A `DueFilter` word."""
    triage: str | None = None
    """A `TriageFilter` word."""
    search: str = ""
    """Every word of it appears in the name or the company, in any order."""
    archived: bool = False
    """The archived people instead of the others."""

    @property
    def narrowed(self) -> bool:
        """Whether anything is filtered out (the archived aside)."""
        return any(
            (self.circle, self.tier, self.tag, self.company, self.due, self.triage, self.search)
        )


@dataclass(frozen=True)
class PersonRow:
    """One person in the list: the summary every list shows, and the last conversation."""

    summary: ContactSummary
    last_talk: dt.date | None


@dataclass(frozen=True)
class PeoplePage:
    rows: tuple[PersonRow, ...]
    offset: int
    """Where `rows` start in the whole ordered list."""
    total: int
    """How many people match the filter in all."""

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total


def _word(value: str | None, words: Any, what: str) -> str | None:
    """A word of a closed set as typed (any case), or None; refused with the choices."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    for word in values(words):
        if word.lower() == text.lower():
            return word
    raise NetdayError(f"{what} is one of {listed(words)}, not {text!r}")


def checked(found: PeopleFilter) -> PeopleFilter:
    """The filter with its words read (any case) and its texts cleaned; `NetdayError`
    says which value is not one netday knows."""
    return dataclasses.replace(
        found,
        circle=_word(found.circle, Circle, "a circle"),
        tier=_word(found.tier, Tier, "a tier"),
        due=_word(found.due, DueFilter, "a due filter"),
        triage=_word(found.triage, TriageFilter, "a triage filter"),
        tag=clean_line(found.tag, what="a tag", limit=limits.TAG).lower(),
        company=clean_line(found.company, what="a company", limit=limits.NAME),
        search=clean_line(found.search, what="a search", limit=limits.NAME),
    )


def sort_word(sort: str) -> PeopleSort:
    """An order as typed (any case); blank is by name."""
    return PeopleSort(_word(sort, PeopleSort, "an order") or PeopleSort.NAME)


def where_matching(query: Select[Any], found: PeopleFilter, today: dt.date) -> Select[Any]:
    """`query` (over Contact, outer-joined to Company) kept to the people `found` keeps.
    `found` has been `checked`."""
    query = query.where(Contact.archived.is_(found.archived))
    if found.circle:
        query = query.where(Contact.circle == found.circle)
    if found.tier:
        query = query.where(Contact.tier == found.tier)
    if found.tag:
        tagged = select(ContactTag.contact_id).where(ContactTag.tag == found.tag)
        query = query.where(Contact.id.in_(tagged))
    for word in fold(found.company).split():
        query = query.where(Company.name_key.contains(word, autoescape=True))
    for word in fold(found.search).split():
        query = query.where(
            or_(
                Contact.name_key.contains(word, autoescape=True),
                Company.name_key.contains(word, autoescape=True),
            )
        )
    if found.due == DueFilter.DUE:
        query = query.where(Contact.next_due_on <= today)
    elif found.due == DueFilter.OVERDUE:
        query = query.where(Contact.next_due_on < today)
    if found.triage is not None:
        query = query.where(_triage_condition(TriageFilter(found.triage)))
    return query


def _triage_condition(word: TriageFilter) -> ColumnElement[bool]:
    if word == TriageFilter.UNTRIAGED:
        return Contact.triage.is_not(None)
    if word == TriageFilter.PLACED:
        return Contact.triage.is_(None)
    return Contact.triage == TriageState(word.value).value


def _last_talk() -> Any:
    """SQL: when the person (the outer query's Contact) last had a conversation."""
    return (
        select(func.max(Interaction.occurred_at))
        .where(Interaction.contact_id == Contact.id, answered())
        .correlate(Contact)
        .scalar_subquery()
    )


def _ordered(query: Select[Any], sort: PeopleSort) -> Select[Any]:
    if sort == PeopleSort.NEXT_DUE:
        return query.order_by(
            Contact.next_due_on.asc().nulls_last(), Contact.tier, Contact.name_key, Contact.id
        )
    if sort == PeopleSort.LAST_TALK:
        return query.order_by(_last_talk().desc().nulls_last(), Contact.name_key, Contact.id)
    return query.order_by(Contact.name_key, Contact.id)


def _base(columns: Any) -> Select[Any]:
    return (
        select(*columns).select_from(Contact).outerjoin(Company, Company.id == Contact.company_id)
    )


def _check_window(offset: int, limit: int | None) -> None:
    if limit is not None and not 0 <= limit <= limits.COUNT_MAX:
        raise NetdayError(f"a limit is a number from 1 to {limits.COUNT_MAX:,}")
    if not 0 <= offset <= limits.COUNT_MAX:
        raise NetdayError(f"an offset is a number from 0 to {limits.COUNT_MAX:,}")


def list_people(
    ctx: Context,
    found: PeopleFilter = PeopleFilter(),
    sort: str = PeopleSort.NAME,
    *,
    offset: int = 0,
    limit: int | None = None,
    last_talk: bool = True,
) -> list[PersonRow]:
    """The people `found` keeps, in the `sort` order, from `offset`, at most `limit`
    (None or 0: all). `last_talk=False` spares the subquery when nobody shows it."""
    _check_window(offset, limit)
    found, order = checked(found), sort_word(sort)
    # Without the last conversation, one query; with it, the ids first (see the module).
    columns = [Contact.id] if last_talk else SUMMARY_COLUMNS
    query = _ordered(where_matching(_base(columns), found, ctx.today()), order)
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with ctx.db.reading() as session:
        if last_talk:
            return _rows(session, list(session.scalars(query)))
        return [PersonRow(summary_from_row(row), None) for row in session.execute(query)]


def people_page(
    ctx: Context,
    found: PeopleFilter = PeopleFilter(),
    sort: str = PeopleSort.NEXT_DUE,
    *,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> PeoplePage:
    """One page of the list and how many match in all, read in one transaction (so the
    count and the rows agree)."""
    _check_window(offset, limit)
    found, order = checked(found), sort_word(sort)
    today = ctx.today()
    matching = where_matching(_base([Contact.id]), found, today)
    count = select(func.count()).select_from(matching.subquery())
    ids_query = _ordered(matching, order).limit(limit).offset(offset)
    with ctx.db.reading() as session:
        total = session.scalar(count) or 0
        ids = list(session.scalars(ids_query))
        rows = _rows(session, ids)
    return PeoplePage(tuple(rows), offset, total)


def _rows(session: Any, ids: list[int]) -> list[PersonRow]:
    """The shown columns of `ids` with their last conversation, in the order of `ids`."""
    if not ids:
        return []
    query = _base([*SUMMARY_COLUMNS, _last_talk().label("last_talk")])
    by_id = {
        row.id: PersonRow(summary_from_row(row), _as_date(row.last_talk))
        for row in session.execute(query.where(Contact.id.in_(ids)))
    }
    return [by_id[i] for i in ids if i in by_id]


def _as_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None
