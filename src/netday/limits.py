"""Every limit on what netday accepts, declared once.

A limit exists so that no input (typed, imported, synced) can hang netday, blow up its
memory, or be accepted by SQLite and refused by PostgreSQL. Services enforce these;
readers, forms, the command line and the README derive theirs from here. The text
limits are those of the schema's columns, so both databases agree on them.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

# --- text (characters) --------------------------------------------------------------

NAME: Final = 200
"""A person's full name, a company's name, an invitation's name."""
ROLE: Final = 200
EMAIL: Final = 320
PHONE: Final = 64
URL: Final = 500
"""A profile URL or any other address-book URL."""
POST_URL: Final = 1000
TAG: Final = 64
TEMPLATE_NAME: Final = 100
CADENCE_TEXT: Final = 300
"""What a user types as a cadence (`every 3 weeks`, an RRULE)."""
LONG_TEXT: Final = 20_000
"""Why, notes, a summary, a message, an excerpt, a comment, a reflection: about ten pages."""
PROMISE: Final = 300
"""What a promise is ("the deck", "an intro to their CTO"): one line, said in a plan's reason."""
PROMISES_SHOWN: Final = 5
"""Open promises shown per person with a planned call: a call row has room for a few."""
OPPORTUNITY_TITLE: Final = 200
"""An opportunity's title ("Staff engineer at Acme", "PyCon call for speakers")."""
SHARE_LINE: Final = 500
"""The personal line that goes with a shared opportunity: a sentence or two."""
EVENT_TITLE: Final = 200
"""An event's title ("Web Summit", "PyData meetup"): said in a plan's reason."""
PLACE: Final = 500
"""Where an event is: an address or a venue, one line."""
MET_LINE: Final = 500
"""The optional line logged with meeting someone at an event: a sentence or two."""
PROPOSALS: Final = 10
"""People proposed for one opportunity: the best few, never the whole network."""
TAGS_PER_CONTACT: Final = 100
DETAILS_PER_CONTACT: Final = 100
"""Extra e-mails, phones and URLs on one contact."""

SEARCH: Final = 200
"""What a search may say (`netday search`, the palette): a few words, not a document."""
SEARCH_WORDS: Final = 8
"""Words of a search that count; each must appear (at the start of a word) in one field."""
SEARCH_HITS: Final = 1000
"""People one search may list (`--limit`): a screenful is twenty; more is a query, not a look."""
SNIPPET: Final = 80
"""Characters of a search hit's snippet: the words around the match, on one line."""

# --- numbers -------------------------------------------------------------------------

ID_MAX: Final = 2**31 - 1
"""Ids are 32-bit integers on PostgreSQL; anything larger names nothing."""
MINUTES_MAX: Final = 24 * 60
"""Minutes in a day: today's budget, a call's length, a review's time spent."""
STATS_WEEKS: Final = 104
"""Weeks the insights look back at most (two years): the window bounds every query."""
COUNT_MAX: Final = 100_000
"""A `--limit`, a number of calls, a demo's size: far above any real use."""
DAYS_AHEAD_MAX: Final = 366
"""How far ahead an export or a list looks."""
UNDO_STEPS: Final = 100
"""Actions kept for undo (`u`, `netday undo`), all origins together; the oldest go first."""

# --- dates ---------------------------------------------------------------------------

DATE_MIN: Final = dt.date(1900, 1, 1)
DATE_MAX: Final = dt.date(2199, 12, 31)
"""Every date netday stores or is told (today, a follow-up, a birthday) lies in this range;
cadences computed from any of them stay far from Python's year 9999."""
CADENCE_HORIZON_YEARS: Final = 5
"""A cadence must bring a date within this many years, or it is not a way to keep in touch."""

# --- files ---------------------------------------------------------------------------

FILE_BYTES: Final = 32 * 1024 * 1024
"""Far above any real export (20,000 connections are about 3 MB); refusing larger files
keeps a wrong pick (a video, a disk image) from eating memory."""
UNPACKED_BYTES: Final = 256 * 1024 * 1024
"""What the files netday reads from one ZIP may add up to."""
ROWS_PER_FILE: Final = 200_000
"""Rows of one CSV (ten times LinkedIn's 30,000-connection ceiling)."""
FIELD_CHARS: Final = LONG_TEXT
"""One CSV cell or one vCard property, before the field's own limit applies."""
VCARD_LINES: Final = 500_000
"""Properties (unfolded lines) of one vCard file: 30,000 contacts of 15 lines each.
netday's reader takes some tens of microseconds a line (450,000 lines in about 15 s on
a busy machine), so this bounds the time too."""
FOLDER_ENTRIES: Final = 10_000
"""Files and folders netday looks through when handed a folder (an export has tens)."""


def describe() -> dict[str, str]:
    """The limits as a user reads them (the README's table is checked against this)."""
    return {
        "name, company, role": f"{NAME} characters",
        "e-mail": f"{EMAIL} characters",
        "phone": f"{PHONE} characters",
        "profile or other URL": f"{URL} characters (a post's or an opportunity's URL {POST_URL})",
        "tag": f"{TAG} characters, {TAGS_PER_CONTACT} per contact or opportunity",
        "opportunity title": f"{OPPORTUNITY_TITLE} characters",
        "personal line of a share": f"{SHARE_LINE} characters",
        "event title": f"{EVENT_TITLE} characters, place {PLACE}, line when met {MET_LINE}",
        "why, notes, summaries, messages, comments": f"{LONG_TEXT:,} characters",
        "ids": f"1 to {ID_MAX:,}",
        "minutes": f"0 to {MINUTES_MAX}",
        "insights window": f"1 to {STATS_WEEKS} weeks",
        "dates": f"{DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}",
        "cadence": f"daily or slower, occurring within {CADENCE_HORIZON_YEARS} years",
        "undo": f"the last {UNDO_STEPS} changes, every planner and command together",
        "search": (
            f"{SEARCH} characters, its first {SEARCH_WORDS} words; "
            f"{SEARCH_HITS:,} people listed at most"
        ),
        "files": (
            f"{FILE_BYTES >> 20} MB each ({UNPACKED_BYTES >> 20} MB unpacked from a ZIP), "
            f"{ROWS_PER_FILE:,} rows per CSV, {VCARD_LINES:,} lines per vCard file, "
            f"{FOLDER_ENTRIES:,} entries in a folder; regular files only (no pipes, devices)"
        ),
    }
