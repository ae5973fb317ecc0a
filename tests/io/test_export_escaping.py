"""Writers escape what their format requires, and exports are private (0600).

The data here is written straight into the database, as an older netday or another
program could have left it, so what is tested is the writers' own line of defence:
terminal escape sequences, a lone CR, HTML and Markdown in names, notes and summaries.
"""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import icalendar
import pytest
import vobject
from markdown_it import MarkdownIt
from sqlalchemy import select, update

from netday.io.contentlines import escape_text
from netday.io.markdown import export_review, md_block
from netday.services.context import Context
from netday.store.models import Contact, DayReview, Event, Interaction, Opportunity, Promise
from tests.conftest import TODAY

HOSTILE = (
    "title\x1b]0;owned\x07 clip\x1b]52;c;aGVsbG8=\x07 wipe\x1b[2J "
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \x1b[31mred\x1b[0m "
    "one\rtwo <script>alert(1)</script> &amp; *bold* [x](https://e.example) "
    "\x9b2J\x7f\x00 end"
)
"""OSC title, OSC 52 clipboard, erase screen, OSC 8 link, SGR colour, lone CR, HTML,
Markdown, C1 CSI, DEL and NUL."""


def hostile_text(ctx: Context) -> str:
    """HOSTILE as the database can hold it: PostgreSQL refuses NUL in any text."""
    return HOSTILE if ctx.db.is_sqlite else HOSTILE.replace("\x00", "")


CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


def no_controls(text: str, *, allow_crlf: bool = False) -> bool:
    if allow_crlf:
        text = text.replace("\r\n", "\n")
    return not any(c in text for c in CONTROLS if c not in "\n\t")


@pytest.fixture
def hostile(cli, ctx):
    """Two contacts (the hostile one first), a call and a reflection with hostile text."""
    cli("contact", "add", "Ana Lima", "--every", "1 days", "--email", "ana@example.com",
        "--birthday", "1990-11-30")  # fmt: skip
    cli("contact", "add", "Bo Chen")
    cli("log", "Ana", "first call")
    cli("review", "--note", "fine")
    cli("promise", "add", "Ana", "the deck")
    cli("opportunity", "add", "A talk", "--kind", "event", "--on", "tomorrow")
    cli("event", "add", "A meetup", "--on", "tomorrow")
    text = hostile_text(ctx)
    with ctx.db.transaction() as session:
        session.execute(
            update(Contact)
            .where(Contact.full_name == "Ana Lima")
            .values(
                full_name="Ana <b>Lima</b> \x1b[2J*x*",
                notes=text,
                why=text,
                role="CTO\rFN:Injected",
                profile_url="https://www.linkedin.com/in/ana\r\nFN:Injected",
            )
        )
        session.execute(update(Interaction).values(summary=text + "\n# heading\n- item"))
        session.execute(update(DayReview).values(note=text + "\n# heading\n1. item"))
        session.execute(update(Promise).values(what=text + "\n# heading\n- item"))
        session.execute(update(Opportunity).values(title=text, url=text))
        session.execute(update(Event).values(title=text, place=text, url=text))
    return ctx


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_vcard_export_escapes_reads_back_and_reimports(cli, hostile, tmp_path):
    out = tmp_path / "contacts.vcf"
    out.write_text("an older export\n")
    out.chmod(0o644)
    assert cli("export", "vcard", "--out", str(out)).code == 0
    assert private(out)
    text = out.read_bytes().decode("utf-8")
    assert no_controls(text, allow_crlf=True) and "\r" not in text.replace("\r\n", "")
    cards = list(vobject.readComponents(text))
    assert len(cards) == 2
    ana = next(c for c in cards if "Lima" in c.fn.value)
    assert ana.fn.value == "Ana <b>Lima</b> [2J*x*"
    assert [line.value for line in ana.contents["fn"]] == [ana.fn.value]  # nothing injected
    note = ana.note.value
    assert "one\ntwo <script>alert(1)</script>" in note and note.endswith(" end")
    assert no_controls(note)
    # netday reads its own export back: every card, nothing refused.
    result = cli("import", "vcard", str(out), "--dry-run")
    assert result.code == 0, result.err
    assert "0 rejected" in result.out


def test_ics_export_escapes_text_and_reads_back(cli, hostile, tmp_path):
    out = tmp_path / "netday.ics"
    assert cli("export", "ics", "--days", "30", "--out", str(out)).code == 0
    assert private(out)
    text = out.read_bytes().decode("utf-8")
    assert no_controls(text, allow_crlf=True) and "\r" not in text.replace("\r\n", "")
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    ana = next(e for e in events if "Lima" in str(e["SUMMARY"]))
    assert str(ana["SUMMARY"]) == "Call Ana <b>Lima</b> [2J*x*"
    description = str(ana["DESCRIPTION"])
    assert "one\ntwo <script>alert(1)</script>" in description
    assert "https://www.linkedin.com/in/ana\nFN:Injected" in description
    assert no_controls(description)
    birthday = next(e for e in events if str(e["SUMMARY"]).startswith("Birthday"))
    assert str(birthday["SUMMARY"]) == "Birthday: Ana <b>Lima</b> [2J*x*"
    assert no_controls(str(birthday["DESCRIPTION"]))
    talk = next(e for e in events if "opportunity" in str(e["UID"]))
    assert str(talk["SUMMARY"]).startswith("title]0;owned") and no_controls(str(talk["SUMMARY"]))
    assert no_controls(str(talk["DESCRIPTION"]))
    meetup = next(e for e in events if str(e["UID"]).startswith("event-"))
    assert str(meetup["SUMMARY"]).startswith("title]0;owned") and no_controls(
        str(meetup["SUMMARY"])
    )
    assert no_controls(str(meetup["DESCRIPTION"]))


def test_markdown_export_is_text_to_a_markdown_viewer(cli, hostile, tmp_path):
    out = tmp_path / "review.md"
    assert cli("export", "md", "--date", TODAY.isoformat(), "--out", str(out)).code == 0
    assert private(out)
    text = out.read_text(encoding="utf-8")
    assert no_controls(text)
    assert "<script>" not in text and "&lt;script&gt;" in text
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    markup = {"html_inline", "html_block", "link_open", "em_open", "strong_open", "code_inline"}
    assert not kinds & markup, kinds & markup
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == 8  # the title and the seven sections, none from the data
    rendered = MarkdownIt("commonmark").render(text)
    assert "&lt;script&gt;" in rendered and "*bold*" in rendered and "# heading" in rendered


def test_csv_export_to_the_terminal_carries_no_control_characters(cli, hostile):
    result = cli("export", "csv", "contacts")
    assert result.code == 0 and no_controls(result.out, allow_crlf=True)
    rows = list(csv.DictReader(io.StringIO(result.out)))
    ana = next(r for r in rows if "Lima" in r["name"])
    assert ana["notes"].startswith("title]0;owned clip]52;c;aGVsbG8= wipe[2J")


def test_every_export_is_private(cli, hostile, tmp_path):
    for args in (
        ("vcard",),
        ("ics",),
        ("csv", "contacts"),
        ("csv", "interactions"),
        ("md", "--week"),
    ):
        out = tmp_path / f"export-{'-'.join(args)}"
        assert cli("export", *args, "--out", str(out)).code == 0
        assert private(out), args


def test_the_review_written_from_the_tui_is_private_and_escaped(hostile, tmp_path):
    older = tmp_path / f"netday-review-{TODAY.isoformat()}.md"
    older.write_text("older\n")
    older.chmod(0o644)
    path = export_review(hostile, TODAY, tmp_path)
    assert path == older and private(path)
    text = path.read_text(encoding="utf-8")
    assert no_controls(text) and "&lt;script&gt;" in text and "\\# heading" in text


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ("a\rb", "a\\nb"),
        ("a\r\nb\nc", "a\\nb\\nc"),
        ("a\u2028b\x85c", "a\\nb\\nc"),
        ("x;y,z\\", "x\\;y\\,z\\\\"),
        ("\x1b]0;t\x07tab\tok", "]0\\;ttab\tok"),
    ],
)
def test_vcard_escape(raw: str, written: str) -> None:
    assert escape_text(raw) == written


def test_markdown_block_escapes_line_starts_and_html() -> None:
    assert md_block("# h\n  - item\n1. one\nR&D <i>") == (
        "\\# h\n  \\- item\n1\\. one\nR&amp;D &lt;i&gt;"
    )


def test_markdown_block_keeps_plain_brackets_and_shows_controls() -> None:
    """Brackets make a link only with `(` or `[` after them, or as a definition."""
    assert md_block("Bob [PhD] [@click=app.quit]x[/]") == "Bob [PhD] [@click=app.quit]x[/]"
    assert md_block("x [a](u) [b][c]\n[d]: u") == "x [a\\](u) [b\\][c]\n\\[d]: u"
    assert md_block("\x1b]0;t\x07 a\rb \x9b") == "^[]0;t^G a\nb ?"


def test_hostile_fixture_really_stored_raw_text(hostile) -> None:
    """The tests above mean something only if the database holds the raw sequences."""
    with hostile.db.reading() as session:
        notes = session.scalar(select(Contact.notes).where(Contact.notes != ""))
    assert notes == hostile_text(hostile)
