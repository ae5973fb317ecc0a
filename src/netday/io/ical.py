"""iCalendar out: planned calls and follow-ups as events any calendar app shows.

Written by hand (RFC 5545 is plain text), and read back in the tests with the
icalendar library. Calls are all-day events on their date: netday plans days, not
hours, and an all-day event never lands at 3 a.m. in another time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from netday.cleaning import block_controls_out, strip_controls
from netday.io.vcard import fold
from netday.services.exporting import CalendarItem


def _text(value: str) -> str:
    """A TEXT value as RFC 5545 (3.3.11) writes it: backslash, semicolon and comma
    escaped, every line break (a lone CR too) as \\n, other control characters dropped
    (the RFC allows none but tab in TEXT)."""
    return (
        block_controls_out(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def calendar_text(items: Iterable[CalendarItem], stamp: dt.datetime) -> str:
    """A VCALENDAR with one VEVENT per item; `stamp` (local time) is the export time."""
    dtstamp = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//netday//daily networking planner//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:netday",
    ]
    for item in items:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{strip_controls(item.uid)}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_text(item.title)}",
            f"DESCRIPTION:{_text(item.description)}",
            "TRANSP:TRANSPARENT",
        ]
        if item.rrule:
            lines.append(f"RRULE:{strip_controls(item.rrule.removeprefix('RRULE:'))}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
