"""The one cleaning step between the outside world and netday's data, and its mirror on output.

Text reaches netday from typing, command-line arguments, LinkedIn exports, vCards and
(later) sync. Before a service stores any of it, it passes through `clean_line` or
`clean_block`: control characters out (C0 except tab and newline where a field holds
several lines, DEL, C1, and so ESC), lengths bounded by `netday.limits`. Whatever is
stored is then safe to show; `for_terminal` escapes again on the way out, as a second
line of defence for data written before this rule existed or by another program.
"""

from __future__ import annotations

import re

from netday.errors import NetdayError

_LINE_BREAKS = re.compile(r"\r\n?|[\n\u2028\u2029\x85\x0b\x0c]")
_CONTROLS_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROLS_IN_BLOCK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SHOWN_AS_CARET = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_C1 = re.compile(r"[\x80-\x9f]")


class TooLong(NetdayError):
    """A value over its documented limit (`netday.limits`)."""


def strip_controls(value: str) -> str:
    """One line of text with every control character gone (line breaks become spaces)."""
    return _CONTROLS_IN_LINE.sub("", _LINE_BREAKS.sub(" ", value.replace("\t", " ")))


def clean_line(value: str, *, what: str, limit: int) -> str:
    """A single-line field (a name, a phone, a URL): controls out, spaces collapsed.

    Raises TooLong naming the field and the limit; an empty result is the caller's
    business (some fields are optional).
    """
    text = " ".join(strip_controls(value).split())
    if len(text) > limit:
        raise TooLong(f"{what} is longer than {limit:,} characters ({len(text):,})")
    return text


def block_controls_out(value: str) -> str:
    """Several lines of text with every line break a newline, tabs kept and every other
    control character gone; nothing trimmed, no limit. What writers apply on the way
    out (a second line of defence), and the heart of `clean_block` on the way in."""
    return _CONTROLS_IN_BLOCK.sub("", _LINE_BREAKS.sub("\n", value))


def clean_block(value: str, *, what: str, limit: int) -> str:
    """A multi-line field (notes, a summary, a message): line breaks become newlines,
    tabs stay, every other control character goes; outer blank space is trimmed."""
    text = block_controls_out(value).strip()
    if len(text) > limit:
        raise TooLong(f"{what} is longer than {limit:,} characters ({len(text):,})")
    return text


def clean_optional(value: str | None, *, what: str, limit: int) -> str | None:
    """`clean_line` for a field that may be left out (None stays None)."""
    return None if value is None else clean_line(value, what=what, limit=limit)


def for_terminal(text: str) -> str:
    """Text safe to print: newlines and tabs kept, other controls shown as ^X, C1 as '?'.

    ESC becomes the two visible characters ``^[``, so no sequence a file carried can
    move the cursor, set the window title or write the clipboard.
    """
    shown = _SHOWN_AS_CARET.sub(lambda m: "^" + chr((ord(m.group()) + 64) % 128), text)
    return _C1.sub("?", shown)


def quoted(value: str, limit: int = 60) -> str:
    """A user's text inside a one-line error message: controls out, cut after `limit`.

    An error names what was refused, but a 100,000-character argument must not become a
    100,000-character error line, nor carry an escape sequence to the terminal.
    """
    text = strip_controls(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")
