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
    export_files,
    invitations_csv,
    write_folder,
    write_zip,
)


def without_origins(batch: ImportBatch) -> list[object]:
    """Everything read, less where it was read from (a ZIP and a folder name files apart)."""
    records = [*batch.people, *batch.invites, *batch.follows, *batch.talks, *batch.rejected]
    return [dataclasses.replace(r, origin=Origin("", r.origin.line)) for r in records]


def test_a_zip_gives_people_invitations_follows_and_last_talks(tmp_path: Path) -> None:
    batch = read_export(write_zip(tmp_path / "export.zip"))
    assert batch.kind == "linkedin"
    assert batch.files == tuple(
        f"export.zip/{n}"
        for n in ("Connections.csv", "Invitations.csv", "Company Follows.csv", "messages.csv")
    )  # Profile.csv is not read; people come first
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
    talks = {t.name: t for t in batch.talks}
    assert sorted(talks) == ["Ana Lima", "Bo Chen"]  # not the account holder, not spam
    last = dt.datetime(2026, 11, 12, 8, 0, tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    assert talks["Ana Lima"].at == last  # the later of the two messages, in local time


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
