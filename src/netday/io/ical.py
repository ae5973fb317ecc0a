"""iCalendar out: planned calls and follow-ups as events any calendar app shows.

Written by hand (RFC 5545 is plain text, its lines built in `contentlines`), and read
back in the tests with the icalendar library. Calls are all-day events on their date:
netday plans days, not hours, and an all-day event never lands at 3 a.m. in another
time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from netday.io.contentlines import content_line, content_text, escape_text, verbatim
from netday.services.records import CalendarItem

PRODUCT = "-//netday//daily networking planner//EN"


def _event(item: CalendarItem, dtstamp: str) -> list[str]:
    """One all-day VEVENT; a calendar cadence repeats by its RRULE."""
    lines = [
        content_line("BEGIN", "VEVENT"),
        content_line("UID", verbatim(item.uid)),
        content_line("DTSTAMP", dtstamp),
        content_line("DTSTART", f"{item.day:%Y%m%d}", "VALUE=DATE"),
        content_line("DTEND", f"{item.day + dt.timedelta(days=1):%Y%m%d}", "VALUE=DATE"),
        content_line("SUMMARY", escape_text(item.title)),
        content_line("DESCRIPTION", escape_text(item.description)),
        content_line("TRANSP", "TRANSPARENT"),
    ]
    if item.rrule:
        lines.append(content_line("RRULE", verbatim(item.rrule.removeprefix("RRULE:"))))
    lines.append(content_line("END", "VEVENT"))
    return lines


def calendar_text(items: Iterable[CalendarItem], stamp: dt.datetime) -> str:
    """A VCALENDAR with one VEVENT per item; `stamp` (local time) is the export time."""
    dtstamp = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        content_line("BEGIN", "VCALENDAR"),
        content_line("VERSION", "2.0"),
        content_line("PRODID", PRODUCT),
        content_line("CALSCALE", "GREGORIAN"),
        content_line("X-WR-CALNAME", "netday"),
    ]
    for item in items:
        lines += _event(item, dtstamp)
    lines.append(content_line("END", "VCALENDAR"))
    return content_text(lines)
