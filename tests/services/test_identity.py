"""The identity rule itself (services/identity.py), without a database."""

from __future__ import annotations

from netday.services.identity import Crowd, Known, names_agree, phone_key, traits, url_key


def test_keys() -> None:
    assert url_key("HTTPS://www.LinkedIn.com/in/Ana/?trk=x#top") == "linkedin.com/in/ana"
    assert phone_key("+34 600-000-000") == phone_key("0034 600 000 000") == "34600000000"
    assert phone_key("ext. 1234") == ""  # too short to identify anyone


def test_names_agree_on_a_word_or_an_initial() -> None:
    assert names_agree("jose nunez", "joe n")
    assert names_agree("j. smith", "john smith")
    assert not names_agree("alice wong", "bob stone")
    assert not names_agree("j. jones", "alice wong")  # the initial must face a word
    assert names_agree("+1 555 0100", "ana")  # a phone used as a name contradicts nothing


def find(known: Known[int], record, *others):
    return known.find(record, Crowd([record, *others]))


def test_url_decides_and_different_urls_are_different_people() -> None:
    known: Known[int] = Known()
    known.add(1, traits("John Smith", "IBM", profile_urls=["linkedin.com/in/js1"]))
    same = traits("J Smith", "Other", profile_urls=["https://www.linkedin.com/in/js1/"])
    match = find(known, same)
    assert match is not None and (match.target, match.by) == (1, "url")
    other = traits("John Smith", "IBM", profile_urls=["linkedin.com/in/js2"])
    assert find(known, other) is None


def test_email_is_evidence_only_alone_and_uncontradicted() -> None:
    known: Known[int] = Known()
    known.add(1, traits("Alice Wong", "", emails=["a@x.org"]))
    alice = traits("Alice Wong", "Foo", profile_urls=["linkedin.com/in/aw"], emails=["A@x.org"])
    match = find(known, alice)
    assert match is not None and (match.target, match.by) == (1, "email")
    assert find(known, traits("Bob Stone", "", emails=["a@x.org"])) is None
    # Another row of the file with its own URL shares it: evidence for nobody.
    twin = traits("Alice Wong", "", profile_urls=["linkedin.com/in/aw2"], emails=["a@x.org"])
    assert find(known, alice, twin) is None
    # A second contact holds it too.
    known.add(2, traits("Alicia Wong", "", emails=["a@x.org"]))
    assert find(known, traits("A. Wong", "", emails=["a@x.org"])) is None
    match = find(known, traits("Alice Wong", "", emails=["a@x.org"]))
    assert match is not None and (match.target, match.by) == (1, "name")  # the name, reported


def test_evidence_pointing_at_two_people_decides_nothing() -> None:
    known: Known[int] = Known()
    known.add(1, traits("Ana Lima", "", emails=["ana@x.org"]))
    known.add(2, traits("Ana Lima", "", phones=["+1 555 010 0000"]))
    both = traits("Ana Lima", "", emails=["ana@x.org"], phones=["15550100000"])
    assert find(known, both) is None


def test_name_only_when_unique_and_uncontradicted() -> None:
    known: Known[int] = Known()
    known.add(1, traits("Eve Stone", "Hooli"))
    eve = traits("Eve Stone", "Hooli", profile_urls=["linkedin.com/in/eve"])
    match = find(known, eve)
    assert match is not None and (match.target, match.by) == (1, "name")
    # Two people of that name in the file: nobody is matched by name.
    eve2 = traits("Eve Stone", "Hooli", profile_urls=["linkedin.com/in/eve2"])
    assert find(known, eve, eve2) is None
    # Different e-mails on both sides contradict a name match.
    known.add(2, traits("Max Roe", "", emails=["max@a.org"]))
    assert find(known, traits("Max Roe", "", emails=["max@b.org"])) is None
    # Invitations and messages carry no company: the bare name, if unique.
    match = find(known, traits("max roe", None))
    assert match is not None and match.target == 2
    known.add(3, traits("Max Roe", "Acme"))
    assert find(known, traits("Max Roe", None)) is None
