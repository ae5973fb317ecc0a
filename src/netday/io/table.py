"""CSV with a preamble: find the header row by its columns, then rows with their line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from netday.io.sources import BadInput

HEADER_SEARCH_ROWS = 20
"""LinkedIn puts a few lines of notes above the header; nobody puts twenty."""


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


def _norm(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def find_header(text: str, required: Sequence[str]) -> tuple[int, list[str]] | None:
    """The index (0-based, in rows) and cells of the first row holding every required column."""
    wanted = {_norm(c) for c in required}
    reader = csv.reader(io.StringIO(text))
    try:
        for index, cells in enumerate(reader):
            if index >= HEADER_SEARCH_ROWS:
                return None
            if wanted <= {_norm(c) for c in cells}:
                return index, [_norm(c) for c in cells]
    except csv.Error:
        return None
    return None


def read_rows(name: str, text: str, required: Sequence[str]) -> Iterator[Row]:
    """Rows as {column (lower-case): value}, each with the line it starts on.

    Quoted cells may span lines (messages do), so the line is where the row begins.
    """
    found = find_header(text, required)
    if found is None:
        raise BadInput(f"{name}: no header with the columns {', '.join(required)}")
    header_index, header = found
    reader = csv.reader(io.StringIO(text, newline=""))
    next_line = 1
    try:
        for index, cells in enumerate(reader):
            start = next_line
            next_line = reader.line_num + 1
            if index <= header_index or not any(c.strip() for c in cells):
                continue
            yield Row(start, dict(zip(header, cells, strict=False)))
    except csv.Error as exc:
        raise BadInput(f"{name}:{next_line}: unreadable CSV ({exc})") from None
