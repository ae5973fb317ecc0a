"""Who is who: the one rule that decides a record is about a contact netday already knows.

Every importer (LinkedIn connections, invitations and messages, vCards) and the sync of
a later issue go through `Known.find`; nothing else in netday matches people.

The rule
--------
1. **A profile URL decides.** The same profile URL (compared without scheme, ``www.``,
   query, fragment, trailing slash or case) is the same person. Different profile URLs
   are different people, always: nothing else can join two records whose URLs differ.
   A contact's profile URLs are its profile URL and any LinkedIn profile
   (``linkedin.com/in/...``) among its other URLs.
2. **An e-mail or a phone** (e-mails case aside; phones by their digits, at least
   `PHONE_DIGITS_MIN` of them) is evidence only when
   - no profile URL contradicts it (both sides have one and none is shared);
   - nobody else shares it: exactly one known contact holds it, and at most one person
     of the file (rows with different URLs, or without a URL and with different names,
     are different people), so a family's shared address or a team's switchboard
     identifies nobody;
   - the names do not contradict each other: they share a word, or an initial stands
     for a word ("J. Smith" and "John Smith"). A row for Bob Stone that carries Alice
     Wong's address stays Bob Stone;
   - and every such piece of evidence points at the same contact.
3. **Name and company** (case, accents and spacing aside; for invitations and messages,
   which carry no company, the name alone) is the weakest evidence, used only when
   exactly one known contact has that name (and company), the file holds at most one
   person of that name by profile URL, and nothing contradicts: no differing profile
   URL, and no e-mail or phone on both sides without one in common. Each such match is
   reported as "matched by name only", so the user can check it.
4. Anything else is a new person. A duplicate costs a `netday contact merge`; a wrong
   match silently turns one person into another.

What a matched record may change (applied by `services.importing`)
-----------------------------------------------------------------
- Never what the user owns in netday: the name as typed, why, notes, tier, circle,
  cadence, triage, archived, and tags (the file's tags are only added).
- netday's own ``X-NETDAY-*`` values apply to a new contact only, so importing an old
  export never reverts what was typed since (and a restore into an empty database
  still gives the same contacts).
- What the file knows better, company, title and connection date, follows the file
  only for a contact that came from that same kind of file (a LinkedIn connection
  re-imported from LinkedIn: people change jobs there first). For a contact created in
  netday, or from another source, the file only fills what is empty. netday keeps no
  history of each field, so an edit of a LinkedIn connection's company is replaced by
  the next LinkedIn import; the README says so.
- E-mails, phones, URLs and tags are merged (added, never removed); an empty profile
  URL, notes or birthday is filled in; the card as imported is replaced by the newer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from netday.normalise import fold

PHONE_DIGITS_MIN = 7
"""Fewer digits (an extension, a short code) identify nobody."""

Evidence = Literal["url", "email", "phone", "name"]
T = TypeVar("T")


def url_key(url: str) -> str:
    """A profile URL reduced to what identifies it (no scheme, www, query or end slash)."""
    key = url.strip().casefold()
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", key).removeprefix("www.")
    return re.split(r"[?#]", key, maxsplit=1)[0].rstrip("/")


def is_profile_url(url: str) -> bool:
    """Does this URL (among a contact's other URLs) name a person's LinkedIn profile?"""
    return "linkedin.com/in/" in url.casefold()


def email_key(email: str) -> str:
    return email.strip().casefold()


def phone_key(phone: str) -> str:
    """The digits of a phone number ("" when too few to identify anyone); a leading 00
    is the same international prefix as +."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("00"):
        digits = digits[2:]
    return digits if len(digits) >= PHONE_DIGITS_MIN else ""


def _words(name_key: str) -> set[str]:
    return {w for w in re.findall(r"\w+", name_key) if not w.isdigit()}


def names_agree(a: str, b: str) -> bool:
    """Could two folded names be one person's? Yes with a word in common, or an initial on
    one side standing for a word on the other. A name with no words (a phone number used
    as the name) contradicts nothing."""
    left, right = _words(a), _words(b)
    if not left or not right or left & right:
        return True
    return _initial_fits(left, right) or _initial_fits(right, left)


def _initial_fits(initials: set[str], words: set[str]) -> bool:
    letters = {w for w in initials if len(w) == 1}
    return any(len(w) > 1 and w[0] in letters for w in words)


@dataclass(frozen=True)
class Traits:
    """What identifies a person, every part already reduced to its key."""

    name: str
    company: str | None
    """None where the source says nothing about a company (invitations, messages)."""
    urls: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()

    def joined(self, other: Traits) -> Traits:
        """These traits, having learned the other's URLs, e-mails and phones."""
        return Traits(
            self.name,
            self.company,
            self.urls | other.urls,
            self.emails | other.emails,
            self.phones | other.phones,
        )


def traits(
    name: str,
    company: str | None = None,
    *,
    profile_urls: Iterable[str] = (),
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
) -> Traits:
    """Traits from values as stored or read (keys are computed here)."""
    return Traits(
        name=fold(name),
        company=None if company is None else fold(company),
        urls=frozenset(url_key(u) for u in profile_urls if u.strip()),
        emails=frozenset(email_key(e) for e in emails if e.strip()),
        phones=frozenset(k for p in phones if (k := phone_key(p))),
    )


def _urls_differ(a: Traits, b: Traits) -> bool:
    return bool(a.urls and b.urls and not a.urls & b.urls)


def _contradicts_name_match(a: Traits, b: Traits) -> bool:
    return (
        _urls_differ(a, b)
        or bool(a.emails and b.emails and not a.emails & b.emails)
        or bool(a.phones and b.phones and not a.phones & b.phones)
    )


class Crowd:
    """The people of one file, counted before any matching: who shares an e-mail, a
    phone, a name. Rows with the same profile URL are one person; rows without one are
    told apart by name."""

    def __init__(self, people: Iterable[Traits]) -> None:
        emails: dict[str, set[tuple[str, str]]] = {}
        phones: dict[str, set[tuple[str, str]]] = {}
        namesakes: dict[tuple[str, str | None], set[str]] = {}
        for t in people:
            person = ("url", min(t.urls)) if t.urls else ("name", t.name)
            for e in t.emails:
                emails.setdefault(e, set()).add(person)
            for p in t.phones:
                phones.setdefault(p, set()).add(person)
            urls = namesakes.setdefault((t.name, t.company), set())
            urls.update(t.urls)
        self.emails = {k: len(v) for k, v in emails.items()}
        self.phones = {k: len(v) for k, v in phones.items()}
        self.namesakes = {k: len(v) for k, v in namesakes.items()}


@dataclass(frozen=True)
class Match(Generic[T]):
    target: T
    by: Evidence


class Known(Generic[T]):
    """Everyone a record could be: the database's contacts and the new ones this import
    creates. Targets are anything hashable by identity (an id, an object to insert)."""

    def __init__(self) -> None:
        self.traits: dict[T, Traits] = {}
        self._by_url: dict[str, list[T]] = {}
        self._by_email: dict[str, list[T]] = {}
        self._by_phone: dict[str, list[T]] = {}
        self._by_name: dict[tuple[str, str], list[T]] = {}
        self._by_bare_name: dict[str, list[T]] = {}

    def add(self, target: T, found: Traits) -> None:
        """Know a person, or teach a known one what a matched record said about them."""
        was = self.traits.get(target)
        if was is None:
            self.traits[target] = found
            if found.company is not None:
                self._by_name.setdefault((found.name, found.company), []).append(target)
            self._by_bare_name.setdefault(found.name, []).append(target)
            new = found
        else:
            self.traits[target] = was.joined(found)
            new = Traits(
                was.name,
                was.company,
                found.urls - was.urls,
                found.emails - was.emails,
                found.phones - was.phones,
            )
        for key in new.urls:
            self._by_url.setdefault(key, []).append(target)
        for key in new.emails:
            self._by_email.setdefault(key, []).append(target)
        for key in new.phones:
            self._by_phone.setdefault(key, []).append(target)

    def find(self, record: Traits, crowd: Crowd) -> Match[T] | None:
        """The known person this record is about, by the rule above; None for a new one."""
        for key in sorted(record.urls):
            if hits := self._by_url.get(key):
                return Match(hits[0], "url")
        if match := self._by_address(record, crowd):
            return match
        return self._by_namesake(record, crowd)

    def _by_address(self, record: Traits, crowd: Crowd) -> Match[T] | None:
        pointed: dict[T, Evidence] = {}
        lookups: tuple[tuple[frozenset[str], dict[str, list[T]], dict[str, int], Evidence], ...]
        lookups = (
            (record.emails, self._by_email, crowd.emails, "email"),
            (record.phones, self._by_phone, crowd.phones, "phone"),
        )
        for keys, index, shared, how in lookups:
            for key in sorted(keys):
                holders = index.get(key, [])
                if len(holders) != 1 or shared.get(key, 0) > 1:
                    continue
                known = self.traits[holders[0]]
                if not _urls_differ(known, record) and names_agree(known.name, record.name):
                    pointed.setdefault(holders[0], how)
        if len(pointed) != 1:
            return None
        ((target, evidence),) = pointed.items()
        return Match(target, evidence)

    def _by_namesake(self, record: Traits, crowd: Crowd) -> Match[T] | None:
        if not record.name or crowd.namesakes.get((record.name, record.company), 0) > 1:
            return None
        if record.company is None:
            candidates = self._by_bare_name.get(record.name, [])
        else:
            candidates = self._by_name.get((record.name, record.company), [])
        if len(candidates) != 1:
            return None
        if _contradicts_name_match(self.traits[candidates[0]], record):
            return None
        return Match(candidates[0], "name")
