"""Import benchmark: a 20,000-row LinkedIn Connections.csv, into a fresh database and again.

Runs the real `netday import linkedin` as a separate process each time and reports the
median wall time and the peak memory (max RSS) of that process, beside a floor measured
in the same run, interleaved: a process that imports SQLAlchemy, reads the same CSV with
the csv module and inserts one row per person into a fresh SQLite table (the least work
any importer does), checked to have stored every person. Every row is a different
person (its own profile URL; names and companies repeat, as namesakes do), so before any
time is reported the script checks that the first import created one contact per person
and the second created none: a time for the wrong work is worse than no time.

    python benchmarks/imports.py [--rows 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PREAMBLE = 'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n'  # noqa: E501
FIRST = ["Ana", "José", "Bo", "Zoë", "Łukasz", "Dana", "Kim", "Ngozi", "Søren", "Priya", "Émile"]
LAST = ["Lima", "Núñez", "Chen", "O'Neil", "Park", "Okafor", "Müller", "Sato", "Rossi", "Kaur"]
COMPANIES = ["Acme", "Initech, Inc.", "Globex", "Umbrella", 'The "Best" Co', "Hooli", "Stark 🚀"]


def connections(rows: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    for i in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        month = rng.choice(["Jan", "Mar", "Jul", "Nov"])
        day = f"{rng.randint(1, 28):02d} {month} {rng.randint(2012, 2026)}"
        writer.writerow(
            [first, last, f"https://www.linkedin.com/in/{first.lower()}-{i}",
             f"p{i}@example.com" if i % 9 == 0 else "", rng.choice(COMPANIES),
             rng.choice(["Engineer", "CTO", "Head of Sales, EMEA", ""]), day]
        )  # fmt: skip
    return ("\ufeff" + PREAMBLE + out.getvalue()).encode("utf-8")


def distinct_people(data: bytes) -> int:
    """People in a Connections.csv built by `connections`: one per profile URL."""
    text = data.decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(text[text.index("First Name") :]))
    return len({row["URL"] for row in rows})


def created_count(report: str) -> int:
    """Contacts created, from the JSON report of `netday import linkedin --json`."""
    created = json.loads(report)["created"]
    assert isinstance(created, int)
    return created


FLOOR = """
import csv, sqlite3, sys
import sqlalchemy.orm  # netday pays for this import too
text = open(sys.argv[2], encoding="utf-8-sig").read()
rows = list(csv.DictReader(text[text.index("First Name"):].splitlines()))
conn = sqlite3.connect(sys.argv[1])
conn.execute("CREATE TABLE person (name TEXT, company TEXT, role TEXT, url TEXT UNIQUE)")
with conn:
    conn.executemany(
        "INSERT INTO person VALUES (?, ?, ?, ?)",
        [(r["First Name"] + " " + r["Last Name"], r["Company"], r["Position"], r["URL"])
         for r in rows],
    )
print(conn.execute("SELECT count(*) FROM person").fetchone()[0])
"""


def run_floor(db: Path, path: Path) -> tuple[float, int]:
    """Seconds and rows stored by the floor process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", FLOOR, str(db), str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return time.perf_counter() - start, int(done.stdout)


def run_import(db: Path, path: Path) -> tuple[float, float, int]:
    """Seconds, peak MiB and contacts created of one `netday import linkedin` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "netday", "--db", str(db), "--today", "2026-11-22",
         "import", "linkedin", str(path), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024, created_count(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "Connections.csv"
        data = connections(args.rows)
        csv_path.write_bytes(data)
        people = distinct_people(data)
        size = os.path.getsize(csv_path) / 1024 / 1024
        fresh, again, peaks, floor = [], [], [], []
        for run in range(args.runs):
            seconds, stored = run_floor(Path(folder) / f"floor-{run}.sqlite3", csv_path)
            if stored != people:
                sys.exit(f"wrong floor: {stored:,} rows stored for {people:,} people")
            floor.append(seconds)
            db = Path(folder) / f"bench-{run}.sqlite3"
            seconds, peak, created = run_import(db, csv_path)
            if created != people:
                sys.exit(f"wrong work: {created:,} contacts created for {people:,} people")
            fresh.append(seconds)
            peaks.append(peak)
            seconds, peak, created = run_import(db, csv_path)
            if created:
                sys.exit(f"wrong work: importing the same file again created {created:,}")
            again.append(seconds)
            peaks.append(peak)
        print(
            f"Connections.csv: {args.rows:,} rows = {people:,} people ({people:,} contacts"
            f" created each run), {size:.1f} MB; {args.runs} runs, medians"
        )
        base = statistics.median(floor)
        print(f"  floor (csv + sqlite3)  : {base:6.2f} s")
        for label, times in (("into an empty database", fresh), ("again (all unchanged)", again)):
            median = statistics.median(times)
            print(f"  {label:<23}: {median:6.2f} s = {median / base:.1f}x the floor")
        print(f"  peak memory (max RSS)  : {max(peaks):6.1f} MiB")


if __name__ == "__main__":
    main()
