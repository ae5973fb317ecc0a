"""The LinkedIn data export: the ZIP LinkedIn sends, its folder, or one of its CSVs.

Files are recognised by their header, not their name, so a renamed CSV still works
and a CSV of another kind is refused. Facts about the files (checked against public
parsers of them): Connections.csv may start with a BOM and a few lines of notes; dates
come as `15 Mar 2023` or `01-Jul-25`; Invitations.csv dates as `1/29/26, 2:37 PM`;
messages.csv dates in UTC as `2023-06-11 15:33:58 UTC`.
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
    FollowRecord,
    ImportBatch,
    InviteRecord,
    Origin,
    PersonRecord,
    Rejected,
    TalkRecord,
)
from netday.vocabulary import InviteDirection

CONNECTIONS = ("First Name", "Last Name", "Company", "Position")
INVITATIONS = ("From", "To", "Sent At", "Message", "Direction")
FOLLOWS = ("Organization", "Followed On")
MESSAGES = ("FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE")

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
        for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
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


def _read_messages(name: str, text: str, out: _Collector) -> None:
    """Only the last exchange with each person is kept: when you last talked."""
    rows: list[tuple[Row, dt.datetime, list[tuple[str, str]]]] = []
    seen = Counter[str]()
    for row in read_rows(name, text, MESSAGES):
        if row.get("folder").upper() == "SPAM":
            continue
        at = parse_moment(row.get("date"))
        if at is None:
            out.reject(name, row.line, f"DATE {row.get('date')!r} is not a date and time")
            continue
        senders = [(row.get("from"), row.get("sender profile url"))]
        names = [n.strip() for n in row.get("to").split(",")]
        urls = _split_urls(row.get("recipient profile urls"))
        if len(names) != len(urls):
            names = [""] * len(urls) if urls else names
            urls = urls or [""] * len(names)
        people = senders + list(zip(names, urls, strict=True))
        seen.update({url or person for person, url in people if url or person})
        rows.append((row, at, people))
    if not rows:
        return
    # The account holder is in every conversation: the most frequent participant.
    me = seen.most_common(1)[0][0]
    latest: dict[str, TalkRecord] = {}
    for row, at, people in rows:
        for person, url in people:
            key = url or person
            if not key or key == me:
                continue
            if key not in latest or at > latest[key].at:
                latest[key] = TalkRecord(Origin(name, row.line), person, url, at)
    out.talks.extend(latest.values())


KINDS = {
    "connections": _Kind("Connections.csv", CONNECTIONS, _read_connections),
    "invitations": _Kind("Invitations.csv", INVITATIONS, _read_invitations),
    "follows": _Kind("Company Follows.csv", FOLLOWS, _read_follows),
    "messages": _Kind("messages.csv", MESSAGES, _read_messages),
}
"""In the order they are read: people first, so invitations and messages can find them."""


def _kind_of(name: str, text: str) -> _Kind | None:
    for kind in KINDS.values():
        if find_header(name, text, kind.required) is not None:
            return kind
    return None


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
        rejected=tuple(out.rejected),
        notes=tuple(out.notes),
    )
