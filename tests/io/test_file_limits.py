"""Files are read in bounded memory and time: limits per field, line, row and file, only
regular files, ZIP members through a bounded stream, encrypted ZIPs refused in one line."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile

import pytest

from netday.io.table import CELL_CHARS, LINE_CHARS, read_rows
from netday.io.vcard import LINE_CHARS as VCARD_LINE_CHARS
from netday.limits import FILE_BYTES, ROWS_PER_FILE, VCARD_LINES
from tests.conftest import TODAY
from tests.io.linkedin_export import (
    CONNECTIONS_HEADER,
    MESSAGES_HEADER,
    connections_csv,
    csv_text,
    export_files,
    write_zip,
)


def contact_names(ctx) -> list[str]:
    from sqlalchemy import select

    from netday.store.models import Contact

    with ctx.db.reading() as session:
        return sorted(session.scalars(select(Contact.full_name)))


def refused(result, *words: str) -> None:
    assert result.code == 1, (result.code, result.out, result.err)
    assert len(result.err.strip().splitlines()) == 1, result.err
    for word in words:
        assert word in result.err, result.err


def run_netday(db_url: str, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """A real `netday` process that must finish within `timeout` seconds (a hang fails)."""
    env = {**os.environ, "NETDAY_TODAY": TODAY.isoformat()}
    return subprocess.run(
        [sys.executable, "-m", "netday", "--db", db_url, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


# --- only regular files ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_pipes_and_devices_are_refused_not_waited_on(tmp_path, db_url):
    fifo = tmp_path / "Connections.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Invitations.csv").write_bytes(export_files()["Invitations.csv"])
    os.mkfifo(folder / "Connections.csv")
    card_pipe = tmp_path / "cards.vcf"
    os.mkfifo(card_pipe)
    for args in (
        ("linkedin", str(fifo)),
        ("linkedin", str(folder)),
        ("vcard", str(card_pipe)),
        ("vcard", os.devnull),
    ):
        started = time.monotonic()
        result = run_netday(db_url, "import", *args)
        assert result.returncode == 1, (args, result.stderr)
        assert "not a regular file" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert time.monotonic() - started < 20


# --- ZIPs --------------------------------------------------------------------------------


def _set_encrypted_flag(data: bytes) -> bytes:
    """What a password-protected ZIP looks like to a reader: bit 0 of the general purpose
    flags set in every local and central header (the content does not matter here)."""
    out = bytearray(data)
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            out[start + flags_at] |= 0x1
            start += 4
    return bytes(out)


def test_a_password_protected_zip_is_refused_in_one_line(cli, ctx, tmp_path):
    cli("contact", "add", "Ana Lima")
    locked = tmp_path / "Basic_LinkedInDataExport.zip"
    locked.write_bytes(_set_encrypted_flag(write_zip(tmp_path / "plain.zip").read_bytes()))
    result = cli("import", "linkedin", str(locked))
    refused(result, "password-protected", "Connections.csv")
    assert contact_names(ctx) == ["Ana Lima"]


def test_a_zip_member_larger_than_its_header_says_stops_at_its_header(cli, ctx, tmp_path):
    """A ZIP bomb's header may lie; what is read is bounded by the header and the limit,
    never by what the compressed stream would unpack to."""
    big = connections_csv() + b"Zed,Zero,,,Acme,Eng,01 Jan 2024\r\n" * 400_000
    assert len(big) < FILE_BYTES
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", big)
    data = bytearray(buffer.getvalue())
    central = data.find(b"PK\x01\x02")
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # uncompressed size
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(bytes(data))
    started = time.monotonic()
    result = cli("import", "linkedin", str(bomb))
    refused(result, "damaged or incomplete")
    assert time.monotonic() - started < 10
    assert contact_names(ctx) == []


def test_a_member_over_the_file_limit_is_refused(cli, tmp_path):
    zeros = tmp_path / "zeros.zip"
    with (
        zipfile.ZipFile(zeros, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("Connections.csv", "w", force_zip64=True) as member,
    ):
        member.write(connections_csv())
        for _ in range(FILE_BYTES // (1 << 20) + 1):
            member.write(b"," * (1 << 20))
    assert zeros.stat().st_size < 1 << 20
    refused(cli("import", "linkedin", str(zeros)), f"up to {FILE_BYTES >> 20} MB")


def test_an_export_in_a_folder_inside_the_zip_is_read(cli, ctx, tmp_path):
    nested = {f"Basic_LinkedInDataExport/{n}": d for n, d in export_files().items()}
    result = cli("import", "linkedin", str(write_zip(tmp_path / "nested.zip", nested)))
    assert result.code == 0, result.err
    assert "Ana Lima" in contact_names(ctx)


def test_two_exports_in_one_zip_or_folder_are_refused_naming_both(cli, ctx, tmp_path):
    twice = {"Connections.csv": connections_csv(), "old/Connections.csv": connections_csv()}
    result = cli("import", "linkedin", str(write_zip(tmp_path / "twice.zip", twice)))
    refused(result, "two Connections.csv", "old/Connections.csv")
    folder = tmp_path / "both"
    for name, data in twice.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    refused(cli("import", "linkedin", str(folder)), "two Connections.csv")
    assert contact_names(ctx) == []


def test_zip_member_names_cannot_write_to_the_terminal(cli, tmp_path):
    """A member's name is printed with every row rejected from it."""
    hostile = {"\x1b]0;owned\x07/Connections.csv": connections_csv()}
    result = cli("import", "linkedin", str(write_zip(tmp_path / "names.zip", hostile)))
    assert result.code == 0, result.err
    assert "]0;owned/Connections.csv:" in result.out  # the nameless row, rejected
    assert "\x1b" not in result.out + result.err and "\x07" not in result.out + result.err


# --- CSV ---------------------------------------------------------------------------------


def _messages(content: str) -> bytes:
    me = ("Me Myself", "https://www.linkedin.com/in/me")
    ana = ("Ana Lima", "https://www.linkedin.com/in/ana-lima")
    row = ("c1", "", *ana, *me, "2026-11-10 15:33:58 UTC", "", content, "INBOX")
    return csv_text(MESSAGES_HEADER, [row, row]).encode("utf-8")


def test_a_cell_too_long_to_read_refuses_the_file_naming_the_line(cli, ctx, tmp_path):
    """A cell over its field's limit is the importer's to reject as a row; one over
    CELL_CHARS is not read at all."""
    path = tmp_path / "messages.csv"
    path.write_bytes(_messages("x" * CELL_CHARS))
    assert cli("import", "linkedin", str(path), "--dry-run").code == 0
    path.write_bytes(_messages("x" * (CELL_CHARS + 1)))
    result = cli("import", "linkedin", str(path))
    refused(result, f"{path}:2: a cell is longer than {CELL_CHARS:,} characters")
    assert contact_names(ctx) == []


def test_a_line_of_a_million_commas_is_refused(cli, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_csv() + b"," * 1_000_000 + b"\r\n")
    result = cli("import", "linkedin", str(path))
    refused(result, f"a line of more than {LINE_CHARS:,} characters")


def test_rows_are_read_up_to_the_limit_and_not_one_more(cli, tmp_path):
    rows = "".join(f"Zed,Z{i},,,Acme,Eng,\r\n" for i in range(ROWS_PER_FILE))
    text = ",".join(CONNECTIONS_HEADER) + "\r\n" + rows
    assert sum(1 for _ in read_rows("c.csv", text, CONNECTIONS_HEADER[:2])) == ROWS_PER_FILE
    path = tmp_path / "Connections.csv"
    path.write_text(text + "One,More,,,,,\r\n", encoding="utf-8")
    result = cli("import", "linkedin", str(path))
    refused(result, f"{path}:{ROWS_PER_FILE + 2}: more than {ROWS_PER_FILE:,} rows")


# --- vCard -------------------------------------------------------------------------------


def _card(name: str, note: str = "") -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}"]
    if note:
        lines.append("NOTE:" + note)
    return "\r\n".join([*lines, "END:VCARD"]) + "\r\n"


def test_a_vcard_property_too_long_to_read_refuses_the_file(cli, ctx, tmp_path):
    """Up to VCARD_LINE_CHARS a long NOTE is read (the importer judges it against its
    field's limit); past that the file is refused before the reader parses it or the
    importer sees it."""
    path = tmp_path / "cards.vcf"
    longest = VCARD_LINE_CHARS - len("NOTE:")
    path.write_text(_card("Bo Chen") + _card("Cy Dee", "y" * longest), encoding="utf-8")
    assert cli("import", "vcard", str(path), "--dry-run").code == 0
    path.write_text(_card("Bo Chen") + _card("Cy Dee", "y" * (longest + 1)), encoding="utf-8")
    result = cli("import", "vcard", str(path))
    refused(result, f"{path}:8: NOTE is longer than {VCARD_LINE_CHARS:,} characters")
    assert contact_names(ctx) == []


def test_a_vcard_with_too_many_lines_is_refused(cli, tmp_path):
    path = tmp_path / "many.vcf"
    per_card = 1000
    with path.open("w", encoding="utf-8") as out:
        for n in range(VCARD_LINES // per_card + 1):
            out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P{n}\r\n")
            out.write("X-A:1\r\n" * (per_card - 4) + "END:VCARD\r\n")
    started = time.monotonic()
    refused(cli("import", "vcard", str(path)), f"more than {VCARD_LINES:,} lines")
    assert time.monotonic() - started < 15


def test_line_separators_inside_a_vcard_note_do_not_end_the_line(cli, ctx, tmp_path):
    path = tmp_path / "seps.vcf"
    path.write_text(_card("Bo Chen", "one\u2028two\x0cthree\x85four"), encoding="utf-8")
    result = cli("import", "vcard", str(path))
    assert result.code == 0, result.err
    assert contact_names(ctx) == ["Bo Chen"]


# --- memory and time, measured in a real process -------------------------------------


PEAK = """
import sys, time
from netday.cli.main import main
started = time.monotonic()
code = main(sys.argv[1:])
seconds = time.monotonic() - started
status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
print(code, status, seconds)
"""
"""VmHWM is this process's own peak (ru_maxrss would count the forking test process's)."""


def _peak(db_url: str, *args: str) -> tuple[int, float, float]:
    """Exit code, peak resident memory (MB) and seconds of one `netday` run."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK, "--db", db_url, "--today", TODAY.isoformat(), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    code, kilobytes, seconds = result.stdout.split()[-3:]
    return int(code), int(kilobytes) / 1024, float(seconds)


@pytest.mark.skipif(sys.platform != "linux", reason="the peak is read from /proc/self/status")
def test_huge_files_are_refused_in_bounded_memory_and_time(tmp_path, db_url):
    """Before: 1,000,000 rows took 4.4 GB and 119 s; a 10 MB note 1.5 GB and 44 s."""
    rows = tmp_path / "Connections.csv"
    with rows.open("wb") as out:
        out.write((",".join(CONNECTIONS_HEADER) + "\r\n").encode())
        out.writelines(b"Ze,Z%06d,,,A,E,\r\n" % i for i in range(1_000_000))
    code, megabytes, seconds = _peak(db_url, "import", "linkedin", str(rows))
    assert code == 1 and megabytes < 300 and seconds < 20, (code, megabytes, seconds)
    note = tmp_path / "note.vcf"
    folded = "\r\n ".join(["NOTE:" + "lorem ipsum " * 6] * (10 * 1024 * 1024 // 80))
    note.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big\r\n{folded}\r\nEND:VCARD\r\n")
    code, megabytes, seconds = _peak(db_url, "import", "vcard", str(note))
    assert code == 1 and megabytes < 300 and seconds < 20, (code, megabytes, seconds)
