"""Run a Textual app and leave the moment a frame holding MARK goes to the terminal.

    python benchmarks/shown.py MARK netday ARGS...   (netday's command line)
    python benchmarks/shown.py MARK floor DBFILE     (../shared/bench/floor_app.py)
    python benchmarks/shown.py MARK dooit ARGS...    (dooit's command line)

`tui.py --instructions` runs it under callgrind: the instructions a process executes up
to its first complete frame do not depend on how busy the machine is, so their ratios
hold on a shared machine where wall-clock times wander. Kept to the standard library
and Textual, so it adds the same few instructions to every app it runs.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path
from typing import Any

FLOOR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "floor_app.py"


def leave_when_shown(mark: str) -> None:
    from textual._compositor import CompositorUpdate
    from textual.app import App

    display = App._display

    def shown(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if isinstance(renderable, CompositorUpdate) and mark in renderable.render_segments(
            self.console
        ):
            os._exit(0)

    App._display = shown  # type: ignore[method-assign]


def main() -> None:
    mark, app, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    leave_when_shown(mark)
    if app == "netday":
        from netday.cli.main import entry

        sys.argv = ["netday", *args]
        entry()
    elif app == "floor":
        sys.argv = [str(FLOOR), *args]
        runpy.run_path(str(FLOOR), run_name="__main__")
    elif app == "dooit":
        from dooit.__main__ import main as dooit

        sys.argv = ["dooit", *args]
        dooit()
    raise SystemExit(f"{app} ended without showing {mark!r}")


if __name__ == "__main__":
    main()
