"""The formats netday reads and writes, declared once for the CLI and the TUI.

Kept apart from `io.transfer` (which loads the importers) so the command-line parser can
read it without slowing every command down.
"""

from __future__ import annotations

from dataclasses import dataclass

CALENDAR_DAYS = 14
"""How many days ahead the calendar export covers unless told (`--days`)."""


@dataclass(frozen=True)
class ExportFormat:
    """One kind of export: the id `export_chunks` takes, what it holds, the file it is
    saved as when the user names none, and whether it is about one chosen day."""

    id: str
    title: str
    filename: str
    one_day: bool = False


EXPORTS: tuple[ExportFormat, ...] = (
    ExportFormat("vcard", "vCard: every contact", "netday-contacts.vcf"),
    ExportFormat(
        "ics", f"iCalendar: calls and follow-ups, next {CALENDAR_DAYS} days", "netday.ics"
    ),
    ExportFormat("csv-contacts", "CSV: contacts", "netday-contacts.csv"),
    ExportFormat("csv-interactions", "CSV: interactions", "netday-interactions.csv"),
    ExportFormat("md-day", "Markdown: the review of a day", "netday-review.md", one_day=True),
    ExportFormat("md-week", "Markdown: the last seven days", "netday-week.md"),
)
"""Every export, declared once: the CLI's formats and the TUI's export form read it."""

EXPORT_FORMATS = tuple(export.id for export in EXPORTS)


@dataclass(frozen=True)
class ImportFormat:
    """One kind of file netday reads contacts from: the id `read_import` takes, its name
    in a report, its name as a choice, and what the user hands it."""

    id: str
    title: str
    choice: str
    accepts: str


IMPORTS: tuple[ImportFormat, ...] = (
    ImportFormat(
        "linkedin",
        "LinkedIn export",
        "LinkedIn export",
        "LinkedIn: the ZIP LinkedIn e-mails you, its folder, or one of its CSVs.",
    ),
    ImportFormat("vcard", "vCard", "vCard files", "vCard: a .vcf file or a folder of them."),
)
"""Every import, declared once: the report, the CLI and the TUI's import form read it."""

IMPORT_FORMATS = tuple(source.id for source in IMPORTS)
