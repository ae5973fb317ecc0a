"""Files that cannot be imported: a clear one-line error, exit 1, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rows
from tests.io.linkedin_export import connections_csv, write_zip

IMPORTED_TABLES = ("company", "contact", "contact_detail", "contact_tag", "interaction", "invite")


def digest(db_url: str) -> list[object]:
    """Every row an import could write, to compare before and after."""
    return [rows(db_url, f"SELECT * FROM {table} ORDER BY 1") for table in IMPORTED_TABLES]


@pytest.fixture
def existing(cli, db_url):
    """A database with one contact."""
    cli("contact", "add", "Ana Lima")
    return db_url


def _truncated_zip(tmp: Path) -> Path:
    good = write_zip(tmp / "good.zip").read_bytes()
    bad = tmp / "Basic_LinkedInDataExport_11-22-2026.zip"
    bad.write_bytes(good[: len(good) // 2])
    return bad


def _corrupt_member_zip(tmp: Path) -> Path:
    data = bytearray(write_zip(tmp / "good.zip").read_bytes())
    data[60:90] = b"\x00" * 30  # damage the first member's compressed bytes
    bad = tmp / "damaged.zip"
    bad.write_bytes(bytes(data))
    return bad


def _wrong_kind(tmp: Path) -> Path:
    path = tmp / "Connections.csv"
    path.write_text("Date,Amount,Payee\n2026-01-01,12.50,Shop\n", encoding="utf-8")
    return path


def _latin1(tmp: Path) -> Path:
    path = tmp / "Connections.csv"
    text = connections_csv().decode("utf-8-sig").replace("🚀", "")
    path.write_bytes(text.encode("latin-1"))
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "Connections.csv"
    path.write_bytes(b"")
    return path


def _huge(tmp: Path) -> Path:
    path = tmp / "Connections.csv"
    with path.open("wb") as out:
        out.write(connections_csv())
        row = b"Zed,Zero,https://www.linkedin.com/in/zed,,Acme,Engineer,01 Jan 2024\r\n"
        out.write(row * (50 * 1024 * 1024 // len(row)))
    return path


def _binary(tmp: Path) -> Path:
    path = tmp / "Connections.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    return path


CASES = {
    "truncated zip": (_truncated_zip, "the ZIP is damaged or incomplete"),
    "damaged member": (_corrupt_member_zip, "damaged or incomplete"),
    "wrong kind of csv": (_wrong_kind, "not a file of the LinkedIn export"),
    "wrong encoding": (_latin1, "Connections.csv:6: not UTF-8 text (byte 0xe9)"),
    "empty file": (_empty, "the file is empty"),
    "50 MB file": (_huge, "netday reads files up to 32 MB"),
    "binary file": (_binary, "binary file"),
    "missing file": (lambda tmp: tmp / "nope.zip", "no such file"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_linkedin_input_is_refused_and_nothing_written(case, cli, existing, tmp_path):
    make, message = CASES[case]
    path = make(tmp_path)
    before = digest(existing)
    result = cli("import", "linkedin", str(path))
    assert result.code == 1
    assert message in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1  # one clear line, no traceback
    assert digest(existing) == before


def test_bad_vcard_names_file_and_line(cli, existing, tmp_path):
    good = tmp_path / "good.vcf"
    good.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\nEND:VCARD\r\n")
    unfinished = tmp_path / "broken.vcf"
    unfinished.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy Dee\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Never Ends\r\n"
    )
    before = digest(existing)
    result = cli("import", "vcard", str(good), str(unfinished))
    assert result.code == 1
    assert f"{unfinished}:5: this card never ends" in result.err
    assert digest(existing) == before  # the good file before it was not written either
    garbage = tmp_path / "notes.vcf"
    garbage.write_text("hello\nBEGIN:VCARD\n")
    result = cli("import", "vcard", str(garbage))
    assert f"{garbage}:1: expected BEGIN:VCARD" in result.err
