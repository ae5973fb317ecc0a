"""The review of a day as Markdown: for the command line, the TUI's export, and notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from netday.services.context import Context
from netday.services.views import ReviewView


def long_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def review_headline(r: ReviewView) -> str:
    """One line for the top of any review: done against planned, time, streak."""
    planned = len(r.plan.calls) if r.plan else 0
    done = r.plan.done if r.plan else 0
    return (
        f"calls {done}/{planned} done · {plural(len(r.interactions), 'interaction')} · "
        f"{r.minutes_spent} min · streak {plural(r.streak, 'day')}"
    )


def review_markdown(r: ReviewView) -> str:
    planned = len(r.plan.calls) if r.plan else 0
    done = r.plan.done if r.plan else 0
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
        out.append(f"- [{box}] {call.contact.name}: {call.reason} ({call.status})")
    if not r.plan:
        out.append("No plan that day.")
    out += ["", "## Interactions", ""]
    out += [
        f"- {i.at:%H:%M} {i.kind} with {i.contact_name}" + (f": {i.summary}" if i.summary else "")
        for i in r.interactions
    ] or ["None."]
    out += ["", "## Comments written", ""]
    out += [
        f"- {p.author}: {p.draft_comment or p.excerpt or p.url}" for p in r.comments_written
    ] or ["None."]
    out += ["", "## Invitations", ""]
    out += [f"- sent to {i.name}" for i in r.invites_sent]
    out += [f"- {i.status}: {i.name}" for i in r.invites_answered]
    if not (r.invites_sent or r.invites_answered):
        out.append("None.")
    out += ["", "## Carries over", ""]
    out += [f"- Call {c.contact.name}" for c in r.carry_over]
    out += [
        f"- {plural(r.comments_waiting, 'comment')} to write",
        f"- {plural(r.invites_needing_action, 'invitation')} needing action",
    ]
    out += ["", "## Reflection", "", r.note or "_Not written yet._", ""]
    return "\n".join(out)


def export_review(ctx: Context, day: dt.date, folder: Path | None = None) -> Path:
    """Write the day's review as Markdown beside the database (or into `folder`)."""
    from netday.services.review import review_day

    if folder is None:
        folder = ctx.db.path.parent if ctx.db.path is not None else Path.cwd()
    target = folder / f"netday-review-{day.isoformat()}.md"
    target.write_text(review_markdown(review_day(ctx, day)), encoding="utf-8")
    return target
