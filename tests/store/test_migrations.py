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


def downgrade_to(db_url: str, revision: str) -> set[str]:
    """Run Alembic's downgrade to `revision` on the database, as a user going back would;
    returns the tables left, for the caller to check what went."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    db = Database(db_url)
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
            return set(inspect(conn).get_table_names())
    finally:
        db.close()


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
    downgrade_to(db_url, "0003")
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
    db.close()
    assert "undo_step" not in downgrade_to(db_url, "0004")
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
    downgrade_to(db_url, "0005")
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
    db.close()
    assert "promise" not in downgrade_to(db_url, "0006")
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(1,)]
    assert texts("SELECT follow_up_on FROM contact") == [("2026-11-25",)]
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT count(*) FROM promise") == [(0,)]


def test_0008_keeps_every_row_and_down_again_endorsements_become_notes(db_url: str) -> None:
    """A database at 0007 with calls and notes upgrades with every row as it was, and then
    takes endorsements and recommendations; down to 0007, those become notes that say
    what they were (the older check knows neither word), and every other row stays."""
    db = Database(db_url)
    upgrade(db, "0007")
    with db.engine.begin() as conn:
        _insert_contact(conn, 1, "Ana", ("3", "weeks"))
        for iid, kind in enumerate(("call", "note"), start=1):
            conn.execute(
                text(
                    "INSERT INTO interaction (id, contact_id, kind, occurred_at, summary,"
                    " direction, created_at) VALUES (:id, 1, :kind, '2026-11-20 10:00:00',"
                    " :summary, 'neutral', '2026-11-20 10:00:00')"
                ),
                {"id": iid, "kind": kind, "summary": kind},
            )
    db.close()
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    db = Database(db_url)
    with db.engine.begin() as conn:
        for iid, kind, direction in ((3, "endorsement", "asked"), (4, "recommendation", "gave")):
            conn.execute(
                text(
                    "INSERT INTO interaction (id, contact_id, kind, occurred_at, summary,"
                    " direction, created_at) VALUES (:id, 1, :kind, '2026-11-21 10:00:00',"
                    " :summary, :direction, '2026-11-21 10:00:00')"
                ),
                {"id": iid, "kind": kind, "summary": f"a {kind}", "direction": direction},
            )
    got = rows(db_url, "SELECT id, kind, summary, direction FROM interaction ORDER BY id")
    assert got == [
        (1, "call", "call", "neutral"),
        (2, "note", "note", "neutral"),
        (3, "endorsement", "a endorsement", "asked"),
        (4, "recommendation", "a recommendation", "gave"),
    ]
    db.close()
    downgrade_to(db_url, "0007")
    assert rows(db_url, "SELECT id, kind, summary, direction FROM interaction ORDER BY id") == [
        (1, "call", "call", "neutral"),
        (2, "note", "note", "neutral"),
        (3, "note", "[endorsement] a endorsement", "asked"),
        (4, "note", "[recommendation] a recommendation", "gave"),
    ]
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]


def test_0009_indexes_every_existing_row_for_search_and_takes_the_index_away(
    db_url: str,
) -> None:
    """A database at 0008 with a person, a company, notes, a call, a post and a promise
    upgrades with every row kept and every one of them found by a search at once; down
    to 0008, only the index goes (rows kept), and up again it is rebuilt from the rows."""
    from netday.clock import ManualClock
    from netday.services.context import Context
    from netday.services.search import search
    from netday.store.search_index import is_search_object

    db = Database(db_url)
    upgrade(db, "0008")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO company (id, name, name_key, followed, notes, created_at)"
                " VALUES (1, 'Zebracorp', 'zebracorp', FALSE, '', '2026-01-01 10:00:00')"
            )
        )
        _insert_contact(conn, 1, "Amélie Dubois", ("3", "weeks"))
        _insert_contact(conn, 2, "Bruno Costa", ("3", "weeks"))
        _insert_contact(conn, 3, "Carla Dias", ("3", "weeks"))
        _insert_contact(conn, 4, "Dan Evans", ("3", "weeks"))
        conn.execute(text("UPDATE contact SET company_id = 1, notes = 'kayaks' WHERE id = 1"))
        conn.execute(
            text(
                "INSERT INTO interaction (id, contact_id, kind, occurred_at, summary,"
                " direction, outcome, created_at) VALUES (1, 2, 'call',"
                " '2026-11-20 10:00:00', 'talked about origami', 'neutral', 'answered',"
                " '2026-11-20 10:05:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO post (id, author_id, url, excerpt, found_at, status,"
                " draft_comment) VALUES (1, 3, '', 'on xylography', '2026-11-20 10:00:00',"
                " 'to_comment', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO promise (contact_id, owed_by, what, due_on, created_at)"
                " VALUES (4, 'me', 'the marimba tape', :due, '2026-11-20 10:05:00')"
            ),
            {"due": dt.date(2026, 11, 25)},
        )
    db.close()

    def found() -> dict[str, list[str]]:
        opened = open_database(db_url, NOW, backup=False)
        try:
            ctx = Context(opened, ManualClock(NOW))
            return {
                word: [hit.name for hit in search(ctx, word)]
                for word in ("amelie", "zebra", "kayak", "origami", "xylo", "marimba")
            }
        finally:
            opened.close()

    assert found() == {
        "amelie": ["Amélie Dubois"],
        "zebra": ["Amélie Dubois"],
        "kayak": ["Amélie Dubois"],
        "origami": ["Bruno Costa"],
        "xylo": ["Carla Dias"],
        "marimba": ["Dan Evans"],
    }
    counts = lambda: [  # noqa: E731
        rows(db_url, f"SELECT count(*) FROM {t}")[0][0]
        for t in ("company", "contact", "interaction", "post", "promise")
    ]
    assert counts() == [1, 4, 1, 1, 1]

    db = Database(db_url)
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
            left = set(inspect(conn).get_table_names())
            for table in ("contact", "company", "interaction", "post", "promise"):
                left |= {str(index["name"]) for index in inspect(conn).get_indexes(table)}
            if db.is_sqlite:
                left |= set(
                    conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                    .scalars()
                    .all()
                )
            assert not any(is_search_object(name) for name in left)
    finally:
        db.close()
    assert counts() == [1, 4, 1, 1, 1]
    db = Database(db_url)
    with db.engine.begin() as conn:  # written while no index watched: rebuilt from rows
        conn.execute(text("UPDATE interaction SET summary = 'talked about pottery'"))
    db.close()
    assert found()["origami"] == []
    assert found()["amelie"] == ["Amélie Dubois"]
    if db.is_sqlite:  # rebuilt word for word from the rows (FTS5 compares the two)
        checked = Database(db_url)
        with checked.engine.connect() as conn:
            for table in ("contact", "company", "interaction", "post", "promise"):
                fts = f"search_{table}"
                conn.exec_driver_sql(
                    f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"
                )
        checked.close()


def test_0010_adds_opportunities_beside_every_row_and_takes_them_away(db_url: str) -> None:
    """A database at 0009 with a contact, a share and a promise upgrades with every row as
    it was and opportunities that link a share; down to 0009, only the opportunities
    (their tags and links) go, and the share stays in the log."""
    db = Database(db_url)
    upgrade(db, "0009")
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
    db.close()
    left = downgrade_to(db_url, "0009")
    assert not left & {"opportunity", "opportunity_tag", "opportunity_share"}
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(1,)]
    assert rows(db_url, "SELECT count(*) FROM promise") == [(1,)]
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT count(*) FROM opportunity") == [(0,)]


def test_0011_gives_the_settings_row_a_personal_cadence_and_takes_it_away(db_url: str) -> None:
    """A database at 0010 with its settings row changed upgrades with the row as it was and
    the personal circle's cadence at its default; down to 0010, only that column goes."""
    db = Database(db_url)
    upgrade(db, "0010")
    with db.engine.begin() as conn:
        _insert_contact(conn, 1, "Ana", ("3", "weeks"))
        conn.execute(text("UPDATE settings SET minutes_per_day = 45"))
        conn.execute(text("UPDATE settings SET default_cadence = 'every 5 weeks'"))
    db.close()
    open_database(db_url, NOW, backup=False).close()
    assert rows(
        db_url, "SELECT minutes_per_day, default_cadence, personal_cadence FROM settings"
    ) == [(45, "every 5 weeks", "every 2 months")]
    downgrade_to(db_url, "0010")
    assert rows(db_url, "SELECT minutes_per_day, default_cadence FROM settings") == [
        (45, "every 5 weeks")
    ]
    assert rows(db_url, "SELECT count(*) FROM contact") == [(1,)]
    db = Database(db_url)
    with db.engine.connect() as conn:
        assert "personal_cadence" not in {c["name"] for c in inspect(conn).get_columns("settings")}
    db.close()


def test_0012_adds_events_beside_every_row_and_takes_them_away(db_url: str) -> None:
    """A database at 0011 with a contact and an event interaction upgrades with every row
    as it was, and takes an event with a person planned and one met; deleting the logged
    interaction keeps the person met (SET NULL); down to 0011, only the events go."""
    db = Database(db_url)
    upgrade(db, "0011")
    with db.engine.begin() as conn:
        _insert_contact(conn, 1, "Ana", ("3", "weeks"))
        _insert_contact(conn, 2, "Bo", ("2", "months"))
        conn.execute(
            text(
                "INSERT INTO interaction (id, contact_id, kind, occurred_at, summary,"
                " direction, created_at) VALUES (1, 1, 'event', '2026-11-20 10:00:00',"
                " 'Web Summit', 'neutral', '2026-11-20 10:05:00')"
            )
        )
    db.close()
    open_database(db_url, NOW, backup=False).close()
    texts = lambda sql: [tuple(map(str, row)) for row in rows(db_url, sql)]  # noqa: E731
    assert texts("SELECT id, kind, summary FROM interaction") == [("1", "event", "Web Summit")]
    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO event (id, title, on_date, place, url, notes, created_at)"
                " VALUES (1, 'Web Summit', :on, 'Lisbon', '', '', '2026-11-01 09:00:00')"
            ),
            {"on": dt.date(2026, 11, 20)},
        )
        conn.execute(
            text(
                "INSERT INTO event_person (event_id, contact_id, planned, met_at,"
                " interaction_id) VALUES (1, 1, :yes, '2026-11-20 10:00:00', 1),"
                " (1, 2, :yes, NULL, NULL)"
            ),
            {"yes": True},
        )
        conn.execute(text("DELETE FROM interaction WHERE id = 1"))
    db.close()
    met = "CASE WHEN met_at IS NULL THEN 'no' ELSE 'met' END"
    sql = f"SELECT contact_id, {met}, interaction_id FROM event_person ORDER BY 1"
    assert texts(sql) == [("1", "met", "None"), ("2", "no", "None")]
    left = downgrade_to(db_url, "0011")
    assert not left & {"event", "event_person"}
    assert rows(db_url, "SELECT count(*) FROM contact") == [(2,)]
    open_database(db_url, NOW, backup=False).close()
    assert rows(db_url, "SELECT count(*) FROM event") == [(0,)]
