"""netday's two themes, dark and light, and the switch between them.

Calm colours for a screen kept open all day: a quiet background, muted borders, one
warm accent for what has the focus (the focused pane's ring, the cursor), green for
what is done, red only for errors. `netday.tcss` uses nothing but the theme's
variables, so both themes (and any Textual theme picked from the palette) read alike.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="netday-dark",
    primary="#7AA2F7",
    secondary="#7DCFFF",
    accent="#E0AF68",
    warning="#E0AF68",
    error="#F7768E",
    success="#9ECE6A",
    foreground="#D0D6E0",
    background="#16181D",
    surface="#1B1E25",
    panel="#2C313C",
    dark=True,
    variables={
        "block-cursor-background": "#2F4A7A",
        "block-cursor-foreground": "#F0F3F8",
        "block-cursor-blurred-background": "#262B36",
        "footer-key-foreground": "#E0AF68",
    },
)
LIGHT = Theme(
    name="netday-light",
    primary="#2F5FB3",
    secondary="#1F7A8C",
    accent="#B25C00",
    warning="#9A6700",
    error="#C62828",
    success="#2E7D32",
    foreground="#1F2328",
    background="#F4F4F0",
    surface="#FBFBF8",
    panel="#D6D6CF",
    dark=False,
    variables={
        "block-cursor-background": "#CFE0FA",
        "block-cursor-foreground": "#10161F",
        "block-cursor-blurred-background": "#E6E6E0",
        "footer-key-foreground": "#B25C00",
    },
)
THEMES = (DARK, LIGHT)


def switched(dark: bool) -> str:
    """The theme to switch to from a dark one (or from a light one)."""
    return LIGHT.name if dark else DARK.name
