"""Text made comparable: what people type, matched against what is stored.

"Zoë", "zoe" and "ZOE " are the same search; two names that differ only in accents or
spacing are the same key. Pure, at the bottom of the layers (like `cleaning`, which
makes text safe; this makes it comparable).
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, accents removed, whitespace collapsed: for matching what people type."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
