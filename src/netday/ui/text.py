"""Data on the screen is text: never markup, never a control sequence.

Names, notes and messages come from people and files, so `Ana [/]` or `[@click=app.quit]`
must show as typed, and an escape sequence a file carried must not reach the terminal
(where it could set the window title or write the clipboard). Every widget that shows
data builds it here: Rich `Text` (plain, never parsed as markup) with every control
character made visible by `netday.cleaning.for_terminal`. Fixed labels written in the
code may keep their styles; only the data inside them is escaped.
"""

from __future__ import annotations

from rich.text import Text

from netday.cleaning import for_terminal, strip_controls

Part = str | tuple[str, str] | Text
"""Data (a str), data with a style (text, style), or Text already made safe here."""


def plain(value: str, style: str = "") -> Text:
    """One piece of data as text."""
    return Text(for_terminal(value), style=style, end="")


def cell(value: str, style: str = "") -> Text:
    """A table cell: one line, cut at the column's width with `…` (never a bare cut that
    reads as if it were whole), as a DataTable shows a `str` (which it would read as
    markup)."""
    return Text(for_terminal(value), style=style, end="", no_wrap=True, overflow="ellipsis")


def assemble(*parts: Part, style: str = "") -> Text:
    """Pieces of data (each escaped, optionally styled) side by side; `style` is the
    style of the whole."""
    text = Text(style=style, end="")
    for part in parts:
        if isinstance(part, Text):
            text.append_text(part)
        elif isinstance(part, tuple):
            text.append(for_terminal(part[0]), style=part[1])
        else:
            text.append(for_terminal(part))
    return text


def stacked(lines: list[Text]) -> Text:
    """Lines of text, one under the other."""
    return Text("\n", end="").join(lines)


def as_markup(value: str) -> str:
    """For the few Textual APIs that take nothing but markup (a palette hit's help).

    Every `[` is escaped: `textual.markup.escape` leaves `[PhD]` and `[$x]` alone, and
    Textual reads both as tags.
    """
    return for_terminal(value).replace("[", "\\[")


def editable(value: str) -> str:
    """A stored value put back into an Input: its lines kept, every other control gone,
    which is what saving it stores anyway."""
    return "\n".join(strip_controls(line) for line in value.split("\n"))
