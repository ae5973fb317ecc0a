"""Persistence: SQLAlchemy models, engine and sessions, schema migrations, queries."""
