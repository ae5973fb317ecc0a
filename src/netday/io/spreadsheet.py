"""CSV out, safe to open in a spreadsheet.

A cell starting with = + - @ (or a tab or carriage return) is read as a formula by
Excel, LibreOffice and Google Sheets ("CSV injection"); such cells get a leading
apostrophe, which spreadsheets show as text and hide. Control characters never reach
the file (nor a terminal, when the export goes to standard output).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from netday.cleaning import block_controls_out
from netday.services.records import ContactRecord, InteractionRecord

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CONTACT_COLUMNS = (
    "id", "name", "company", "role", "email", "phone", "profile_url", "other_emails",
    "other_phones", "other_urls", "tier", "circle", "cadence", "next_due", "why", "notes",
    "tags", "birthday", "connected_on", "triage", "archived",
)  # fmt: skip
INTERACTION_COLUMNS = (
    "id", "contact_id", "contact", "kind", "at", "minutes", "direction", "summary", "follow_up_on",
)  # fmt: skip


def safe_cell(value: object) -> str:
    """A cell as text: control characters out (line breaks kept, as newlines; csv quotes
    them), and a formula made text."""
    text = "" if value is None else block_controls_out(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _rows_to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def contacts_csv(records: Iterable[ContactRecord]) -> Iterator[str]:
    return _rows_to_csv(
        CONTACT_COLUMNS,
        (
            (
                r.id,
                r.full_name,
                r.company,
                r.role,
                r.email,
                r.phone,
                r.profile_url,
                "; ".join(r.emails),
                "; ".join(r.phones),
                "; ".join(r.urls),
                r.tier,
                r.circle,
                r.cadence,
                r.next_due or "",
                r.why,
                r.notes,
                "; ".join(r.tags),
                r.birthday or "",
                r.connected_on or "",
                r.triage or "",
                "yes" if r.archived else "",
            )
            for r in records
        ),
    )


def interactions_csv(records: Iterable[InteractionRecord]) -> Iterator[str]:
    return _rows_to_csv(
        INTERACTION_COLUMNS,
        (
            (
                r.id,
                r.contact_id,
                r.contact_name,
                r.kind,
                r.at.isoformat(sep=" "),
                r.minutes if r.minutes is not None else "",
                r.direction,
                r.summary,
                r.follow_up_on or "",
            )
            for r in records
        ),
    )
