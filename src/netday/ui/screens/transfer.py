"""Import and export from the TUI: run in a worker with a progress bar, a summary at the end.

The main screen keeps working meanwhile; a bad file is reported in the form with the
path still typed, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    ProgressBar,
    Static,
)

from netday.errors import NetdayError
from netday.io import formats
from netday.io.formats import ExportFormat
from netday.services.context import Context
from netday.services.exporting import default_export_folder
from netday.ui.actions import Scope, bindings
from netday.ui.screens.modal_form import ModalForm
from netday.ui.text import editable, plain
from netday.ui.widgets.choice import Choice

EXPORTS: tuple[ExportFormat, ...] = tuple(e for e in formats.EXPORTS if not e.one_day)
"""The exports the form offers: all but the review of one day (the review screen's)."""


class TransferForm(ModalForm[bool]):
    """A job with a progress bar and a summary; Escape waits for a running job.

    Dismissed with None, except the import's "Triage now" (True)."""

    BINDINGS = bindings(Scope.TRANSFER)
    """Escape (the box's `dismiss`) waits for a running job, like the Close button."""
    path_id = ""
    empty_path = ""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.running = False

    def compose_status(self) -> ComposeResult:
        bar = ProgressBar(id="transfer-progress", show_eta=False)
        bar.display = False
        yield bar
        yield Static("", id="transfer-summary")

    def compose_buttons(self) -> ComposeResult:
        yield from self.compose_run_buttons()
        yield Button("Close", id="close")

    def compose_run_buttons(self) -> ComposeResult:
        yield from ()

    @on(Button.Pressed, "#run")
    @on(Input.Submitted)
    def action_run(self) -> None:
        if self.running:
            return
        text = self.query_one(f"#{self.path_id}", Input).value.strip()
        if not text:
            self.show_error(self.empty_path)
            return
        self.start()
        self.launch(Path(text).expanduser(), self.query_one(Choice).chosen)

    def launch(self, path: Path, choice: int) -> None:
        """Start the worker for the chosen kind (the index of the pressed radio button)."""
        raise NotImplementedError

    @on(Button.Pressed, "#close")
    async def close_pressed(self) -> None:
        await self.action_dismiss()

    async def action_dismiss(self, result: bool | None = None) -> None:
        """Close, unless a job runs (it cannot be stopped half-way): then say so."""
        if self.running:
            self.notify("Still running; it finishes on its own in a moment.")
            return
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        self.running = False
        self.query_one("#transfer-progress", ProgressBar).display = False
        super().show_error(message)

    def start(self) -> None:
        self.running = True
        self.query_one("#form-error", Label).update("")
        self.query_one("#transfer-summary", Static).update("")
        bar = self.query_one("#transfer-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True

    def progress(self, done: int, total: int | None) -> None:
        self.query_one("#transfer-progress", ProgressBar).update(total=total, progress=done)


class ImportScreen(TransferForm):
    """Dismissed with True when the user wants to triage what came in."""

    heading = "Import contacts"
    path_id = "import-path"
    empty_path = "Type the path of the export (a ZIP, a folder or a file)."
    BINDINGS = bindings(Scope.TRANSFER, Scope.IMPORT)

    def compose_fields(self) -> ComposeResult:
        yield Choice([source.choice for source in formats.IMPORTS], id="import-kind")
        yield Static(
            " ".join(source.accepts for source in formats.IMPORTS),
            classes="hint",
        )
        yield Input(
            placeholder="~/Downloads/Basic_LinkedInDataExport_11-22-2026.zip", id="import-path"
        )
        yield Checkbox("Dry run: report what would change, write nothing", id="dry-run")

    def compose_run_buttons(self) -> ComposeResult:
        yield Button("Import", variant="primary", id="run")
        triage = Button("Triage now", id="triage")
        triage.display = False
        yield triage

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    @on(Button.Pressed, "#triage")
    def triage_now(self) -> None:
        self.dismiss(True)

    def launch(self, path: Path, choice: int) -> None:
        kind = formats.IMPORTS[choice].id
        self.run_import(kind, path, self.query_one(Checkbox).value)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, kind: str, path: Path, dry_run: bool) -> None:
        from netday.io.transfer import import_files, report_text

        def progress(stage: str, done: int, total: int) -> None:
            self.app.call_from_thread(self.progress, done, total if stage != "reading" else None)

        try:
            report = import_files(self.ctx, kind, [path], dry_run=dry_run, progress=progress)
        except (NetdayError, OSError) as exc:
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.finished, report_text(report), report.to_triage)

    def finished(self, summary: str, to_triage: int) -> None:
        self.running = False
        self.progress(1, 1)
        self.query_one("#transfer-summary", Static).update(plain(summary))
        self.notify(summary.splitlines()[0] + " done")
        self.query_one("#triage", Button).display = bool(to_triage)


class ExportScreen(TransferForm):
    heading = "Export"
    path_id = "export-path"
    empty_path = "Type where to write the export."
    BINDINGS = bindings(Scope.TRANSFER, Scope.EXPORT)

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.folder = default_export_folder()

    def compose_fields(self) -> ComposeResult:
        yield Choice([export.title for export in EXPORTS], id="export-kind")
        yield Input(editable(str(self.folder / EXPORTS[0].filename)), id="export-path")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def compose_run_buttons(self) -> ComposeResult:
        yield Button("Export", variant="primary", id="run")

    def on_radio_set_changed(self, event: Choice.Changed) -> None:
        path = self.query_one("#export-path", Input)
        folder = Path(path.value).expanduser().parent if path.value.strip() else self.folder
        path.value = str(folder / EXPORTS[event.index].filename)

    def launch(self, path: Path, choice: int) -> None:
        self.run_export(EXPORTS[choice].id, path)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def run_export(self, fmt: str, target: Path) -> None:
        from netday.io.atomic import write_atomically
        from netday.io.transfer import export_chunks
        from netday.services.exporting import count_contacts

        total = count_contacts(self.ctx) if fmt == "vcard" else None

        def progress(done: int) -> None:
            if done % 200 == 0:
                self.app.call_from_thread(self.progress, done, total)

        try:
            size = write_atomically(target, export_chunks(self.ctx, fmt), progress)
        except (NetdayError, OSError) as exc:
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.finished, f"Wrote {target} ({size:,} bytes).")

    def finished(self, summary: str) -> None:
        self.running = False
        self.progress(1, 1)
        self.query_one("#transfer-summary", Static).update(plain(summary))
        self.notify(summary)
