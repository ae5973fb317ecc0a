"""Mutated LinkedIn exports and vCards: netday imports them or refuses them, quickly.

Valid inputs (the LinkedIn export builder, netday's own test cards, the shared corpus)
are truncated, bit-flipped, given duplicated lines, control characters, NULs, broken
quotes, huge fields and stray card boundaries; ZIPs also get damaged headers and
encrypted members. Every run must end with exit 0, 1 or 2 within seconds, with no
traceback and no "unexpected", nothing sent to the terminal that could move it, and
the database exactly as it was whenever the file was refused.
"""

from __future__ import annotations

import io
import signal
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from netday.limits import FIELD_CHARS
from netday.store.models import Base
from tests.conftest import SHARED, TODAY
from tests.io.linkedin_export import export_files
from tests.io.test_file_limits import run_netday
from tests.io.test_vcard import OWN_CARDS

FUZZ = settings(
    derandomize=True,
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SECONDS = 10
"""What one import of a mutated small file may take, with room for a busy machine."""
HANG = 30
"""When a run is stopped and counted as hung."""

PAYLOADS = [
    b"\x00",
    b"\x00" * 5000,
    b"\x1b]0;owned\x07",
    b"\x1b]52;c;aGVsbG8=\x07",
    b"\x1b[2J\x9b31m",
    b"\r",
    b"\n",
    b"\r\n",
    b'"',
    b'"",""',
    b",",
    b";",
    b"=\r\n",
    b" folded\r\n",
    "\u2028\u0085".encode(),
    b"\xff\xfe\xfd",
    b"\xef\xbb\xbf",
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b"\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nEND:VCARD\r\n",
    b"\r\nX-NETDAY-TIER:Z\r\nX-NETDAY-CIRCLE:\x1b[2J\r\n",
    b"\r\nBDAY:99991231\r\nBDAY:0000-00-00\r\n",
    b"\r\nEMAIL:" + b"a" * 400 + b"@example.com\r\n",
    b"\r\nPHOTO;ENCODING=b:" + b"A" * 50_000 + b"\r\n",
    b"\r\nN:;;;;;;;;;;;;;;;;;;;;;\r\n",
    b"\r\nFN;CHARSET=NOPE;ENCODING=QUOTED-PRINTABLE:=FF=00=\r\n",
    b"x" * (FIELD_CHARS + 1),
    b'"' + b"y" * (FIELD_CHARS + 1) + b'"',
    b"," * 100_000,
    b"First Name,Last Name,Company,Position\r\n",
    b"99 Foo 2023",
    b"13/45/26, 25:61 PM",
    b"9999-99-99 99:99:99 UTC",
]


@st.composite
def mutated(draw: Any, data: bytes) -> bytes:
    """`data` with one to four mutations; positions are fractions, so any seed fits."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "flip", "duplicate", "insert", "insert"]))
        at = int(draw(st.floats(0, 1)) * len(out))
        if kind == "truncate":
            del out[at:]
        elif kind == "flip" and out:
            out[min(at, len(out) - 1)] ^= draw(st.integers(1, 255))
        elif kind == "duplicate":
            start = out.rfind(b"\n", 0, at) + 1
            end = out.find(b"\n", at)
            end = len(out) if end == -1 else end + 1
            out[end:end] = out[start:end] * draw(st.integers(1, 3))
        else:
            out[at:at] = draw(st.sampled_from(PAYLOADS))
    return bytes(out)


class Hung(BaseException):
    """Raised in the test when an import runs far too long (not caught by netday)."""


@contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    def fire(_signum: int, _frame: FrameType | None) -> None:
        raise Hung(f"an import ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def dump(ctx: Any) -> list[tuple[str, list[str]]]:
    """Every row of every table, as text: the database compared before and after."""
    with ctx.db.reading() as session:
        return [
            (table.name, sorted(repr(tuple(row)) for row in session.execute(select(table))))
            for table in Base.metadata.sorted_tables
        ]


def check_import(cli: Any, ctx: Any, kind: str, path: Path) -> None:
    before = dump(ctx)
    started = time.monotonic()
    with watchdog(HANG):
        result = cli("import", kind, str(path))
    seconds = time.monotonic() - started
    shown = result.out + result.err
    assert result.code in (0, 1, 2), result
    assert seconds < SECONDS, (seconds, result.err)
    assert "Traceback" not in shown and "unexpected" not in shown, result.err
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown, shown[-300:]
    if result.code != 0:
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert dump(ctx) == before


skip_without_alarm = pytest.mark.skipif(sys.platform == "win32", reason="the watchdog uses SIGALRM")

CSV_SEEDS = [name for name in export_files() if name != "Profile.csv"]


@skip_without_alarm
@FUZZ
@given(st.data())
def test_mutated_linkedin_csv(cli, ctx, tmp_path, data):
    name = data.draw(st.sampled_from(CSV_SEEDS))
    path = tmp_path / name
    path.write_bytes(data.draw(mutated(export_files()[name])))
    check_import(cli, ctx, "linkedin", path)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _encrypt_flag(data: bytes) -> bytes:
    from tests.io.test_file_limits import _set_encrypted_flag

    return _set_encrypted_flag(data)


@skip_without_alarm
@FUZZ
@given(st.data())
def test_mutated_linkedin_zip(cli, ctx, tmp_path, data):
    files = dict(export_files())
    how = data.draw(st.sampled_from(["member", "archive", "encrypted", "nested"]))
    if how == "member":  # a damaged file inside a sound ZIP
        name = data.draw(st.sampled_from(CSV_SEEDS))
        files[name] = data.draw(mutated(files[name]))
        blob = _zip(files)
    elif how == "nested":  # the export one or more folders down, maybe twice
        folder = data.draw(st.sampled_from(["a/", "a/b/", "../", "/abs/", "a\\b\\"]))
        extra = data.draw(st.sampled_from([{}, {"Connections.csv": files["Connections.csv"]}]))
        blob = _zip({**{folder + n: c for n, c in files.items()}, **extra})
    elif how == "encrypted":
        blob = _encrypt_flag(_zip(files))
    else:  # the archive's own bytes: headers, directory, compressed data
        blob = data.draw(mutated(_zip(files)))
    path = tmp_path / "Basic_LinkedInDataExport_11-22-2026.zip"
    path.write_bytes(blob)
    check_import(cli, ctx, "linkedin", path)


CORPUS = SHARED / "corpus" / "vcard"
CARD_SEEDS = [OWN_CARDS.encode("utf-8")] + (
    [p.read_bytes() for p in sorted(CORPUS.glob("*.vcf"))] if CORPUS.is_dir() else []
)


@skip_without_alarm
@FUZZ
@given(st.data())
def test_mutated_vcard(cli, ctx, tmp_path, data):
    seed = data.draw(st.sampled_from(range(len(CARD_SEEDS))))
    path = tmp_path / "cards.vcf"
    path.write_bytes(data.draw(mutated(CARD_SEEDS[seed])))
    check_import(cli, ctx, "vcard", path)


HOSTILE_CADENCES = [
    "FREQ=DAILY;INTERVAL=0",
    "FREQ=SECONDLY",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=DAILY;COUNT=0",
    "FREQ=WEEKLY;INTERVAL=99999999999999999999",
    "every 0 days",
    "every -1 weeks",
]


@pytest.mark.parametrize("cadence", HOSTILE_CADENCES)
def test_a_card_with_a_hostile_cadence_is_imported_or_refused_promptly(cadence, tmp_path, db_url):
    """A real process, so a cadence that never ends fails the test instead of hanging it."""
    card = tmp_path / "cadence.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zero Interval\r\n"
        f"X-NETDAY-CADENCE:{cadence}\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    result = run_netday(db_url, "import", "vcard", str(card), timeout=HANG)
    assert time.monotonic() - started < HANG
    assert result.returncode in (0, 1), result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr
    today = run_netday(db_url, "--today", TODAY.isoformat(), "today", timeout=HANG)
    assert today.returncode == 0, today.stderr
