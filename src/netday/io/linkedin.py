"""The LinkedIn data export: the ZIP LinkedIn sends, its folder, or one of its CSVs.

Files are recognised by their header, not their name, so a renamed CSV still works
and a CSV of another kind is refused. Facts about the files (checked against public
parsers of them): Connections.csv may start with a BOM and a few lines of notes; dates
come as `15 Mar 2023` or `01-Jul-25`; Invitations.csv dates as `1/29/26, 2:37 PM`;
messages.csv dates in UTC as `2023-06-11 15:33:58 UTC` (its header quoted, its columns
varying by era: they are read by name, and only FROM, TO and DATE are required);
Endorsement_Given_Info.csv and Endorsement_Received_Info.csv (`Endorsement Date,Skill
Name,Endorsee|Endorser First Name,... Last Name,... Public Url,Endorsement Status`)
dates as `2021/05/21 15:13:21 UTC` and URLs without a scheme;
Recommendations_Given.csv and Recommendations_Received.csv (`First Name,Last
Name,Company,Job Title,Text,Creation Date,Status`, the same header: the file's name
says which way) dates as `08/30/22, 05:51 PM` (or a bare date). Rows with the status
HIDDEN are skipped; a PENDING recommendation received is an open ask.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from netday.cleaning import strip_controls
from netday.io.sources import (
    BadInput,
    check_size,
    decode,
    is_folder,
    open_file,
    read_bounded,
    read_bytes,
    walk,
)
from netday.io.table import Row, find_header, read_rows
from netday.limits import UNPACKED_BYTES
from netday.services.records import (
    PENDING_ASK,
    FollowRecord,
    ImportBatch,
    InviteRecord,
    Origin,
    PersonRecord,
    Rejected,
    TalkRecord,
    VouchRecord,
)
from netday.vocabulary import Direction, InteractionKind, InviteDirection

CONNECTIONS = ("First Name", "Last Name", "Company", "Position")
INVITATIONS = ("From", "To", "Sent At", "Message", "Direction")
FOLLOWS = ("Organization", "Followed On")
MESSAGES = ("FROM", "TO", "DATE")
"""The columns every era of messages.csv has; the profile URLs, FOLDER and IS MESSAGE
DRAFT are read when there."""
ENDORSEMENTS_GIVEN = ("Endorsement Date", "Skill Name", "Endorsee First Name", "Endorsee Last Name")
ENDORSEMENTS_RECEIVED = (
    "Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
)  # fmt: skip
RECOMMENDATIONS = ("First Name", "Last Name", "Text", "Creation Date", "Status")
HIDDEN = "HIDDEN"
PENDING = "PENDING"

DAY_FORMATS = ("%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%b %d, %Y")
MOMENT_FORMATS = (
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y, %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
)
NOTES_SHOWN = 20


@dataclass(frozen=True)
class _Kind:
    label: str
    required: tuple[str, ...]
    read: Callable[[str, str, _Collector], None]


class _Collector:
    """Records gathered over the files of one export."""

    def __init__(self) -> None:
        self.people: list[PersonRecord] = []
        self.invites: list[InviteRecord] = []
        self.follows: list[FollowRecord] = []
        self.talks: list[TalkRecord] = []
        self.vouches: list[VouchRecord] = []
        self.rejected: list[Rejected] = []
        self.notes: list[str] = []
        self.files: list[str] = []

    def reject(self, name: str, line: int, reason: str) -> None:
        self.rejected.append(Rejected(Origin(name, line), reason))

    def note(self, text: str) -> None:
        if len(self.notes) < NOTES_SHOWN:
            self.notes.append(text)


def parse_day(text: str) -> dt.date | None:
    clean = " ".join(text.split())
    for fmt in DAY_FORMATS:
        try:
            return dt.datetime.strptime(clean, fmt).date()
        except ValueError:
            continue
    return None


def parse_moment(text: str) -> dt.datetime | None:
    """A local naive time: UTC stamps (messages.csv) are moved to the local zone."""
    clean = " ".join(text.replace("\u202f", " ").split())
    if clean.endswith(" UTC"):
        bare = clean.removesuffix(" UTC")
        for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S"):
            try:
                utc = dt.datetime.strptime(bare, fmt).replace(tzinfo=dt.UTC)
            except ValueError:
                continue
            return utc.astimezone().replace(tzinfo=None)
        return None
    for fmt in MOMENT_FORMATS:
        try:
            return dt.datetime.strptime(clean, fmt)
        except ValueError:
            continue
    return None


def _read_connections(name: str, text: str, out: _Collector) -> None:
    for row in read_rows(name, text, CONNECTIONS):
        full = " ".join(f"{row.get('first name')} {row.get('last name')}".split())
        url = row.get("url")
        if not full:
            out.reject(name, row.line, "no name (LinkedIn leaves it out for some members)")
            continue
        raw_day = row.get("connected on")
        day = parse_day(raw_day) if raw_day else None
        if raw_day and day is None:
            out.note(f"{name}:{row.line}: Connected On {raw_day!r} is not a date; left empty")
        email = row.get("email address")
        out.people.append(
            PersonRecord(
                origin=Origin(name, row.line),
                source="linkedin",
                full_name=full,
                company=row.get("company"),
                role=row.get("position"),
                profile_url=url,
                emails=(email,) if email else (),
                connected_on=day,
            )
        )


def _read_invitations(name: str, text: str, out: _Collector) -> None:
    for row in read_rows(name, text, INVITATIONS):
        direction = row.get("direction").upper()
        if direction not in ("INCOMING", "OUTGOING"):
            out.reject(
                name, row.line, f"Direction is {row.get('direction')!r}, not INCOMING or OUTGOING"
            )
            continue
        sent_at = parse_moment(row.get("sent at"))
        if sent_at is None:
            out.reject(name, row.line, f"Sent At {row.get('sent at')!r} is not a date and time")
            continue
        incoming = direction == "INCOMING"
        person = row.get("from") if incoming else row.get("to")
        url = row.get("inviterprofileurl") if incoming else row.get("inviteeprofileurl")
        if not person and not url:
            out.reject(name, row.line, "no name and no profile")
            continue
        out.invites.append(
            InviteRecord(
                origin=Origin(name, row.line),
                direction=InviteDirection.RECEIVED if incoming else InviteDirection.SENT,
                name=person or url,
                profile_url=url,
                message=row.cells.get("message", ""),
                sent_at=sent_at,
            )
        )


def _read_follows(name: str, text: str, out: _Collector) -> None:
    for row in read_rows(name, text, FOLLOWS):
        company = row.get("organization")
        if not company:
            out.reject(name, row.line, "no organisation")
            continue
        out.follows.append(FollowRecord(Origin(name, row.line), company))


def _split_urls(text: str) -> list[str]:
    return [u.strip() for u in text.replace(";", ",").split(",") if u.strip()]


def _names(text: str) -> list[str]:
    """The names of a TO cell: `;` parts them in newer exports, `,` in older ones."""
    return [n.strip() for n in text.split(";" if ";" in text else ",")]


def _read_messages(name: str, text: str, out: _Collector) -> None:
    """One record per person per day with messages (the day's last one): every day you
    talked, not every message. Read row by row, keeping only those days, never the
    messages' text, so 100,000 messages cost one small entry per person-day."""
    days: dict[tuple[str, dt.date], TalkRecord] = {}
    seen = Counter[str]()
    for row in read_rows(name, text, MESSAGES):
        if row.get("folder").upper() == "SPAM" or row.get("is message draft").upper() == "TRUE":
            continue
        at = parse_moment(row.get("date"))
        if at is None:
            out.reject(name, row.line, f"DATE {row.get('date')!r} is not a date and time")
            continue
        senders = [(row.get("from"), row.get("sender profile url"))]
        names = _names(row.get("to"))
        urls = _split_urls(row.get("recipient profile urls"))
        if len(names) != len(urls):
            names = [""] * len(urls) if urls else names
            urls = urls or [""] * len(names)
        people = senders + list(zip(names, urls, strict=True))
        seen.update({url or person for person, url in people if url or person})
        for person, url in people:
            key = url or person
            if not key:
                continue
            found = days.get((key, at.date()))
            if found is None or at > found.at:
                days[key, at.date()] = TalkRecord(Origin(name, row.line), person, url, at)
    if not days:
        return
    # The account holder is in every conversation: the most frequent participant.
    me = seen.most_common(1)[0][0]
    out.talks.extend(talk for (key, _), talk in days.items() if key != me)


def _vouch_moment(
    name: str, line: int, raw: str, column: str, out: _Collector
) -> dt.datetime | None:
    at = parse_moment(raw)
    if at is None:
        day = parse_day(raw)
        at = None if day is None else dt.datetime.combine(day, dt.time())
    if at is None:
        out.reject(name, line, f"{column} {raw!r} is not a date")
    return at


def _person_key(url: str, person: str) -> str:
    """Who a row is about, within one file: the profile URL, else the name."""
    return url.casefold() or " ".join(person.casefold().split())


def _endorsements(given: bool) -> Callable[[str, str, _Collector], None]:
    """The reader of the endorsements you gave (`given`) or received: one record per
    person per day, the day's skills together ("Endorsed you for Python, SQL")."""
    who = "endorsee" if given else "endorser"

    def read(name: str, text: str, out: _Collector) -> None:
        days: dict[tuple[str, dt.date], tuple[Row, dt.datetime, list[str]]] = {}
        hidden = 0
        for row in read_rows(name, text, ENDORSEMENTS_GIVEN if given else ENDORSEMENTS_RECEIVED):
            if row.get("endorsement status").upper() == HIDDEN:
                hidden += 1
                continue
            person = " ".join(
                f"{row.get(who + ' first name')} {row.get(who + ' last name')}".split()
            )
            url = row.get(f"{who} public url")
            if not person and not url:
                out.reject(name, row.line, "no name and no profile")
                continue
            at = _vouch_moment(name, row.line, row.get("endorsement date"), "Endorsement Date", out)
            if at is None:
                continue
            first = days.setdefault((_person_key(url, person), at.date()), (row, at, []))
            skill = row.get("skill name")
            if skill and skill not in first[2]:
                first[2].append(skill)
        for row, at, skills in days.values():
            person = " ".join(
                f"{row.get(who + ' first name')} {row.get(who + ' last name')}".split()
            )
            said = ", ".join(skills) or "a skill"
            out.vouches.append(
                VouchRecord(
                    origin=Origin(name, row.line),
                    kind=InteractionKind.ENDORSEMENT,
                    direction=Direction.GAVE if given else Direction.ASKED,
                    name=person or row.get(f"{who} public url"),
                    profile_url=row.get(f"{who} public url"),
                    at=at,
                    summary=f"Endorsed them for {said}" if given else f"Endorsed you for {said}",
                )
            )
        if hidden:
            out.note(f"{name}: {hidden} hidden endorsement(s) skipped")

    return read


def _recommendations(given: bool) -> Callable[[str, str, _Collector], None]:
    """The reader of the recommendations you wrote (`given`) or received; a PENDING one
    received is an open ask."""

    def read(name: str, text: str, out: _Collector) -> None:
        hidden = 0
        for row in read_rows(name, text, RECOMMENDATIONS):
            status = row.get("status").upper()
            if status == HIDDEN:
                hidden += 1
                continue
            person = " ".join(f"{row.get('first name')} {row.get('last name')}".split())
            if not person:
                out.reject(name, row.line, "no name")
                continue
            at = _vouch_moment(name, row.line, row.get("creation date"), "Creation Date", out)
            if at is None:
                continue
            pending = not given and status == PENDING
            words = row.cells.get("text", "").strip()
            if given:
                summary = "You recommended them"
            elif pending:
                summary = PENDING_ASK
            else:
                summary = "Recommended you"
            out.vouches.append(
                VouchRecord(
                    origin=Origin(name, row.line),
                    kind=InteractionKind.RECOMMENDATION,
                    direction=Direction.GAVE if given else Direction.ASKED,
                    name=person,
                    profile_url="",
                    at=at,
                    summary=f"{summary}: {words}" if words else summary,
                    pending=pending,
                )
            )
        if hidden:
            out.note(f"{name}: {hidden} hidden recommendation(s) skipped")

    return read


KINDS = {
    "connections": _Kind("Connections.csv", CONNECTIONS, _read_connections),
    "invitations": _Kind("Invitations.csv", INVITATIONS, _read_invitations),
    "follows": _Kind("Company Follows.csv", FOLLOWS, _read_follows),
    "messages": _Kind("messages.csv", MESSAGES, _read_messages),
    "endorsements given": _Kind(
        "Endorsement_Given_Info.csv", ENDORSEMENTS_GIVEN, _endorsements(given=True)
    ),
    "endorsements received": _Kind(
        "Endorsement_Received_Info.csv", ENDORSEMENTS_RECEIVED, _endorsements(given=False)
    ),
    "recommendations given": _Kind(
        "Recommendations_Given.csv", RECOMMENDATIONS, _recommendations(given=True)
    ),
    "recommendations received": _Kind(
        "Recommendations_Received.csv", RECOMMENDATIONS, _recommendations(given=False)
    ),
}
"""In the order they are read: people first, so invitations and messages can find them."""


def _kind_of(name: str, text: str) -> _Kind | None:
    """The kind whose header the file has; where two kinds share one (recommendations
    given and received), the file's name decides, and a name that does not is refused."""
    found = [k for k in KINDS.values() if find_header(name, text, k.required) is not None]
    if len(found) <= 1:
        return found[0] if found else None
    base = PurePosixPath(name).name.casefold()
    named = [k for k in found if k.label.casefold() == base]
    if len(named) == 1:
        return named[0]
    raise BadInput(
        f"{name}: could be {' or '.join(k.label for k in found)}; "
        "keep the name LinkedIn gave the file so netday can tell which"
    )


def _read_file(name: str, data: bytes, out: _Collector, *, must_know: bool) -> None:
    text = decode(name, data)
    if not text.strip():
        raise BadInput(f"{name}: the file is empty")
    kind = _kind_of(name, text)
    if kind is None:
        if must_know:
            raise BadInput(
                f"{name}: not a file of the LinkedIn export (netday reads "
                + ", ".join(k.label for k in KINDS.values())
                + "; their header was not found)"
            )
        return
    kind.read(name, text, out)
    out.files.append(name)


def _wanted(filename: str) -> bool:
    base = PurePosixPath(filename).name.casefold()
    return base in {k.label.casefold() for k in KINDS.values()}


def _order(names: Iterable[str], where: Path) -> list[str]:
    """The export's files in reading order; two of one kind (two exports unpacked into one
    folder, say) are refused rather than read twice over."""
    rank = {k.label.casefold(): i for i, k in enumerate(KINDS.values())}
    first: dict[str, str] = {}
    for name in names:
        base = PurePosixPath(name).name.casefold()
        if base in first:
            raise BadInput(
                f"{where}: holds two {PurePosixPath(name).name} ({first[base]} and {name}); "
                "import one export at a time"
            )
        first[base] = name
    return sorted(first.values(), key=lambda n: rank.get(PurePosixPath(n).name.casefold(), 99))


ENCRYPTED = 0x1
"""The ZIP flag bit of a password-protected member."""


def _read_zip(path: Path, stream: BinaryIO, out: _Collector) -> None:
    """Members are read through a bounded stream: a member's stated size is not trusted,
    so a ZIP bomb stops at FILE_BYTES per file and UNPACKED_BYTES in all."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise _damaged(path, exc) from None
    unpacked = 0
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and _wanted(m.filename)]
        by_name = {m.filename: m for m in members}
        for member_name in _order(by_name, path):
            member = by_name[member_name]
            label = f"{path.name}/{strip_controls(member.filename)}"
            data = _unpack(archive, member, label, path)
            unpacked += len(data)
            if unpacked > UNPACKED_BYTES:
                raise BadInput(f"{path}: unpacks to more than {UNPACKED_BYTES >> 20} MB")
            _read_file(label, data, out, must_know=False)


def _unpack(archive: zipfile.ZipFile, member: zipfile.ZipInfo, label: str, path: Path) -> bytes:
    if member.flag_bits & ENCRYPTED:
        raise _encrypted(label)
    check_size(label, member.file_size)
    try:
        with archive.open(member) as unpacking:
            return read_bounded(label, unpacking)
    except RuntimeError:  # zipfile's word for "encrypted, password required"
        raise _encrypted(label) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise _damaged(path, exc) from None


def _damaged(path: Path, exc: Exception) -> BadInput:
    return BadInput(f"{path}: the ZIP is damaged or incomplete ({exc}); download the export again")


def _encrypted(what: str) -> BadInput:
    return BadInput(
        f"{what}: is password-protected; netday cannot read encrypted ZIPs "
        "(unzip it yourself and import the folder)"
    )


def read_export(path: Path) -> ImportBatch:
    """Everything netday can use from a LinkedIn export, or BadInput before any write."""
    out = _Collector()
    if not path.exists():
        raise BadInput(f"{path}: no such file or folder")
    if is_folder(path):
        found = [p for p in walk(path) if _wanted(p.name)]
        for name in _order((p.relative_to(path).as_posix() for p in found), path):
            label = strip_controls(str(Path(path.name) / name))
            _read_file(label, read_bytes(path / name), out, must_know=False)
    else:
        with open_file(path) as stream:
            if zipfile.is_zipfile(stream) or path.suffix.casefold() == ".zip":
                stream.seek(0)
                _read_zip(path, stream, out)
            else:
                stream.seek(0)
                data = read_bounded(str(path), stream)
                _read_file(str(path), data, out, must_know=True)
    if not out.files:
        raise BadInput(
            f"{path}: no LinkedIn export files found (looked for "
            + ", ".join(k.label for k in KINDS.values())
            + ")"
        )
    return ImportBatch(
        kind="linkedin",
        files=tuple(out.files),
        people=tuple(out.people),
        invites=tuple(out.invites),
        follows=tuple(out.follows),
        talks=tuple(out.talks),
        vouches=tuple(out.vouches),
        rejected=tuple(out.rejected),
        notes=tuple(out.notes),
    )
