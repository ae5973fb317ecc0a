"""Human-readable text (and Markdown) for the terminal.

Everything printed passes through `out`: names, notes and messages may carry escape
sequences (from a file, another program, or data older than the cleaning at input), and
none of them may reach the terminal, where they could set the window title, write the
clipboard or clear the screen.
"""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from netday.cleaning import for_terminal
from netday.services.events import EventDetail, EventView
from netday.services.insights import (
    SHOWN,
    balance_line,
    chart_value,
    diversity_line,
    shown_value,
    streak_line,
    window_line,
)
from netday.services.insights_views import InsightsView
from netday.services.opportunities import OpportunityDetail, OpportunityView, kind_said
from netday.services.promises import promise_line as promise_line_of
from netday.services.review import review_headline, review_title
from netday.services.search import SearchHit, where_found
from netday.services.views import (
    ContactDetail,
    ContactSummary,
    InteractionView,
    InviteView,
    PlannedCall,
    PlanView,
    PostView,
    PromiseView,
    ReviewView,
    TodayView,
)
from netday.vocabulary import (
    OUTCOME_SAID,
    UNANSWERED,
    CallStatus,
    Direction,
    InviteDirection,
    InviteStatus,
    MatchPlace,
    tried_said,
)
from netday.wording import bars, circle_only, long_date, plural, short_date

if TYPE_CHECKING:  # merge is imported only by the commands that use it
    from netday.services.merge import Duplicates

MARKS: dict[str, str] = {
    CallStatus.PLANNED: "[ ]",
    CallStatus.DONE: "[x]",
    CallStatus.SKIPPED: "[-]",
    CallStatus.SNOOZED: "[z]",
}
"""How a planned call's status shows in a list (every `CallStatus` has one)."""


def out(text: str, stream: TextIO | None = None) -> None:
    """Print one piece of output (a line or many), every control character made visible
    (newlines and tabs kept). JSON is printed through here too: it escapes C0 itself,
    and DEL or C1 inside a string become visible instead of reaching the terminal."""
    print(for_terminal(text), file=stream or sys.stdout)


def out_stream(chunks: Iterable[str], *, verbatim: bool) -> None:
    """Print an export as it is produced. A format with its own line endings (vCard,
    iCalendar and CSV end lines with CRLF) is written `verbatim` when stdout is not a
    terminal, so a redirect gets the exact file; on a terminal, or for Markdown, each
    chunk is escaped like any other output (CRLF kept)."""
    escape = not verbatim or sys.stdout.isatty()
    for chunk in chunks:
        sys.stdout.write("\r\n".join(map(for_terminal, chunk.split("\r\n"))) if escape else chunk)
    sys.stdout.flush()


def who(contact: ContactSummary) -> str:
    parts = [p for p in (contact.company, contact.role) if p]
    return ", ".join(parts)


def call_line(call: PlannedCall) -> list[str]:
    c = call.contact
    reach = c.phone or c.profile_url
    head = " · ".join(p for p in (c.name, who(c), reach) if p)
    status = ""
    if call.status == CallStatus.SNOOZED and call.snoozed_until:
        status = f" (snoozed until {short_date(call.snoozed_until)})"
    elif call.status == CallStatus.SKIPPED:
        status = " (skipped)"
    elif call.outcome in UNANSWERED:
        status = f" ({OUTCOME_SAID[call.outcome]}: back tomorrow)"
    return [f"  {call.position}. {MARKS[call.status]} {head}", f"         {call.reason}{status}"]


def interaction_line(i: InteractionView, with_date: bool = False) -> str:
    when = f"{i.at:%Y-%m-%d %H:%M}" if with_date else f"{i.at:%H:%M}"
    extra = [
        x
        for x in (
            tried_said(i.outcome),
            f"{i.minutes} min" if i.minutes else "",
            i.direction if i.direction != Direction.NEUTRAL else "",
        )
        if x
    ]
    tail = f" ({', '.join(extra)})" if extra else ""
    follow = f" · follow up {short_date(i.follow_up_on)}" if i.follow_up_on else ""
    summary = f" — {i.summary}" if i.summary else ""
    return f"  #{i.id} {when} {i.kind:<7} {i.contact_name}{summary}{tail}{follow}"


def invite_line(i: InviteView) -> str:
    arrow = f"to {i.name}" if i.direction == InviteDirection.SENT else f"from {i.name}"
    age = "today" if i.age_days == 0 else f"{plural(i.age_days, 'day')} ago"
    state = i.action_text or (
        f"follow up {short_date(i.follow_up_due)}"
        if i.follow_up_due and i.status == InviteStatus.PENDING
        else i.status
    )
    return f"  #{i.id} {i.direction} {arrow} · {age} · {state}"


def post_line(p: PostView) -> str:
    age = "today" if p.age_days == 0 else f"{plural(p.age_days, 'day')} old"
    what = p.excerpt or p.url
    return f"  #{p.id} {p.author} · {age} · {what}"


def opportunity_line(o: OpportunityView) -> str:
    """ "  #3 job · Data engineer at Acme · 10 Dec · #recruiter · shared with 1 (closed)" """
    parts = [f"  #{o.id} {kind_said(o.kind)} · {o.title}"]
    if o.on_date is not None:
        parts.append(short_date(o.on_date))
    if o.tags:
        parts.append(" ".join(f"#{t}" for t in o.tags))
    if o.shared:
        parts.append(f"shared with {o.shared}")
    return " · ".join(parts) + ("" if o.is_open else " (closed)")


def opportunity_text(d: OpportunityDetail) -> str:
    """One opportunity: what it is, the people it fits with the reasons, who had it."""
    o = d.opportunity
    lines = [opportunity_line(o).strip()]
    if o.url:
        lines.append(f"  {o.url}")
    if o.notes:
        lines += [f"  {line}" for line in o.notes.splitlines()]
    if o.is_open:
        lines += ["", f"PROPOSED ({len(d.proposals)})"]
        lines += [
            f"  #{p.contact_id} {p.name}"
            + (f" ({p.company})" if p.company else "")
            + f": {'; '.join(p.reasons)}"
            for p in d.proposals
        ] or ["  nobody fits yet: tag it, or tag the people it is for"]
        if d.proposals:
            lines.append(f'  share: netday opportunity share {o.id} CONTACT "a line naming them"')
    lines += ["", f"SHARED WITH ({len(d.shares)})"]
    lines += [f"  {short_date(s.at.date())} {s.contact_name}: {s.summary}" for s in d.shares] or [
        "  nobody yet"
    ]
    return "\n".join(lines)


def event_line(e: EventView) -> str:
    """ "  #2 Web Summit · 22 Nov · Lisbon · 2 to meet, 1 met" """
    parts = [f"  #{e.id} {e.title}", short_date(e.on_date)]
    if e.place or e.url:
        parts.append(e.place or e.url)
    if e.planned or e.met:
        parts.append(f"{e.planned} to meet, {e.met} met")
    return " · ".join(parts)


def event_text(d: EventDetail) -> str:
    """One event: when and where, then its people, those still to meet first."""
    e = d.event
    lines = [event_line(e).strip()]
    if e.place and e.url:
        lines.append(f"  {e.url}")
    if e.notes:
        lines += [f"  {line}" for line in e.notes.splitlines()]
    only = f" · {circle_only(d.circle)}, {d.outside} of the other not listed" if d.circle else ""
    lines += ["", f"PEOPLE ({len(d.people)}){only}"]
    lines += [
        f"  #{p.contact_id} {p.contact_name} · "
        + (f"met {short_date(p.met_at.date())}" if p.met_at else "to meet")
        + (f": {p.summary}" if p.summary else "")
        for p in d.people
    ] or [
        f"  nobody of the {d.circle} circle"
        if d.circle and d.outside
        else f"  nobody yet: netday event plan {e.id} CONTACT..."
    ]
    return "\n".join(lines)


def promise_line(p: PromiseView, today: dt.date) -> str:
    """`  #4 Ana Souza · you owe the deck by 2 Nov`."""
    return f"  #{p.id} {p.contact_name} · {promise_line_of(p, today)}"


def plan_text(plan: PlanView) -> list[str]:
    lines = [f"TODAY'S CALLS ({plan.done}/{len(plan.calls)} done, {plan.minutes} min)"]
    if not plan.calls:
        lines.append("  nobody is due: add contacts with `netday contact add`")
    for call in plan.calls:
        lines.extend(call_line(call))
    return lines


def today_text(view: TodayView) -> str:
    plan = view.plan
    circle = f" · {view.circle} only" if view.circle else ""
    lines = [
        f"{long_date(view.date)}{circle} · budget {plan.minutes} min · "
        f"calls {plan.done}/{len(plan.calls)} done · streak {plural(view.streak, 'day')}",
        "",
        *plan_text(plan),
        "",
        f"COMMENTS TO WRITE ({view.comments_total})",
    ]
    lines += [post_line(p) for p in view.comments] or ["  none waiting"]
    lines += ["", f"PENDING INVITES ({len(view.invites)})"]
    lines += [invite_line(i) for i in view.invites] or ["  none pending"]
    lines += ["", f"TODAY'S LOG ({len(view.log)})"]
    lines += [interaction_line(i) for i in view.log] or ["  nothing logged yet today"]
    return "\n".join(lines)


def contact_row(c: ContactSummary) -> str:
    due = f"due {c.next_due.isoformat()}" if c.next_due else "no cadence"
    company = f" · {who(c)}" if who(c) else ""
    tier, cadence = ("-", "untriaged") if c.untriaged else (c.tier, c.cadence or "no cadence")
    return f"#{c.id:<5} {tier} {c.name}{company} · {cadence} · {due}"


def hit_line(hit: SearchHit) -> str:
    """`#12    Ana Souza · Acme · interaction of 2026-11-20: coffee, talked about hiring`
    (a name match is the name itself: no snippet to repeat it)."""
    company = f" · {hit.company}" if hit.company else ""
    archived = " (archived)" if hit.archived else ""
    said = "" if hit.place is MatchPlace.NAME else f": {hit.snippet}"
    return f"#{hit.contact_id:<5} {hit.name}{company}{archived} · {where_found(hit)}{said}"


def contact_text(d: ContactDetail, today: dt.date) -> str:
    c = d.summary
    lines = [f"#{c.id} {c.name}" + (" (archived)" if c.archived else "")]
    if who(c):
        lines.append(f"  {who(c)}")
    lines.append(
        f"  {c.tier_text} · {c.circle}" + (f" · tags: {', '.join(d.tags)}" if d.tags else "")
    )
    for label, value in (
        ("phone", c.phone),
        ("e-mail", d.email),
        ("profile", c.profile_url),
        ("birthday", d.birthday.isoformat() if d.birthday else ""),
        ("connected", d.connected_on.isoformat() if d.connected_on else ""),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    if d.why:
        lines.append(f"  why: {d.why}")
    if d.notes:
        lines.append(f"  notes: {d.notes}")
    cadence = c.cadence or "no cadence"
    lines.append(
        f"  cadence: {cadence}" + (f" · next due {c.next_due.isoformat()}" if c.next_due else "")
    )
    if d.upcoming:
        lines.append("  next dates: " + ", ".join(x.isoformat() for x in d.upcoming))
    if d.last_conversation:
        lines.append(f"  last conversation: {d.last_conversation.isoformat()}")
    if d.follow_up_on:
        lines.append(f"  follow-up: {d.follow_up_on.isoformat()}")
    if d.snoozed_until:
        lines.append(f"  snoozed until {d.snoozed_until.isoformat()}")
    lines.append(f"  balance: gave {d.gave} · asked {d.asked}")
    if d.promises:
        lines.append("  promises:")
        lines += [f"    #{p.id} {promise_line_of(p, today)}" for p in d.promises]
    if d.interactions:
        lines.append("  timeline:")
        lines += ["  " + interaction_line(i, with_date=True) for i in d.interactions]
    if d.invites:
        lines.append("  invitations:")
        lines += ["  " + invite_line(i) for i in d.invites]
    if d.posts:
        lines.append("  posts:")
        lines += ["  " + post_line(p) + f" ({p.status.replace('_', ' ')})" for p in d.posts]
    return "\n".join(lines)


def review_text(r: ReviewView) -> str:
    lines = [
        review_title(r, f"REVIEW · {long_date(r.date)}"),
        f"  {review_headline(r)}",
        "",
        "PLANNED VS DONE",
    ]
    lines += [line for call in (r.plan.calls if r.plan else ()) for line in call_line(call)] or [
        f"  no call with the {r.circle} circle" if r.plan and r.circle else "  no plan that day"
    ]
    lines += ["", f"COMMENTS WRITTEN ({len(r.comments_written)})"]
    lines += [post_line(p) for p in r.comments_written] or ["  none"]
    lines += ["", f"INVITES SENT ({len(r.invites_sent)}) · ANSWERED ({len(r.invites_answered)})"]
    lines += [invite_line(i) for i in (*r.invites_sent, *r.invites_answered)] or ["  none"]
    lines += ["", f"INTERACTIONS ({len(r.interactions)})"]
    lines += [interaction_line(i) for i in r.interactions] or ["  none"]
    lines += ["", f"PROMISES THAT CAME DUE ({len(r.promises_due)})"]
    lines += [promise_line(p, r.date) for p in r.promises_due] or ["  none"]
    lines += ["", "CARRIES OVER TO TOMORROW"]
    lines += [f"  call {c.contact.name}: {c.reason}" for c in r.carry_over]
    lines += [
        f"  {plural(r.comments_waiting, 'comment')} to write",
        f"  {plural(r.invites_needing_action, 'invitation')} needing action",
    ]
    lines += [
        "",
        "REFLECTION",
        f"  {r.note}" if r.note else "  (none yet: netday review --note TEXT)",
    ]
    return "\n".join(lines)


def duplicates_text(found: Duplicates) -> str:
    """Each likely pair, its evidence, and the command that would merge it."""
    if not found.pairs:
        return "no likely duplicates"
    lines = []
    for pair in found.pairs:
        a, b = pair.first, pair.second
        names = " and ".join(
            f"#{c.id} {c.name}"
            + (f" ({who(c)})" if who(c) else "")
            + (" [archived]" if c.archived else "")
            for c in (a, b)
        )
        lines.append(f"{names}: {', '.join(pair.evidence)}")
        lines.append(f"    netday contact merge {a.id} {b.id}   (keeps #{a.id}; --dry-run first)")
    if found.total > len(found.pairs):
        lines.append(f"... and {found.total - len(found.pairs)} more pairs (--limit)")
    return "\n".join(lines)


def stats_text(view: InsightsView) -> str:
    """The insights for a terminal: each measure a line with its weekly bars (oldest
    first), this week's figure and the window's total; then the balance, who drifts,
    the diversity and the companies to follow or to find a person at."""
    width = max(len(label) for _, label in SHOWN)
    lines = [f"INSIGHTS · {window_line(view)}", f"  {'':<{width}}  {'weekly':<{len(view.weeks)}}"]
    lines[-1] += "  this week       total"
    for key, label in SHOWN:
        chart = bars([chart_value(w, key) for w in view.weeks])
        this, total = shown_value(view.weeks[-1], key), shown_value(view.total, key)
        lines.append(f"  {label:<{width}}  {chart}  {this:>9}  {total:>10}")
    lines += [f"  {streak_line(view)}", "", f"GIVE / ASK · {balance_line(view)}"]
    lines += [f"  {b.name}: gave {b.gave} · asked {b.asked}" for b in view.balances] or ["  none"]
    lines += ["", "DRIFTING (past due, longest first)"]
    for tier in view.drifting:
        lines.append(f"  tier {tier.tier}: {tier.total:,} past due")
        lines += [
            f"    {p.name}{f' ({p.company})' if p.company else ''}: "
            f"{plural(p.days_overdue, 'day')} overdue"
            for p in tier.people
        ]
    lines += ["", "DIVERSITY of the people you talked with"]
    for d in view.diversity:
        lines.append(f"  {diversity_line(d)}")
        if d.warning:
            lines.append(f"  ! {d.warning}")
    lines += ["", f"FOLLOWED, NOBODY KNOWN THERE ({view.followed_unknown_total:,})"]
    lines += [f"  {c.name}: find one person to invite" for c in view.followed_unknown] or ["  none"]
    lines += ["", f"PEOPLE THERE, NOT FOLLOWED ({view.known_unfollowed_total:,})"]
    lines += [
        f"  {c.name} ({c.people:,}): netday company follow {shell_quoted(c.name)}"
        for c in view.known_unfollowed
    ] or ["  none"]
    return "\n".join(lines)


def shell_quoted(text: str) -> str:
    """A value as a shell reads it back whole (for a command to copy)."""
    return shlex.quote(text)
