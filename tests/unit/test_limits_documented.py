"""The README's table of limits is the one `netday.limits` declares."""

from __future__ import annotations

from pathlib import Path

from netday.limits import describe

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_lists_every_limit_as_declared() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- limits:", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")][2:]
    documented = dict(
        tuple(cell.strip() for cell in row.strip("|").split(" | ", 1)) for row in rows
    )
    assert documented == describe()
