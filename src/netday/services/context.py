"""What every use case needs: the database and the clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from netday.clock import Clock
from netday.store.db import Database


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock
    throwaway: bool = False
    """The database is deleted when it closes (the demo's): nothing the user keeps, an
    export or a review, may be written beside it (see `exporting.default_export_folder`)."""

    def today(self) -> dt.date:
        return self.clock.today()

    def now(self) -> dt.datetime:
        return self.clock.now()
