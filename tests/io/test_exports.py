"""iCalendar, CSV and Markdown exports, read back the way other tools read them."""

from __future__ import annotations

import csv
import datetime as dt
import io

import icalendar


def test_ics_has_planned_calls_due_dates_follow_ups_and_calendar_rrules(cli, tmp_path):
    cli("contact", "add", "Ana Lima", "--every", "1 days")
    cli("contact", "add", "Bo Chen", "--rrule", "FREQ=MONTHLY;BYDAY=1MO")
    cli("contact", "add", "Cy Dee", "--every", "3 weeks")
    cli("log", "Cy", "coffee", "--follow-up", "2026-11-25", "--kind", "meeting")
    out = tmp_path / "netday.ics"
    result = cli("export", "ics", "--days", "30", "--out", str(out))
    assert result.code == 0, result.err
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    by_title: dict[str, list] = {}
    for event in events:
        by_title.setdefault(str(event["SUMMARY"]), []).append(event)
    assert "Follow up with Cy Dee" in by_title
    assert by_title["Follow up with Cy Dee"][0].decoded("DTSTART") == dt.date(2026, 11, 25)
    bo = by_title["Call Bo Chen"][0]
    assert bo.decoded("DTSTART") == dt.date(2026, 12, 7)  # first Monday of December
    rule = bo["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == ["1MO"]
    # Every event is all-day, with a unique id a calendar app can update on re-import.
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert all(isinstance(e.decoded("DTSTART"), dt.date) for e in events)
    # Today's planned calls are there too.
    today = [e for e in events if e.decoded("DTSTART") == dt.date(2026, 11, 22)]
    assert today, [str(e["SUMMARY"]) for e in events]


def test_ics_has_the_open_promises_either_way(cli, tmp_path):
    cli("contact", "add", "Ana Lima", "--every", "3 weeks")
    cli("promise", "add", "ana", "the deck", "--due", "2026-11-25")
    cli("promise", "add", "ana", "an intro", "--due", "2026-11-26", "--theirs")
    cli("promise", "add", "ana", "kept", "--due", "2026-11-27")
    assert cli("promise", "done", "3").code == 0
    out = tmp_path / "netday.ics"
    assert cli("export", "ics", "--days", "30", "--out", str(out)).code == 0
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    promised = {
        str(e["SUMMARY"]): e.decoded("DTSTART") for e in events if "promise" in str(e["UID"])
    }
    assert promised == {
        "Promised Ana Lima: the deck": dt.date(2026, 11, 25),
        "Ask Ana Lima: an intro": dt.date(2026, 11, 26),
    }


def test_ics_has_the_open_opportunities_on_their_days(cli, tmp_path):
    cli("opportunity", "add", "PyCon CFP", "--kind", "call-for-speakers", "--on", "2026-11-30",
        "--url", "https://pycon.example.org/cfp", "--tag", "python")  # fmt: skip
    cli("opportunity", "add", "Closed talk", "--kind", "event", "--on", "2026-11-28")
    cli("opportunity", "add", "Undated article", "--kind", "article")
    cli("opportunity", "add", "Far away", "--kind", "event", "--on", "2027-06-01")
    assert cli("opportunity", "close", "2").code == 0
    out = tmp_path / "netday.ics"
    assert cli("export", "ics", "--days", "30", "--out", str(out)).code == 0
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    found = [e for e in events if "opportunity" in str(e["UID"])]
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in found] == [
        ("PyCon CFP", dt.date(2026, 11, 30))
    ]
    assert str(found[0]["DESCRIPTION"]) == (
        "call for speakers: worth passing on (netday opportunity show)\n"
        "https://pycon.example.org/cfp\n#python"
    )


def test_ics_has_the_events_on_their_days(cli, tmp_path):
    cli("event", "add", "Web Summit", "--on", "2026-11-30", "--place", "Lisbon",
        "--url", "https://websummit.example.com")  # fmt: skip
    cli("event", "add", "Past meetup", "--on", "2026-11-01")
    cli("event", "add", "Far away", "--on", "2027-06-01")
    out = tmp_path / "netday.ics"
    assert cli("export", "ics", "--days", "30", "--out", str(out)).code == 0
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    found = [e for e in events if str(e["UID"]).startswith("event-")]
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in found] == [
        ("Web Summit", dt.date(2026, 11, 30))
    ]
    assert str(found[0]["DESCRIPTION"]) == (
        "Lisbon\nhttps://websummit.example.com\npeople to meet and met there: netday event show 1"
    )


def test_the_markdown_review_lists_the_promises_that_came_due(cli):
    cli("contact", "add", "Ana Lima", "--every", "3 weeks")
    cli("promise", "add", "ana", "the *deck*")
    cli("promise", "add", "ana", "an intro", "--theirs")
    cli("promise", "done", "1")
    out = cli("export", "md", "--date", "today").out
    assert "## Promises that came due" in out
    assert "- [x] you owe Ana Lima the \\*deck\\* (due 22 Nov)" in out
    assert "- [ ] Ana Lima owes you an intro (due 22 Nov)" in out


def test_ics_days_is_checked(cli):
    result = cli("export", "ics", "--days", "0")
    assert result.code == 1 and "--days must be between 1 and 366" in result.err


def test_csv_contacts_neutralises_formulas(cli, tmp_path):
    cli("contact", "add", "=HYPERLINK(\"http://evil\")", "--company", "+Acme", "--role=-CTO",
        "--notes", "@SUM(A1)", "--email", "a@example.com")  # fmt: skip
    cli("contact", "add", "Plain Name", "--company", "Initech, Inc.")
    out = tmp_path / "contacts.csv"
    assert cli("export", "csv", "contacts", "--out", str(out)).code == 0
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    evil = next(r for r in table if "HYPERLINK" in r["name"])
    assert evil["name"] == '\'=HYPERLINK("http://evil")'
    assert evil["company"] == "'+Acme"
    assert evil["role"] == "'-CTO"
    assert evil["notes"] == "'@SUM(A1)"
    plain = next(r for r in table if r["name"] == "Plain Name")
    assert plain["company"] == "Initech, Inc."
    assert all(not v.startswith(("=", "+", "-", "@")) for r in table for v in r.values())


def test_csv_interactions_to_stdout(cli):
    cli("contact", "add", "Ana Lima")
    cli("log", "Ana", "=cmd|' /C calc'!A0", "--minutes", "15")
    result = cli("export", "csv", "interactions")
    table = list(csv.DictReader(io.StringIO(result.out)))
    assert len(table) == 1
    assert table[0]["contact"] == "Ana Lima" and table[0]["minutes"] == "15"
    assert table[0]["summary"].startswith("'=")


def test_markdown_day_and_week(cli, tmp_path):
    cli("contact", "add", "Ana Lima")
    cli("log", "Ana", "long call about hiring", "--at", "yesterday 10:00")
    cli("review", "--note", "good day", "--date", "yesterday")
    day = cli("export", "md", "--date", "2026-11-21")
    assert day.out.startswith("# Review of Saturday 21 November 2026")
    assert "long call about hiring" in day.out and "good day" in day.out
    out = tmp_path / "week.md"
    assert cli("export", "md", "--week", "--out", str(out)).code == 0
    week = out.read_text(encoding="utf-8")
    assert week.startswith("# Week of Monday 16 November 2026 to Sunday 22 November 2026")
    assert week.count("## Review of") == 7
    assert "- Interactions: 1" in week


def test_export_to_a_missing_folder_fails_cleanly(cli, tmp_path):
    result = cli("export", "vcard", "--out", str(tmp_path / "nope" / "x.vcf"))
    assert result.code == 1 and "no such folder" in result.err
    assert not list(tmp_path.glob("**/*.part"))
