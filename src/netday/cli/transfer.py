"""`netday import`, `netday export` and `netday triage`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from netday.cli.jsonify import dumps
from netday.cli.render import out, out_stream
from netday.services.context import Context
from netday.services.journal import read_day


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from netday.io.transfer import import_files, report_text

    paths = [Path(args.path)] if args.source == "linkedin" else [Path(f) for f in args.files]
    report = import_files(ctx, args.source, paths, dry_run=args.dry_run)
    if args.json:
        data = asdict(report)
        data["rejected"] = [
            {"file": r.origin.file, "line": r.origin.line, "reason": r.reason}
            for r in report.rejected
        ]
        data["name_only"] = [
            {"file": m.origin.file, "line": m.origin.line, "record": m.what,
             "contact_id": m.contact_id, "contact_name": m.contact_name}
            for m in report.name_only
        ]  # fmt: skip
        out(dumps(data))
    else:
        out(report_text(report))
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from netday.io.atomic import write_atomically
    from netday.io.transfer import export_chunks

    circle = getattr(args, "circle", None)
    if args.format == "csv":
        fmt = f"csv-{args.table}"
        chunks = export_chunks(ctx, fmt, circle=circle)
    elif args.format == "md":
        day = read_day(ctx, args.date) if args.date else None
        fmt = "md-week" if args.week else "md-day"
        chunks = export_chunks(ctx, fmt, day=day, circle=circle)
    elif args.format == "ics":
        chunks = export_chunks(ctx, "ics", days=args.days, circle=circle)
    else:
        chunks = export_chunks(ctx, "vcard", archived=args.archived, circle=circle)
    if args.out:
        target = Path(args.out)
        size = write_atomically(target, chunks)
        out(f"wrote {target} ({size:,} bytes)", sys.stderr)
    else:
        out_stream(chunks, verbatim=args.format != "md")
    return 0


def cmd_triage(ctx: Context, args: argparse.Namespace) -> int:
    from netday.services import triage

    if args.contact and args.decision:
        outcome = triage.decide(ctx, args.contact, args.decision)
        out(dumps(asdict(outcome)) if args.json else outcome.text)
        return 0
    if args.contact:
        out(
            "netday: error: say what to do with them: a, b, c, personal, skip or archive",
            sys.stderr,
        )
        return 2
    counts = triage.triage_counts(ctx)
    items = triage.triage_queue(ctx, limit=max(1, args.limit))
    if args.json:
        out(dumps({"pending": counts.pending, "skipped": counts.skipped, "contacts": items}))
        return 0
    if not counts.total:
        out("nothing to triage: every contact has a place")
        return 0
    out(
        f"to triage: {counts.pending} new, {counts.skipped} skipped (most recently connected first)"
    )
    for item in items:
        at = f" at {item.company}" if item.company else ""
        role = f"{item.role}{at}" if item.role else at.strip()
        since = f"  connected {item.connected_on.isoformat()}" if item.connected_on else ""
        mark = " (skipped)" if item.skipped else ""
        out(f"  #{item.id:<6} {item.name}{mark}  {role}{since}")
    if counts.total > len(items):
        out(f"  ... and {counts.total - len(items)} more")
    out("decide with: netday triage ID a|b|c|personal|skip|archive")
    return 0
