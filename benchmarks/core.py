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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netday.services.context import Context

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
    from netday.services.insights import insights
    from netday.services.journal import log_interaction
    from netday.services.opportunities import list_opportunities, opportunity_detail
    from netday.services.people import PeopleFilter, people_page
    from netday.services.planner import plan_for
    from netday.services.review import review_day, today_overview
    from netday.store.models import Contact, DayPlan, Interaction
    from netday.store.schema import open_database
    from netday.vocabulary import PeopleSort, values

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
    # The insights (issue 11 asks under 100 ms for 12 weeks at this size). Their work
    # grows with the interactions inside the window, not with the whole log: `netday demo`
    # puts ~80% of its log in the last 12 weeks, so the one-week window (~13,000 rows, a
    # heavy year of real use) is measured too, and the widest window the CLI accepts.
    with database.reading() as session:
        start = dt.datetime(2026, 8, 31)  # the 12-week window's first Monday
        results["insights_12_weeks_rows"] = session.scalar(
            select(func.count()).select_from(Interaction).where(Interaction.occurred_at >= start)
        )
    results["insights_1_week_ms"] = round(median_ms(lambda: insights(ctx, 1), args.runs), 2)
    results["insights_12_weeks_ms"] = round(median_ms(lambda: insights(ctx, 12), args.runs), 2)
    results["insights_104_weeks_ms"] = round(median_ms(lambda: insights(ctx, 104), args.runs), 2)
    measure_search(ctx, results, args.runs)
    # The people screen's first page (and its count), for each order and one narrowed
    # list: what opening the screen, or pressing a filter key, waits for.
    for sort in values(PeopleSort):
        page = people_page(ctx, PeopleFilter(), sort)
        results[f"people_page_{sort}_rows"] = f"{len(page.rows)} of {page.total}"
        results[f"people_page_{sort}_ms"] = round(
            median_ms(lambda sort=sort: people_page(ctx, PeopleFilter(), sort), args.runs), 2
        )
    narrowed = PeopleFilter(circle="professional", tier="A", due="due", company="a")
    page = people_page(ctx, narrowed)
    results["people_page_filtered_rows"] = f"{len(page.rows)} of {page.total}"
    results["people_page_filtered_ms"] = round(
        median_ms(lambda: people_page(ctx, narrowed), args.runs), 2
    )
    results["people_page_at_row_9000_ms"] = round(
        median_ms(lambda: people_page(ctx, PeopleFilter(), offset=9000), args.runs), 2
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


SEARCH_TARGET_MS = 50
"""What issue 11 asks of a search at 200,000 interactions."""


def measure_search(ctx: Context, results: dict[str, object], runs: int) -> None:
    """`netday search` at this size: a whole name, a word written once (in the log, so
    the interactions' index is what finds it), a common word (thousands of matches)
    and two common words. Each must find what it should, or the benchmark stops."""
    from sqlalchemy import select

    from netday.services.journal import log_interaction
    from netday.services.search import search
    from netday.store.models import Contact

    with ctx.db.reading() as session:
        someone = session.execute(select(Contact.id, Contact.full_name).limit(1)).one()
    log_interaction(ctx, str(someone.id), kind="note", summary="bench: talked about zanzibar")
    cases = {
        "name": (someone.full_name, lambda hits: hits[0].contact_id == someone.id),
        "rare_word": (
            "zanzibar",
            lambda hits: [(h.contact_id, h.place) for h in hits] == [(someone.id, "interaction")],
        ),
        "common_word": ("hiring", lambda hits: len(hits) == 20),
        "two_common_words": ("their office", lambda hits: len(hits) == 20),
    }
    for case, (typed, right) in cases.items():
        hits = search(ctx, typed)
        if not right(hits):
            raise SystemExit(f"search {typed!r} found the wrong people: {hits[:3]}")
        timed = median_ms(lambda typed=typed: search(ctx, typed), runs)  # type: ignore[misc]
        results[f"search_{case}_ms"] = round(timed, 2)
    results["search_target_ms"] = SEARCH_TARGET_MS


if __name__ == "__main__":
    main()
