"""Writing an export file: whole or not at all, and private to its owner.

Every export (the CLI's, the TUI's export form, the review written from the review
screen) goes to a temporary file beside the target and is renamed into place, so an
interrupted export never leaves half a file where a good one was; it is readable by
its owner only (0600), like the database and its backups, since it holds the same
notes and phone numbers.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from netday.errors import NetdayError


def write_atomically(
    target: Path, chunks: Iterable[str], progress: Callable[[int], None] | None = None
) -> int:
    """Write the chunks to `target` through a temporary file; returns the bytes written.

    mkstemp creates the temporary file 0600, and the rename gives `target` that mode
    even when an older file there was readable by others.
    """
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise NetdayError(f"{folder}: no such folder")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    written = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            for n, chunk in enumerate(chunks, 1):
                out.write(chunk)
                written += len(chunk.encode("utf-8"))
                if progress:
                    progress(n)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return written
