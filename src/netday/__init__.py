"""netday: a daily networking planner for the terminal."""

__version__ = "0.1.0"
