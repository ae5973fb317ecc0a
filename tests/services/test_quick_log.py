"""The quick-log line on the demo network: names match at word starts, a first name said
whole wins, the words people type give the kind, and the confirmation reads as English."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from netday.errors import Ambiguous, NotFound
from netday.services.context import Context
from netday.services.demo import open_demo
from netday.services.journal import log_interaction, logged_text, parse_quick_entry
from netday.services.lookup import resolve_contact
from netday.vocabulary import InteractionKind as K


@pytest.fixture
def demo(clock) -> Iterator[Context]:
    with open_demo(clock) as network:
        yield network.ctx


def _log(ctx: Context, line: str) -> str:
    kind, who, note = parse_quick_entry(line)
    view = log_interaction(ctx, who, kind=kind, summary=note)
    return logged_text(view.kind, view.contact_name)


def test_the_placeholder_and_readme_example_works_on_the_demo(demo) -> None:
    assert _log(demo, "ana: coffee, talked about hiring") == "Logged a meeting with Ana Souza."
    assert _log(demo, "email ana: sent the deck") == "Logged an email with Ana Souza."


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ana", "Ana Souza"),
        ("mei", "Mei Patel"),
        ("jana", "Jana Herrera"),
        ("tana", "Tariq Tanaka"),
    ],
)
def test_names_match_at_word_starts(demo, typed: str, name: str) -> None:
    with demo.db.reading() as session:
        assert resolve_contact(session, typed).full_name == name


def test_a_fragment_inside_a_word_names_nobody(demo) -> None:
    with demo.db.reading() as session, pytest.raises(NotFound):
        resolve_contact(session, "meida")  # inside Almeida


def test_a_first_name_said_whole_wins_over_longer_ones(ctx) -> None:
    from tests.services.helpers import person

    person(ctx, "Ana Souza")
    person(ctx, "Anatole Dubois")
    person(ctx, "Anabel Ruiz")
    with ctx.db.reading() as session:
        assert resolve_contact(session, "ana").full_name == "Ana Souza"
        assert resolve_contact(session, "Ana Sou").full_name == "Ana Souza"
        with pytest.raises(Ambiguous):
            resolve_contact(session, "an")
    person(ctx, "Ana Lima")
    with ctx.db.reading() as session, pytest.raises(Ambiguous):
        resolve_contact(session, "ana")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ana: coffee, talked about hiring", K.MEETING),
        ("ana: lunch at the canteen", K.MEETING),
        ("ana: call about the role", K.CALL),
        ("phone ana: caught up", K.CALL),
        ("ana: email: sent the deck", K.EMAIL),
        ("mail ana: sent the deck", K.EMAIL),
        ("dm ana: congrats on the launch", K.MESSAGE),
        ("ana: message about the meetup", K.MESSAGE),
        ("ana: chat, she is moving to Lisbon", K.MESSAGE),
        ("zoom ana: demo of the tool", K.VIDEO),
        ("meet ana: at the office", K.MEETING),
        ("ana: talked about hiring", K.NOTE),
    ],
)
def test_the_words_people_type_give_the_kind(line: str, kind: str) -> None:
    assert parse_quick_entry(line)[0] == kind


def test_every_kind_reads_as_english() -> None:
    for kind in K:
        text = logged_text(kind, "Ana Souza")
        assert text.endswith(" Ana Souza.") and not re.search(r"\ba [aeiou]", text)
    assert logged_text(K.EMAIL, "Ana") == "Logged an email with Ana."
    assert logged_text(K.NOTE, "Ana") == "Logged a note about Ana."
