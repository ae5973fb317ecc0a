"""`--circle` on the commands that list: only people of that circle, as the TUI's `C`."""

from __future__ import annotations

import json

import pytest

from netday.services.events import add_event, plan_to_meet
from netday.services.promises import add_promise
from tests.services.test_circles import network, reviewed


def listed(cli, *args: str) -> object:
    result = cli(*args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_today_keeps_one_circle_in_every_list(ctx, cli) -> None:
    network(ctx)
    both = listed(cli, "today")
    assert len(both["calls"]) == 3 and len(both["comments"]) == 2
    personal = listed(cli, "today", "--circle", "personal")
    assert [c["contact"]["name"] for c in personal["calls"]] == ["Di Park"]
    assert [p["author"] for p in personal["comments"]] == ["Di Park"]
    assert [i["name"] for i in personal["invites"]] == ["Di Park"]
    assert {i["contact_name"] for i in personal["log"]} == {"Di Park"}
    assert personal["circle"] == "personal"
    text = cli("today", "--circle", "professional").out
    assert "professional" in text and "Di Park" not in text and "Ana Souza" in text


def test_invitations_posts_and_promises_keep_one_circle(ctx, cli) -> None:
    network(ctx)
    add_promise(ctx, "di park", "the recipe", ctx.today())
    add_promise(ctx, "ana souza", "the deck", ctx.today())
    for command in (("invite", "list"), ("post", "list")):
        rows = listed(cli, *command, "--circle", "personal")
        assert [r.get("name") or r.get("author") for r in rows] == ["Di Park"]
        assert len(listed(cli, *command)) == 2
    promised = listed(cli, "promise", "list", "--circle", "professional")
    assert [p["what"] for p in promised] == ["the deck"]
    with pytest.raises(SystemExit):
        cli("promise", "list", "--circle", "friends")


def test_stats_count_one_circle(ctx, cli) -> None:
    network(ctx)
    both = listed(cli, "stats")
    personal = listed(cli, "stats", "--circle", "personal")
    assert personal["circle"] == "personal" and both["circle"] is None
    assert personal["total"]["invites_sent"] == 1 and both["total"]["invites_sent"] == 2
    assert "the personal circle only" in cli("stats", "--circle", "personal").out
    assert "the personal circle only" in cli("stats", "--circle", "personal", "--md").out


@pytest.mark.parametrize(
    "export",
    [("vcard",), ("csv", "contacts"), ("csv", "interactions"), ("ics", "--days", "60")],
)
def test_exports_keep_one_circle(ctx, cli, export) -> None:
    network(ctx)
    whole = cli("export", *export).out
    assert all(name in whole for name in ("Ana Souza", "Di Park"))
    personal = cli("export", *export, "--circle", "personal")
    assert personal.code == 0
    assert "Di Park" in personal.out
    assert "Ana Souza" not in personal.out and "Bo Chen" not in personal.out


def test_review_counts_one_circle(ctx, cli) -> None:
    reviewed(ctx)
    both = listed(cli, "review")
    personal = listed(cli, "review", "--circle", "personal")
    assert (both["circle"], personal["circle"]) == ("both", "personal")
    assert {i["contact_name"] for i in personal["interactions"]} == {"Di Park"}
    assert [p["author"] for p in personal["comments_written"]] == ["Di Park"]
    assert (personal["planned"], both["planned"]) == (1, 3)
    assert personal["minutes_spent"] == both["minutes_spent"] == 25
    text = cli("review", "--circle", "professional").out
    assert "the professional circle only" in text.splitlines()[0]
    assert "Ana Souza" in text and "Di Park" not in text
    saved = listed(cli, "review", "--circle", "personal", "--note", "a good day")
    assert (saved["note"], saved["circle"]) == ("a good day", "personal")
    md = cli("review", "--circle", "personal", "--md").out
    assert md.startswith("# Review of Sunday 22 November 2026 · the personal circle only")
    with pytest.raises(SystemExit):
        cli("review", "--circle", "friends")


def test_event_show_lists_one_circles_people(ctx, cli) -> None:
    network(ctx)
    event = add_event(ctx, "Web Summit", ctx.today())
    plan_to_meet(ctx, event.id, ["ana souza", "bo chen", "di park"])
    shown = listed(cli, "event", "show", str(event.id), "--circle", "personal")
    assert [p["contact_name"] for p in shown["people"]] == ["Di Park"]
    assert (shown["circle"], shown["outside"], shown["event"]["planned"]) == ("personal", 2, 3)
    assert listed(cli, "event", "show", str(event.id))["circle"] == "both"
    text = cli("event", "show", str(event.id), "--circle", "professional").out
    assert "PEOPLE (2) · the professional circle only, 1 of the other not listed" in text
    assert "Di Park" not in text


@pytest.mark.parametrize("which", [("--date", "today"), ("--week",)])
def test_the_markdown_export_keeps_one_circle(ctx, cli, which) -> None:
    reviewed(ctx)
    whole = cli("export", "md", *which).out
    assert all(name in whole for name in ("Ana Souza", "Bo Chen", "Di Park"))
    personal = cli("export", "md", *which, "--circle", "personal")
    assert personal.code == 0, personal.err
    assert "the personal circle only" in personal.out.splitlines()[0]
    assert "Di Park" in personal.out
    assert "Ana Souza" not in personal.out and "Bo Chen" not in personal.out
