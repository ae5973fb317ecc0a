"""One choice among a few options, as every form asks it (circle, tier, gave/asked,
an import's or an export's format).

Textual's RadioSet moves a highlight with the arrows and chooses only on Enter or
space, and shows the chosen option by colour alone. Here the arrows choose (the option
under the highlight is the one chosen: there is nothing else to confirm), and each
option carries a mark that reads without colour: ● chosen, ○ not (NO_COLOR, a
monochrome terminal, a screenshot in grey).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import RadioButton, RadioSet

from netday.ui.actions import Scope, bindings

CHOSEN = "●"
NOT_CHOSEN = "○"


class ChoiceButton(RadioButton):
    """An option whose mark, not only its colour, says whether it is chosen."""

    DEFAULT_CSS = """
    ChoiceButton > .toggle--button {
        background: transparent;
    }
    """

    @property
    def _button(self) -> Content:
        mark = CHOSEN if self.value else NOT_CHOSEN
        return Content.styled(mark, self.get_visual_style("toggle--button"))


class Choice(RadioSet):
    """Options in a row; arrows choose, the chosen one is marked ●."""

    BINDINGS = bindings(Scope.CHOICE)

    def __init__(
        self,
        labels: Sequence[str],
        chosen: int = 0,
        *,
        ids: Sequence[str] | None = None,
        id: str | None = None,
    ) -> None:
        """`labels` are shown as text (never markup); `ids` name the options' widgets."""
        names: Sequence[str | None] = ids or [None] * len(labels)
        buttons = [
            ChoiceButton(Content(label), value=index == chosen, id=name)
            for index, (label, name) in enumerate(zip(labels, names, strict=True))
        ]
        super().__init__(*buttons, id=id)

    def on_mount(self) -> None:
        """The highlight starts on the chosen option: RadioSet's own mount handler (which
        runs after this one) starts it on the first, so this comes once that is done."""
        self.call_later(self._highlight_chosen)

    def _highlight_chosen(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    @property
    def chosen(self) -> int:
        """The index of the chosen option (the first, if none was chosen)."""
        return max(0, self.pressed_index)

    def action_choose(self, step: int) -> None:
        """Move to the next (1) or previous (-1) option and choose it."""
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()
