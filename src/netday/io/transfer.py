"""The entry points the CLI and the TUI share: read an import, produce an export.

An export is produced in pieces (`export_chunks`) and written by `io.atomic`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from netday.errors import NetdayError
from netday.io.formats import CALENDAR_DAYS, EXPORT_FORMATS, IMPORT_FORMATS, IMPORTS
from netday.limits import DAYS_AHEAD_MAX
from netday.services import exporting
from netday.services.context import Context
from netday.services.importing import ImportReport, Progress, run_import
from netday.services.records import ImportBatch
from netday.wording import plural


def _files(files: tuple[str, ...]) -> str:
    """The files read, with a ZIP's name said once: "export.zip: Connections.csv, ..."."""
    folders = {f.rsplit("/", 1)[0] for f in files if "/" in f}
    if len(folders) == 1 and all("/" in f for f in files):
        return f"{folders.pop()}: " + ", ".join(f.rsplit("/", 1)[1] for f in files)
    return ", ".join(files)


def report_text(report: ImportReport) -> str:
    title = next((f.title for f in IMPORTS if f.id == report.kind), report.kind)
    head = f"{title} import" + (" (dry run: nothing was written)" if report.dry_run else "")
    lines = [head, "  read: " + _files(report.files)]
    lines.append(
        f"  contacts: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.rejected)} rejected"
    )
    if report.invites_added or report.invites_known:
        lines.append(
            f"  invitations: {report.invites_added} added, {report.invites_known} already known"
        )
    if report.companies_followed:
        lines.append(f"  companies now followed: {report.companies_followed}")
    if report.conversations_learned:
        lines.append(
            f"  days of messages learned: {report.conversations_learned} "
            "(one message a person a day)"
        )
    if report.endorsements_added or report.recommendations_added or report.vouches_known:
        lines.append(
            f"  endorsements: {report.endorsements_added} added, recommendations: "
            f"{report.recommendations_added} added, {report.vouches_known} already known"
        )
    if report.to_triage:
        lines.append(
            f"  to triage: {plural(report.to_triage, 'contact')} (run `netday triage`, "
            "or open netday and press Ctrl+P, triage)"
        )
    if report.rejected:
        lines.append("rejected:")
        lines += [f"  {r}" for r in report.rejected]
    if report.open_asks:
        lines.append("open asks (a recommendation received, still pending):")
        lines += [f"  {name}" for name in report.open_asks]
    if report.unmatched:
        lines.append("not in netday (nothing written for them; add them to keep these):")
        lines += [f"  {u}" for u in report.unmatched]
    if report.name_only:
        lines.append("matched by name only (nothing else confirmed these: check them):")
        lines += [f"  {m}" for m in report.name_only]
    if report.notes:
        lines.append("notes:")
        lines += [f"  {n}" for n in report.notes]
    return "\n".join(lines)


def read_import(kind: str, paths: Sequence[Path]) -> ImportBatch:
    if kind == "linkedin":
        from netday.io.linkedin import read_export

        if len(paths) != 1:
            raise NetdayError("import linkedin takes one path: the ZIP, its folder, or a CSV")
        return read_export(paths[0])
    if kind == "vcard":
        from netday.io.vcard import read_vcard_files

        files: list[Path] = []
        for path in paths:
            # A folder stands for the cards in it (an address book exported one per person).
            files += sorted(path.glob("*.vcf")) if path.is_dir() else [path]
        if not files:
            raise NetdayError(f"{paths[0]}: no .vcf files in this folder")
        return read_vcard_files(files)
    raise NetdayError(f"unknown import {kind!r}; netday imports {', '.join(IMPORT_FORMATS)}")


def import_files(
    ctx: Context,
    kind: str,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Read every file first (a bad one stops everything before a write), then apply."""
    if progress:
        progress("reading", 0, 1)
    batch = read_import(kind, paths)
    return run_import(ctx, batch, dry_run=dry_run, progress=progress)


def export_chunks(
    ctx: Context,
    fmt: str,
    *,
    days: int = CALENDAR_DAYS,
    day: dt.date | None = None,
    archived: bool = True,
    circle: str | None = None,
) -> Iterator[str]:
    """The text of an export, in pieces, so 10,000 contacts never sit in memory at once;
    with a `circle`, the people of that circle (vCard, iCalendar, CSV, and the reviews
    in Markdown)."""
    if fmt == "vcard":
        from netday.io.vcard import write_vcards

        return write_vcards(exporting.contact_records(ctx, archived=archived, circle=circle))
    if fmt == "ics":
        from netday.io.ical import calendar_text

        if not 1 <= days <= DAYS_AHEAD_MAX:
            raise NetdayError(f"--days must be between 1 and {DAYS_AHEAD_MAX}, not {days}")
        return iter([calendar_text(exporting.calendar_items(ctx, days, circle), ctx.now())])
    if fmt == "csv-contacts":
        from netday.io.spreadsheet import contacts_csv

        return contacts_csv(exporting.contact_records(ctx, archived=archived, circle=circle))
    if fmt == "csv-interactions":
        from netday.io.spreadsheet import interactions_csv

        return interactions_csv(exporting.interaction_records(ctx, circle))
    if fmt == "md-day":
        from netday.io.markdown import review_markdown
        from netday.services.review import review_day

        return iter([review_markdown(review_day(ctx, day or ctx.today(), circle))])
    if fmt == "md-week":
        from netday.io.markdown import week_markdown

        return iter([week_markdown(exporting.week_reviews(ctx, day, circle))])
    raise NetdayError(f"unknown export {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
