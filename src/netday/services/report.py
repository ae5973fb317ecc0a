"""The review of a day as Markdown: for the command line, the TUI's export, and notes."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from netday.cleaning import for_terminal
from netday.services.context import Context
from netday.services.views import ReviewView
from netday.wording import long_date, plural


def review_headline(r: ReviewView) -> str:
    """One line for the top of any review: done against planned, time, streak."""
    planned = len(r.plan.calls) if r.plan else 0
    done = r.plan.done if r.plan else 0
    return (
        f"calls {done}/{planned} done · {plural(len(r.interactions), 'interaction')} · "
        f"{r.minutes_spent} min · streak {plural(r.streak, 'day')}"
    )


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


def review_markdown(r: ReviewView) -> str:
    planned = len(r.plan.calls) if r.plan else 0
    done = r.plan.done if r.plan else 0
    md = md_inline
    out = [
        f"# Review of {long_date(r.date)}",
        "",
        f"- Calls: {done}/{planned} done",
        f"- Interactions: {len(r.interactions)}",
        f"- Minutes spent: {r.minutes_spent}",
        f"- Streak: {plural(r.streak, 'day')}",
        "",
        "## Planned vs done",
        "",
    ]
    for call in r.plan.calls if r.plan else ():
        box = "x" if call.status == "done" else " "
        out.append(f"- [{box}] {md(call.contact.name)}: {md(call.reason)} ({md(call.status)})")
    if not r.plan:
        out.append("No plan that day.")
    out += ["", "## Interactions", ""]
    out += [
        f"- {i.at:%H:%M} {md(i.kind)} with {md(i.contact_name)}"
        + (f": {md(i.summary)}" if i.summary else "")
        for i in r.interactions
    ] or ["None."]
    out += ["", "## Comments written", ""]
    out += [
        f"- {md(p.author)}: {md(p.draft_comment or p.excerpt or p.url)}" for p in r.comments_written
    ] or ["None."]
    out += ["", "## Invitations", ""]
    out += [f"- sent to {md(i.name)}" for i in r.invites_sent]
    out += [f"- {md(i.status)}: {md(i.name)}" for i in r.invites_answered]
    if not (r.invites_sent or r.invites_answered):
        out.append("None.")
    out += ["", "## Carries over", ""]
    out += [f"- Call {md(c.contact.name)}" for c in r.carry_over]
    out += [
        f"- {plural(r.comments_waiting, 'comment')} to write",
        f"- {plural(r.invites_needing_action, 'invitation')} needing action",
    ]
    note = md_block(r.note).strip()
    out += ["", "## Reflection", "", note or "_Not written yet._", ""]
    return "\n".join(out)


def export_review(ctx: Context, day: dt.date, folder: Path | None = None) -> Path:
    """Write the day's review as Markdown beside the database (or into `folder`),
    readable by its owner only, like the database itself."""
    from netday.services.review import review_day

    if folder is None:
        folder = ctx.db.path.parent if ctx.db.path is not None else Path.cwd()
    target = folder / f"netday-review-{day.isoformat()}.md"
    text = review_markdown(review_day(ctx, day)).encode("utf-8")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        os.fchmod(out.fileno(), 0o600)  # an older review written 0644 becomes private too
        out.write(text)
    return target
