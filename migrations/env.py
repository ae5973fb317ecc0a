"""Alembic environment. netday builds the Alembic config in code and passes an open
connection (see netday.store.schema); no logging set-up here, so the app's own logging
is left alone (alembic#714).

The revisions stand alone: netday's own upgrades give Alembic no models, so nothing a
revision does (not even a constraint's name, which a naming convention would decide)
depends on netday's code as it is today; every name is written in the revision
(`op.f`). Only a developer's `alembic` command line (alembic.ini: `revision
--autogenerate`, `check`) loads the models, to compare the schema with them.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, MetaData

config = context.config


def models_to_compare() -> MetaData | None:
    """The models' metadata for the developer's command line; None when netday runs."""
    if config.cmd_opts is None:
        return None
    from netday.store.models import Base

    return Base.metadata


def described_by_models(name: str | None, type_: str, parent_names: object) -> bool:
    """The comparison leaves out the search index (revision 0009: FTS5 tables, their
    shadow tables and triggers, expression indexes): the models do not describe it."""
    return not (name or "").startswith("search_")


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=models_to_compare(),
        include_name=described_by_models,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url", ""))
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=models_to_compare(),
        include_name=described_by_models,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
