"""The layering is a test, not a hope: each layer imports only the layers below it.

Data flows one way (ARCHITECTURE.md): cli > ui > io > services > scheduling > store >
clock/config, with a few bottom modules (limits, cleaning, errors, vocabulary, wording,
normalise) that every layer may use and that use nothing above them. Migrations import
no application code at all: a migration must not change when the app does.

`CONTRACTS` is the whole rule; `offences()` reads the imports of every file a contract
covers (lazy imports inside functions too) and names each one a contract forbids.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "netday"

BOTTOM = (
    "netday.limits",
    "netday.cleaning",
    "netday.errors",
    "netday.vocabulary",
    "netday.wording",
    "netday.normalise",
    "netday.settings_fields",
)
"""Modules below every layer: plain values, declarations and pure text functions."""

ABOVE_STORE = ("netday.services", "netday.io", "netday.ui", "netday.cli")


@dataclass(frozen=True)
class Contract:
    """Files under `where` (a folder or a file, relative to the repository) must not
    import any module named in `forbidden` (a name forbids its submodules too), except
    those in `allowed` (more specific, so `netday` can be forbidden but a bottom module
    allowed)."""

    name: str
    where: str
    forbidden: tuple[str, ...]
    allowed: tuple[str, ...] = ()


CONTRACTS: tuple[Contract, ...] = (
    Contract(
        "clock reads the wall clock and imports nothing of netday's",
        "src/netday/clock.py",
        ("netday",),
    ),
    Contract(
        "config reads settings and paths; it sits below every layer",
        "src/netday/config.py",
        ("netday",),
        ("netday.clock", *BOTTOM),
    ),
    Contract(
        "scheduling is pure: no database, no clock, no I/O",
        "src/netday/scheduling",
        ("netday", "sqlalchemy", "textual", "alembic"),
        ("netday.scheduling", *BOTTOM),
    ),
    Contract(
        "store knows nothing of the layers above it",
        "src/netday/store",
        (*ABOVE_STORE, "textual"),
    ),
    Contract(
        "services never reach up to io, the UI or the CLI",
        "src/netday/services",
        ("netday.io", "netday.ui", "netday.cli", "textual"),
    ),
    Contract(
        "io reads and writes files through services, never the database",
        "src/netday/io",
        ("netday.ui", "netday.cli", "netday.store", "sqlalchemy", "textual"),
    ),
    Contract(
        "the UI talks to services only",
        "src/netday/ui",
        ("netday.store", "netday.scheduling", "netday.cli", "sqlalchemy", "alembic"),
    ),
    Contract(
        "the command line parses, prints and calls services (or opens the TUI); it reads "
        "no rows, and opens the database only through the store's entry points",
        "src/netday/cli",
        ("netday.scheduling", "netday.store.models", "textual", "sqlalchemy.orm"),
    ),
    Contract(
        "a migration imports no application code: it must not change when the app does",
        "migrations/versions",
        ("netday",),
    ),
    Contract(
        "Alembic's env.py hands netday's upgrades no models; only a developer's own "
        "`alembic` command (autogenerate, check) loads the metadata",
        "migrations/env.py",
        ("netday",),
        ("netday.store.models",),
    ),
)
"""Every contract the source tree keeps, besides one per bottom module."""


def _bottom_contracts() -> tuple[Contract, ...]:
    return tuple(
        Contract(
            f"{module} is a bottom module",
            "src/" + module.replace(".", "/") + ".py",
            ("netday",),
            BOTTOM,
        )
        for module in BOTTOM
    )


def all_contracts() -> tuple[Contract, ...]:
    return _bottom_contracts() + CONTRACTS


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function. `from a import b`
    counts as `a.b` (a submodule or a name in `a`), so `from netday import store` is
    caught and `from netday import vocabulary` is not."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def offences(root: Path, contracts: tuple[Contract, ...]) -> list[str]:
    """`file imports module (contract)` for every import a contract forbids."""
    found: list[str] = []
    for contract in contracts:
        place = root / contract.where
        files = sorted(place.rglob("*.py")) if place.is_dir() else [place]
        for path in files:
            for name in sorted(imported_modules(path)):
                if _within(name, contract.forbidden) and not _within(name, contract.allowed):
                    found.append(f"{path.relative_to(root)} imports {name} ({contract.name})")
    return found


@pytest.mark.parametrize("contract", all_contracts(), ids=lambda c: c.where)
def test_each_contract_holds(contract: Contract) -> None:
    assert (ROOT / contract.where).exists(), f"{contract.where} is gone: update the contract"
    assert offences(ROOT, (contract,)) == []


def test_every_module_is_under_a_contract() -> None:
    """A new top-level module or package must say where it sits."""
    covered = {Path(c.where).name.removesuffix(".py") for c in all_contracts()}
    modules = {
        p.name.removesuffix(".py")
        for p in SRC.iterdir()
        if (p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists()))
        and p.name not in ("__init__.py", "__main__.py")
    }
    assert modules - covered == set()


def test_the_check_fails_on_a_violation(tmp_path: Path) -> None:
    """The walker catches each way of importing upwards, and passes what is allowed."""
    pkg = tmp_path / "src" / "netday" / "scheduling"
    pkg.mkdir(parents=True)
    (pkg / "ok.py").write_text("from netday.vocabulary import Tier\nimport datetime\n")
    (pkg / "top.py").write_text("import netday.store.models\n")
    (pkg / "lazy.py").write_text("def f():\n    from netday.clock import SystemClock\n")
    (pkg / "parent.py").write_text("from netday import services\n")
    (pkg / "third.py").write_text("import sqlalchemy.orm\n")
    scheduling = next(c for c in CONTRACTS if c.where == "src/netday/scheduling")
    found = offences(tmp_path, (scheduling,))
    assert sorted({line.split(" imports ")[0] for line in found}) == [
        "src/netday/scheduling/lazy.py",
        "src/netday/scheduling/parent.py",
        "src/netday/scheduling/third.py",
        "src/netday/scheduling/top.py",
    ]
    migrations = tmp_path / "migrations" / "versions"
    migrations.mkdir(parents=True)
    (migrations / "0009_x.py").write_text("from netday.scheduling.cadence import rule\n")
    rule = Contract("migrations import no application code", "migrations", ("netday",))
    assert offences(tmp_path, (rule,)) != []


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
