"""The data model. Business rules live in `scheduling` and `services`, never here."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from netday.settings_fields import FIELDS as SETTING_FIELDS
from netday.settings_fields import NEW_CONTACT_CIRCLE, NEW_CONTACT_TIER, SettingField
from netday.vocabulary import (
    CadenceKind,
    CallOutcome,
    CallStatus,
    Circle,
    DetailKind,
    Direction,
    InteractionKind,
    InviteDirection,
    InviteStatus,
    OpportunityKind,
    OwedBy,
    PostStatus,
    Tier,
    TriageState,
    values,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, words: type[StrEnum], *, nullable: bool = False) -> CheckConstraint:
    """The check that `column` holds a word of `words` (a set of `netday.vocabulary`),
    named for the column. The SQL is written as the migrations wrote it by hand, so
    deriving it changes no database (tests/store/test_schema.py compares the two)."""
    allowed = ", ".join(f"'{word}'" for word in values(words))
    condition = f"{column} IN ({allowed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=column)


class Company(Base):
    """Companies are followed; people are connected (PRODUCT.md, practice 7)."""

    __tablename__ = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    followed: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Contact(Base):
    __tablename__ = "contact"
    __table_args__ = (
        one_of("tier", Tier),
        one_of("circle", Circle),
        one_of("cadence_kind", CadenceKind, nullable=True),
        one_of("triage", TriageState, nullable=True),
        Index("ix_contact_due", "archived", "next_due_on"),
        Index("ix_contact_follow_up", "archived", "follow_up_on"),
        Index("ix_contact_triage", "triage", "connected_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(400))
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("company.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    profile_url: Mapped[str] = mapped_column(String(500), default="", index=True)
    circle: Mapped[str] = mapped_column(String(16), default=NEW_CONTACT_CIRCLE)
    tier: Mapped[str] = mapped_column(String(1), default=NEW_CONTACT_TIER)
    why: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    birthday: Mapped[dt.date | None] = mapped_column(Date)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    cadence_kind: Mapped[str | None] = mapped_column(String(16))
    cadence_every: Mapped[int | None] = mapped_column(Integer)
    cadence_unit: Mapped[str | None] = mapped_column(String(8))
    cadence_rule: Mapped[str | None] = mapped_column(String(300))
    cadence_since: Mapped[dt.date | None] = mapped_column(Date)
    cadence_days: Mapped[float | None] = mapped_column(Float)
    """Typical days between due dates, kept with the cadence so SQL can rank by it."""
    next_due_on: Mapped[dt.date | None] = mapped_column(Date)

    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_kind: Mapped[str | None] = mapped_column(String(20))
    follow_up_since: Mapped[dt.date | None] = mapped_column(Date)
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date)

    triage: Mapped[str | None] = mapped_column(String(8))
    """'pending' for an imported connection nobody has looked at yet, 'skipped' when
    passed over in triage; NULL once it is part of the network (or was never imported)."""
    connected_on: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(16), default="", server_default="")
    vcard: Mapped[str | None] = mapped_column(Text)
    """The card as imported, so an export keeps what netday does not model."""

    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    company: Mapped[Company | None] = relationship(lazy="joined")
    tags: Mapped[list[ContactTag]] = relationship(
        cascade="all, delete-orphan", order_by="ContactTag.tag"
    )
    details: Mapped[list[ContactDetail]] = relationship(
        cascade="all, delete-orphan", order_by="ContactDetail.id"
    )


class ContactTag(Base):
    __tablename__ = "contact_tag"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class ContactDetail(Base):
    """The second e-mail, the work phone, the blog: address-book entries beyond the first."""

    __tablename__ = "contact_detail"
    __table_args__ = (one_of("kind", DetailKind),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(500))


class Interaction(Base):
    __tablename__ = "interaction"
    __table_args__ = (
        one_of("kind", InteractionKind),
        one_of("direction", Direction),
        one_of("outcome", CallOutcome, nullable=True),
        Index("ix_interaction_contact_time", "contact_id", "occurred_at"),
        # Unanswered calls are few among 200,000 interactions: the plan finds them here
        # (`services.outcomes.open_tries`) instead of reading two weeks of the log.
        Index("ix_interaction_outcome_time", "outcome", "occurred_at"),
        # Events met at are a few among 200,000 interactions: an opportunity's proposals
        # look for a similar one here (`services.opportunities`) instead of in the log.
        Index("ix_interaction_kind_time", "kind", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    minutes: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[str] = mapped_column(String(8), default=Direction.NEUTRAL)
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(10))
    """How a call or video call went (`CallOutcome`); NULL for the other kinds. Only an
    answered one is a conversation: `services.outcomes` says so in SQL."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Promise(Base):
    """One promise, either way (practice 4): what I promised someone or what they
    promised me, due on a day, open until `done_at`. The follow-up date of a logged
    interaction stays where it is (`Contact.follow_up_on`, derived from the log and
    settled by the next conversation); this ledger holds the things owed."""

    __tablename__ = "promise"
    __table_args__ = (
        one_of("owed_by", OwedBy),
        Index("ix_promise_contact_done", "contact_id", "done_at"),
        # Open promises due by a day, for the plan and the review: few among many.
        Index("ix_promise_done_due", "done_at", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    owed_by: Mapped[str] = mapped_column(String(4))
    what: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[dt.date] = mapped_column(Date)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL"), index=True
    )
    """The conversation it was made in, when it was made in one (the call-done dialog)."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Opportunity(Base):
    """Something worth passing on (practice 10): an event, a webinar, an article, a job,
    a call for speakers. Open until `closed_at`; each share with a person is an
    interaction of kind share, linked here by `OpportunityShare`."""

    __tablename__ = "opportunity"
    __table_args__ = (
        one_of("kind", OpportunityKind),
        # Open ones, by date: the list, the main screen's count, the calendar export.
        Index("ix_opportunity_closed_on", "closed_at", "on_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(String(1000), default="")
    on_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    tags: Mapped[list[OpportunityTag]] = relationship(
        cascade="all, delete-orphan", order_by="OpportunityTag.tag"
    )


class OpportunityTag(Base):
    """An opportunity's tags, shaped as a contact's (`ContactTag`): a shared tag is the
    first reason a person is proposed."""

    __tablename__ = "opportunity_tag"

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class OpportunityShare(Base):
    """Which opportunity a share interaction passed on. A join table rather than a column
    on `interaction`, so the log's table is untouched; deleting either side removes the
    link only (the interaction stays in the log when its opportunity goes)."""

    __tablename__ = "opportunity_share"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True
    )
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )


class Event(Base):
    """An event (practice 10: online to in person): a day, a place or a link, and the
    people one plans to meet there or met (`EventPerson`)."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    on_date: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(500), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class EventPerson(Base):
    """A person at an event: `planned` to meet there (the day's plan says so), and
    `met_at` once met, with the event interaction that logged it (SET NULL: deleting
    it from the log keeps the person met)."""

    __tablename__ = "event_person"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    planned: Mapped[bool] = mapped_column(Boolean, default=False)
    met_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL")
    )


class Invite(Base):
    __tablename__ = "invite"
    __table_args__ = (
        one_of("direction", InviteDirection),
        one_of("status", InviteStatus),
        Index("ix_invite_status_sent", "status", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")
    profile_url: Mapped[str] = mapped_column(String(500), default="")
    direction: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(10), default=InviteStatus.PENDING)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date)
    follow_ups: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class MessageTemplate(Base):
    """A saved invitation text; sending one word for word is flagged."""

    __tablename__ = "message_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    body: Mapped[str] = mapped_column(Text)


class Post(Base):
    """A post worth a thoughtful comment (PRODUCT.md, practice 5)."""

    __tablename__ = "post"
    __table_args__ = (
        one_of("status", PostStatus),
        Index("ix_post_status_found", "status", "found_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    url: Mapped[str] = mapped_column(String(1000), default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    found_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(12), default=PostStatus.TO_COMMENT)
    draft_comment: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)


class DayPlan(Base):
    """A date's plan: created once, then stable all day."""

    __tablename__ = "day_plan"

    plan_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    items: Mapped[list[PlanItem]] = relationship(
        cascade="all, delete-orphan", order_by="PlanItem.position"
    )


class PlanItem(Base):
    __tablename__ = "plan_item"
    __table_args__ = (
        UniqueConstraint("plan_date", "contact_id", name="uq_plan_item_date_contact"),
        one_of("status", CallStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_date: Mapped[dt.date] = mapped_column(ForeignKey("day_plan.plan_date", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(10), default=CallStatus.PLANNED)
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class DayReview(Base):
    __tablename__ = "day_review"

    review_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")
    minutes_spent: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class UndoStep(Base):
    """One user action that can be taken back: what it changed, row by row, before and
    after (written and replayed by `netday.store.undo`)."""

    __tablename__ = "undo_step"
    __table_args__ = (Index("ix_undo_step_origin", "origin", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(64))
    """Who acted: the command line, or one open planner (see `Context.origin`)."""
    label: Mapped[str] = mapped_column(Text)
    """What the action was, as the user reads it back ("Skipped the call with Ana")."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    payload: Mapped[str] = mapped_column(Text)
    """JSON: every row changed, with its table, key, and images before and after."""


SETTINGS_ADDED_LATER = frozenset(
    {"tier_a_cadence", "tier_b_cadence", "tier_c_cadence", "call_tries", "personal_cadence"}
)
"""Settings whose column was added to databases that already had their settings row
(migrations 0004, 0006, 0011): the database fills them in itself, so they carry a server
default."""

CADENCE_SPEC_CHARS = 100
"""A stored cadence setting is the short spec `change_setting` writes (`every 3 weeks`)."""


def _setting_column(setting: SettingField) -> Column[int] | Column[str]:
    """The column of one declared setting, with the declaration's default."""
    name, default = setting.name, setting.default
    server_default = str(default) if name in SETTINGS_ADDED_LATER else None
    if setting.kind == "number":
        return Column(name, Integer, nullable=False, default=default, server_default=server_default)
    return Column(
        name,
        String(CADENCE_SPEC_CHARS),
        nullable=False,
        default=default,
        server_default=server_default,
    )


class Settings(Base):
    """One row of user settings, kept in the database so every tool sees the same.

    A column per field of `netday.settings_fields.SettingsValues` (the one declaration);
    read and write them by name (`getattr`), as `services.settings` does.
    """

    __table__ = Table(
        "settings",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        *(_setting_column(setting) for setting in SETTING_FIELDS),
    )

    id: Mapped[int]
