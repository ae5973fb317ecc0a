"""Import, triage and export in the TUI, driven by the keys a user presses."""

from __future__ import annotations

from textual.widgets import Input, ProgressBar, Static

from netday.ui.screens.transfer import ExportScreen, ImportScreen
from netday.ui.screens.triage import TriageScreen
from netday.ui.screens.welcome import WelcomeScreen
from tests.conftest import rows
from tests.io.linkedin_export import write_zip
from tests.ui.conftest import palette_offers, settle, wait_until


async def test_welcome_import_then_triage_with_one_key_each(ctx, open_app, db_url, tmp_path):
    export = write_zip(tmp_path / "Basic_LinkedInDataExport_11-22-2026.zip")
    async with open_app() as pilot:
        assert isinstance(pilot.app.screen, WelcomeScreen)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ImportScreen)
        pilot.app.screen.query_one("#import-path", Input).value = str(export)
        await pilot.press("enter")
        await settle(pilot)
        summary = str(pilot.app.screen.query_one("#transfer-summary", Static).render())
        assert "contacts: 4 created" in summary and "Connections.csv:8: no name" in summary
        bar = pilot.app.screen.query_one(ProgressBar)
        assert bar.percentage == 1.0
        assert rows(db_url, "SELECT count(*) FROM contact WHERE triage = 'pending'") == [(4,)]
        await pilot.click("#triage")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TriageScreen)
        card = str(pilot.app.screen.query_one("#triage-card", Static).render())
        assert "Dana O'Neil" in card  # connected most recently
        for key in ("a", "s", "x", "p"):
            await pilot.press(key)
            await settle(pilot)
        card = str(pilot.app.screen.query_one("#triage-card", Static).render())
        assert "Nobody left to triage" in card  # Bo was skipped: not shown again now
        await pilot.press("escape")
        await settle(pilot)
    got = dict(
        rows(
            db_url,
            "SELECT full_name, tier || '/' || circle || '/' || coalesce(triage, '-') || '/'"
            " || CASE WHEN archived THEN '1' ELSE '0' END || '/'"
            " || coalesce(cadence_every || cadence_unit, '-') FROM contact",
        )
    )
    assert got == {
        "Dana O'Neil": "A/professional/-/0/3weeks",
        "Bo Chen": "B/professional/skipped/0/-",
        "José Núñez 🚀": "B/professional/-/1/-",
        "Ana Lima": "B/personal/-/0/2months",
    }


async def test_import_of_a_bad_file_keeps_the_form_and_writes_nothing(
    ctx, open_app, db_url, tmp_path
):
    broken = tmp_path / "export.zip"
    broken.write_bytes(write_zip(tmp_path / "good.zip").read_bytes()[:300])
    async with open_app() as pilot:
        await pilot.press("escape")  # the first-run welcome
        await pilot.press("ctrl+o")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).value = str(broken)
        await pilot.press("enter")
        await settle(pilot)
        assert "the ZIP is damaged or incomplete" in str(screen.query_one("#form-error").render())
        assert screen.query_one("#import-path", Input).value == str(broken)
    assert rows(db_url, "SELECT count(*) FROM contact") == [(0,)]


async def test_triage_from_the_palette_and_the_header_count(ctx, open_app, tmp_path):
    from netday.io.transfer import import_files

    import_files(ctx, "linkedin", [write_zip(tmp_path / "e.zip")])
    async with open_app() as pilot:
        header = str(pilot.app.query_one("#day-header", Static).render())
        assert "4 to triage (t)" in header
        await pilot.press("ctrl+p")
        await pilot.press(*"triage")
        await wait_until(pilot, lambda: palette_offers(pilot, "Triage imported contacts"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TriageScreen)


async def test_export_from_the_tui_writes_the_file(ctx, open_app, tmp_path):
    from netday.services.contacts import ContactFields, add_contact

    add_contact(ctx, ContactFields(full_name="Ana Lima", company="Acme"))
    target = tmp_path / "out.vcf"
    async with open_app() as pilot:
        await pilot.press("ctrl+e")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#run")
        await settle(pilot)
        assert "Wrote" in str(screen.query_one("#transfer-summary", Static).render())
    assert "FN:Ana Lima" in target.read_text(encoding="utf-8")


async def test_the_import_summary_names_open_asks_and_who_was_not_found(
    ctx, open_app, db_url, tmp_path
):
    """Endorsements and recommendations about people netday does not know are said on the
    import screen, not dropped; the pending recommendation is an open ask there."""
    export = write_zip(tmp_path / "Basic_LinkedInDataExport_11-22-2026.zip")
    async with open_app() as pilot:
        await pilot.press("i")
        await settle(pilot)
        pilot.app.screen.query_one("#import-path", Input).value = str(export)
        await pilot.press("enter")
        await settle(pilot)
        summary = str(pilot.app.screen.query_one("#transfer-summary", Static).render())
        assert "endorsements: 2 added, recommendations: 3 added" in summary
        assert "open asks (a recommendation received, still pending):" in summary
        assert "Dana O'Neil (#" in summary
        assert "1 endorsements: Zed Unknown" in summary
        assert "1 recommendations: Yan Nobody" in summary
    assert rows(db_url, "SELECT count(*) FROM interaction WHERE kind = 'endorsement'") == [(2,)]
