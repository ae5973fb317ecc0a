"""What every use case needs: the database, the clock, and who is acting."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from netday.clock import Clock
from netday.store.db import Database

COMMAND_LINE = "cli"
"""The origin of every `netday ...` command: `netday undo` takes back the last of them."""


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock
    throwaway: bool = False
    """The database is deleted when it closes (the demo's): nothing the user keeps, an
    export or a review, may be written beside it (see `exporting.default_export_folder`)."""
    origin: str = COMMAND_LINE
    """Who acts, as undo steps are tagged: the command line, or one open planner
    (`in_new_session`), whose `u` takes back only what it did itself."""

    def today(self) -> dt.date:
        return self.clock.today()

    def now(self) -> dt.datetime:
        return self.clock.now()

    def in_new_session(self) -> Context:
        """The same database and clock, acting as a planner session of its own."""
        return self.acting_as(f"tui:{uuid.uuid4().hex}")

    def acting_as(self, origin: str) -> Context:
        """The same database and clock, acting as `origin` (another `Context.origin`)."""
        return dataclasses.replace(self, origin=origin)
