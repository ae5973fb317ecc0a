"""Content lines shared by the vCard and iCalendar writers: escaping and line folding."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netday.cleaning import block_controls_out
from netday.io.contentlines import (
    LINE_OCTETS,
    content_line,
    content_text,
    escape_text,
    fold_long_line,
    unescape_text,
    verbatim,
)


def test_a_line_of_75_octets_stays_whole_and_one_more_octet_folds() -> None:
    assert fold_long_line("N:" + "a" * 73) == "N:" + "a" * 73
    assert fold_long_line("N:" + "a" * 74) == "N:" + "a" * 73 + "\r\n a"


def test_a_character_is_never_cut_in_half() -> None:
    line = "NOTE:" + "é" * 40  # 5 + 80 octets: the 36th é would straddle octet 75
    first, rest = fold_long_line(line).split("\r\n ")
    assert len(first.encode("utf-8")) == 75 and first == "NOTE:" + "é" * 35
    assert rest == "é" * 5


@given(st.text(max_size=400))
def test_every_folded_piece_fits_and_unfolding_gives_the_line_back(value: str) -> None:
    line = content_line("NOTE", escape_text(value))
    folded = fold_long_line(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= LINE_OCTETS for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert folded.replace("\r\n ", "") == line


@given(st.text(max_size=200))
def test_escaped_text_reads_back_as_the_cleaned_text(value: str) -> None:
    escaped = escape_text(value)
    assert not any(c in escaped for c in "\r\n")
    assert unescape_text(escaped) == block_controls_out(value)


def test_escape_text_escapes_what_both_rfcs_name() -> None:
    assert escape_text("a;b,c\\d\ne\rf") == "a\\;b\\,c\\\\d\\ne\\nf"


def test_content_line_and_text() -> None:
    assert content_line("EMAIL", "a@b.example", "TYPE=INTERNET", "PREF=1") == (
        "EMAIL;TYPE=INTERNET;PREF=1:a@b.example"
    )
    assert verbatim("https://x.example/\r\nFN:Injected") == "https://x.example/ FN:Injected"
    assert content_text(["BEGIN:VCARD", "END:VCARD"]) == "BEGIN:VCARD\r\nEND:VCARD\r\n"
