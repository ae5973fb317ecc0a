"""Core benchmark: a 10,000-contact / ~200,000-interaction database built with `netday demo`.

Reports medians of several runs, each beside the floor `python -c "import sqlalchemy.orm"`
measured in the same run. It measures; it asserts nothing.

    .venv/bin/python benchmarks/core.py [--contacts 10000] [--runs 15] [--db PATH]
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

TODAY = "2026-11-22"
NETDAY = [sys.executable, "-m", "netday"]
FLOOR = [sys.executable, "-c", "import sqlalchemy.orm"]


def run_child(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (ms) and peak resident memory (KiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed")
    return elapsed, usage.ru_maxrss


def median_ms(
    fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None
) -> float:
    times = []
    for _ in range(runs):
        if setup:
            setup()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", help="reuse this database (built if missing)")
    args = parser.parse_args()

    env = {**os.environ, "NETDAY_TODAY": TODAY}
    workdir = Path(tempfile.mkdtemp(prefix="netday-bench-"))
    db = Path(args.db) if args.db else workdir / "bench.sqlite3"
    results: dict[str, object] = {"contacts": args.contacts, "runs": args.runs}
    if not db.exists():
        start = time.perf_counter()
        subprocess.run(
            [*NETDAY, "--db", str(db), "demo", "--contacts", str(args.contacts)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        results["demo_build_s"] = round(time.perf_counter() - start, 2)

    # Whole processes first, while this process is small: a child's peak-memory
    # figure starts from its parent's size at fork.
    floor_runs, today_runs, due_runs = [], [], []
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        floor_runs.append(run_child(FLOOR, env))
        today_runs.append(run_child([*NETDAY, "--db", str(db), "today"], env))
        due_runs.append(run_child([*NETDAY, "--db", str(db), "contact", "list", "--due"], env))
    floor_ms = statistics.median(t for t, _ in floor_runs)
    today_ms = statistics.median(t for t, _ in today_runs)
    results["floor_import_sqlalchemy_orm_ms"] = round(floor_ms, 1)
    results["process_today_ms"] = round(today_ms, 1)
    results["process_today_ratio_to_floor"] = round(today_ms / floor_ms, 3)
    results["process_contact_list_due_ms"] = round(statistics.median(t for t, _ in due_runs), 1)
    results["peak_rss_floor_mib"] = round(max(m for _, m in floor_runs) / 1024, 1)
    results["peak_rss_today_mib"] = round(max(m for _, m in today_runs) / 1024, 1)
    results["peak_rss_contact_list_due_mib"] = round(max(m for _, m in due_runs) / 1024, 1)

    from sqlalchemy import delete, func, select

    from netday.clock import PinnedDateClock
    from netday.services.contacts import list_contacts
    from netday.services.context import Context
    from netday.services.journal import log_interaction
    from netday.services.opportunities import list_opportunities, opportunity_detail
    from netday.services.planner import plan_for
    from netday.services.review import review_day, today_overview
    from netday.store.models import Contact, DayPlan, Interaction
    from netday.store.schema import open_database

    # In-process figures run on a copy, so the whole-process runs see the same database.
    work = workdir / "inproc.sqlite3"
    shutil.copy(db, work)
    clock = PinnedDateClock(dt.date.fromisoformat(TODAY))
    database = open_database(f"sqlite:///{work}", clock.now())
    ctx = Context(database, clock)
    with database.reading() as session:
        results["interactions"] = session.scalar(select(func.count()).select_from(Interaction))
        results["contact_rows"] = session.scalar(select(func.count()).select_from(Contact))

    def forget_plan() -> None:
        with database.transaction() as session:
            session.execute(delete(DayPlan).where(DayPlan.plan_date == clock.today()))

    forget_plan()
    start = time.perf_counter()
    plan_for(ctx)
    results["plan_build_first_in_process_ms"] = round((time.perf_counter() - start) * 1000, 2)
    results["plan_build_ms"] = round(median_ms(lambda: plan_for(ctx), args.runs, forget_plan), 2)
    results["plan_again_ms"] = round(median_ms(lambda: plan_for(ctx), args.runs), 2)
    results["today_overview_ms"] = round(median_ms(lambda: today_overview(ctx), args.runs), 2)
    results["log_interaction_ms"] = round(
        median_ms(lambda: log_interaction(ctx, "1", kind="call", summary="bench"), args.runs), 2
    )
    results["review_ms"] = round(median_ms(lambda: review_day(ctx), args.runs), 2)
    due = list_contacts(ctx, due=True)
    results["contact_list_due_rows"] = len(due)
    results["contact_list_due_ms"] = round(
        median_ms(lambda: list_contacts(ctx, due=True), args.runs), 2
    )
    # Whom each of the demo's opportunities fits: the worst of them (a job naming a
    # company and three role families reads the most candidates).
    found = [o.id for o in list_opportunities(ctx)]
    results["opportunity_proposals_worst_ms"] = round(
        max(median_ms(lambda i=i: opportunity_detail(ctx, i), args.runs) for i in found), 2
    )
    database.close()

    width = max(len(k) for k in results)
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    out = Path(__file__).with_name("out")
    out.mkdir(exist_ok=True)
    (out / "core.json").write_text(json.dumps(results, indent=2))
    if not args.db:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
