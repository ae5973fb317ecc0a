import datetime as dt

import pytest

from netday.scheduling.invites import InviteMessageError, check_message, invite_action

TODAY = dt.date(2026, 11, 22)


def test_an_invitation_without_a_message_is_refused() -> None:
    with pytest.raises(InviteMessageError):
        check_message("   ", "Ana Souza")


def test_a_message_that_names_the_person_passes_even_without_accents() -> None:
    check = check_message("Hi Amelie, great talk at PyCon!", "Amélie Dubois")
    assert check.names_person and not check.is_template and check.warnings == []


def test_a_message_that_names_nobody_is_flagged() -> None:
    check = check_message("Great talk at PyCon, let's connect", "Ana Souza")
    assert not check.names_person
    assert "the message does not name the person" in check.warnings


def test_a_saved_template_word_for_word_is_flagged() -> None:
    template = "I'd like to add you to my professional network."
    check = check_message("  I'd like to add you to my   professional network. ", "Ana", [template])
    assert check.is_template


def sent(age: int, status: str = "pending") -> object:
    sent_on = TODAY - dt.timedelta(days=age)
    return invite_action(
        "sent", status, sent_on, True, sent_on + dt.timedelta(days=7), TODAY, expiry_days=21
    )


def test_sent_invites_ask_for_a_follow_up_then_for_withdrawal() -> None:
    assert sent(3) is None
    follow = sent(8)
    assert follow is not None and follow.code == "follow_up"
    old = sent(21)
    assert old is not None and old.code == "withdraw"
    assert sent(30, status="accepted") is None


def test_received_invites_without_a_message_ask_how_can_i_help() -> None:
    action = invite_action("received", "pending", TODAY, False, None, TODAY, 21)
    assert action is not None and action.code == "reply_help"
    assert "How can I help you?" in action.text
    answered = invite_action("received", "pending", TODAY, True, None, TODAY, 21)
    assert answered is not None and answered.code == "answer"
