"""Small SQL constructs that each database spells its own way."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, Float
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class days_between(FunctionElement[float]):
    """Days from the second date to the first: `days_between(later, earlier)`."""

    type = Float()
    name = "days_between"
    inherit_cache = True


@compiles(days_between)
def _days_between_default(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    return f"({compiler.process(later, **kw)} - {compiler.process(earlier, **kw)})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    first, second = compiler.process(later, **kw), compiler.process(earlier, **kw)
    return f"(julianday({first}) - julianday({second}))"


class day_of(FunctionElement[dt.date]):
    """The calendar date of a timestamp: `day_of(occurred_at)`, comparable with a Date
    column (SQLite keeps both as text, `date()` cuts the time off; elsewhere a cast)."""

    type = Date()
    name = "day_of"
    inherit_cache = True


@compiles(day_of)
def _day_of_default(element: day_of, compiler: Any, **kw: Any) -> str:
    (moment,) = list(element.clauses)
    return f"CAST({compiler.process(moment, **kw)} AS DATE)"


@compiles(day_of, "sqlite")
def _day_of_sqlite(element: day_of, compiler: Any, **kw: Any) -> str:
    (moment,) = list(element.clauses)
    return f"date({compiler.process(moment, **kw)})"
