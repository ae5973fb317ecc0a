"""TUI benchmark: first complete frame in a real terminal, and the database work behind
each key action at 10,000 contacts.

First frame: `../shared/bench/firstframe.sh` (tmux, 120x40) times launch until a name
from today's plan is on screen, interleaved with the shared floor app (Textual + four
DataTable panes read through the SQLAlchemy ORM) in the same run. Medians; no asserts.

    .venv/bin/python benchmarks/tui.py [--runs 7] [--big PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "bench"
TODAY = "2026-11-22"


def netday(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETDAY_TODAY": TODAY}
    return subprocess.run(
        [sys.executable, "-m", "netday", *args], check=True, capture_output=True, text=True, env=env
    )


def first_frame_ms(mark: str, command: str) -> float | None:
    out = subprocess.run(
        ["bash", str(SHARED / "firstframe.sh"), mark, command],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return float(out) if out.isdigit() else None


def first_call(db: Path) -> str:
    data = json.loads(netday("--db", str(db), "today", "--json").stdout)
    return str(data["calls"][0]["contact"]["name"])


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def action_costs(db: Path, runs: int) -> dict[str, float]:
    """The database work each key does, on a copy of the big database."""
    from netday.clock import PinnedDateClock
    from netday.services.changes import ChangeCheck
    from netday.services.contacts import list_contacts, show_contact
    from netday.services.context import Context
    from netday.services.journal import log_interaction
    from netday.services.planner import skip_call, snooze_contact
    from netday.services.review import review_day, save_review, today_overview
    from netday.store.schema import open_database

    clock = PinnedDateClock(dt.date.fromisoformat(TODAY))
    database = open_database(f"sqlite:///{db}", clock.now())
    ctx = Context(database, clock)
    plan = today_overview(ctx).plan
    first = str(plan.calls[0].contact.id)
    second = str(plan.calls[1].contact.id)
    changes = ChangeCheck(ctx)
    costs = {
        "open: today's overview": median_ms(lambda: today_overview(ctx), runs),
        "every second: change check": median_ms(changes.data_changed, runs),
        "d: log a call + reload": median_ms(
            lambda: (log_interaction(ctx, first, kind="call"), today_overview(ctx)), runs
        ),
        "s: skip + reload": median_ms(lambda: (skip_call(ctx, second), today_overview(ctx)), 1),
        "z: snooze + reload": median_ms(
            lambda: (
                snooze_contact(ctx, second, clock.today() + dt.timedelta(days=1)),
                today_overview(ctx),
            ),
            1,
        ),
        "m: minutes (re-size) + reload": median_ms(lambda: today_overview(ctx, 50), 1),
        "ctrl+p / l: find a contact": median_ms(
            lambda: list_contacts(ctx, search="an", limit=20), runs
        ),
        "c: contact screen": median_ms(lambda: show_contact(ctx, first), runs),
        "r: review screen": median_ms(lambda: review_day(ctx), runs),
        "review: save the note": median_ms(lambda: save_review(ctx, note="bench"), runs),
    }
    changes.close()
    database.close()
    return costs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big", help="a 10,000-contact database (built if missing)")
    args = parser.parse_args()
    if not (SHARED / "firstframe.sh").exists() or shutil.which("tmux") is None:
        raise SystemExit("needs ../shared/bench/firstframe.sh and tmux")

    work = Path(tempfile.mkdtemp(prefix="netday-tui-bench-"))
    demo = work / "demo.sqlite3"
    netday("--db", str(demo), "demo")
    big = Path(args.big) if args.big else work / "big.sqlite3"
    if not big.exists():
        netday("--db", str(big), "demo", "--contacts", "10000")
    floor_db = work / "floor.sqlite3"
    results: dict[str, object] = {"runs": args.runs}
    marks = {"demo": first_call(demo), "10k": first_call(big)}
    exe = f"NETDAY_TODAY={TODAY} {sys.executable} -m netday --db"
    floor, on_demo, on_big = [], [], []
    for _ in range(args.runs):  # interleaved: same machine load for all three
        floor.append(
            first_frame_ms("READYMARK", f"{sys.executable} {SHARED / 'floor_app.py'} {floor_db}")
        )
        on_demo.append(first_frame_ms(marks["demo"], f"{exe} {demo}"))
        on_big.append(first_frame_ms(marks["10k"], f"{exe} {big}"))
    for name, runs in (("floor_app", floor), ("netday_demo", on_demo), ("netday_10k", on_big)):
        ok = [r for r in runs if r is not None]
        results[f"first_frame_{name}_ms"] = statistics.median(ok) if ok else "timeout"
    base = results["first_frame_floor_app_ms"]
    for name in ("netday_demo", "netday_10k"):
        value = results[f"first_frame_{name}_ms"]
        if isinstance(base, float) and isinstance(value, float):
            results[f"first_frame_{name}_ratio"] = round(value / base, 3)
    copy = work / "actions.sqlite3"
    shutil.copy(big, copy)
    results["action_db_ms_at_10k"] = action_costs(copy, max(5, args.runs))
    print(json.dumps(results, indent=2, ensure_ascii=False))
    out = Path(__file__).with_name("out")
    out.mkdir(exist_ok=True)
    (out / "tui.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
