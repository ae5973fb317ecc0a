"""An unexpected failure is a notification and a log entry, never a closed app.

Every worker runs with `exit_on_error=False`; its failure (a database locked past the
timeout, a full disk, a bug) reaches `NetdayApp.worker_failed`, the one place that
writes the traceback to `errors.log` in the data folder, shows one line, and lets the
screen that ran the worker recover (a form keeps what was typed and shows the line).
`NETDAY_DEBUG=1` puts the whole traceback in the notification as well.

The log lives in the data folder (`config.default_data_dir()`), not beside the
database: a PostgreSQL database has no folder, and the demo's is deleted on quit.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from netday.config import default_data_dir

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp

LOG_NAME = "errors.log"
DEBUG_ENV = "NETDAY_DEBUG"


def log_path() -> Path:
    return default_data_dir() / LOG_NAME


def debugging() -> bool:
    return bool(os.environ.get(DEBUG_ENV))


def summary(error: BaseException) -> str:
    """One line a user can read: the error's kind and the first line of its reason
    (for a database error, the driver's own reason, without the SQL)."""
    reason = getattr(error, "orig", None) or error
    lines = str(reason).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def write_log(error: BaseException, at: dt.datetime, where: str) -> Path:
    """Append the traceback to the log (created private: it may quote data)."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as log:
        log.write(f"--- {at:%Y-%m-%d %H:%M:%S} {where}\n")
        log.write("".join(traceback.format_exception(error)))
    return path


if TYPE_CHECKING:
    _Node = DOMNode
else:
    # A mixin, not a DOMNode at run time: Textual takes a class's inherited default CSS
    # from its first DOMNode base, so `class S(RecoversFromFailures, Screen)` lost
    # Screen's and ModalScreen's own (an opaque background: without it every screen
    # was drawn over the ones beneath it, at every frame).
    _Node = object


class RecoversFromFailures(_Node):
    """A screen that runs workers: their failures go to the app's one handler
    (Textual posts a worker's state to the node that started it, and it does not
    bubble); `after_failure` is what the screen itself does about it."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            cast("NetdayApp", self.app).worker_failed(event.worker)

    def after_failure(self, worker: Worker[object], message: str) -> None:
        """Nothing by default: the notification says it all."""
