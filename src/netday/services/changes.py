"""Whether the screen should reload: the day changed, or someone else wrote."""

from __future__ import annotations

from netday.services.context import Context
from netday.store.watch import ChangeWatcher


class ChangeCheck:
    """A cheap question asked every second by a screen left open all day."""

    def __init__(self, ctx: Context) -> None:
        self._watcher = ChangeWatcher(ctx.db)
        self._watcher.changed()

    def data_changed(self) -> bool:
        return self._watcher.changed()

    def close(self) -> None:
        self._watcher.close()
