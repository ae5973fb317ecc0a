"""Use cases: one transaction per user action, plain frozen dataclasses out."""
