"""The iCalendar and CSV writers called directly, read back by other tools' readers."""

from __future__ import annotations

import csv
import datetime as dt
import io

import icalendar

from netday.io.ical import calendar_text
from netday.io.spreadsheet import (
    CONTACT_COLUMNS,
    INTERACTION_COLUMNS,
    contacts_csv,
    interactions_csv,
    safe_cell,
)
from netday.services.records import CalendarItem, InteractionRecord
from tests.io.test_vcard_reader import contact

STAMP = dt.datetime(2026, 11, 22, 12, 0)
LONG = "Head of Research; Initech, Inc. — " + "long description, " * 10


def test_an_icalendar_file_has_the_events_icalendar_reads() -> None:
    items = [
        CalendarItem("plan-1@netday", dt.date(2026, 11, 22), "Call Ana Lima", LONG, 30),
        CalendarItem(
            "due-2@netday",
            dt.date(2026, 12, 7),
            "Call Bo Chen",
            "due: first Monday\nof the month",
            15,
            rrule="RRULE:FREQ=MONTHLY;BYDAY=1MO",
        ),
    ]
    text = calendar_text(items, STAMP)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert text.endswith("END:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["PRODID"]) == "-//netday//daily networking planner//EN"
    ana, bo = calendar.walk("VEVENT")
    assert str(ana["UID"]) == "plan-1@netday" and str(ana["SUMMARY"]) == "Call Ana Lima"
    assert str(ana["DESCRIPTION"]) == LONG  # folded over lines, escaped, read back whole
    assert ana.decoded("DTSTART") == dt.date(2026, 11, 22)
    assert ana.decoded("DTEND") == dt.date(2026, 11, 23)
    assert ana.decoded("DTSTAMP") == STAMP.astimezone(dt.UTC)
    assert "RRULE" not in ana
    assert str(bo["DESCRIPTION"]) == "due: first Monday\nof the month"
    assert dict(bo["RRULE"]) == {"FREQ": ["MONTHLY"], "BYDAY": ["1MO"]}


def test_an_empty_calendar_is_still_a_calendar() -> None:
    calendar = icalendar.Calendar.from_ical(calendar_text([], STAMP))
    assert calendar.walk("VEVENT") == []


def test_contacts_csv_round_trip() -> None:
    ana = contact(notes="line one\nline two, with a comma", archived=True)
    evil = contact(id=2, full_name='=HYPERLINK("http://x")', company="+Acme", tags=())
    table = list(csv.DictReader(io.StringIO("".join(contacts_csv([ana, evil])))))
    assert tuple(table[0]) == CONTACT_COLUMNS
    first = table[0]
    assert (first["id"], first["name"], first["company"], first["role"]) == (
        "1",
        "Ana Lima",
        "Initech, Inc.",
        "VP; Sales",
    )
    assert first["notes"] == "line one\nline two, with a comma"
    assert first["other_emails"] == "ana@home.example" and first["tags"] == "mentors; work"
    assert (first["birthday"], first["archived"], first["next_due"]) == ("1985-04-03", "yes", "")
    assert table[1]["name"] == '\'=HYPERLINK("http://x")' and table[1]["company"] == "'+Acme"
    assert table[1]["archived"] == ""


def test_a_long_export_comes_in_chunks_that_join_into_one_table() -> None:
    records = [contact(id=n, notes="x" * 200) for n in range(1, 1001)]
    chunks = list(contacts_csv(records))
    assert len(chunks) > 1
    table = list(csv.DictReader(io.StringIO("".join(chunks))))
    assert [int(r["id"]) for r in table] == list(range(1, 1001))


def test_interactions_csv_round_trip() -> None:
    records = [
        InteractionRecord(
            1, 7, "Ana Lima", "call", dt.datetime(2026, 11, 21, 10, 5), 20, "out", "hiring", None
        ),
        InteractionRecord(
            id=2,
            contact_id=7,
            contact_name="Ana Lima",
            kind="note",
            at=dt.datetime(2026, 11, 22, 9, 0),
            minutes=None,
            direction="neutral",
            summary="-1 day, then\r\nmore",
            follow_up_on=dt.date(2026, 12, 1),
        ),
    ]
    table = list(csv.DictReader(io.StringIO("".join(interactions_csv(records)))))
    assert tuple(table[0]) == INTERACTION_COLUMNS
    assert [(r["id"], r["at"], r["minutes"], r["follow_up_on"]) for r in table] == [
        ("1", "2026-11-21 10:05:00", "20", ""),
        ("2", "2026-11-22 09:00:00", "", "2026-12-01"),
    ]
    assert table[1]["summary"] == "'-1 day, then\nmore"


def test_safe_cell() -> None:
    assert safe_cell(None) == "" and safe_cell(3) == "3"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("\tx") == "'\tx"
    assert safe_cell("a\x1b[2Jb\r\nc") == "a[2Jb\nc"
