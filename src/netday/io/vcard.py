"""vCard in and out (2.1, 3.0 and 4.0 in; 3.0 out), read by netday's own parser alone.

Real address books write vCards a strict library cannot read as they are:
quoted-printable values broken over lines (Android, Outlook), base64 photos continued
without the folding space (iPhone), a PROFILE line inside the card (Lotus Notes),
commas in FN, ORG and TITLE (vCard 2.1), escaped colons in URL. Each file is split into
logical lines here, those quirks repaired, and every line of a card checked against
the content-line grammar (`name;params:value`): a line that is not a property refuses
the file, naming its line. The card as it came is kept, so an export gives back what
netday does not model.

vobject has no part in reading. It used to parse every card a second time, as a gate,
and refused cards netday had read well (a picture property whose base64 was cut short
refused the whole file) while adding nothing the grammar check does not. It stays in
the tests only, as an independent reader of what netday *writes*.
"""

from __future__ import annotations

import datetime as dt
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from netday.cleaning import quoted
from netday.io.contentlines import (
    content_line,
    content_text,
    escape_text,
    unescape_text,
    verbatim,
)
from netday.io.sources import BadInput, decode, read_bytes
from netday.limits import FIELD_CHARS, VCARD_LINES
from netday.services.records import (
    ContactRecord,
    ImportBatch,
    NetdayFields,
    Origin,
    PersonRecord,
    Rejected,
)

BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
"""Pictures and keys: kept in the original card, never parsed."""
SET_ASIDE = BINARY | {"PROFILE", "AGENT"}
"""Kept as they came without being checked: pictures and keys, the PROFILE line, and an
AGENT with the card nested in it."""
MANAGED = frozenset(
    {"FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "URL", "NOTE", "BDAY", "CATEGORIES"}
)
"""Properties netday models; an export writes them from netday's data when they changed."""
FRAME = frozenset({"BEGIN", "END", "VERSION", "PRODID", "REV"})
NAME_RE = re.compile(r"^(?:[\w-]+\.)?([\w-]+)(?=[;:])", re.ASCII)
"""The name of a property (after its group, if any): letters, digits and dashes, and the
underscore Lotus Notes writes."""
_PARAM_VALUE = r'(?:"[^"]*"|[^";:,]*)'
_PROPERTY = re.compile(
    rf"(?:[\w-]+\.)?[\w-]+(?:;[\w-]+(?:={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)?)*:", re.ASCII
)
"""RFC 6350 (3.3) content line up to the colon before the value: `[group.]name`, then
parameters, each `;name`, `;name=value` or `;name=a,b`, a value quoted if it holds a
colon or a semicolon (a bare `;TYPE` is vCard 2.1). Unambiguous, so it runs in linear
time on the longest line `LINE_CHARS` allows."""
LINE_CHARS = 10 * FIELD_CHARS
"""One unfolded line before decoding: room for a full field of three-byte characters
quoted-printable encoded (=XX for each byte), with its name and parameters. Pictures
and keys are exempt (they are set aside, never parsed)."""
_PHYSICAL = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Line:
    """One logical (unfolded) line, the physical line it starts on and, in the text it
    came from, where its first physical line begins and its last one ends."""

    number: int
    text: str
    start: int = 0
    end: int = 0

    @property
    def name(self) -> str:
        match = NAME_RE.match(self.text)
        return match.group(1).upper() if match else ""

    @property
    def params(self) -> str:
        head = _split_unquoted(self.text, ":")[0]
        return head[len(head.split(";", 1)[0]) :].upper()

    @property
    def value(self) -> str:
        parts = _split_unquoted(self.text, ":")
        return parts[1] if len(parts) > 1 else ""


def _split_unquoted(text: str, sep: str) -> list[str]:
    """Split once at the first `sep` outside double quotes (parameters may quote colons)."""
    first = text.find(sep)
    if first == -1:
        return [text]
    if '"' not in text[:first]:
        return [text[:first], text[first + 1 :]]
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            return [text[:i], text[i + 1 :]]
    return [text]


def _physical_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each physical line: CRLF, LF or a lone CR ends one, nothing
    else does (a U+2028 or a form feed inside a note is the note's business)."""
    for match in _PHYSICAL.finditer(text):
        raw = match.group().rstrip("\r\n")
        yield match.start(), match.start() + len(raw), raw


class _Unfolding:
    """The logical line being put together from its physical pieces, its length watched."""

    def __init__(self, file: str, number: int, start: int, end: int, raw: str) -> None:
        self.file, self.number, self.start, self.end = file, number, start, end
        self.parts = [raw]
        self.size = len(raw)
        head = Line(number, raw)
        params = head.params
        self.name = head.name
        self.binary = self.name in BINARY
        self.base64 = "BASE64" in params or "ENCODING=B" in params
        self.params = params if ":" in raw else None
        """Known once the colon after the parameters has been read (they may be folded)."""
        self._check_size()

    def add(self, piece: str, end: int) -> None:
        self.parts.append(piece)
        self.end = end
        self.size += len(piece)
        self._check_size()
        if self.params is None and ":" in piece:
            self.params = self.line().params

    def _check_size(self) -> None:
        if self.size > LINE_CHARS and not self.binary:
            raise BadInput(
                f"{self.file}:{self.number}: {self.name or 'a property'} is longer than "
                f"{LINE_CHARS:,} characters (netday keeps up to {FIELD_CHARS:,} of a field)"
            )

    def soft_break(self) -> bool:
        """Does the line so far end in a quoted-printable soft break ('=')?"""
        return self.parts[-1].endswith("=") and "QUOTED-PRINTABLE" in (self.params or "")

    def line(self) -> Line:
        return Line(self.number, "".join(self.parts), self.start, self.end)


def logical_lines(text: str, file: str = "") -> list[Line]:
    """Unfold: a leading space or tab continues a line; so does a quoted-printable soft
    break (a line ending in '='), and so does base64 text that is not indented.

    A line other than a picture or a key longer than LINE_CHARS, or more than
    VCARD_LINES lines, refuses the file as soon as it is seen, with its line number:
    past that, reading would cost memory and time, not just a card.
    """
    out: list[Line] = []
    current: _Unfolding | None = None
    in_base64 = False
    for number, (start, end, raw) in enumerate(_physical_lines(text), 1):
        if current and raw[:1] in (" ", "\t"):
            current.add(raw[1:], end)
            continue
        if current and current.soft_break():
            current.parts[-1] = current.parts[-1][:-1]
            current.add(raw, end)
            continue
        if in_base64 and current and raw.strip() and not NAME_RE.match(raw):
            current.add(raw.strip(), end)
            continue
        in_base64 = False
        if not raw.strip():
            continue
        if current:
            out.append(current.line())
        if len(out) >= VCARD_LINES:
            raise BadInput(
                f"{file}:{number}: more than {VCARD_LINES:,} lines; "
                f"netday reads up to {VCARD_LINES:,} lines of one vCard file"
            )
        current = _Unfolding(file, number, start, end, raw)
        in_base64 = current.base64
    if current:
        out.append(current.line())
    return out


def _decode_qp(line: Line) -> Line:
    """A quoted-printable value decoded (in its charset) and written as plain vCard text."""
    if "QUOTED-PRINTABLE" not in line.params:
        return line
    head, value = _split_unquoted(line.text, ":")
    charset = re.search(r"CHARSET=([A-Za-z0-9_-]+)", head, re.IGNORECASE)
    raw = quopri.decodestring(value.encode("latin-1", "replace"))
    try:
        text = raw.decode(charset.group(1) if charset else "utf-8")
    except (UnicodeDecodeError, LookupError):
        text = raw.decode("cp1252", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    params = [
        p
        for p in head.split(";")
        if not p.upper().startswith(("ENCODING=", "CHARSET=")) and p.upper() != "QUOTED-PRINTABLE"
    ]
    return Line(line.number, ";".join(params) + ":" + text, line.start, line.end)


@dataclass(frozen=True)
class Card:
    file: str
    start: int
    lines: tuple[Line, ...]
    """Normalised logical lines, BEGIN to END; nested cards (AGENT) are inside."""
    original: str

    def top_level(self) -> Iterator[Line]:
        """Lines of this card itself: not BEGIN/END, not those of a nested card."""
        depth = 0
        for line in self.lines:
            upper = line.text.strip().upper()
            if upper == "BEGIN:VCARD":
                depth += 1
                continue
            if upper == "END:VCARD":
                depth -= 1
                continue
            if depth == 1:
                yield line


def split_cards(name: str, text: str) -> list[Card]:
    """The cards of a file, each with its text as it came (line ends made CRLF).

    A property over its field's limit reaches the importer, which rejects that card
    with its line; one too long to read at all has refused the file already
    (`logical_lines`).
    """
    cards: list[Card] = []
    current: list[Line] = []
    depth = 0
    start = 0
    for line in logical_lines(text, name):
        upper = line.text.strip().upper()
        if upper == "BEGIN:VCARD":
            if depth == 0:
                start, current = line.number, []
            depth += 1
        elif depth == 0:
            raise BadInput(f"{name}:{line.number}: expected BEGIN:VCARD, found {line.text[:40]!r}")
        current.append(_decode_qp(line))
        if upper == "END:VCARD":
            depth -= 1
            if depth == 0:
                body = text[current[0].start : line.end]
                original = _LINE_END.sub("\r\n", body) + "\r\n"
                cards.append(Card(name, start, tuple(current), original))
    if depth:
        raise BadInput(f"{name}:{start}: this card never ends (END:VCARD is missing)")
    if not cards:
        raise BadInput(f"{name}: no vCard in this file (no BEGIN:VCARD)")
    return cards


def split_escaped(value: str, sep: str) -> list[str]:
    """Components split at each `sep` not escaped by a backslash, each unescaped."""
    parts, buf, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            buf.append(value[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append(unescape_text("".join(buf)))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append(unescape_text("".join(buf)))
    return parts


def _parse_day(value: str) -> dt.date | None:
    clean = value.strip().split("T")[0]
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(clean, fmt).date()
        except ValueError:
            continue
    return None


def _first(lines: list[Line], name: str) -> Line | None:
    return next((ln for ln in lines if ln.name == name), None)


def card_fields(card: Card) -> PersonRecord:
    """What netday takes from a card; also compared on export to see what changed since."""
    lines = list(card.top_level())

    def values(name: str) -> list[str]:
        return [unescape_text(ln.value).strip() for ln in lines if ln.name == name]

    fn = _first(lines, "FN")
    full_name = unescape_text(fn.value).strip() if fn else ""
    if not full_name and (n := _first(lines, "N")):
        family, given, extra, prefix, suffix = (split_escaped(n.value, ";") + [""] * 5)[:5]
        full_name = " ".join(p.strip() for p in (prefix, given, extra, family, suffix) if p.strip())
    org = _first(lines, "ORG")
    company = (
        next((p.strip() for p in split_escaped(org.value, ";") if p.strip()), "") if org else ""
    )
    emails = tuple(v for v in values("EMAIL") if "@" in v)
    phones = tuple(re.sub(r"^tel:", "", v, flags=re.IGNORECASE) for v in values("TEL") if v)
    profile = ""
    urls: list[str] = []
    for ln in lines:
        if ln.name != "URL":
            continue
        url = unescape_text(ln.value).strip()
        if not url:
            continue
        if not profile and ("PROFILE" in ln.params or "linkedin.com/in/" in url.casefold()):
            profile = url
        else:
            urls.append(url)
    if not full_name:
        full_name = company or (emails[0] if emails else "") or (phones[0] if phones else "")
    tags: list[str] = []
    for ln in lines:
        if ln.name == "CATEGORIES":
            # Thunderbird escapes the commas between categories; split on those too.
            tags += [unescape_text(t).strip() for t in re.split(r"\\?,", ln.value)]
    tags = [t for t in tags if t]
    bday = _first(lines, "BDAY")

    def own(name: str) -> str | None:
        line = _first(lines, f"X-NETDAY-{name}")
        return unescape_text(line.value).strip() if line else None

    netday = None
    if any(ln.name.startswith("X-NETDAY-") for ln in lines):
        netday = NetdayFields(
            tier=own("TIER"),
            circle=own("CIRCLE"),
            cadence=own("CADENCE"),
            why=own("WHY"),
            triage=own("TRIAGE"),
        )
    return PersonRecord(
        origin=Origin(card.file, card.start),
        source="vcard",
        full_name=" ".join(full_name.split()),
        company=company,
        role=" ".join(values("TITLE")[:1]),
        profile_url=profile,
        emails=emails,
        phones=phones,
        urls=tuple(urls),
        notes="\n\n".join(v for v in values("NOTE") if v),
        birthday=_parse_day(bday.value) if bday else None,
        tags=tuple(tags),
        vcard=card.original,
        netday=netday,
    )


def _check_properties(card: Card) -> None:
    """Every line of the card itself (SET_ASIDE lines apart) is a property, or the file
    is refused: what the reader lets through is written back as it came, so this is also
    what keeps netday's exports readable by other address books."""
    for line in card.top_level():
        if line.name not in SET_ASIDE and not _PROPERTY.match(line.text):
            raise BadInput(f"{card.file}:{line.number}: not a vCard property ({quoted(line.text)})")


def read_vcard_files(paths: Iterable[Path]) -> ImportBatch:
    people: list[PersonRecord] = []
    rejected: list[Rejected] = []
    files: list[str] = []
    for path in paths:
        name = str(path)
        text = decode(name, read_bytes(path), fallback="cp1252")
        for card in split_cards(name, text):
            _check_properties(card)
            record = card_fields(card)
            if not record.full_name:
                rejected.append(Rejected(record.origin, "a card with no name, e-mail or phone"))
                continue
            people.append(record)
        files.append(name)
    return ImportBatch(
        kind="vcard", files=tuple(files), people=tuple(people), rejected=tuple(rejected)
    )


# --- writing ---------------------------------------------------------------------------


def _name_parts(full_name: str) -> str:
    words = full_name.split()
    family = words[-1] if len(words) > 1 else full_name
    given = " ".join(words[:-1]) if len(words) > 1 else ""
    return f"{escape_text(family)};{escape_text(given)};;;"


def _fresh(record: ContactRecord, group: str) -> list[str]:
    """The lines of one managed property group, written from netday's data."""
    line = content_line
    if group == "FN":
        return [line("FN", escape_text(record.full_name)), line("N", _name_parts(record.full_name))]
    if group == "ORG":
        return [line("ORG", escape_text(record.company))] if record.company else []
    if group == "TITLE":
        return [line("TITLE", escape_text(record.role))] if record.role else []
    if group == "EMAIL":
        return [line("EMAIL", verbatim(e), "TYPE=INTERNET") for e in _emails(record)]
    if group == "TEL":
        return [line("TEL", escape_text(p)) for p in _phones(record)]
    if group == "URL":
        urls = [line("URL", verbatim(u)) for u in record.urls]
        if record.profile_url:
            urls.insert(0, line("URL", verbatim(record.profile_url), "TYPE=PROFILE"))
        return urls
    if group == "NOTE":
        return [line("NOTE", escape_text(record.notes))] if record.notes else []
    if group == "BDAY":
        return [line("BDAY", record.birthday.isoformat())] if record.birthday else []
    if group == "CATEGORIES":
        tags = ",".join(escape_text(t) for t in record.tags)
        return [line("CATEGORIES", tags)] if record.tags else []
    raise ValueError(group)


def _emails(record: ContactRecord) -> list[str]:
    return [e for e in (record.email, *record.emails) if e]


def _phones(record: ContactRecord) -> list[str]:
    return [p for p in (record.phone, *record.phones) if p]


def _unchanged(record: ContactRecord, was: PersonRecord, group: str) -> bool:
    """Does netday still hold what it read from the original card for this property?"""
    if group in ("FN", "N"):
        return record.full_name == was.full_name
    if group == "ORG":
        return record.company == was.company
    if group == "TITLE":
        return record.role == was.role
    if group == "EMAIL":
        return _emails(record) == list(was.emails)
    if group == "TEL":
        return _phones(record) == list(was.phones)
    if group == "URL":
        return (record.profile_url, record.urls) == (was.profile_url, was.urls)
    if group == "NOTE":
        return record.notes == was.notes
    if group == "BDAY":
        return record.birthday == was.birthday
    if group == "CATEGORIES":
        return sorted({t.lower() for t in was.tags}) == list(record.tags)
    return True


def _netday_lines(record: ContactRecord) -> list[str]:
    """netday's own judgement, as X-NETDAY-* properties its import reads back."""
    lines = [
        content_line("X-NETDAY-TIER", verbatim(record.tier)),
        content_line("X-NETDAY-CIRCLE", verbatim(record.circle)),
    ]
    if record.cadence:
        lines.append(content_line("X-NETDAY-CADENCE", escape_text(record.cadence)))
    if record.why:
        lines.append(content_line("X-NETDAY-WHY", escape_text(record.why)))
    if record.triage:
        lines.append(content_line("X-NETDAY-TRIAGE", verbatim(record.triage)))
    return lines


def card_text(record: ContactRecord) -> str:
    """One vCard for a contact: the original card's lines where netday's data is as imported."""
    groups = ("FN", "ORG", "TITLE", "EMAIL", "TEL", "URL", "NOTE", "BDAY", "CATEGORIES")
    body: list[str] = []
    version = "3.0"
    if record.vcard:
        card = split_cards("stored card", record.vcard)[0]
        was = card_fields(card)
        kept: set[str] = {g for g in groups if _unchanged(record, was, g)}
        if kept and "FN" in kept:
            kept.add("N")
        version_line = _first(list(card.top_level()), "VERSION")
        version = version_line.value.strip() if version_line else version
        depth = 0
        for line in card.lines[1:-1]:
            upper = line.text.strip().upper()
            depth += upper == "BEGIN:VCARD"
            nested = depth > 0  # a nested card (AGENT) is kept whole
            depth -= upper == "END:VCARD"
            name = line.name
            dropped = name.startswith("X-NETDAY-") or name in FRAME
            dropped = dropped or (name in MANAGED and name not in kept)
            if nested or not dropped:
                body.append(verbatim(line.text))  # as it came, less any control character
        for group in groups:
            if group not in kept:
                body += _fresh(record, group)
    else:
        for group in groups:
            body += _fresh(record, group)
    head = [content_line("BEGIN", "VCARD"), content_line("VERSION", verbatim(version))]
    return content_text([*head, *body, *_netday_lines(record), content_line("END", "VCARD")])


def write_vcards(records: Iterable[ContactRecord]) -> Iterator[str]:
    for record in records:
        yield card_text(record)
