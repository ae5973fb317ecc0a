"""CSV with a preamble: find the header row by its columns, then rows with their line.

Rows are read one at a time from the text, never copied whole. A cell over its field's
limit (`limits.FIELD_CHARS` at most) reaches the importer, which rejects that row with
its line, as it does any value over a limit. What would cost memory or time to read at
all is refused, file and line named, before anything is written: a cell over
CELL_CHARS, a physical line over LINE_CHARS, a file over `limits.ROWS_PER_FILE` rows.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from netday.io.sources import BadInput
from netday.limits import FIELD_CHARS, ROWS_PER_FILE

HEADER_SEARCH_ROWS = 20
"""LinkedIn puts a few lines of notes above the header; nobody puts twenty."""
CELL_CHARS = 2 * FIELD_CHARS
"""One cell as read: room for one over its field's limit to be read and rejected as a
row. Past it the file is refused."""
LINE_CHARS = 2 * CELL_CHARS
"""One physical line: room for a full cell with every quote doubled beside the other
cells. It also bounds the cells of one row, which csv would otherwise build by the
million from a line of commas."""
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


def _norm(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def _lines(name: str, text: str) -> Iterator[str]:
    """The physical lines of `text`, ends kept (as csv wants), each checked for length."""
    for number, match in enumerate(_LINE.finditer(text), 1):
        if match.end() - match.start() > LINE_CHARS:
            raise BadInput(
                f"{name}:{number}: a line of more than {LINE_CHARS:,} characters; "
                "this is not a LinkedIn export file"
            )
        yield match.group()


def _unreadable(name: str, line: int, exc: csv.Error) -> BadInput:
    if "field limit" in str(exc):
        return BadInput(f"{name}:{line}: a cell is longer than {CELL_CHARS:,} characters")
    return BadInput(f"{name}:{line}: unreadable CSV ({exc})")


def find_header(name: str, text: str, required: Sequence[str]) -> tuple[int, list[str]] | None:
    """The index (0-based, in rows) and cells of the first row holding every required column.

    A CSV csv cannot read there is simply not this kind of file (None), except one
    whose cell or line is over its limit: that is refused, naming the limit.
    """
    wanted = {_norm(c) for c in required}
    reader = csv.reader(_lines(name, text))
    csv.field_size_limit(CELL_CHARS)
    try:
        for index, cells in enumerate(reader):
            if index >= HEADER_SEARCH_ROWS:
                return None
            if wanted <= {_norm(c) for c in cells}:
                return index, [_norm(c) for c in cells]
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise _unreadable(name, reader.line_num, exc) from None
        return None
    return None


def _too_many_rows(name: str, line: int) -> BadInput:
    return BadInput(
        f"{name}:{line}: more than {ROWS_PER_FILE:,} rows; "
        f"netday reads up to {ROWS_PER_FILE:,} rows of one file"
    )


def _check_row_count(name: str, text: str, header_index: int) -> None:
    """Refuse a file of too many rows before a record is built from it.

    Counting newlines is nearly free and never undercounts rows ending in one, so
    only a file that may be over the limit pays for counting its rows exactly.
    """
    if text.count("\n") <= ROWS_PER_FILE:
        return
    reader = csv.reader(_lines(name, text))
    try:
        for index, _ in enumerate(reader):
            if index - header_index > ROWS_PER_FILE:
                raise _too_many_rows(name, reader.line_num)
    except csv.Error:
        return  # read_rows says where the file is unreadable, with its line


def read_rows(name: str, text: str, required: Sequence[str]) -> Iterator[Row]:
    """Rows as {column (lower-case): value}, each with the line it starts on.

    Quoted cells may span lines (messages do), so the line is where the row begins.
    """
    found = find_header(name, text, required)
    if found is None:
        raise BadInput(f"{name}: no header with the columns {', '.join(required)}")
    header_index, header = found
    _check_row_count(name, text, header_index)
    reader = csv.reader(_lines(name, text))
    csv.field_size_limit(CELL_CHARS)
    next_line = 1
    try:
        for index, cells in enumerate(reader):
            start = next_line
            next_line = reader.line_num + 1
            if index - header_index > ROWS_PER_FILE:
                raise _too_many_rows(name, start)
            if index <= header_index or not any(c.strip() for c in cells):
                continue
            yield Row(start, dict(zip(header, cells, strict=False)))
    except csv.Error as exc:
        raise _unreadable(name, next_line, exc) from None
