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

    def today(self) -> dt.date:
        return self.clock.today()

    def now(self) -> dt.datetime:
        return self.clock.now()
