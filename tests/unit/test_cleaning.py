"""The cleaning step: no control character survives, limits are named, output is escaped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netday.cleaning import TooLong, clean_block, clean_line, for_terminal

HOSTILE = [
    "\x1b]0;pwned title\x07",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[2J",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1b[31mred\x1b[0m",
    "\x9b31m",
    "\x00\x7f\x08",
]


@pytest.mark.parametrize("sequence", HOSTILE)
def test_no_escape_sequence_survives_cleaning(sequence: str) -> None:
    for cleaned in (
        clean_line(f"Ana {sequence} Souza", what="name", limit=200),
        clean_block(f"note {sequence}\nline two", what="notes", limit=200),
    ):
        assert not any(
            (ord(ch) < 32 and ch not in "\n") or 0x7F <= ord(ch) <= 0x9F for ch in cleaned
        )


def test_lines_and_blocks_keep_what_they_may_hold() -> None:
    assert clean_line("  Ana \t Souza\r\n", what="name", limit=200) == "Ana Souza"
    assert clean_block("one\r\ntwo\rthree\n\tfour  ", what="notes", limit=200) == (
        "one\ntwo\nthree\n\tfour"
    )


def test_a_value_over_its_limit_is_refused_naming_the_limit() -> None:
    with pytest.raises(TooLong, match="name is longer than 200 characters"):
        clean_line("x" * 201, what="name", limit=200)


@given(st.text())
def test_terminal_output_never_carries_a_control_character(text: str) -> None:
    shown = for_terminal(text)
    assert all(ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) for ch in shown)
