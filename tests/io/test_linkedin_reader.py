"""The LinkedIn export reader called directly: files in, records out, no database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from netday.io.linkedin import parse_day, parse_moment, read_export
from netday.io.sources import BadInput
from netday.services.records import ImportBatch, Origin
from tests.io.linkedin_export import (
    connections_csv,
    csv_text,
    endorsements_csv,
    export_files,
    invitations_csv,
    messages_2026_csv,
    recommendations_csv,
    write_folder,
    write_zip,
)


def without_origins(batch: ImportBatch) -> list[object]:
    """Everything read, less where it was read from (a ZIP and a folder name files apart)."""
    records = [
        *batch.people, *batch.invites, *batch.follows, *batch.talks, *batch.vouches,
        *batch.rejected,
    ]  # fmt: skip
    return [dataclasses.replace(r, origin=Origin("", r.origin.line)) for r in records]


def local(text: str) -> dt.datetime:
    """A UTC stamp of the export as netday stores it: local time."""
    utc = dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)
    return utc.astimezone().replace(tzinfo=None)


def test_a_zip_gives_people_invitations_follows_and_talk_days(tmp_path: Path) -> None:
    batch = read_export(write_zip(tmp_path / "export.zip"))
    assert batch.kind == "linkedin"
    assert batch.files == tuple(
        f"export.zip/{n}"
        for n in (
            "Connections.csv", "Invitations.csv", "Company Follows.csv", "messages.csv",
            "Endorsement_Given_Info.csv", "Endorsement_Received_Info.csv",
            "Recommendations_Given.csv", "Recommendations_Received.csv",
        )
    )  # Profile.csv is not read; people come first  # fmt: skip
    assert [(p.full_name, p.company, p.origin.line) for p in batch.people] == [
        ("Ana Lima", "Acme", 5),
        ("José Núñez 🚀", "Initech, Inc.", 6),
        ("Bo Chen", "Globex", 7),
        ("Dana O'Neil", "", 9),
    ]  # line 5: after the BOM, three lines of notes and the header
    jose = batch.people[1]
    assert (jose.role, jose.emails) == ('Head of "Growth"', ("jose@example.com",))
    assert jose.profile_url == "https://www.linkedin.com/in/jose-nunez"
    assert jose.connected_on == dt.date(2025, 7, 1) and jose.source == "linkedin"
    (nameless,) = batch.rejected
    assert nameless.origin == Origin("export.zip/Connections.csv", 8)
    sent, received = batch.invites
    assert (sent.direction, sent.name, sent.sent_at) == (
        "sent",
        "Kim Park",
        dt.datetime(2026, 1, 29, 14, 37),
    )
    assert sent.message.startswith("Hi Kim,\nloved your talk")
    assert (received.direction, received.name, received.origin.line) == ("received", "Lee Wong", 5)
    assert [f.company for f in batch.follows] == ["Acme", "Umbrella Corp"]
    # Every day with messages, per person: not the account holder, not spam.
    assert sorted((t.name, t.at) for t in batch.talks) == [
        ("Ana Lima", local("2026-11-10 15:33:58")),
        ("Ana Lima", local("2026-11-12 08:00:00")),
        ("Bo Chen", local("2025-06-11 15:33:58")),
    ]


def test_endorsements_and_recommendations_both_ways(tmp_path: Path) -> None:
    batch = read_export(write_zip(tmp_path / "export.zip"))
    got = [
        (v.kind, v.direction, v.name, v.profile_url, v.summary, v.pending) for v in batch.vouches
    ]
    assert got == [
        ("endorsement", "gave", "Bo Chen", "www.linkedin.com/in/bo-chen",
         "Endorsed them for Pricing", False),
        # Ana's two skills the same day are one record; Bo's HIDDEN row is skipped.
        ("endorsement", "asked", "Ana Lima", "www.linkedin.com/in/ana-lima",
         "Endorsed you for Python, SQL", False),
        ("endorsement", "asked", "Zed Unknown", "www.linkedin.com/in/zed-unknown",
         "Endorsed you for Go", False),
        ("recommendation", "gave", "Ana Lima", "", "You recommended them: Ana led our best launch.",
         False),
        ("recommendation", "gave", "Yan Nobody", "", "You recommended them: Great colleague.",
         False),
        ("recommendation", "asked", "José Núñez 🚀", "",
         "Recommended you: José is a rare talent,\nhire him.", False),
        ("recommendation", "asked", "Dana O'Neil", "", "Recommendation pending (an open ask)",
         True),
    ]  # fmt: skip
    ana = batch.vouches[1]
    assert ana.at == local("2026-11-02 15:13:21") and ana.origin.line == 2
    assert batch.vouches[3].at == dt.datetime(2026, 10, 12, 16, 30)
    assert batch.vouches[4].at == dt.datetime(2026, 9, 1)  # a bare date: midnight
    assert batch.vouches[5].at == dt.datetime(2022, 8, 30, 17, 51)
    assert "export.zip/Endorsement_Received_Info.csv: 1 hidden endorsement(s) skipped" in (
        batch.notes
    )
    assert "export.zip/Recommendations_Received.csv: 1 hidden recommendation(s) skipped" in (
        batch.notes
    )


def test_a_vouch_without_a_readable_date_is_rejected_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "Endorsement_Received_Info.csv"
    rows = [("yesterday-ish", "Go", "Ana", "Lima", "www.linkedin.com/in/ana-lima", "ACCEPTED")]
    path.write_bytes(endorsements_csv(given=False, rows=rows))
    batch = read_export(path)
    assert [str(r) for r in batch.rejected] == [
        f"{path}:2: Endorsement Date 'yesterday-ish' is not a date"
    ]


def test_recommendations_are_told_apart_by_the_files_name(tmp_path: Path) -> None:
    renamed = tmp_path / "recs.csv"
    renamed.write_bytes(recommendations_csv(given=True))
    with pytest.raises(BadInput, match="keep the name LinkedIn gave the file"):
        read_export(renamed)
    named = tmp_path / "Recommendations_Given.csv"
    named.write_bytes(recommendations_csv(given=True))
    assert {v.direction for v in read_export(named).vouches} == {"gave"}


def test_messages_in_the_2026_shape_map_columns_by_name_and_skip_drafts(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    me, ana = (
        ("Me Myself", "https://www.linkedin.com/in/me"),
        ("Ana Lima", "https://www.linkedin.com/in/ana-lima"),
    )
    rows = [
        ("c1", "", *ana, me[0], me[1], "2026-11-10 09:00:00 UTC", "", "Hi", "INBOX", "", "FALSE"),
        ("c1", "", *me, ana[0], ana[1], "2026-11-10 10:00:00 UTC", "", "Yo", "INBOX", "", "FALSE"),
        ("c1", "", *me, ana[0], ana[1], "2026-11-11 10:00:00 UTC", "", "Hm", "INBOX", "",
         "TRUE"),
        ("c2", "", *me, "Bo Chen; Cy Doe",
         "https://www.linkedin.com/in/bo-chen;https://www.linkedin.com/in/cy-doe",
         "2026-11-09 10:00:00 UTC", "", "All", "INBOX", "", "FALSE"),
    ]  # fmt: skip
    path.write_bytes(messages_2026_csv(rows))
    batch = read_export(path)
    assert sorted((t.name, t.at) for t in batch.talks) == [
        ("Ana Lima", local("2026-11-10 10:00:00")),  # one per day: the day's last message
        ("Bo Chen", local("2026-11-09 10:00:00")),
        ("Cy Doe", local("2026-11-09 10:00:00")),
    ]  # the draft of 11 Nov was never sent


def test_old_messages_without_profile_urls_are_read_by_name(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    header = ("From", "To", "Date", "Subject", "Content", "Direction")
    rows = [
        ("Ana Lima", "Me Myself", "2019-03-01 10:00:00 UTC", "", "Hi", "INCOMING"),
        ("Me Myself", "Ana Lima", "2019-03-02 10:00:00 UTC", "", "Hi!", "OUTGOING"),
        ("Me Myself", "Bo Chen", "2019-03-02 11:00:00 UTC", "", "Yo", "OUTGOING"),
    ]
    path.write_bytes(csv_text(header, rows).encode("utf-8"))
    batch = read_export(path)
    assert sorted((t.name, t.profile_url, t.at.date()) for t in batch.talks) == [
        ("Ana Lima", "", local("2019-03-01 10:00:00").date()),
        ("Ana Lima", "", local("2019-03-02 10:00:00").date()),
        ("Bo Chen", "", local("2019-03-02 11:00:00").date()),
    ]


def test_a_folder_reads_as_the_zip_does(tmp_path: Path) -> None:
    zipped = read_export(write_zip(tmp_path / "export.zip"))
    folder = read_export(write_folder(tmp_path / "export"))
    assert without_origins(folder) == without_origins(zipped)


def test_one_csv_is_recognised_by_its_header_not_its_name(tmp_path: Path) -> None:
    path = tmp_path / "renamed.csv"
    path.write_bytes(invitations_csv(old=True))
    batch = read_export(path)
    assert batch.files == (str(path),) and not batch.people
    assert [i.name for i in batch.invites] == ["Kim Park", "Lee Wong"]


def test_a_csv_of_another_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "Profile.csv"
    path.write_bytes(export_files()["Profile.csv"])
    with pytest.raises(BadInput, match="not a file of the LinkedIn export"):
        read_export(path)


def test_a_connection_date_netday_cannot_read_is_left_empty_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    rows = [("Ana", "Lima", "https://www.linkedin.com/in/ana", "", "", "", "sometime")]
    path.write_bytes(connections_csv(rows))
    batch = read_export(path)
    (ana,) = batch.people
    assert ana.connected_on is None and not batch.rejected
    assert batch.notes == (f"{path}:5: Connected On 'sometime' is not a date; left empty",)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("15 Mar 2023", dt.date(2023, 3, 15)),
        ("01-Jul-25", dt.date(2025, 7, 1)),
        ("2026-11-22", dt.date(2026, 11, 22)),
        ("3/4/2026", dt.date(2026, 3, 4)),
        ("not a day", None),
    ],
)
def test_parse_day(text: str, day: dt.date | None) -> None:
    assert parse_day(text) == day


def test_parse_moment_reads_linkedin_shapes_and_moves_utc_to_local() -> None:
    assert parse_moment("1/29/26, 2:37\u202fPM") == dt.datetime(2026, 1, 29, 14, 37)
    utc = dt.datetime(2026, 11, 10, 15, 33, 58, tzinfo=dt.UTC)
    assert parse_moment("2026-11-10 15:33:58 UTC") == utc.astimezone().replace(tzinfo=None)
    assert parse_moment("13/45/26, 25:61 PM") is None
