"""No escape sequence from data reaches the terminal through the command line.

The data carries a window title, a clipboard write, a screen clear, an OSC 8 link, SGR
and C1 codes (tests/hostile_data.py); every command that prints it must show it as
visible text (`^[`), and the markup-shaped names exactly as they are.
"""

from __future__ import annotations

import pytest

from tests.hostile_data import ANA, BOB, CLICK, DEE, LINKED, controls_in, poison


@pytest.fixture
def ids(ctx):
    return poison(ctx)


COMMANDS = {
    "today": (("today",), (ANA, BOB, CLICK, LINKED, "Cara [/]")),
    "today --json": (("today", "--json"), (ANA,)),
    "plan show": (("plan", "show"), (ANA, BOB, CLICK)),
    "contact list": (("contact", "list"), (ANA, BOB, CLICK)),
    "review": (("review",), (DEE, CLICK)),
    "invite list": (("invite", "list"), ("Cara [/]",)),
    "post list": (("post", "list"), (BOB, LINKED)),
    "promise list": (("promise", "list"), (BOB, f"they owe {CLICK} owed ^[]0;")),
    "promise list --json": (("promise", "list", "--json"), (CLICK,)),
    "triage": (("triage",), (DEE,)),
    "export md": (("export", "md", "--date", "2026-11-22"), (CLICK,)),
    "export md --week": (("export", "md", "--week"), (CLICK,)),
    "stats": (("stats",), (CLICK,)),
    "stats --md": (("stats", "--md"), ()),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_printed_data_carries_no_control_character(cli, ids, name: str) -> None:
    args, shown = COMMANDS[name]
    result = cli(*args)
    assert result.code == 0, result.err
    assert controls_in(result.out + result.err) == []
    assert "^[]0;pwned-title^G" in result.out or name.endswith("--json") or name == "invite list"
    for text in shown:
        assert text in result.out


def test_contact_show(cli, ids) -> None:
    result = cli("contact", "show", str(ids["bob"]))
    assert result.code == 0
    assert controls_in(result.out) == []
    for text in (BOB, CLICK, LINKED, "^[]52;c;cHduZWQ=^G", "^[]8;;https://evil.example/"):
        assert text in result.out


def test_the_log_echo(cli, ids) -> None:
    result = cli("log", str(ids["ana"]), "coffee")
    assert result.code == 0
    assert controls_in(result.out) == []
    assert result.out.startswith("logged: ") and ANA in result.out


def test_the_ambiguous_name_error(cli, ids) -> None:
    result = cli("log", "[", "coffee")
    assert result.code == 1
    assert controls_in(result.err) == []
    assert ANA in result.err and BOB in result.err and "^[]0;pwned-title^G" in result.err


def test_an_export_on_stdout_that_is_not_a_terminal_is_the_file_itself(cli, ids, tmp_path) -> None:
    """vCard, iCalendar and CSV keep their exact bytes (CRLF and all) when redirected."""
    target = tmp_path / "out.vcf"
    assert cli("export", "vcard", "--out", str(target)).code == 0
    result = cli("export", "vcard")
    assert result.code == 0
    assert result.out == target.read_bytes().decode("utf-8")
