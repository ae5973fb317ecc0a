"""The command line's marks and choices come from `netday.vocabulary`: a word added
there is accepted and shown everywhere, with nothing else to edit."""

from __future__ import annotations

import argparse

import pytest

from netday.cli.parser import build_parser
from netday.cli.render import MARKS
from netday.vocabulary import (
    CallOutcome,
    CallStatus,
    Circle,
    DueFilter,
    InteractionKind,
    InviteDirection,
    InviteStatus,
    PeopleSort,
    Tier,
    TriageFilter,
    values,
)


def test_every_call_status_has_its_own_mark() -> None:
    assert set(MARKS) == set(CallStatus)
    assert len(set(MARKS.values())) == len(MARKS)


def _choices(argv: list[str], option: str) -> tuple[str, ...]:
    """The `choices` of `option` on the subcommand that `argv` names."""
    parser = build_parser()
    for word in argv:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[word]
    action = next(a for a in parser._actions if option in a.option_strings)
    return tuple(action.choices or ())


@pytest.mark.parametrize(
    ("argv", "option", "words"),
    [
        (["contact", "add"], "--tier", Tier),
        (["contact", "add"], "--circle", Circle),
        (["contact", "edit"], "--tier", Tier),
        (["contact", "list"], "--circle", Circle),
        (["contact", "list"], "--due", DueFilter),
        (["contact", "list"], "--triage", TriageFilter),
        (["contact", "list"], "--sort", PeopleSort),
        (["log"], "--kind", InteractionKind),
        (["log"], "--outcome", CallOutcome),
        (["invite", "list"], "--status", InviteStatus),
        (["invite", "list"], "--direction", InviteDirection),
        (["today"], "--circle", Circle),
        (["invite", "list"], "--circle", Circle),
        (["post", "list"], "--circle", Circle),
        (["promise", "list"], "--circle", Circle),
        (["stats"], "--circle", Circle),
        (["export", "vcard"], "--circle", Circle),
        (["export", "ics"], "--circle", Circle),
        (["export", "csv"], "--circle", Circle),
    ],
)
def test_the_choices_are_the_declared_words(
    argv: list[str], option: str, words: type[Tier]
) -> None:
    assert _choices(argv, option) == values(words)


def test_a_word_outside_the_set_is_a_usage_error(cli, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli("contact", "list", "--circle", "family")
    assert exit_info.value.code == 2
    assert "invalid choice: 'family' (choose from 'professional', 'personal')" in (
        capsys.readouterr().err
    )
