"""Stable JSON for scripts: dates as ISO strings, field names as in the README."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from netday.services.events import EventDetail
from netday.services.views import PlanView, ReviewView, TodayView
from netday.vocabulary import CircleFilter


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def plain(value: Any) -> Any:
    """Dataclasses, lists and dicts (at any depth) as JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = dataclasses.asdict(value)
        if isinstance(value, PlanView):
            data["done"] = value.done
        return data
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {key: plain(v) for key, v in value.items()}
    return value


def plan_json(plan: PlanView) -> dict[str, Any]:
    data: dict[str, Any] = plain(plan)
    return data


def today_json(view: TodayView) -> dict[str, Any]:
    return {
        "date": view.date,
        "minutes": view.plan.minutes,
        "streak": view.streak,
        "calls_done": view.plan.done,
        "calls": plain(list(view.plan.calls)),
        "comments": plain(list(view.comments)),
        "comments_total": view.comments_total,
        "invites": plain(list(view.invites)),
        "log": plain(list(view.log)),
        "circle": view.circle or CircleFilter.BOTH.value,
    }


def review_json(view: ReviewView) -> dict[str, Any]:
    data: dict[str, Any] = plain(view)
    data["planned"] = len(view.plan.calls) if view.plan else 0
    data["done"] = view.plan.done if view.plan else 0
    data["circle"] = view.circle or CircleFilter.BOTH.value
    return data


def event_json(detail: EventDetail) -> dict[str, Any]:
    """An event with its people (`outside`: those of the other circle, not listed)."""
    data: dict[str, Any] = plain(detail)
    data["circle"] = detail.circle or CircleFilter.BOTH.value
    return data


def dumps(value: Any) -> str:
    return json.dumps(plain(value), default=_default, ensure_ascii=False, indent=2)
