"""Correcting mistakes from the command line: `log edit`, `log delete`, `contact delete`."""

from __future__ import annotations

import json

import pytest

from netday.services.contacts import list_contacts, show_contact
from netday.services.planner import plan_for


@pytest.fixture
def ana(cli) -> None:
    assert cli("contact", "add", "Ana Souza", "--every", "3 weeks", "--phone", "+1 555").code == 0
    assert cli("log", "ana", "first chat", "--at", "2026-10-20 10:00").code == 0
    assert cli("today").code == 0  # today's plan, Ana in it


def _logged(cli, *args: str) -> dict:
    result = cli("log", *args, "--at", "12:00", "--json")
    assert result.code == 0, result.err
    data: dict = json.loads(result.out)
    return data


def test_ids_show_where_the_log_is_read(cli, ana) -> None:
    said = cli("log", "ana", "coffee", "--kind", "meeting", "--at", "12:00")
    assert said.out.strip() == "logged: #2 2026-11-22 12:00 meeting Ana Souza — coffee"
    assert "#2 12:00 meeting Ana Souza — coffee" in cli("today").out
    assert "#2 2026-11-22 12:00 meeting Ana Souza — coffee" in cli("contact", "show", "ana").out
    assert "#2 12:00 meeting" in cli("review").out


def test_log_edit_changes_what_it_names(cli, ctx, ana) -> None:
    logged = _logged(cli, "ana", "coffe", "--kind", "meeting", "--minutes", "20")
    result = cli("log", "edit", str(logged["id"]), "--note", "coffee", "--when", "09:30", "--gave")
    assert result.code == 0, result.err
    assert result.out.startswith(f"saved: #{logged['id']} 2026-11-22 09:30 meeting Ana Souza")
    edited = show_contact(ctx, "ana").interactions[0]
    assert (edited.summary, edited.minutes, edited.direction, edited.kind) == (
        "coffee",
        20,
        "gave",
        "meeting",
    )
    assert cli("log", "edit", str(logged["id"]), "--no-minutes", "--neutral").code == 0
    edited = show_contact(ctx, "ana").interactions[0]
    assert (edited.minutes, edited.direction) == (None, "neutral")


def test_log_delete_prints_what_it_deleted_and_unticks_the_plan(cli, ctx, ana) -> None:
    logged = _logged(cli, "ana", "how are you", "--minutes", "7")
    assert plan_for(ctx).calls[0].status == "done"
    result = cli("log", "delete", str(logged["id"]))
    assert result.code == 0, result.err
    assert result.out.strip() == (
        f"deleted: #{logged['id']} 2026-11-22 12:00 call    Ana Souza — how are you (7 min)"
    )
    assert plan_for(ctx).calls[0].status == "planned"
    assert [i.summary for i in show_contact(ctx, "ana").interactions] == ["first chat"]
    again = cli("log", "delete", str(logged["id"]))
    assert again.code == 1 and f"no interaction has id {logged['id']}" in again.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "edit", "1"), "say what to change"),
        (("log", "edit", "1", "--when", "tomorrow 10:00"), "cannot be logged in the future"),
        (("log", "edit", "1", "--follow-up", "2026-10-01"), "before the interaction"),
        (("log", "edit", "999", "--note", "x"), "no interaction has id 999"),
        (("contact", "delete", "ana"), "this deletes #1 Ana Souza and 1 interaction; add --yes"),
        (("contact", "add", "Zed", "--phone", "someday"), "is not a phone number"),
        (("contact", "edit", "ana", "--url", "not a url"), "is not a web address"),
    ],
)
def test_refusals_write_nothing(cli, ctx, ana, args, message) -> None:
    before = show_contact(ctx, "ana")
    result = cli(*args)
    assert result.code == 1 and message in result.err, result.err
    assert result.err.count("\n") == 1
    assert show_contact(ctx, "ana") == before
    assert [c.name for c in list_contacts(ctx)] == ["Ana Souza"]


def test_contact_delete_with_yes(cli, ctx, ana) -> None:
    assert cli("post", "add", "ana", "https://example.com/p/1").code == 0
    result = cli("contact", "delete", "ana", "--yes")
    assert result.code == 0, result.err
    assert result.out.strip() == "deleted #1 Ana Souza and 1 interaction, 1 post"
    assert list_contacts(ctx) == []
    assert "Ana" not in cli("today").out


def test_log_still_logs_with_a_contact_named_by_id_or_name(cli, ctx, ana) -> None:
    """`edit` and `delete` are verbs of `log` only in the contact's place."""
    assert cli("contact", "add", "Edith Piaf").code == 0
    assert cli("log", "edith", "delete the old deck").code == 0
    assert show_contact(ctx, "edith").interactions[0].summary == "delete the old deck"
