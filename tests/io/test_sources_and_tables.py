"""Reading files people hand us (`io.sources`) and CSV tables with a preamble
(`io.table`), called directly."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from netday.io import sources
from netday.io.sources import BadInput, decode, is_folder, read_bounded, read_bytes, walk
from netday.io.table import CELL_CHARS, Row, find_header, read_rows

PREAMBLE = 'Notes:\r\n"Some e-mails, may be missing"\r\n\r\n'


def test_decode_drops_a_bom_and_reads_utf16() -> None:
    assert decode("f", codecs.BOM_UTF8 + "José".encode()) == "José"
    assert decode("f", "José".encode("utf-16")) == "José"


def test_decode_falls_back_or_names_the_line_of_the_first_bad_byte() -> None:
    latin = "a\nb\nJos\xe9\n".encode("latin-1")
    assert decode("f", latin, fallback="cp1252") == "a\nb\nJosé\n"
    with pytest.raises(BadInput, match=r"^f:3: not UTF-8 text \(byte 0xe9\)"):
        decode("f", latin)
    with pytest.raises(BadInput, match="binary file"):
        decode("f", b"PK\x03\x04\x00\x00")


def test_read_bytes_refuses_what_is_not_a_readable_file(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(BadInput, match=r"empty\.csv: the file is empty"):
        read_bytes(tmp_path / "empty.csv")
    with pytest.raises(BadInput, match=r"nope\.csv: no such file"):
        read_bytes(tmp_path / "nope.csv")
    with pytest.raises(BadInput, match="is a folder, not a file"):
        read_bytes(tmp_path)
    (tmp_path / "ok.csv").write_bytes(b"a,b\r\n")
    assert read_bytes(tmp_path / "ok.csv") == b"a,b\r\n"
    assert is_folder(tmp_path) and not is_folder(tmp_path / "ok.csv")


def test_read_bounded_stops_at_its_limit_whatever_the_stream_holds() -> None:
    assert read_bounded("s", io.BytesIO(b"x" * 10), limit=10) == b"x" * 10
    with pytest.raises(BadInput, match="netday reads files up to"):
        read_bounded("s", io.BytesIO(b"x" * 11), limit=10)


def test_walk_is_ordered_and_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("b/2.csv", "a.csv", "b/1.csv"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path)] == [
        "a.csv",
        "b/1.csv",
        "b/2.csv",
    ]
    monkeypatch.setattr(sources, "FOLDER_ENTRIES", 3)
    with pytest.raises(BadInput, match="holds more than 3 files and folders"):
        list(walk(tmp_path))


def test_the_header_is_found_below_a_preamble_and_rows_keep_their_line() -> None:
    text = PREAMBLE + 'First Name,Last Name,Note\r\nAna,Lima,"two\r\nlines"\r\n\r\nBo,Chen,x\r\n'
    assert find_header("c.csv", text, ["first name", "Last  Name"]) == (
        3,
        ["first name", "last name", "note"],
    )
    assert list(read_rows("c.csv", text, ["First Name"])) == [
        Row(5, {"first name": "Ana", "last name": "Lima", "note": "two\r\nlines"}),
        Row(8, {"first name": "Bo", "last name": "Chen", "note": "x"}),
    ]


def test_a_table_without_its_header_or_with_a_huge_cell_is_refused() -> None:
    assert find_header("c.csv", "a,b\r\n1,2\r\n", ["First Name"]) is None
    with pytest.raises(BadInput, match="no header with the columns First Name"):
        list(read_rows("c.csv", "a,b\r\n1,2\r\n", ["First Name"]))
    huge = 'First Name\r\nAna\r\n"' + "y" * (CELL_CHARS + 1) + '"\r\n'
    with pytest.raises(BadInput, match=r"^c\.csv:3: a cell is longer than"):
        list(read_rows("c.csv", huge, ["First Name"]))
