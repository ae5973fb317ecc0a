"""Whom an opportunity fits, and why (PRODUCT.md, practice 10): pure ranking.

An opportunity (an event, a job, an article...) is passed on to the people it fits, each
with a personal line. This module says who fits and gives the reasons in words; the
facts come in as plain data (`Candidate`) read by `services.opportunities` in a few
bounded queries. No database, no clock: `today` is handed in.

A person fits for what they share with the opportunity: a tag, the company it names,
a role family, an event of the same subject. Having not heard from the user in a while
is a reason too, but it only lifts someone who already fits (else the whole quiet part
of the network would be proposed for everything). Archived people are never proposed;
the personal circle only on a shared tag (a friend tagged "python" may like the meetup;
a friend is not sent a job ad because of their job title).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from netday.normalise import fold
from netday.vocabulary import Circle, Tier

ROLE_FAMILIES: Mapping[str, tuple[str, ...]] = {
    "engineering": (
        "engineer",
        "engineering",
        "developer",
        "programmer",
        "software",
        "backend",
        "frontend",
        "devops",
        "sre",
        "architect",
        "cto",
        "python",
    ),
    "data": ("data", "analyst", "analytics", "scientist", "ml", "ai", "statistician"),
    "design": ("design", "designer", "ux", "ui", "researcher"),
    "product": ("product", "pm", "cpo"),
    "sales": ("sales", "account", "business development", "bdr", "sdr"),
    "marketing": ("marketing", "growth", "brand", "content", "community", "cmo"),
    "people": ("recruiter", "recruiting", "talent", "hr", "people"),
    "leadership": ("ceo", "founder", "director", "vp", "head", "chief"),
}
"""The role families a job title belongs to, by its words: declared once, read for a
contact's role and for an opportunity's title and tags alike."""

QUIET_DAYS = 60
"""Not heard from the user for this long: a reason to send a light touch (with a fit)."""

SCORE = {"tag": 3, "company": 3, "role": 2, "event": 2, "quiet": 1}
"""What each kind of reason weighs: a shared tag (each one) or the company named fits
best; quiet only tips the balance between people who fit alike."""

TIER_ORDER: Mapping[str, int] = {Tier.A: 0, Tier.B: 1, Tier.C: 2}

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]")

STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "about",
        "into",
        "our",
        "your",
        "my",
        "their",
        "this",
        "that",
        "new",
        "call",
        "talk",
        "talks",
        "event",
        "events",
        "webinar",
        "article",
        "job",
        "jobs",
        "meetup",
        "conference",
        "day",
        "days",
        "how",
        "what",
        "why",
        "who",
        "2024",
        "2025",
        "2026",
        "2027",
        "is",
        "are",
        "be",
    ]
)
"""Words too common to say two things share a subject."""


@dataclass(frozen=True)
class Offer:
    """What an opportunity is about, as the ranking reads it."""

    kind: str
    title: str
    tags: frozenset[str]
    url: str = ""

    @cached_property
    def words(self) -> frozenset[str]:
        """The subject words of the title and tags (folded, common words left out)."""
        return subject_words(" ".join((self.title, *self.tags)))

    @cached_property
    def text(self) -> str:
        """Title, tags and the URL's host, folded: where a company's name is looked for."""
        return fold(" ".join((self.title, *self.tags, url_host(self.url))))

    @cached_property
    def families(self) -> frozenset[str]:
        """The role families its title and tags name (`role_families`)."""
        return role_families(self.text)


@dataclass(frozen=True)
class Candidate:
    """One person the services read for an opportunity, with the facts that may fit."""

    contact_id: int
    name: str
    circle: str
    tier: str
    role: str = ""
    company: str = ""
    tags: frozenset[str] = frozenset()
    events: tuple[str, ...] = ()
    """Summaries of events met at (the latest few)."""
    last_heard: dt.date | None = None
    """The last interaction of any kind, or None for none."""


@dataclass(frozen=True)
class Proposal:
    """A person the opportunity fits, with every reason in words and the score it ranked by."""

    contact_id: int
    name: str
    company: str
    reasons: tuple[str, ...]
    score: int


def subject_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 1)


def url_host(url: str) -> str:
    """`www.acme.com/jobs` -> `acme.com` with its dots as spaces (`acme com`), so a
    company named Acme is found in it."""
    host = re.sub(r"^[a-z]+://", "", fold(url)).split("/")[0].split("?")[0]
    host = host.removeprefix("www.")
    return host.replace(".", " ")


def role_families(text: str) -> frozenset[str]:
    """The families (`ROLE_FAMILIES`) whose words a title, role or tag list holds."""
    folded = f" {' '.join(re.findall(r'[a-z0-9+#]+', fold(text)))} "
    return frozenset(
        family
        for family, words in ROLE_FAMILIES.items()
        if any(f" {word} " in folded for word in words)
    )


def names_company(text: str, company: str) -> bool:
    """The company's name appears in the folded text, as whole words."""
    name = fold(company)
    if len(name) < 2:
        return False
    return re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", text) is not None


def _reasons(offer: Offer, person: Candidate, today: dt.date) -> list[tuple[int, str]]:
    """Each reason the person fits, with its weight (`SCORE`; a shared tag counts per tag)."""
    found: list[tuple[int, str]] = []
    shared = sorted(offer.tags & person.tags)
    if shared:
        found.append((SCORE["tag"] * len(shared), "shares " + ", ".join(f"#{t}" for t in shared)))
    if person.circle == Circle.PERSONAL and not shared:
        return []
    if person.company and names_company(offer.text, person.company):
        found.append((SCORE["company"], f"works at {person.company}"))
    common = sorted(role_families(person.role) & offer.families)
    if common:
        found.append((SCORE["role"], f"same role family ({common[0]})"))
    words = offer.words
    if any(words & subject_words(summary) for summary in person.events):
        found.append((SCORE["event"], "met at a similar event"))
    if found and (person.last_heard is None or (today - person.last_heard).days >= QUIET_DAYS):
        since = (
            "never heard from you"
            if person.last_heard is None
            else f"no word for {(today - person.last_heard).days} days"
        )
        found.append((SCORE["quiet"], since))
    return found


def propose(
    offer: Offer,
    people: Iterable[Candidate],
    today: dt.date,
    *,
    limit: int,
    exclude: Iterable[int] = (),
) -> tuple[Proposal, ...]:
    """The people `offer` fits, best first (score, then tier, then name), at most `limit`,
    none of `exclude` (those it was already shared with)."""
    left_out = set(exclude)
    ranked: list[tuple[int, int, str, Proposal]] = []
    for person in people:
        if person.contact_id in left_out:
            continue
        reasons = _reasons(offer, person, today)
        if not reasons:
            continue
        score = sum(weight for weight, _ in reasons)
        proposal = Proposal(
            contact_id=person.contact_id,
            name=person.name,
            company=person.company,
            reasons=tuple(text for _, text in reasons),
            score=score,
        )
        ranked.append((-score, TIER_ORDER.get(person.tier, 3), fold(person.name), proposal))
    ranked.sort(key=lambda entry: entry[:3])
    return tuple(entry[3] for entry in ranked[:limit])
