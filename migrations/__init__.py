"""Alembic migrations, shipped inside the package as `netday.migrations`."""
