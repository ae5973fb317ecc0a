"""Content lines, the text format vCard (RFC 6350) and iCalendar (RFC 5545) share.

Both write a record as `NAME;PARAM=x:value` lines, escape TEXT values the same way
(backslash, semicolon, comma, line breaks) and fold lines longer than 75 octets with a
leading space. The vCard and iCalendar writers build their lines here, so a fix to
escaping or folding reaches both. (Folding here is about line length; the accent
folding that makes "José" match "jose" is `netday.normalise.fold`.)
"""

from __future__ import annotations

from collections.abc import Iterable

from netday.cleaning import block_controls_out, strip_controls

LINE_OCTETS = 75
"""Both RFCs: a content line SHOULD NOT be longer than 75 octets, line break excluded."""
LINE_END = "\r\n"


def escape_text(value: str) -> str:
    """A TEXT value as RFC 6350 (3.4) and RFC 5545 (3.3.11) write it: backslash, semicolon
    and comma escaped, every line break (a lone CR too) as \\n, other control characters
    dropped. A raw CR or LF would end the property and let the rest of a note be read as
    new properties."""
    return (
        block_controls_out(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def unescape_text(value: str) -> str:
    """The inverse of `escape_text`: \\n or \\N is a line break, a backslash before any
    other character stands for that character."""
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def verbatim(value: str) -> str:
    """A value written unescaped (a URI, an e-mail, a date, a recurrence rule, a line
    kept as it came): on one line, with no control characters, so it can never end its
    property early."""
    return strip_controls(value)


def content_line(name: str, value: str, *params: str) -> str:
    """`NAME;PARAM;PARAM:value`, the value as given: escape a TEXT value first
    (`escape_text`), pass anything else through `verbatim`."""
    return ";".join((name, *params)) + ":" + value


def fold_long_line(line: str) -> str:
    """A line longer than 75 octets continued on the next after a space, never in the
    middle of a character (a continuation holds 74 octets after its space)."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(ch)
        size += width
    pieces.append("".join(current))
    return (LINE_END + " ").join(pieces)


def content_text(lines: Iterable[str]) -> str:
    """Lines as a file holds them: each folded, each ended by CRLF."""
    return "".join(fold_long_line(line) + LINE_END for line in lines)
