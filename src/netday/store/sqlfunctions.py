"""Small SQL constructs that each database spells its own way."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, String
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


class month_day(FunctionElement[str]):
    """A date's month and day as `MM-DD` (the year left out): what a birthday or an
    anniversary returns on every year."""

    type = String()
    name = "month_day"
    inherit_cache = True


@compiles(month_day)
def _month_day_default(element: month_day, compiler: Any, **kw: Any) -> str:
    (day,) = list(element.clauses)
    return f"to_char({compiler.process(day, **kw)}, 'MM-DD')"


@compiles(month_day, "sqlite")
def _month_day_sqlite(element: month_day, compiler: Any, **kw: Any) -> str:
    (day,) = list(element.clauses)
    return f"strftime('%m-%d', {compiler.process(day, **kw)})"
