"""The argument grammar of `netday`; handlers live in `commands.py`."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from netday.cleaning import quoted, strip_controls
from netday.cli.options import add_global_options
from netday.io.formats import CALENDAR_DAYS
from netday.limits import COUNT_MAX, ID_MAX, MINUTES_MAX, SEARCH_HITS, STATS_WEEKS
from netday.services import demo_data
from netday.services.insights import WEEKS_BY_DEFAULT
from netday.services.search import DEFAULT_LIMIT as DEFAULT_SEARCH_LIMIT
from netday.vocabulary import (
    CallOutcome,
    Circle,
    DueFilter,
    InteractionKind,
    InviteDirection,
    InviteStatus,
    OpportunityKind,
    PeopleSort,
    Tier,
    TriageFilter,
    values,
)

USAGE_ERROR_CHARS = 300


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes are reported in one line, like every other error.

    A parser may also have `verbs`: `netday log CONTACT [NOTE]` logs, while `netday log
    edit ID ...` and `netday log delete ID` correct the log. argparse cannot put a
    positional and subcommands side by side, so arguments that start with a verb go to
    that verb's own parser, which sets `action` to it (a contact named by that very word
    is named by id, or by more of the name).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.verbs: dict[str, OneLineParser] = {}

    def verb(self, name: str, help: str) -> OneLineParser:
        """The parser of the arguments after the word `name`."""
        parser = OneLineParser(prog=f"{self.prog} {name}", description=help)
        self.verbs[name] = parser
        self.set_defaults(action=None)
        return parser

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        words = list(sys.argv[1:] if args is None else args)
        if words and words[0] in self.verbs:
            found, rest = self.verbs[words[0]].parse_known_args(words[1:], namespace)
            found.action = words[0]
            return found, rest
        return super().parse_known_args(words, namespace)

    def error(self, message: str) -> NoReturn:
        # argparse quotes the offending value whole: a 100,000-character one is cut short.
        shown = strip_controls(message)
        if len(shown) > USAGE_ERROR_CHARS:
            shown = shown[:USAGE_ERROR_CHARS] + "…'"
        sys.stderr.write(f"netday: error: {shown} (see `{self.prog} --help`)\n")
        raise SystemExit(2)


def whole_number(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse `type=` for a whole number in [low, high]; anything else exits 2 naming
    the bounds (from `netday.limits`), before a service or a database sees it."""

    def parse(text: str) -> int:
        raw = text.strip()
        if re.fullmatch(r"[+-]?[0-9]{1,19}", raw) and low <= int(raw) <= high:
            return int(raw)
        raise argparse.ArgumentTypeError(
            f"{quoted(text)} is not {what}: a whole number from {low:,} to {high:,}"
        )

    return parse


def file_path(text: str) -> str:
    """An argparse `type=` for a file or folder name: not empty, no NUL (which no file
    system accepts and which Python refuses with a ValueError)."""
    if not text.strip() or "\x00" in text:
        raise argparse.ArgumentTypeError(f"{quoted(text)} is not a file name")
    return text


ID = whole_number(1, ID_MAX, "an id")
MINUTES = whole_number(0, MINUTES_MAX, "minutes")
COUNT = whole_number(1, COUNT_MAX, "a count")
STATS_WEEKS_ARG = whole_number(1, STATS_WEEKS, "a number of weeks")


def _circle_filter(p: argparse.ArgumentParser) -> None:
    """`--circle`: a list keeps only people of that circle (the TUI's `C`)."""
    p.add_argument(
        "--circle", choices=values(Circle), help="only people of this circle (default: both)"
    )


def _contact_fields(p: argparse.ArgumentParser, editing: bool) -> None:
    if editing:
        p.add_argument("--name", help="new full name")
    p.add_argument("--company")
    p.add_argument("--role")
    p.add_argument("--email")
    p.add_argument("--phone")
    p.add_argument("--url", help="profile URL")
    p.add_argument("--circle", choices=values(Circle))
    p.add_argument("--tier", choices=values(Tier), type=str.upper)
    p.add_argument("--why", help="why they matter / how you met")
    p.add_argument("--notes")
    p.add_argument("--tag", action="append", help="a tag (repeat for more)")
    p.add_argument("--birthday", help="YYYY-MM-DD")
    p.add_argument("--connected", help="YYYY-MM-DD: the day you connected (not in the future)")
    cadence = p.add_mutually_exclusive_group()
    cadence.add_argument(
        "--every",
        help='a cadence in words: "3 weeks", "2 months", "last Friday of each month", '
        '"every other Tuesday"',
    )
    cadence.add_argument("--rrule", help='calendar cadence: "FREQ=MONTHLY;BYDAY=1MO"')
    cadence.add_argument("--no-cadence", action="store_true", help="keep no cadence")
    p.add_argument("--json", action="store_true")


def _log_changes(log: OneLineParser) -> None:
    """`log edit ID` (only what is given changes) and `log delete ID`."""
    p = log.verb("edit", "change a logged interaction: only what is given changes")
    p.add_argument("id", type=ID, help="the interaction's id (#12 in `today`, `contact show`)")
    p.add_argument("--note", help="what happened (replaces the note)")
    p.add_argument("--kind", choices=values(InteractionKind))
    p.add_argument("--outcome", choices=values(CallOutcome), help="how a call went")
    p.add_argument("--at", "--when", dest="at", help='when: "14:30", "yesterday 16:00"')
    minutes = p.add_mutually_exclusive_group()
    minutes.add_argument("--minutes", type=MINUTES)
    minutes.add_argument("--no-minutes", action="store_true", help="forget the minutes")
    balance = p.add_mutually_exclusive_group()
    balance.add_argument("--gave", action="store_true", help="you gave something")
    balance.add_argument("--asked", action="store_true", help="you asked for something")
    balance.add_argument("--neutral", action="store_true", help="neither gave nor asked")
    follow = p.add_mutually_exclusive_group()
    follow.add_argument("--follow-up", help="promise a follow-up on this date")
    follow.add_argument("--no-follow-up", action="store_true", help="no follow-up promised")
    p.add_argument("--json", action="store_true")
    p = log.verb("delete", "delete a logged interaction (the plan and cadence follow)")
    p.add_argument("id", type=ID, help="the interaction's id")
    p.add_argument("--json", action="store_true")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="netday",
        description="A daily networking planner. With no command: today's plan.",
    )
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    p = sub.add_parser("today", help="today's calls, comments, invites and log")
    p.add_argument("--minutes", type=MINUTES, help="time you have today; re-sizes the plan")
    _circle_filter(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "log",
        help="log an interaction; `log edit ID`, `log delete ID` correct one",
        epilog="netday log edit ID [...] changes a logged interaction (its id shows in "
        "`today`, `review` and `contact show`); netday log delete ID removes one.",
    )
    _log_changes(p)
    p.add_argument("contact", help="id or part of the name")
    p.add_argument("note", nargs="?", default="", help="what happened")
    p.add_argument("--kind", default=InteractionKind.CALL.value, choices=values(InteractionKind))
    p.add_argument(
        "--outcome",
        choices=values(CallOutcome),
        help="how a call went (answered unless said): only an answered one restarts "
        "the cadence; the others bring the person back tomorrow",
    )
    p.add_argument("--at", help='when: "14:30", "yesterday 16:00", "2026-11-20 09:15"')
    p.add_argument("--minutes", type=MINUTES)
    balance = p.add_mutually_exclusive_group()
    balance.add_argument("--gave", action="store_true", help="you gave something")
    balance.add_argument("--asked", action="store_true", help="you asked for something")
    p.add_argument("--follow-up", help="promise a follow-up on this date")
    p.add_argument("--json", action="store_true")

    contact = sub.add_parser("contact", help="add, edit, show, list, archive contacts")
    csub = contact.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    p = csub.add_parser("add", help="add a contact")
    p.add_argument("name")
    _contact_fields(p, editing=False)
    p = csub.add_parser("edit", help="change a contact")
    p.add_argument("contact")
    _contact_fields(p, editing=True)
    p = csub.add_parser("show", help="everything about one contact")
    p.add_argument("contact")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("list", help="list contacts")
    p.add_argument(
        "--due",
        nargs="?",
        const=DueFilter.DUE.value,
        choices=values(DueFilter),
        help="only those due today or before (or `--due overdue`: before today)",
    )
    p.add_argument("--circle", choices=values(Circle))
    p.add_argument("--tier", choices=values(Tier), type=str.upper)
    p.add_argument("--tag")
    p.add_argument("--company", help="words of the company's name")
    p.add_argument("--triage", choices=values(TriageFilter), help="by triage state")
    p.add_argument(
        "--sort",
        choices=values(PeopleSort),
        help="the order (default: by name; with --due, soonest due first)",
    )
    p.add_argument("--search", help="part of the name or the company")
    p.add_argument("--archived", action="store_true", help="list archived contacts instead")
    p.add_argument("--limit", type=COUNT)
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("archive", help="archive a contact (keeps the history)")
    p.add_argument("contact")
    p.add_argument("--undo", action="store_true", help="bring an archived contact back")
    p = csub.add_parser("duplicates", help="likely duplicates, with the evidence for each pair")
    p.add_argument("--limit", type=int, default=50, help="how many pairs to list (default 50)")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("merge", help="move everything of OTHER to KEEP; OTHER is then deleted")
    p.add_argument("keep", metavar="KEEP", help="the contact that stays (id or name)")
    p.add_argument("other", metavar="OTHER", help="the duplicate that goes (id or name)")
    p.add_argument("--dry-run", action="store_true", help="say what would move; write nothing")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser(
        "delete", help="delete a contact with its interactions, invitations and posts"
    )
    p.add_argument("contact")
    p.add_argument(
        "--yes", action="store_true", help="delete (without it: say what would go, delete nothing)"
    )
    p.add_argument("--json", action="store_true")

    company = sub.add_parser("company", help="follow companies")
    cosub = company.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    p = cosub.add_parser("follow", help="follow a company")
    p.add_argument("name")
    p.add_argument("--undo", action="store_true", help="stop following")

    plan = sub.add_parser("plan", help="today's calls: show, skip, snooze")
    psub = plan.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    p = psub.add_parser("show", help="today's calls")
    p.add_argument("--json", action="store_true")
    p = psub.add_parser("skip", help="not today")
    p.add_argument("contact")
    p = psub.add_parser("snooze", help="out of the plans until a date")
    p.add_argument("contact")
    p.add_argument("--until", help="date (default: tomorrow)")

    invite = sub.add_parser("invite", help="invitations to connect")
    isub = invite.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    p = isub.add_parser("send", help="send an invitation (a personal message is required)")
    p.add_argument("contact", nargs="?", help="an existing contact (or use --name)")
    p.add_argument("--name", help="someone not yet a contact")
    p.add_argument("--url", default="", help="their profile URL")
    p.add_argument("--message", "-m", default="", help="the personal message")
    p.add_argument("--json", action="store_true")
    p = isub.add_parser("received", help="record an invitation you received")
    p.add_argument("contact", nargs="?", help="an existing contact (or use --name)")
    p.add_argument("--name")
    p.add_argument("--url", default="")
    p.add_argument("--message", "-m", default="")
    p.add_argument("--json", action="store_true")
    p = isub.add_parser("list", help="pending invitations and what they need")
    p.add_argument("--all", action="store_true", help="every status")
    p.add_argument("--status", choices=values(InviteStatus))
    p.add_argument("--direction", choices=values(InviteDirection))
    _circle_filter(p)
    p.add_argument("--json", action="store_true")
    for name, text in (
        ("accept", "accepted (either way): schedules a first call"),
        ("decline", "declined"),
        ("withdraw", "withdraw a sent invitation"),
    ):
        p = isub.add_parser(name, help=text)
        p.add_argument("id", type=ID)
    p = isub.add_parser("follow-up", help="nudge a sent invitation")
    p.add_argument("id", type=ID)
    p.add_argument("note", nargs="?", default="")
    p = isub.add_parser("template", help="saved invitation texts (sending one verbatim is flagged)")
    tsub = p.add_subparsers(
        dest="template_action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    t = tsub.add_parser("add")
    t.add_argument("name")
    t.add_argument("text")
    tsub.add_parser("list")

    post = sub.add_parser("post", help="posts to comment on")
    posub = post.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    p = posub.add_parser("add", help="a post worth a comment")
    p.add_argument("contact", help="the author")
    p.add_argument("url", nargs="?", default="")
    p.add_argument("--excerpt", default="")
    p.add_argument("--draft", default="", help="a draft of your comment")
    p = posub.add_parser("done", help="commented (logged as a light touch)")
    p.add_argument("id", type=ID)
    p.add_argument("--comment", default="", help="what you wrote")
    p = posub.add_parser("skip", help="not worth a comment after all")
    p.add_argument("id", type=ID)
    p = posub.add_parser("list", help="posts still to comment, oldest first")
    p.add_argument("--all", action="store_true")
    _circle_filter(p)
    p.add_argument("--json", action="store_true")

    prom = sub.add_parser("promise", help="promises both ways: what you owe, what you are owed")
    prsub = prom.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    p = prsub.add_parser("add", help="a promise you made (or, with --theirs, one made to you)")
    p.add_argument("contact", help="who it is with (id or name)")
    p.add_argument("what", help='what was promised ("the deck")')
    p.add_argument("--due", default="today", help="by when (default today; friday, 2026-12-01)")
    p.add_argument("--theirs", action="store_true", help="they promised it to you")
    p = prsub.add_parser("list", help="open promises, soonest due first")
    p.add_argument("--due", action="store_true", help="only those due by today")
    p.add_argument("--all", action="store_true", help="kept ones too")
    p.add_argument("--contact", help="only with this person (id or name)")
    _circle_filter(p)
    p.add_argument("--json", action="store_true")
    p = prsub.add_parser("done", help="kept")
    p.add_argument("id", type=ID)
    p = prsub.add_parser("reopen", help="not kept after all: open again")
    p.add_argument("id", type=ID)
    p = prsub.add_parser("edit", help="correct what, by when or whose")
    p.add_argument("id", type=ID)
    p.add_argument("--what")
    p.add_argument("--due")
    whose = p.add_mutually_exclusive_group()
    whose.add_argument("--theirs", action="store_true", help="it is theirs")
    whose.add_argument("--mine", action="store_true", help="it is yours")
    p = prsub.add_parser("delete", help="remove it from the ledger")
    p.add_argument("id", type=ID)

    opp = sub.add_parser("opportunity", help="things worth passing on, shared with a personal line")
    opsub = opp.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    kinds = values(OpportunityKind)
    p = opsub.add_parser("add", help="an event, webinar, article, job or call for speakers")
    p.add_argument("title", help='what it is ("PyCon call for speakers")')
    p.add_argument("--kind", required=True, choices=kinds)
    p.add_argument("--url", default="", help="where to find it")
    p.add_argument("--on", help="its day, if it has one (friday, 2026-12-10)")
    p.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    p.add_argument("--notes", default="")
    p.add_argument("--json", action="store_true")
    p = opsub.add_parser("list", help="open opportunities, dated ones soonest first")
    p.add_argument("--all", action="store_true", help="closed ones too")
    p.add_argument("--json", action="store_true")
    p = opsub.add_parser("show", help="one opportunity, the people it fits and who had it")
    p.add_argument("id", type=ID)
    p.add_argument("--json", action="store_true")
    p = opsub.add_parser("share", help="pass it on to someone, with a line naming them")
    p.add_argument("id", type=ID)
    p.add_argument("contact", help="who (id or name)")
    p.add_argument("line", help='a personal line ("Ana, this is the role we talked about")')
    p.add_argument("--json", action="store_true")
    p = opsub.add_parser("close", help="nothing more to pass on")
    p.add_argument("id", type=ID)
    p = opsub.add_parser("reopen", help="open again")
    p.add_argument("id", type=ID)
    p = opsub.add_parser("edit", help="correct it (only what is given changes)")
    p.add_argument("id", type=ID)
    p.add_argument("--title")
    p.add_argument("--kind", choices=kinds)
    p.add_argument("--url")
    day = p.add_mutually_exclusive_group()
    day.add_argument("--on", help="its day")
    day.add_argument("--no-date", action="store_true", help="it has no day")
    p.add_argument("--tag", action="append", help="its tags (repeat; replaces them all)")
    p.add_argument("--notes")
    p = opsub.add_parser("delete", help="remove it (its shares stay in the log)")
    p.add_argument("id", type=ID)

    event = sub.add_parser("event", help="events: people to meet there, people met")
    evsub = event.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    p = evsub.add_parser("add", help="an event on a day, with a place or a link")
    p.add_argument("title", help='what it is ("Web Summit")')
    p.add_argument("--on", required=True, help="its day (friday, 2026-12-10)")
    p.add_argument("--place", default="", help="where (a venue, an address)")
    p.add_argument("--url", default="", help="its page or the link to join")
    p.add_argument("--notes", default="")
    p.add_argument("--json", action="store_true")
    p = evsub.add_parser("list", help="events from today on, then past ones")
    p.add_argument("--json", action="store_true")
    p = evsub.add_parser("show", help="one event and its people, planned and met")
    p.add_argument("id", type=ID)
    _circle_filter(p)
    p.add_argument("--json", action="store_true")
    p = evsub.add_parser("plan", help="plan to meet people there (that day's plan says so)")
    p.add_argument("id", type=ID)
    p.add_argument("contact", nargs="+", metavar="CONTACT", help="who (ids or names)")
    p = evsub.add_parser("unplan", help="no longer plan to meet someone there")
    p.add_argument("id", type=ID)
    p.add_argument("contact", help="who (id or name)")
    p = evsub.add_parser("met", help="met someone there (logged as an event conversation)")
    p.add_argument("id", type=ID)
    p.add_argument("contact", help="who (id or name)")
    p.add_argument("--line", default="", help="a line on what you talked about")
    p.add_argument("--json", action="store_true")
    p = evsub.add_parser("edit", help="correct it (only what is given changes)")
    p.add_argument("id", type=ID)
    p.add_argument("--title")
    p.add_argument("--on", help="its day")
    p.add_argument("--place")
    p.add_argument("--url")
    p.add_argument("--notes")
    p = evsub.add_parser("delete", help="remove it (meetings stay in the log)")
    p.add_argument("id", type=ID)

    p = sub.add_parser("review", help="the end-of-day review")
    p.add_argument("--date", help="which day (default today; yesterday works too)")
    p.add_argument("--note", help="save a line of reflection")
    p.add_argument("--minutes", type=MINUTES, help="record the minutes you spent")
    _circle_filter(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--md", action="store_true", help="Markdown")

    p = sub.add_parser("stats", help="the return on the investment, week by week; diversity")
    p.add_argument(
        "--weeks",
        type=STATS_WEEKS_ARG,
        default=WEEKS_BY_DEFAULT,
        help=f"how many weeks back, this one included (default {WEEKS_BY_DEFAULT})",
    )
    _circle_filter(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--md", action="store_true", help="Markdown (a table of the weeks)")

    p = sub.add_parser("demo", help="fill an empty database with a sample network")
    p.add_argument("--contacts", type=COUNT, default=demo_data.CONTACTS)
    p.add_argument("--seed", type=int, default=demo_data.SEED)

    db = sub.add_parser("db", help="where the data lives; upgrade; backup")
    dsub = db.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=OneLineParser
    )
    dsub.add_parser("path", help="print the database location")
    dsub.add_parser("upgrade", help="upgrade the schema (done automatically at start)")
    p = dsub.add_parser("backup", help="a consistent copy of the database")
    p.add_argument(
        "--to",
        type=file_path,
        help="destination file (default: timestamped, beside a SQLite file; "
        "PostgreSQL: a pg_dump in the data folder's backups/)",
    )

    imp = sub.add_parser("import", help="bring contacts in: LinkedIn export, vCard")
    imsub = imp.add_subparsers(
        dest="source", required=True, metavar="SOURCE", parser_class=OneLineParser
    )
    p = imsub.add_parser("linkedin", help="the LinkedIn data export: its ZIP, folder or a CSV")
    p.add_argument("path", type=file_path)
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--json", action="store_true")
    p = imsub.add_parser("vcard", help="vCard files (.vcf) from an address book")
    p.add_argument("files", nargs="+", metavar="FILE", type=file_path)
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--json", action="store_true")

    exp = sub.add_parser("export", help="take your data out: vCard, iCalendar, CSV, Markdown")
    exsub = exp.add_subparsers(
        dest="format", required=True, metavar="FORMAT", parser_class=OneLineParser
    )
    p = exsub.add_parser("vcard", help="every contact as vCard 3.0")
    p.add_argument("--out", type=file_path, help="file to write (default: standard output)")
    p.add_argument("--archived", action="store_true", help="include archived contacts")
    _circle_filter(p)
    p = exsub.add_parser("ics", help="planned calls and follow-ups as calendar events")
    p.add_argument(
        "--days",
        type=int,
        default=CALENDAR_DAYS,
        help=f"how many days ahead (default {CALENDAR_DAYS})",
    )
    _circle_filter(p)
    p.add_argument("--out", type=file_path, help="file to write (default: standard output)")
    p = exsub.add_parser("csv", help="contacts or interactions as a spreadsheet")
    p.add_argument("table", choices=("contacts", "interactions"))
    _circle_filter(p)
    p.add_argument("--out", type=file_path, help="file to write (default: standard output)")
    p = exsub.add_parser("md", help="the review of a day or a week as Markdown")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--week", action="store_true", help="the last seven days up to today")
    which.add_argument("--date", help="one day (YYYY-MM-DD, today, yesterday)")
    _circle_filter(p)
    p.add_argument("--out", type=file_path, help="file to write (default: standard output)")

    p = sub.add_parser("triage", help="sort imported connections: tier A/B/C, personal, ...")
    p.add_argument("contact", nargs="?", help="who to decide about (id or name)")
    p.add_argument(
        "decision",
        nargs="?",
        help="a, b, c (tiers, each with its cadence), personal, skip, archive",
    )
    p.add_argument("--limit", type=COUNT, default=20, help="how many to list (default 20)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "search", help="find people by what you wrote: names, companies, notes, the log, ..."
    )
    p.add_argument("text", nargs="+", metavar="TEXT", help="words, each the start of a word")
    p.add_argument(
        "--limit",
        type=whole_number(1, SEARCH_HITS, "a number of people"),
        default=DEFAULT_SEARCH_LIMIT,
        help=f"how many people to list (default {DEFAULT_SEARCH_LIMIT})",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("undo", help="take back the last change a netday command made")
    p.add_argument("--json", action="store_true")

    settings = sub.add_parser("settings", help="show or change settings")
    ssub = settings.add_subparsers(dest="action", metavar="ACTION", parser_class=OneLineParser)
    ssub.add_parser("show")
    p = ssub.add_parser("set")
    p.add_argument("key")
    p.add_argument("value")
    return parser
