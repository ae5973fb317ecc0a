"""The app: lifecycle, the change watcher, the palette, and what happens on a failure.

The screens own what is shown and its keys (`netday.ui.screens.today.TodayScreen` is
the first one); the app holds what every screen shares: the database, the watcher that
tells the main screen when the data or the day changed, the command palette, and the
one policy for notifications and failed workers.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import traceback
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from netday.cleaning import for_terminal
from netday.services.changes import ChangeCheck
from netday.services.context import Context
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures, debugging, summary, write_log
from netday.ui.messages import DataChanged
from netday.ui.screens.today import TodayScreen
from netday.ui.themes import DARK, THEMES, switched
from netday.ui.unsaved import HoldsTypedText, unsaved_question
from netday.vocabulary import Circle, CircleFilter, only_circle

if TYPE_CHECKING:
    from textual.screen import Screen

    from netday.services.demo import DemoNetwork

CHECK_SECONDS = 1.0


def preload_screens() -> None:
    """Load the code of every screen and of the palette (and the Textual widgets they
    use), so that no key pays an import the first time it opens one (the review, the
    contact screen and the forms each cost 20 to 100 ms to load)."""
    screens = importlib.import_module("netday.ui.screens")
    found = pkgutil.iter_modules(screens.__path__, f"{screens.__name__}.")
    for name in ("netday.ui.commands", *(module.name for module in found)):
        importlib.import_module(name)


def _palette_provider() -> type[Provider]:
    """Imported when the palette first opens, not on the way to the first frame."""
    from netday.ui.commands import NetdayCommands

    return NetdayCommands


class NetdayApp(App[None]):
    CSS_PATH = "netday.tcss"
    TITLE = "netday"
    COMMANDS = App.COMMANDS | {_palette_provider}
    BINDINGS = bindings(Scope.APP)

    def __init__(self, ctx: Context, demo: DemoNetwork | None = None) -> None:
        """`demo`: the sample network `ctx` belongs to, if it is one (shown as DEMO);
        whoever opened it closes it."""
        super().__init__()
        self.ctx = ctx.in_new_session()
        """`ctx` acting as this planner: `u` takes back only what it did itself."""
        self.demo = demo
        self._opened_demo: DemoNetwork | None = None
        self._day = ctx.today()
        self._watch_failing = False
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DARK.name
        self._asking_to_quit = False
        self.circle = CircleFilter.BOTH
        """The circles every screen lists (the main screen's key cycles it): one filter
        for the app, so the people and insights screens open with what the panes show."""

    @property
    def only_circle(self) -> Circle | None:
        """The one circle the lists keep, or None for both: what the services take."""
        return only_circle(self.circle)

    def next_circle(self) -> CircleFilter:
        """Both, then professional, then personal, then both again."""
        order = list(CircleFilter)
        self.circle = order[(order.index(self.circle) + 1) % len(order)]
        return self.circle

    today_screen: TodayScreen

    def get_default_screen(self) -> TodayScreen:
        self.today_screen = TodayScreen()
        return self.today_screen

    def on_mount(self) -> None:
        self.changes = ChangeCheck(self.ctx)
        self.set_interval(CHECK_SECONDS, self.check_for_changes)
        self.call_after_refresh(self.first_frame_out)

    def first_frame_out(self) -> None:
        """Garbage collection resumes (the command line pauses it while netday starts:
        the start allocates objects that live on, and collecting among them only delays
        the first frame, by 1% of its instructions); the other screens' code loads."""
        gc.enable()
        self.preload()

    @work(thread=True, group="preload", exit_on_error=False)
    def preload(self) -> None:
        """Once the first frame is out, the other screens' code loads in the background."""
        preload_screens()

    def on_unmount(self) -> None:
        self.changes.close()
        if self._opened_demo is not None:
            self._opened_demo.close()

    def use_demo(self, demo: DemoNetwork) -> None:
        """From now on, work on a sample network the app opened (the welcome's third
        choice): the app closes it, and so removes its folder, on the way out."""
        self.changes.close()
        self.ctx = demo.ctx.acting_as(self.ctx.origin)
        self.demo = self._opened_demo = demo
        self.changes = ChangeCheck(demo.ctx)
        self._day = demo.ctx.today()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def check_for_changes(self) -> None:
        """Past midnight, or after a write elsewhere, the main screen reads the day again."""
        day = self.ctx.today()
        if day != self._day or self.changes.data_changed():
            self._day = day
            self.today_screen.post_message(DataChanged())

    def action_toggle_theme(self) -> None:
        self.theme = switched(self.current_theme.dark)

    async def action_quit(self) -> None:
        """Quit at once, unless something typed anywhere in the stack of screens would
        be lost: then ask first, naming it (`q`, Ctrl+Q and the palette's Quit all
        come here)."""
        from netday.ui.screens.dialogs import Confirm

        if self._asking_to_quit:
            return
        losses = [
            lost
            for screen in reversed(self.screen_stack)
            if isinstance(screen, HoldsTypedText) and (lost := screen.unsaved())
        ]
        if not losses:
            self.exit()
            return

        def answered(yes: bool | None) -> None:
            self._asking_to_quit = False
            if yes:
                self.exit()

        self._asking_to_quit = True
        self.push_screen(Confirm(unsaved_question(losses), title="Quit netday?"), answered)

    def action_keys(self) -> None:
        """The keys panel over the screen in front; on the panel (from the palette, say)
        it closes it, as `?` and Escape there do."""
        from netday.ui.screens.keys import KeysScreen

        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(KeysScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own, but for its keys panel: netday's (`?`, "Show all keys") replaces it."""
        for command in super().get_system_commands(screen):
            if command.callback not in (self.action_show_help_panel, self.action_hide_help_panel):
                yield command

    def action_add_opportunity(self) -> None:
        """Something worth passing on, from any screen: the main screen's header counts
        it, and the opportunities screen, if in front, lists it."""
        from netday.ui.screens.opportunities import (
            OpportunitiesScreen,
            OpportunityForm,
            new_opportunity,
        )
        from netday.ui.widgets.panes import key_label

        def saved(result: object) -> None:
            if result is None:
                return
            title = getattr(result, "title", "the opportunity")
            self.notify(f"Added {title} ({key_label('today.opportunities')} lists them).")
            self.today_screen.post_message(DataChanged())
            if isinstance(self.screen, OpportunitiesScreen):
                self.screen.load()

        self.push_screen(OpportunityForm(self.ctx, new_opportunity(self.ctx)), saved)

    def open_contact(self, contact_id: int) -> None:
        from netday.ui.screens.contact import ContactScreen

        self.push_screen(ContactScreen(self.ctx, contact_id))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text, whatever the caller asked: messages quote
        names, notes and paths, and `Ana [/]` must neither crash nor style anything."""
        super().notify(
            for_terminal(message),
            title=for_terminal(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.worker_failed(event.worker)
        elif event.state == WorkerState.SUCCESS and event.worker.group == "watch":
            self._watch_failing = False

    def worker_failed(self, worker: Worker[object]) -> None:
        """The one handler of a failed worker, wherever it ran (see `netday.ui.failures`)."""
        error = worker.error
        if error is None:
            return
        if worker.group == "watch":
            # The watcher runs every second: one report until it works again, so a
            # database locked for an hour is one notification and one log entry.
            if self._watch_failing:
                return
            self._watch_failing = True
        message = self.report_failure(error, f"{type(worker.node).__name__}.{worker.name}")
        if isinstance(worker.node, RecoversFromFailures):
            worker.node.after_failure(worker, message)

    def report_failure(self, error: BaseException, where: str) -> str:
        """Log the traceback, show one line (the traceback too with NETDAY_DEBUG=1), and
        return the line for the screen to show where the user is looking."""
        message = f"Not done: {summary(error)}."
        try:
            path = write_log(error, self.ctx.now(), where)
        except OSError as exc:
            message += f" (the error log could not be written: {exc.strerror or exc})"
        else:
            message += f" Details in {path}."
        details = "".join(traceback.format_exception(error)) if debugging() else ""
        self.notify(
            message + ("\n" + details if details else ""),
            title="Something went wrong",
            severity="error",
            timeout=30 if details else None,
        )
        return message
