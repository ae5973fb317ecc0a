"""Migrations stand alone: what a revision does never changes when netday's code does."""

from __future__ import annotations

import ast
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from netday.store.db import Database
from netday.store.schema import HEAD, migrations_dir, open_database, upgrade
from tests.conftest import rows

NOW = dt.datetime(2026, 11, 22, 9, 30)
ROOT = Path(__file__).resolve().parents[2]

CADENCES = {
    # name: (relative every/unit, or a calendar rule) -> cadence_days after 0003
    "Ana": (("3", "weeks"), 21.0),
    "Bo": (("10", "days"), 10.0),
    "Cy": (("2", "months"), 60.88),
    "Di": ("FREQ=MONTHLY;BYDAY=1MO", 30.92),
    "Ed": ("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", 14.0),
    "Flo": ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", 91.25),
    "Gus": ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", 1461.0),
    "Hal": ("FREQ=WEEKLY;BYDAY=MO,TH", 3.5),
    "Ida": ("FREQ=MONTHLY;BYMONTHDAY=31", 53.17),
    # Rules with fewer than two dates, or none dateutil can read: a month.
    "Jo": ("FREQ=MONTHLY;COUNT=1", 30.44),
    "Kai": ("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", 30.44),
    "Lu": ("FREQ=YEARLY;INTERVAL=7", 30.44),
    "Mo": ("not a rule", 30.44),
}
"""What revision 0003 computed when it was written. These numbers are the migration's
contract: they must not move when netday's own cadence code changes."""


def _insert_contact(conn, cid: int, name: str, cadence: tuple[str, str] | str) -> None:
    kind = "calendar" if isinstance(cadence, str) else "relative"
    every, unit = (None, None) if isinstance(cadence, str) else cadence
    rule = cadence if isinstance(cadence, str) else None
    conn.execute(
        text(
            "INSERT INTO contact (id, full_name, name_key, role, email, phone, profile_url,"
            " circle, tier, why, notes, archived, cadence_kind, cadence_every, cadence_unit,"
            " cadence_rule, created_at, updated_at) VALUES (:id, :name, :key, '', '', '', '',"
            " 'professional', 'B', '', '', FALSE, :kind, :every, :unit, :rule,"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        ),
        {
            "id": cid,
            "name": name,
            "key": name.lower(),
            "kind": kind,
            "every": None if every is None else int(every),
            "unit": unit,
            "rule": rule,
        },
    )


def at_revision_0002_with_cadences(url: str) -> None:
    db = Database(url)
    upgrade(db, "0002")
    with db.engine.begin() as conn:
        for cid, (name, (cadence, _)) in enumerate(CADENCES.items(), start=1):
            _insert_contact(conn, cid, name, cadence)
    db.close()


def test_0003_measures_every_cadence_as_it_did_when_written(db_url: str) -> None:
    at_revision_0002_with_cadences(db_url)
    open_database(db_url, NOW, backup=False).close()
    got = dict(rows(db_url, "SELECT full_name, cadence_days FROM contact"))
    assert got == {name: days for name, (_, days) in CADENCES.items()}


def test_an_upgrade_runs_without_netdays_application_code(db_url: str) -> None:
    """Migrations may not import netday's scheduling or services: with those made
    unimportable, a 0002 database with cadences still upgrades to the head."""
    at_revision_0002_with_cadences(db_url)
    script = (
        "import sys\n"
        "for name in ('netday.scheduling', 'netday.services', 'netday.io', 'netday.ui'):\n"
        "    sys.modules[name] = None\n"
        "import datetime as dt\n"
        "from netday.store.schema import open_database\n"
        f"open_database({db_url!r}, dt.datetime(2026, 11, 22), backup=False).close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert dict(rows(db_url, "SELECT full_name, cadence_days FROM contact"))["Di"] == 30.92


def test_revisions_import_nothing_of_netday() -> None:
    offences = []
    for path in sorted((ROOT / "migrations" / "versions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offences += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "netday"]
    assert offences == []


def test_a_revision_names_its_constraints_itself(db_url: str) -> None:
    """netday's own upgrades give Alembic no models (and so no naming convention): a
    constraint a revision creates carries its name in the revision, so the downgrade that
    drops it by that name works."""
    open_database(db_url, NOW).close()
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    db = Database(db_url)
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
    finally:
        db.close()
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [("0003",)]
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]


@pytest.mark.sqlite_only("reads the constraint's name in the SQLite schema")
def test_the_triage_check_keeps_its_name(db_path: Path) -> None:
    open_database(f"sqlite:///{db_path}", NOW).close()
    (sql,) = rows(f"sqlite:///{db_path}", "SELECT sql FROM sqlite_master WHERE name = 'contact'")[0]
    assert "CONSTRAINT ck_contact_triage CHECK" in sql


def test_0005_adds_the_undo_steps_and_takes_them_away(db_url: str) -> None:
    """Up: an empty `undo_step` beside the data; down to 0004: only that table goes."""
    open_database(db_url, NOW).close()
    db = Database(db_url)
    with db.engine.begin() as conn:
        _insert_contact(conn, 1, "Ana", ("3", "weeks"))
        conn.execute(
            text(
                "INSERT INTO undo_step (origin, label, created_at, payload)"
                " VALUES ('cli', 'Archived Ana', '2026-11-22 09:00:00', '[]')"
            )
        )
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
            assert not inspect(conn).has_table("undo_step")
    finally:
        db.close()
    assert rows(db_url, "SELECT full_name FROM contact") == [("Ana",)]
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert rows(db_url, "SELECT count(*) FROM undo_step") == [(0,)]


def test_0006_keeps_every_row_and_every_earlier_call_was_answered(db_url: str) -> None:
    """A database at 0005 with calls, a meeting and its settings upgrades with every row
    read back as it was: the calls answered, the meeting with no outcome, the tries
    setting at its default; down to 0005 again, every row stays."""
    db = Database(db_url)
    upgrade(db, "0005")
    with db.engine.begin() as conn:
        _insert_contact(conn, 1, "Ana", ("3", "weeks"))
        conn.execute(text("UPDATE settings SET minutes_per_day = 45"))
        for iid, kind in enumerate(("call", "video", "meeting"), start=1):
            conn.execute(
                text(
                    "INSERT INTO interaction (id, contact_id, kind, occurred_at, summary,"
                    " direction, created_at) VALUES (:id, 1, :kind, '2026-11-20 10:00:00',"
                    " :summary, 'neutral', '2026-11-20 10:00:00')"
                ),  # one parameter per column: PostgreSQL types each parameter once
                {"id": iid, "kind": kind, "summary": kind},
            )
    db.close()
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT id, kind, summary, outcome FROM interaction ORDER BY id") == [
        (1, "call", "call", "answered"),
        (2, "video", "video", "answered"),
        (3, "meeting", "meeting", None),
    ]
    assert rows(db_url, "SELECT minutes_per_day, call_tries FROM settings") == [(45, 3)]
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    db = Database(db_url)
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0005")
    finally:
        db.close()
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(3,)]
    assert rows(db_url, "SELECT minutes_per_day FROM settings") == [(45,)]


def test_0007_adds_the_promise_ledger_beside_every_row_and_takes_it_away(db_url: str) -> None:
    """A database at 0006 with a contact, a call and an open follow-up upgrades with every
    row as it was (the follow-up stays the log's, nothing is copied: one home per idea)
    and an empty ledger that takes promises; down to 0006, only the ledger goes."""
    db = Database(db_url)
    upgrade(db, "0006")
    with db.engine.begin() as conn:
        _insert_contact(conn, 1, "Ana", ("3", "weeks"))
        conn.execute(
            text(
                "UPDATE contact SET follow_up_on = :due, follow_up_kind = 'promised',"
                " follow_up_since = :since"
            ),
            {"due": dt.date(2026, 11, 25), "since": dt.date(2026, 11, 20)},
        )
        conn.execute(
            text(
                "INSERT INTO interaction (id, contact_id, kind, occurred_at, summary,"
                " direction, follow_up_on, outcome, created_at) VALUES (1, 1, 'call',"
                " '2026-11-20 10:00:00', 'the deck', 'neutral', :due, 'answered',"
                " '2026-11-20 10:05:00')"
            ),
            {"due": dt.date(2026, 11, 25)},
        )
    db.close()
    open_database(db_url, NOW, backup=False).close()
    # Raw SQL reads a date back as text on SQLite and as a date on PostgreSQL.
    texts = lambda sql: [tuple(map(str, row)) for row in rows(db_url, sql)]  # noqa: E731
    assert texts("SELECT full_name, follow_up_on, follow_up_kind FROM contact") == [
        ("Ana", "2026-11-25", "promised")
    ]
    assert texts("SELECT id, summary, follow_up_on FROM interaction") == [
        ("1", "the deck", "2026-11-25")
    ]
    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO promise (contact_id, owed_by, what, due_on, interaction_id,"
                " created_at) VALUES (1, 'me', 'the deck', :due, 1, '2026-11-20 10:05:00')"
            ),
            {"due": dt.date(2026, 11, 25)},
        )
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0006")
            assert not inspect(conn).has_table("promise")
    finally:
        db.close()
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(1,)]
    assert texts("SELECT follow_up_on FROM contact") == [("2026-11-25",)]
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT count(*) FROM promise") == [(0,)]


def test_0010_adds_opportunities_beside_every_row_and_takes_them_away(db_url: str) -> None:
    """A database at 0007 with a contact, a share and a promise upgrades with every row as
    it was and opportunities that link a share; down to 0007, only the opportunities
    (their tags and links) go, and the share stays in the log."""
    db = Database(db_url)
    upgrade(db, "0007")
    with db.engine.begin() as conn:
        _insert_contact(conn, 1, "Ana", ("3", "weeks"))
        conn.execute(
            text(
                "INSERT INTO interaction (id, contact_id, kind, occurred_at, summary,"
                " direction, created_at) VALUES (1, 1, 'share', '2026-11-20 10:00:00',"
                " 'the talk', 'gave', '2026-11-20 10:05:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO promise (contact_id, owed_by, what, due_on, created_at) VALUES"
                " (1, 'me', 'the deck', :due, '2026-11-20 10:05:00')"
            ),
            {"due": dt.date(2026, 11, 25)},
        )
    db.close()
    open_database(db_url, NOW, backup=False).close()
    texts = lambda sql: [tuple(map(str, row)) for row in rows(db_url, sql)]  # noqa: E731
    assert texts("SELECT id, kind, summary, direction FROM interaction") == [
        ("1", "share", "the talk", "gave")
    ]
    assert texts("SELECT what, due_on FROM promise") == [("the deck", "2026-11-25")]
    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO opportunity (id, title, kind, url, on_date, notes, created_at)"
                " VALUES (1, 'PyCon CFP', 'call-for-speakers', '', :on, '',"
                " '2026-11-20 09:00:00')"
            ),
            {"on": dt.date(2026, 12, 10)},
        )
        conn.execute(text("INSERT INTO opportunity_tag (opportunity_id, tag) VALUES (1, 'python')"))
        conn.execute(
            text("INSERT INTO opportunity_share (interaction_id, opportunity_id) VALUES (1, 1)")
        )
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0007")
            for table in ("opportunity", "opportunity_tag", "opportunity_share"):
                assert not inspect(conn).has_table(table)
    finally:
        db.close()
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(1,)]
    assert rows(db_url, "SELECT count(*) FROM promise") == [(1,)]
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT count(*) FROM opportunity") == [(0,)]
