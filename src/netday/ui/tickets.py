"""Stale results are dropped: a screen shows only what is newer than what it shows.

A read runs in a thread worker and comes back later; two reads started one after the
other (a key pressed twice, the watcher and a save at once, `[` then `]` on the review)
may come back in the other order. Each read takes a ticket when it starts; a result
whose ticket is older than the one on screen is dropped, so the screen never goes back
to an earlier state. Tickets are taken in worker threads: `next()` on a counter is
atomic in CPython.
"""

from __future__ import annotations

from itertools import count


class DropsStaleResults:
    """Mixed into a screen (or any node) that shows results read in workers."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._tickets = count(1)
        self._shown_ticket = 0

    def take_ticket(self) -> int:
        """Taken when a read starts (before it reads anything)."""
        return next(self._tickets)

    @property
    def shows_a_result(self) -> bool:
        """Something read has been shown (a screen's first read is back)."""
        return self._shown_ticket > 0

    def is_fresh(self, ticket: int) -> bool:
        """True (and remembered as shown) unless a newer result is already on screen."""
        if ticket < self._shown_ticket:
            return False
        self._shown_ticket = ticket
        return True
