"""The vCard reader and writer called directly, and vobject as an independent reader of
what netday writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import vobject

from netday.io.sources import BadInput
from netday.io.vcard import card_text, read_vcard_files, split_cards, write_vcards
from netday.services.records import ContactRecord, NetdayFields, PersonRecord
from tests.io.test_vcard import OWN_CARDS

OUTLOOK_PICTURE = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N:Chen;Bo\r\n"
    "FN:Bo Chen\r\n"
    "EMAIL;PREF;INTERNET:bo@example.com\r\n"
    "X-MS-CARDPICTURE;TYPE=JPEG;ENCODING=BASE64:/9j/4AAQS\r\n"
    "END:VCARD\r\n"
)
"""Outlook's own picture property, its base64 cut short (9 characters cannot be base64):
vobject decodes every ENCODING=BASE64 value and refused the whole file; netday does not
model the property, keeps it as it came and reads the card."""


def write(tmp_path: Path, text: str, name: str = "cards.vcf") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def contact(**changes: object) -> ContactRecord:
    """A contact as `services.exporting` hands it to the writer."""
    base = ContactRecord(
        id=1,
        full_name="Ana Lima",
        company="Initech, Inc.",
        role="VP; Sales",
        email="ana@initech.example",
        phone="+1 555 0100",
        profile_url="https://www.linkedin.com/in/ana",
        emails=("ana@home.example",),
        phones=(),
        urls=("https://ana.example/blog",),
        notes="Met at PyCon.\nLikes long walks; and commas, too \\ backslashes.",
        birthday=dt.date(1985, 4, 3),
        tags=("mentors", "work"),
        tier="A",
        circle="professional",
        why="mentor; met at PyCon, 2019",
        cadence="every 3 weeks",
        cadence_kind="relative",
        cadence_rule=None,
        next_due=None,
        connected_on=None,
        triage=None,
        archived=False,
        vcard=None,
        updated_at=dt.datetime(2026, 11, 22, 12, 0),
    )
    return dataclasses.replace(base, **changes)


def read_back(tmp_path: Path, record: ContactRecord) -> PersonRecord:
    batch = read_vcard_files([write(tmp_path, card_text(record), "one.vcf")])
    assert not batch.rejected
    (person,) = batch.people
    return person


# --- reading -----------------------------------------------------------------------------


def test_reading_own_cards_gives_the_records(tmp_path: Path) -> None:
    path = write(tmp_path, OWN_CARDS)
    batch = read_vcard_files([path])
    assert batch.kind == "vcard" and batch.files == (str(path),) and not batch.rejected
    jose, anna = batch.people
    assert (jose.origin.line, jose.full_name, jose.phones) == (
        1,
        "José Núñez",
        ("+34 600 000 000",),
    )
    assert jose.notes == "Met at the\nconference, in a long queue"
    assert anna.origin.line == 9
    assert (anna.full_name, anna.company, anna.role) == (
        "Smith, Anna",
        "Initech, Inc.",
        "VP, Sales",
    )
    assert anna.emails == ("anna@initech.example", "anna@home.example")
    assert anna.profile_url == "http://www.linkedin.com/in/anna"
    assert anna.urls == ("https://anna.example/blog",)
    assert anna.birthday == dt.date(1985, 4, 3) and anna.tags == ("Work", "Mentors")
    assert anna.vcard is not None and "PHOTO;ENCODING=b" in anna.vcard
    assert anna.netday is None


def test_a_card_vobject_refused_is_read(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="base64"):
        vobject.readOne(OUTLOOK_PICTURE)
    (bo,) = read_vcard_files([write(tmp_path, OUTLOOK_PICTURE)]).people
    assert (bo.full_name, bo.emails) == ("Bo Chen", ("bo@example.com",))
    assert bo.vcard is not None and "X-MS-CARDPICTURE" in bo.vcard


@pytest.mark.parametrize(
    "line",
    [
        "hello world",
        "NOTE;TYPE=x",
        ":value",
        "EMAIL :a@example.com",
        "EMAIL; TYPE=work:a@example.com",
        'EMAIL;TYPE="work:a@example.com',
        "EMAIL;=x:a@example.com",
    ],
)
def test_a_line_that_is_not_a_property_refuses_the_file_naming_its_line(
    tmp_path: Path, line: str
) -> None:
    text = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\n{line}\r\nEND:VCARD\r\n"
    path = write(tmp_path, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n" + text)
    with pytest.raises(BadInput) as refused:
        read_vcard_files([path])
    assert str(refused.value).startswith(f"{path}:8: not a vCard property (")


def test_lotus_notes_underscores_and_old_style_parameters_are_properties(tmp_path: Path) -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Bo Chen\r\nX_LOTUS_CHILD:1\r\n"
        'TEL;WORK;VOICE:+1 555\r\nURL;X-LABEL="a:b";TYPE=HOME,PREF:https://bo.example\r\n'
        "END:VCARD\r\n"
    )
    (bo,) = read_vcard_files([write(tmp_path, text)]).people
    assert (bo.phones, bo.urls) == (("+1 555",), ("https://bo.example",))


def test_a_card_with_no_name_email_or_phone_is_rejected_not_refused(tmp_path: Path) -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nobody\r\nEND:VCARD\r\n" + OWN_CARDS
    batch = read_vcard_files([write(tmp_path, text)])
    assert len(batch.people) == 2
    (rejected,) = batch.rejected
    assert rejected.origin.line == 1 and "no name, e-mail or phone" in rejected.reason


# --- writing, and reading back -----------------------------------------------------------


def test_a_written_card_reads_back_as_the_record(tmp_path: Path) -> None:
    record = contact(triage="later")
    person = read_back(tmp_path, record)
    assert (person.full_name, person.company, person.role) == (
        record.full_name,
        record.company,
        record.role,
    )
    assert person.emails == (record.email, *record.emails)
    assert person.phones == (record.phone,)
    assert (person.profile_url, person.urls) == (record.profile_url, record.urls)
    assert (person.notes, person.birthday, person.tags) == (
        record.notes,
        record.birthday,
        record.tags,
    )
    assert person.netday == NetdayFields(
        tier="A", circle="professional", cadence="every 3 weeks", why=record.why, triage="later"
    )


def test_vobject_reads_what_netday_writes(tmp_path: Path) -> None:
    hostile = contact(full_name="Ana \x1b[2J<b>Lima</b>", notes="one\rtwo\x07, three; four")
    cards = list(vobject.readComponents("".join(write_vcards([contact(), hostile]))))
    assert [c.fn.value for c in cards] == ["Ana Lima", "Ana [2J<b>Lima</b>"]
    assert cards[0].org.value == ["Initech, Inc."]
    assert cards[0].note.value == contact().notes
    assert cards[1].note.value == "one\ntwo, three; four"
    assert [e.value for e in cards[0].contents["email"]] == [
        "ana@initech.example",
        "ana@home.example",
    ]


def test_an_imported_card_is_written_back_with_what_netday_does_not_model(tmp_path: Path) -> None:
    (anna_card,) = [c for c in split_cards("own", OWN_CARDS) if "Anna" in c.original]
    anna = contact(
        full_name="Smith, Anna",
        company="Initech, Inc.",
        role="CEO",  # changed in netday since the import
        email="anna@initech.example",
        emails=("anna@home.example",),
        phone="",
        profile_url="http://www.linkedin.com/in/anna",
        urls=("https://anna.example/blog",),
        notes="",
        birthday=dt.date(1985, 4, 3),
        tags=("mentors", "work"),
        vcard=anna_card.original,
    )
    text = card_text(anna).replace("\r\n ", "")
    assert "TITLE:CEO" in text and "VP\\, Sales" not in text
    for kept in ("ADR;TYPE=WORK:;;1 Main St", "item1.X-ABLabel:assistant", "PHOTO;ENCODING=b"):
        assert kept in text, kept
    person = read_back(tmp_path, anna)
    assert (person.full_name, person.role, person.company) == (
        "Smith, Anna",
        "CEO",
        "Initech, Inc.",
    )
    (card,) = vobject.readComponents(card_text(anna))
    assert card.title.value == "CEO"


def test_a_property_kept_as_it_came_is_written_back_and_read_again(tmp_path: Path) -> None:
    (card,) = split_cards("picture", OUTLOOK_PICTURE)
    written = card_text(contact(full_name="Bo Chen", vcard=card.original))
    assert "X-MS-CARDPICTURE;TYPE=JPEG;ENCODING=BASE64:/9j/4AAQS\r\n" in written
    (bo,) = read_vcard_files([write(tmp_path, written)]).people
    assert bo.full_name == "Bo Chen"
