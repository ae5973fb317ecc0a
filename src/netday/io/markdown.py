"""Reviews as Markdown: a day, a week of days, and the day's review written to a file.

A day and a week come from one writer, `review_markdown`, told at which heading level
it starts: a day alone is a document (`#`), a day inside a week is a section (`##`).
Everything that came from the data passes through `md_block` or `md_inline`, so a
Markdown viewer shows it as text, never as markup of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from netday.cleaning import for_terminal
from netday.io.atomic import write_atomically
from netday.services.context import Context
from netday.services.exporting import default_export_folder
from netday.services.insights import (
    SHOWN,
    balance_line,
    diversity_line,
    insights,
    shown_value,
    streak_line,
    window_line,
)
from netday.services.insights_views import InsightsView
from netday.services.review import review_day, review_title
from netday.services.views import ReviewView
from netday.vocabulary import CallStatus
from netday.wording import long_date, plural, short_date

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE_ACTIVE = re.compile(r"[\\`*_|~]|\](?=[(\[])")
"""Emphasis, code, tables, strike-through, and the `](` or `][` that makes a link or an
image of brackets (brackets alone stay as they are: `[PhD]` is a name, not markup)."""
_LINE_START_ACTIVE = re.compile(r"^([ \t]*(?:\d+(?=[.)]))?)([#+=.)\[-])", re.MULTILINE)
"""A heading, a list item (`-`, `+`, `1.`, `1)`), a setext underline (`=`, `-`) or a
link reference definition (`[x]: url`)."""


def md_block(value: str) -> str:
    """Text from the data as a Markdown viewer shows it: as text. No HTML (entities for
    & < >), no emphasis, code, links, tables or strike-through (backslashes), nothing at
    the start of a line that would make a heading, a list or a quote. Line breaks are
    kept; any other control character is made visible (^[), as on the terminal."""
    text = for_terminal(value.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"[&<>]", lambda m: _HTML[m.group()], text)
    text = _INLINE_ACTIVE.sub(lambda m: "\\" + m.group(), text)
    return _LINE_START_ACTIVE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def md_inline(value: str) -> str:
    """`md_block` on one line, for a list item: a Markdown viewer joins the lines of a
    paragraph anyway, and a blank line would end the item and start markup of its own."""
    return md_block(" ".join(value.split()))


def _heading(level: int, title: str) -> str:
    return f"{'#' * level} {title}"


def review_markdown(r: ReviewView, level: int = 1) -> str:
    """One day's review: its title at heading `level`, its sections one level below."""
    planned = len(r.plan.calls) if r.plan else 0
    done = r.plan.done if r.plan else 0
    md = md_inline

    def section(title: str) -> list[str]:
        return ["", _heading(level + 1, title), ""]

    title = f"Review of {long_date(r.date)}"  # in a week, the week's title says the circle
    out = [
        _heading(level, title if level > 1 else review_title(r, title)),
        "",
        f"- Calls: {done}/{planned} done",
        f"- Interactions: {len(r.interactions)}",
        f"- Minutes spent: {r.minutes_spent}" + (" (all circles)" if r.circle else ""),
        f"- Streak: {plural(r.streak, 'day')}",
        *section("Planned vs done"),
    ]
    for call in r.plan.calls if r.plan else ():
        box = "x" if call.status == CallStatus.DONE else " "
        out.append(f"- [{box}] {md(call.contact.name)}: {md(call.reason)} ({md(call.status)})")
    if not r.plan:
        out.append("No plan that day.")
    elif r.circle and not r.plan.calls:
        out.append(f"No call with the {r.circle} circle.")
    out += section("Interactions")
    out += [
        f"- {i.at:%H:%M} {md(i.kind)} with {md(i.contact_name)}"
        + (f": {md(i.summary)}" if i.summary else "")
        for i in r.interactions
    ] or ["None."]
    out += section("Comments written")
    out += [
        f"- {md(p.author)}: {md(p.draft_comment or p.excerpt or p.url)}" for p in r.comments_written
    ] or ["None."]
    out += section("Invitations")
    out += [f"- sent to {md(i.name)}" for i in r.invites_sent]
    out += [f"- {md(i.status)}: {md(i.name)}" for i in r.invites_answered]
    if not (r.invites_sent or r.invites_answered):
        out.append("None.")
    if r.promises_due:  # a section only on a day a promise came due: most days none did
        out += section("Promises that came due")
        out += [
            f"- [{' ' if p.is_open else 'x'}] "
            + (f"you owe {md(p.contact_name)}" if p.mine else f"{md(p.contact_name)} owes you")
            + f" {md(p.what)} (due {short_date(p.due)})"
            for p in r.promises_due
        ]
    out += section("Carries over")
    out += [f"- Call {md(c.contact.name)}" for c in r.carry_over]
    out += [
        f"- {plural(r.comments_waiting, 'comment')} to write",
        f"- {plural(r.invites_needing_action, 'invitation')} needing action",
    ]
    note = md_block(r.note).strip()
    out += [*section("Reflection"), note or "_Not written yet._", ""]
    return "\n".join(out)


def week_markdown(reviews: Sequence[ReviewView]) -> str:
    """Days in order under one title, totals first; each day a section of the week."""
    planned = sum(len(r.plan.calls) for r in reviews if r.plan)
    done = sum(r.plan.done for r in reviews if r.plan)
    first, last = reviews[0], reviews[-1]
    week = f"Week of {long_date(first.date)} to {long_date(last.date)}"
    out = [
        _heading(1, review_title(first, week)),
        "",
        f"- Calls: {done}/{planned} done",
        f"- Interactions: {sum(len(r.interactions) for r in reviews)}",
        f"- Minutes spent: {sum(r.minutes_spent for r in reviews)}"
        + (" (all circles)" if first.circle else ""),
        f"- Days with a plan: {plural(sum(1 for r in reviews if r.plan), 'day')}",
        "",
    ]
    out += [review_markdown(r, level=2) for r in reviews]
    return "\n".join(out)


def export_review(
    ctx: Context, day: dt.date, folder: Path | None = None, circle: str | None = None
) -> Path:
    """Write the day's review as Markdown into `folder` (by default where every export
    goes, `default_export_folder`), as every export is written: atomically, readable by
    its owner only; with a `circle`, the review of that circle's people (its title says
    so, and so does the file's name)."""
    if folder is None:
        folder = default_export_folder()
    name = f"netday-review-{day.isoformat()}" + (f"-{circle}" if circle else "")
    target = folder / f"{name}.md"
    write_atomically(target, [review_markdown(review_day(ctx, day, circle))])
    return target


def stats_markdown(view: InsightsView) -> str:
    """The insights as Markdown: a table of the weeks (one row a week, the totals last),
    then the balance, who drifts, the diversity and the companies, as lists."""
    md = md_inline
    out = [_heading(1, f"Insights: {window_line(view)}"), ""]
    out.append("| week | " + " | ".join(label for _, label in SHOWN) + " |")
    out.append("| --- |" + " ---: |" * len(SHOWN))
    for w in (*view.weeks, view.total):
        first = "total" if w is view.total else w.week.isoformat()
        out.append(f"| {first} | " + " | ".join(shown_value(w, key) for key, _ in SHOWN) + " |")
    out += ["", f"- {md(streak_line(view))}", "", _heading(2, "Give and ask"), ""]
    out.append(f"- {md(balance_line(view))}")
    out += [f"- {md(b.name)}: gave {b.gave}, asked {b.asked}" for b in view.balances]
    out += ["", _heading(2, "Drifting"), ""]
    for tier in view.drifting:
        out.append(f"- Tier {tier.tier}: {tier.total:,} past due")
        out += [f"  - {md(p.name)}: {plural(p.days_overdue, 'day')} overdue" for p in tier.people]
    out += ["", _heading(2, "Diversity"), ""]
    for d in view.diversity:
        out.append(f"- {md(diversity_line(d))}")
        if d.warning:
            out.append(f"  - **Warning:** {md(d.warning)}")
    out += ["", _heading(2, "Companies"), ""]
    out += [
        f"- Followed, nobody known there: {md(c.name)} (find one person to invite)"
        for c in view.followed_unknown
    ]
    out += [
        f"- People there, not followed: {md(c.name)} ({c.people:,})" for c in view.known_unfollowed
    ]
    out.append("")
    return "\n".join(out)


def export_insights(
    ctx: Context, weeks: int, folder: Path | None = None, circle: str | None = None
) -> Path:
    """Write the insights as Markdown into `folder` (by default the exports folder, as
    `export_review` does); with a `circle`, those of that circle (its window line says so)."""
    if folder is None:
        folder = default_export_folder()
    target = folder / f"netday-insights-{ctx.today().isoformat()}.md"
    write_atomically(target, [stats_markdown(insights(ctx, weeks, circle))])
    return target
