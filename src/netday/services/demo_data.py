"""The words and numbers the demo network is made of, apart from the code that draws on them.

`services.demo` picks from these with a seeded random generator, in a fixed order, so
the same seed gives the same network (the screenshots in tests/ui/snapshots depend on
it): reordering or editing an entry changes every demo, adding one at the end of a
list changes the people drawn after it. Patterns may name `{event}`, `{topic}`,
`{company}` and, for invitations, `{first}`.
"""

from __future__ import annotations

from typing import Final

from netday.vocabulary import InteractionKind as K
from netday.vocabulary import Tier

CONTACTS: Final = 40
"""How many people a demo has unless told otherwise (`netday demo --contacts`)."""
SEED: Final = 7
"""The random seed unless told otherwise (`netday demo --seed`)."""

FIRST: Final = (
    "Ana",
    "Amélie",
    "Bruno",
    "Chloé",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Inès",
    "Jonas",
    "Kavya",
    "Liam",
    "Lucía",
    "Mateo",
    "Mei",
    "Nadia",
    "Noah",
    "Olga",
    "Omar",
    "Priya",
    "Rafael",
    "Sofia",
    "Tariq",
    "Uma",
    "Viktor",
    "Wei",
    "Yasmin",
    "Zoë",
    "Aisha",
    "Björn",
    "Camille",
    "Diego",
    "Emeka",
    "Fatima",
    "Giulia",
    "Hannah",
    "Ibrahim",
    "Jana",
    "Kenji",
    "Léa",
    "Marco",
    "Nia",
    "Oskar",
    "Paulo",
    "Rania",
    "Sven",
    "Thandiwe",
    "Yuki",
    "Zeynep",
)
LAST: Final = (
    "Souza",
    "Martin",
    "Okafor",
    "Nakamura",
    "Dubois",
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "García",
    "Rossi",
    "Chen",
    "Ivanova",
    "Mensah",
    "Fischer",
    "O'Brien",
    "Patel",
    "Kim",
    "Müller",
    "Novák",
    "Ferreira",
    "Andersson",
    "Moreau",
    "Singh",
    "Tanaka",
    "Costa",
    "Nguyen",
    "Schmidt",
    "Levi",
    "Almeida",
    "Jovanović",
    "Becker",
    "Santos",
    "Eriksson",
    "Romano",
    "Yilmaz",
    "Kaur",
    "Bianchi",
    "Petrov",
    "Herrera",
    "Lambert",
)
"""Full names are first × last (then a middle initial), so every demo name is unique."""

COMPANIES: Final = (
    "Acme Analytics",
    "Northwind Labs",
    "Bluefin Health",
    "Kestrel Capital",
    "Orbital Design",
    "Lumen Energy",
    "Harbor & Co",
    "Quill Media",
    "Granite Logistics",
    "Sable Robotics",
    "Tidewater Bank",
    "Verdant Foods",
    "Cobalt Security",
    "Meridian Consulting",
    "Pixel Forge",
    "Atlas Mobility",
    "Juniper Legal",
    "Saffron Hotels",
    "Helix Bio",
    "Ironwood Partners",
)
ROLES: Final = (
    "CTO",
    "Head of Product",
    "Engineering Manager",
    "Founder",
    "Sales Director",
    "Designer",
    "Recruiter",
    "Data Scientist",
    "VP Marketing",
    "Account Executive",
    "Product Manager",
    "Operations Lead",
    "Consultant",
    "Journalist",
    "Investor",
    "Researcher",
)
WHY: Final = (
    "Met at {event}; we share an interest in {topic}.",
    "Former colleague at {company}; always generous with advice.",
    "Introduced by a friend; works on {topic}.",
    "Spoke together on a panel at {event}.",
    "Hired me for a first project; a great reference.",
    "We met at a meetup on {topic} and kept in touch.",
)
EVENTS: Final = (
    "Web Summit",
    "a local meetup",
    "PyCon",
    "SaaStr",
    "a client workshop",
    "a conference dinner",
)
TOPICS: Final = (
    "climate tech",
    "design systems",
    "B2B sales",
    "data privacy",
    "open source",
    "hiring",
)
TAGS: Final = (
    "mentor",
    "client",
    "prospect",
    "alumni",
    "investor",
    "friend",
    "speaker",
    "recruiter",
)

OPPORTUNITIES: Final = (
    # (title, kind, url, days ahead or None, tags, notes)
    (
        "PyCon call for speakers",
        "call-for-speakers",
        "https://pycon.example.org/cfp",
        12,
        ("speaker",),
        "Talks on open source and data welcome.",
    ),
    (
        "Data engineer at Acme Analytics",
        "job",
        "https://acme-analytics.example.com/jobs/42",
        None,
        ("recruiter",),
        "",
    ),
    (
        "Design systems webinar",
        "webinar",
        "https://webinars.example.com/design-systems",
        5,
        ("mentor",),
        "",
    ),
    (
        "Hiring your first salesperson",
        "article",
        "https://blog.example.com/first-salesperson",
        None,
        ("prospect", "client"),
        "",
    ),
)
"""The demo's open opportunities; the last was shared with someone three days ago."""
EVENT_TODAY: Final = ("Product meetup", "Porto, Hub Criativo")
"""The demo's event today (title, place): two people planned to be met there."""
SAW_AT: Final = "Saw each other at "
"""How the demo's event interactions begin (`SUMMARIES`): the past event is read back
from the latest of them."""
SHARED_LINE: Final = "Thought of you, {first}: this is the hiring question we talked about."
"""The personal line of the demo's past share."""

TIER_WEIGHTS: Final = {Tier.A: 15, Tier.B: 35, Tier.C: 50}
"""How the demo's people spread over the tiers (percent)."""
INTERACTIONS_PER_TIER: Final = {Tier.A: 35, Tier.B: 24, Tier.C: 14}
"""About how many interactions a person of each tier has in the demo's history."""
CADENCES: Final = {
    Tier.A: ("2 weeks", "3 weeks", "RRULE:FREQ=MONTHLY;BYDAY=1MO", "10 days"),
    Tier.B: (
        "1 month",
        "6 weeks",
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
        "RRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
        "2 months",
    ),
    Tier.C: ("3 months", "2 months", "RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15"),
}
KINDS: Final = (
    (K.CALL, 25),
    (K.MESSAGE, 18),
    (K.EMAIL, 14),
    (K.VIDEO, 8),
    (K.MEETING, 5),
    (K.EVENT, 3),
    (K.COMMENT, 13),
    (K.LIKE, 8),
    (K.SHARE, 4),
    (K.NOTE, 2),
)
"""The kinds of past interactions, with their weights."""
MINUTES: Final = {
    K.CALL: (5, 30),
    K.VIDEO: (20, 45),
    K.MEETING: (30, 90),
    K.MESSAGE: (2, 10),
    K.EMAIL: (3, 15),
    K.EVENT: (60, 180),
    K.COMMENT: (2, 5),
    K.LIKE: (1, 1),
    K.SHARE: (2, 5),
    K.NOTE: (1, 3),
    K.ENDORSEMENT: (1, 1),
    K.RECOMMENDATION: (10, 20),
}
"""The least and most minutes an interaction of each kind takes."""
SUMMARIES: Final = {
    K.CALL: (
        "Caught up on how things are going.",
        "Asked how the new role is going.",
        "Talked about their team's plans for next quarter.",
        "Quick hello, all well.",
    ),
    K.VIDEO: ("Video call about a possible collaboration.", "Walked through their new product."),
    K.MEETING: ("Coffee near their office.", "Lunch: talked about hiring."),
    K.MESSAGE: ("Sent congratulations on the new job.", "Shared an article on {topic}."),
    K.EMAIL: ("Sent the introduction they asked for.", "Followed up on our last call."),
    K.EVENT: ("Saw each other at {event}.",),
    K.COMMENT: ("Commented on their post about {topic}.",),
    K.LIKE: ("Liked their post.",),
    K.SHARE: ("Shared their article on {topic}.",),
    K.NOTE: ("Remember: they are moving to Lisbon in spring.",),
    K.ENDORSEMENT: ("Endorsed them for {topic}",),
    K.RECOMMENDATION: ("You recommended them: a clear thinker on {topic}.",),
}
VOUCHES: Final = (
    (K.ENDORSEMENT, "gave", "Endorsed them for {topic}"),
    (K.ENDORSEMENT, "asked", "Endorsed you for {topic}"),
    (K.RECOMMENDATION, "gave", "You recommended them: a clear thinker on {topic}."),
    (K.RECOMMENDATION, "asked", "Recommended you: sharp on {topic}, generous with time."),
)
"""Endorsements and recommendations both ways, as a LinkedIn import logs them."""
OPEN_ASK: Final = "Recommendation pending (an open ask): asked for a few words on {topic}."
"""A recommendation received and not yet settled, worded as the import words it."""
STREAK_CALL: Final = "Five-minute call: how are you doing?"
PROMISE: Final = "Promised to send over the notes and check back."
LEDGER: Final = (
    ("me", "the deck from the workshop"),
    ("them", "an intro to their CTO"),
    ("me", "a reference for the product role"),
    ("them", "feedback on my proposal"),
    ("them", "the slides from their talk"),
)
"""Promises of the demo's ledger (whose, what): the first is due today, the last kept."""
TRIES: Final = ("Rang to hear how the launch went; left a message.", "Tried again: no answer.")
"""Two calls that went unanswered, the day before yesterday and yesterday."""
REVIEW_NOTES: Final = (
    "Good calls; follow up with the two intros.",
    "Short day, but every call done.",
    "Three calls, one new opportunity.",
    "Quiet day: wrote two thoughtful comments.",
)
INVITE_MESSAGES: Final = (
    "Hi {first}, we met at {event} and I enjoyed our talk on {topic}. Let's stay in touch!",
    "Hello {first}, I read your post on {topic}; I'd be glad to connect and compare notes.",
)
INVITE_RECEIVED: Final = "Hi! I saw your talk on {topic}; would love to connect."
INVITE_ACCEPTED: Final = "Hi {first}, great meeting you at {event}!"
POST_EXCERPTS: Final = (
    "Five lessons from scaling a team in {topic}",
    "Why we changed our mind about {topic}",
    "A thread on what I learned at {event}",
    "We're hiring! Looking for people who care about {topic}",
)
TEMPLATE: Final = ("generic", "I'd like to add you to my professional network.")
"""A saved invitation template (name, text), so the invite form has one to offer."""
