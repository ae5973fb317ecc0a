"""Choosing today's calls: who, in what order, and why.

The rule (PRODUCT.md, practice 3): three to five calls a day, sized to the time there
is; people one plans to meet at an event that day first ("at Web Summit today": the
user chose them, so neither a snooze nor the company cap keeps them out), then a call
that went unanswered (the person comes back the next day, until too many tries:
`Tries`), then promised follow-ups and promises come due (mine to keep, theirs to ask
about: `scheduling.promises`), then a few people whose birthday or
connection anniversary is today (`scheduling.occasions`: the strong ones, at most
`MAX_OCCASIONS`), then whoever is most overdue relative to their cadence and most
important, then the other occasions of the day, never more than two from one company,
nobody snoozed; when too few are due, the ones due soonest in the coming week. Every
pick says why it was chosen; an occasion is joined to the reason of a person planned
anyway ("birthday today · overdue by 3 days"), never a second row.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from netday.scheduling.cadence import Cadence
from netday.scheduling.occasions import LIGHT_TOUCH, MAX_OCCASIONS, Occasion, OccasionKind
from netday.scheduling.promises import DuePromise, promise_reason
from netday.vocabulary import CallOutcome, Tier
from netday.wording import days_ago, short_date, weekday

TIER_WEIGHT: dict[str, float] = {Tier.A: 3.0, Tier.B: 2.0, Tier.C: 1.0}
"""How much being overdue counts for each tier; the order of `Tier` breaks ties."""
LOOKAHEAD_DAYS = 7
DEFAULT_CADENCE_DAYS = 30.0
MAX_PER_COMPANY = 2
TRIES_REMEMBERED_DAYS = 14
"""Unanswered calls older than this no longer bring a person back: a try two weeks ago
is history, and the person is planned by their cadence again."""


@dataclass(frozen=True)
class Tries:
    """The unanswered calls to one person since the last conversation with them (within
    `TRIES_REMEMBERED_DAYS`): the plan brings them back the next day while `insists`,
    says once that it stops (`gives_up`), then plans them by their cadence again."""

    count: int
    last_on: dt.date
    outcome: str
    """How the last try went: `CallOutcome.NO_ANSWER` or `CallOutcome.MESSAGE_LEFT`."""
    limit: int
    """The `call_tries` setting: how many tries the plan brings the person back for."""
    told: bool = False
    """A plan after the last try already said that it stops insisting."""

    @property
    def insists(self) -> bool:
        return self.count < self.limit

    @property
    def gives_up(self) -> bool:
        """The day the plan says it stops insisting (once)."""
        return not self.insists and not self.told


@dataclass(frozen=True)
class Candidate:
    """What the planner needs to know about one contact."""

    contact_id: int
    tier: str
    company_id: int | None = None
    next_due: dt.date | None = None
    cadence: Cadence | None = None
    follow_up_on: dt.date | None = None
    follow_up_kind: str | None = None
    follow_up_since: dt.date | None = None
    snoozed_until: dt.date | None = None
    tries: Tries | None = None
    promise: DuePromise | None = None
    """The open promise, either way, due first (`scheduling.promises`), if any."""
    occasion: Occasion | None = None
    """A birthday or a connection anniversary falling on the plan's day, if any."""
    event: str | None = None
    """The title of an event on the plan's day where the user plans to meet them."""


@dataclass(frozen=True)
class Pick:
    contact_id: int
    reason: str
    score: float


@dataclass(frozen=True)
class PlanLimits:
    """How a day's minutes become a number of calls (from the settings)."""

    minutes_per_call: int
    min_calls: int
    max_calls: int


def plan_size(minutes: int, limits: PlanLimits) -> int:
    """How many calls fit the time budget, within the configured bounds."""
    fit = minutes // max(1, limits.minutes_per_call)
    return max(limits.min_calls, min(limits.max_calls, fit))


def follow_up_reason(candidate: Candidate, today: dt.date) -> str:
    since = candidate.follow_up_since or candidate.follow_up_on or today
    if candidate.follow_up_kind == "invite_accepted":
        return f"invite accepted {days_ago((today - since).days)}"
    due = candidate.follow_up_on or today
    when = "" if due >= today else f", due {short_date(due)}"
    return f"follow-up promised on {short_date(since)}{when}"


def _promised_on(c: Candidate, today: dt.date) -> dt.date | None:
    """The day a promise came due, when one has by today: a follow-up promised in the
    log, or a promise of the ledger (either way), whichever came due first."""
    days = [d for d in (c.follow_up_on, c.promise and c.promise.due) if d and d <= today]
    return min(days) if days else None


def promised_reason(c: Candidate, today: dt.date) -> str:
    """What a pick in the promised group says: the ledger's promise when it came due
    first (or the same day: it says more), else the follow-up."""
    p = c.promise
    if p is not None and p.due <= today and (c.follow_up_on is None or p.due <= c.follow_up_on):
        return promise_reason(p, today)
    return follow_up_reason(c, today)


def event_reason(title: str) -> str:
    """What a pick planned at an event says: "at Web Summit today"."""
    return f"at {title} today"


def tries_reason(tries: Tries, today: dt.date) -> str:
    """ "tried Monday, no answer", "left a message Monday", and after the last try the
    plan insists on: "3 tries without an answer: try another way"."""
    if not tries.insists:
        count = "1 try" if tries.count == 1 else f"{tries.count} tries"
        return f"{count} without an answer: try another way"
    when = weekday(tries.last_on, today)
    if tries.outcome == CallOutcome.MESSAGE_LEFT:
        return f"left a message {when}"
    return f"tried {when}, no answer"


def due_reason(candidate: Candidate, today: dt.date) -> str:
    assert candidate.next_due is not None
    days = (today - candidate.next_due).days
    label = candidate.cadence.label() if candidate.cadence else "no cadence"
    if days > 0:
        unit = "day" if days == 1 else "days"
        return f"overdue by {days} {unit} ({label})"
    if days == 0:
        return f"due today ({label})"
    ahead = -days
    return f"due {'tomorrow' if ahead == 1 else f'in {ahead} days'} ({label})"


def overdue_score(candidate: Candidate, today: dt.date) -> float:
    """Overdue relative to the cadence, weighted by tier: 3 days late on a weekly
    cadence counts more than 3 days late on a quarterly one."""
    assert candidate.next_due is not None
    overdue = (today - candidate.next_due).days
    length = candidate.cadence.approx_days if candidate.cadence else DEFAULT_CADENCE_DAYS
    return TIER_WEIGHT.get(candidate.tier, 1.0) * (1.0 + overdue / max(1.0, length))


_TIER_RANK: dict[str, int] = {tier: rank for rank, tier in enumerate(Tier)}

_EVENT, _TRIED, _PROMISED, _OCCASION, _OVERDUE, _LIGHT, _SOON = range(7)
"""The groups of a plan, in order: someone to meet at an event that day, a call that
went unanswered, a promised follow-up, a strong occasion (its own reason, at most
`MAX_OCCASIONS` a day), the overdue (most overdue first), any other occasion, the due
soon."""


def _group(c: Candidate, today: dt.date, horizon: dt.date) -> list[tuple[float | int, ...]]:
    """Where a candidate ranks (the group first): one place, or two when a strong
    occasion ranks it ahead of its own group, so that past the day's `MAX_OCCASIONS`
    it keeps the place its due date gives it."""
    tier = _TIER_RANK.get(c.tier, len(Tier))
    if c.event is not None:
        return [(_EVENT, 0, tier, c.contact_id)]
    if c.tries is not None and (c.tries.insists or c.tries.gives_up):
        return [(_TRIED, c.tries.last_on.toordinal(), tier, c.contact_id)]
    if (promised := _promised_on(c, today)) is not None:
        return [(_PROMISED, promised.toordinal(), tier, c.contact_id)]
    places: list[tuple[float | int, ...]] = []
    occasion = c.occasion
    if occasion is not None and occasion.strong:
        places.append((_OCCASION, occasion.kind, tier, c.contact_id))
    if c.next_due is not None and c.next_due <= today:
        places.append((_OVERDUE, -overdue_score(c, today), tier, c.contact_id))
    elif occasion is not None:
        places.append((_LIGHT, occasion.kind, tier, c.contact_id))
    elif c.next_due is not None and c.next_due <= horizon:
        places.append((_SOON, c.next_due.toordinal(), tier, c.contact_id))
    return places


def _reason(c: Candidate, group: float | int, today: dt.date) -> tuple[str, float]:
    """A pick's reason and score. A person due anyway (tried, promised, due today or
    overdue) is given that reason, after a birthday (a call on that day starts from it)
    and before an anniversary (the weaker news, first to go when the row is cut); a
    person planned for an occasion alone is told a message will do. Someone met at an
    event is told so first, with what else is due ("at Web Summit today · overdue...")."""
    if group == _EVENT and c.event is not None:
        rest = replace(c, event=None)
        places = _group(rest, today, today + dt.timedelta(days=LOOKAHEAD_DAYS))
        said, score = _reason(rest, places[0][0], today) if places else ("", 0.0)
        return (f"{event_reason(c.event)} · {said}" if said else event_reason(c.event)), score
    due = c.next_due is not None and c.next_due <= today
    if group == _TRIED and c.tries is not None:
        said, score = tries_reason(c.tries, today), 100.0
    elif group == _PROMISED:
        said, score = promised_reason(c, today), 100.0
    elif due or group == _SOON:
        said, score = due_reason(c, today), round(overdue_score(c, today), 3) if due else 0.0
    else:
        said, score = "", 0.0
    if c.occasion is None:
        return said, score
    if not said:
        return f"{c.occasion.said}: {LIGHT_TOUCH}", score
    if c.occasion.kind == OccasionKind.ANNIVERSARY:
        return f"{said} · {c.occasion.said}", score
    return f"{c.occasion.said} · {said}", score


def choose_calls(
    candidates: Iterable[Candidate],
    today: dt.date,
    size: int,
    exclude: frozenset[int] = frozenset(),
    company_counts: Counter[int] | None = None,
) -> list[Pick]:
    """Pick up to `size` calls. `exclude` and `company_counts` describe picks already
    made today, so the plan can grow without repeating anyone."""
    ranked: list[tuple[tuple[float | int, ...], Candidate]] = []
    horizon = today + dt.timedelta(days=LOOKAHEAD_DAYS)
    # Picks ahead of the overdue for an occasion, counting those a plan that grows
    # already holds: a day keeps to `MAX_OCCASIONS`.
    occasions = 0
    for c in candidates:
        if c.contact_id in exclude:
            places = _group(c, today, horizon)
            occasions += int(bool(places) and places[0][0] == _OCCASION)
            continue
        if c.snoozed_until is not None and c.snoozed_until > today and c.event is None:
            continue
        ranked.extend((place, c) for place in _group(c, today, horizon))
    ranked.sort(key=lambda item: item[0])
    counts: Counter[int] = Counter(company_counts or {})
    chosen: list[Pick] = []
    taken: set[int] = set()
    for key, c in ranked:
        if len(chosen) >= size:
            break
        if c.contact_id in taken:
            continue
        if key[0] == _OCCASION and occasions >= MAX_OCCASIONS:
            continue
        if c.company_id is not None:
            if counts[c.company_id] >= MAX_PER_COMPANY and key[0] != _EVENT:
                continue
            counts[c.company_id] += 1
        if key[0] == _OCCASION:
            occasions += 1
        taken.add(c.contact_id)
        reason, score = _reason(c, key[0], today)
        chosen.append(Pick(c.contact_id, reason, score))
    return chosen
