"""`--circle` on the commands that list: only people of that circle, as the TUI's `C`."""

from __future__ import annotations

import json

import pytest

from netday.services.promises import add_promise
from tests.services.test_circles import network


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
