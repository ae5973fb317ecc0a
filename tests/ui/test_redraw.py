"""A key redraws what it changed: the day is read again after each key, and a pane whose
rows are the same keeps them (rebuilding all four panes after each key cost ~100 ms at
10,000 contacts, measured in benchmarks/tui.py)."""

from __future__ import annotations

from netday.services.posts import add_post
from netday.ui.widgets.panes import CallsPane, CommentsPane
from tests.services.helpers import person
from tests.ui.conftest import settle


async def test_a_skip_rebuilds_the_calls_pane_and_leaves_the_comments_as_they_were(
    ctx, open_app
) -> None:
    for name, days in (("Ana Souza", 33), ("Bruno Martin", 25), ("Chloé Dubois", 22)):
        person(ctx, name, last_call_days_ago=days)
    for n in range(3):
        add_post(ctx, "Ana Souza", f"https://example.com/post/{n}", f"Post number {n}")
    async with open_app() as pilot:
        calls = pilot.app.query_one(CallsPane)
        comments = pilot.app.query_one(CommentsPane)
        assert comments.row_count == 3
        comment_rows = dict(comments.rows)
        call_rows = dict(calls.rows)
        await pilot.press("s")
        await settle(pilot)
        assert str(calls.get_row_at(0)[0]) == "–"
        assert any(calls.rows[key] is not row for key, row in call_rows.items())
        assert all(comments.rows[key] is row for key, row in comment_rows.items())


async def test_every_screen_has_its_own_background_so_the_screens_beneath_are_not_drawn(
    ctx, open_app
) -> None:
    """Textual draws the screens beneath one whose background lets them show through, at
    every frame; the screens' mixins once hid Screen's and ModalScreen's own CSS."""
    person(ctx, "Ana Souza", last_call_days_ago=33)
    async with open_app() as pilot:
        app = pilot.app
        assert app.screen.styles.background.a == 1  # the main screen
        await pilot.press("c")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactScreen"
        assert app.screen.styles.background.a == 1
        await pilot.press("escape", "d")
        await settle(pilot)
        assert type(app.screen).__name__ == "CallDoneForm"
        assert 0 < app.screen.styles.background.a < 1  # a form dims what it covers


async def test_the_first_frame_drawn_shows_the_panes_laid_out_and_the_first_call_described(
    ctx, monkeypatch
) -> None:
    """The panes lay their rows out as Textual gives them their width, before the frame
    is drawn (not on the Resize event that follows it): the very first frame holds the
    calls at their width and the detail of the first one (benchmarks/tui.py's mark)."""
    from textual._compositor import CompositorUpdate
    from textual.app import App

    from netday.ui.app import NetdayApp

    for name, days in (("Ana Souza", 33), ("Bruno Martin", 25), ("Chloé Dubois", 22)):
        person(ctx, name, last_call_days_ago=days)
    frames: list[str] = []
    display = App._display

    def kept(self: App[None], screen: object, renderable: object) -> None:
        display(self, screen, renderable)  # type: ignore[arg-type]
        if isinstance(renderable, CompositorUpdate):
            frames.append(renderable.render_segments(self.console))

    monkeypatch.setattr(App, "_display", kept)
    app = NetdayApp(ctx)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        names = [c.contact.name for c in app.today_screen.view.plan.calls]
    assert len(names) == 3
    first = frames[0]
    assert names[1] in first and names[2] in first
    assert "last talk" in first or "why today" in first  # the detail panel
