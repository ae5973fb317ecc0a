"""The pure ranking of whom an opportunity fits: reasons in words, best first, bounded."""

from __future__ import annotations

import datetime as dt

from netday.scheduling.opportunities import (
    Candidate,
    Offer,
    names_company,
    propose,
    role_families,
    url_host,
)

TODAY = dt.date(2026, 11, 22)


def person(cid: int, name: str, **facts: object) -> Candidate:
    base: dict[str, object] = {"circle": "professional", "tier": "B", "last_heard": TODAY}
    base.update(facts)
    return Candidate(contact_id=cid, name=name, **base)  # type: ignore[arg-type]


def test_role_families_come_from_whole_words_of_a_title() -> None:
    assert role_families("Senior Software Engineer") == {"engineering"}
    assert role_families("Head of Product") == {"leadership", "product"}
    assert role_families("Chef") == frozenset()
    assert role_families("Engineering-adjacent") == {"engineering"}
    assert role_families("uiux") == frozenset()


def test_a_company_is_named_as_whole_words_in_the_title_or_the_urls_host() -> None:
    offer = Offer("job", "Data role", frozenset(), "https://www.acme.com/jobs/1")
    assert url_host(offer.url) == "acme com"
    assert names_company(offer.text, "Acme")
    assert not names_company(offer.text, "Acm")
    assert names_company(Offer("job", "Designer at Zoë & Co", frozenset()).text, "Zoe & Co")


def test_the_best_fits_come_first_bounded_and_without_those_excluded() -> None:
    offer = Offer("job", "Backend engineer at Acme", frozenset({"python"}))
    people = [
        person(1, "Ana", tags=frozenset({"python"}), role="Engineer", company="Acme"),
        person(2, "Bo", role="Developer"),
        person(3, "Cy", tags=frozenset({"python"})),
        person(4, "Di", role="Developer", tier="A"),
        person(5, "Ed"),
    ]
    ranked = propose(offer, people, TODAY, limit=3)
    assert [p.name for p in ranked] == ["Ana", "Cy", "Di"]
    assert ranked[0].reasons == (
        "shares #python",
        "works at Acme",
        "same role family (engineering)",
    )
    assert [p.name for p in propose(offer, people, TODAY, limit=9, exclude=[1, 3])] == [
        "Di",
        "Bo",
    ]


def test_quiet_lifts_only_someone_who_fits() -> None:
    offer = Offer("article", "Scaling design systems", frozenset({"design"}))
    long_ago = TODAY - dt.timedelta(days=90)
    people = [
        person(1, "Ana", tags=frozenset({"design"}), last_heard=long_ago),
        person(2, "Bo", tags=frozenset({"design"})),
        person(3, "Cy", last_heard=long_ago),
    ]
    ranked = propose(offer, people, TODAY, limit=9)
    assert [(p.name, p.reasons) for p in ranked] == [
        ("Ana", ("shares #design", "no word for 90 days")),
        ("Bo", ("shares #design",)),
    ]


def test_the_personal_circle_only_on_a_shared_tag() -> None:
    offer = Offer("event", "Python meetup", frozenset({"python"}))
    people = [
        person(1, "Ana", circle="personal", role="Engineer"),
        person(2, "Bo", circle="personal", tags=frozenset({"python"}), role="Engineer"),
        person(3, "Cy", circle="personal", events=("the Python meetup",)),
    ]
    assert [p.name for p in propose(offer, people, TODAY, limit=9)] == ["Bo"]


def test_a_similar_event_shares_a_subject_word_not_a_common_one() -> None:
    offer = Offer("event", "The data privacy conference", frozenset())
    people = [
        person(1, "Ana", events=("Met at the conference dinner",)),
        person(2, "Bo", events=("Talked privacy at Web Summit",)),
    ]
    assert [(p.name, p.reasons) for p in propose(offer, people, TODAY, limit=9)] == [
        ("Bo", ("met at a similar event",))
    ]


def test_each_shared_tag_counts() -> None:
    offer = Offer("article", "Hiring", frozenset({"client", "prospect"}))
    people = [
        person(1, "Ana", tags=frozenset({"client"}), tier="A"),
        person(2, "Bo", tags=frozenset({"client", "prospect"}), tier="C"),
    ]
    ranked = propose(offer, people, TODAY, limit=9)
    assert [(p.name, p.reasons[0], p.score) for p in ranked] == [
        ("Bo", "shares #client, #prospect", 6),
        ("Ana", "shares #client", 3),
    ]
