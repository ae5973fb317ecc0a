"""What comes back from the thread workers, and what the app tells the screens.

A worker never touches a widget: it posts one of these to the screen that started it
(`post_message` is safe from any thread), and the screen's handler shows it. Each
result carries the ticket its read took (`netday.ui.tickets`), so a late one is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from netday.services.views import ContactDetail, ReviewView, TodayView

if TYPE_CHECKING:
    from netday.services.insights_views import InsightsView


class DataChanged(Message):
    """The database changed elsewhere, or a new day started: read the day again."""


@dataclass
class TodayRead(Message):
    """A fresh day, after a read or after a change saved from this screen."""

    view: TodayView
    ticket: int


@dataclass
class QuickLogged(Message):
    """The quick-log line was saved: clear it and say so."""

    view: TodayView
    ticket: int
    kind: str
    name: str


@dataclass
class Refused(Message):
    """A service said no (a `NetdayError`): one line, nothing was saved."""

    message: str
    title: str
    ticket: int = 0


@dataclass
class ContactRead(Message):
    detail: ContactDetail
    ticket: int


@dataclass
class ReviewRead(Message):
    review: ReviewView
    ticket: int
    saved: bool


@dataclass
class InsightsRead(Message):
    insights: InsightsView
    ticket: int
