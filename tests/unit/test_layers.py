"""The layering is a test, not a hope: each layer imports only the layers below it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "netday"

FORBIDDEN = {
    "scheduling": (
        "netday.store",
        "netday.services",
        "netday.cli",
        "netday.ui",
        "netday.io",
        "sqlalchemy",
        "textual",
        "alembic",
        "netday.clock",
        "netday.config",
    ),
    "store": ("netday.services", "netday.cli", "netday.ui", "netday.io", "textual"),
    "services": ("netday.cli", "netday.ui", "netday.io", "textual"),
    "io": ("netday.cli", "netday.ui", "netday.store", "sqlalchemy", "textual"),
    "ui": ("netday.store", "netday.cli", "sqlalchemy", "alembic"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_layers_below(layer: str) -> None:
    offences = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / layer).rglob("*.py"))
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert offences == []


def test_the_command_line_does_not_import_textual_or_alembic(db_url: str) -> None:
    """`netday today` on a current database stays on the fast path."""
    db = db_url
    create = f"from netday.cli.main import main; main(['--db', {str(db)!r}, 'today'])"
    # The first run creates the schema (Alembic is fine there); check a second process.
    subprocess.run([sys.executable, "-c", create], check=True, capture_output=True, text=True)
    second = (
        "import sys\n"
        "from netday.cli.main import main\n"
        f"assert main(['--db', {str(db)!r}, 'today']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'alembic')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", second], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
