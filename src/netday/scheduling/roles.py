"""A person's role family, read from the role they wrote (practice 8: a network that
reaches beyond your own profession).

One table, `ROLE_KEYWORDS`, says which words make which family; the first family with
a word in the role wins, so the order settles the overlaps ("VP Engineering" is
leadership, "Sales Engineer" sales, "Product Designer" design). The insights build
their SQL from the same table (`services.insights`), so a role is given the same family
in Python and in either database: lowercase (ASCII), padded with a space at each end,
and searched for each word as a plain substring. A word that starts with a space (" cto")
matches only at the start of a word, so "director" is not a CTO while "CTO, Acme" is;
one with a space at both ends (" coo ") only as a whole word (not "coordinator").
"""

from __future__ import annotations

from netday.vocabulary import RoleFamily

ROLE_KEYWORDS: tuple[tuple[RoleFamily, tuple[str, ...]], ...] = (
    (RoleFamily.RECRUITING, ("recruit", "talent", "sourcer", " hr", "human resources")),
    (
        RoleFamily.LEADERSHIP,
        (
            " ceo",
            " cto",
            " cfo",
            " coo ",
            " cmo",
            " vp",
            "vice president",
            "chief ",
            "director",
            "head of",
            "founder",
            "president",
            "managing partner",
        ),
    ),
    (RoleFamily.DESIGN, ("design", " ux", " ui", "user research")),
    (RoleFamily.MARKETING, ("marketing", "growth", "brand", "content", "communications")),
    (
        RoleFamily.SALES,
        ("sales", "account exec", "account manager", "business development", "customer success"),
    ),
    (RoleFamily.PRODUCT, ("product", " pm")),
    (RoleFamily.DATA, ("data", "analyst", "analytics", "scientist", "machine learning", " ml")),
    (
        RoleFamily.ENGINEERING,
        ("engineer", "developer", "programmer", "software", "architect", "devops", " sre"),
    ),
)
"""Families in the order they are tried, each with the words that make it. No word
holds `%` or `_` (they are LIKE patterns in SQL)."""


def padded(role: str) -> str:
    """The role as the keywords are searched in: ASCII letters lowercased (as SQLite's
    `lower` does), with a space at each end."""
    lowered = "".join(c.lower() if c.isascii() else c for c in role)
    return f" {lowered} "


def family_of(role: str) -> RoleFamily | None:
    """The family of a role; `OTHER` when no word matches, None when no role is known."""
    if not role.strip():
        return None
    text = padded(role)
    for family, words in ROLE_KEYWORDS:
        if any(word in text for word in words):
            return family
    return RoleFamily.OTHER
