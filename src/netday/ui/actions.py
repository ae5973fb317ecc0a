"""Every action of the TUI, once: its id, key, label, what it does and where it applies.

The `BINDINGS` of the app, of each screen and of each pane are derived from this list
(`bindings(Scope.…)`), and so are the footer (`label`, unless `footer` is False), the
`?` panel (`netday.ui.screens.keys`: the actions bound on the screen in front, grouped
by `SCOPE_TITLES`) and the command palette (the actions with a `palette` title, for
the screen the palette was opened on). Every screen but the main one binds
`Scope.BACK` or `Scope.CLOSE`, so its footer starts with how to leave it. Every binding carries its
`id`, so a user keymap can rebind it: `app.set_keymap({"today.review": "v"})`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding, BindingType

from netday.vocabulary import CallOutcome


class Scope(StrEnum):
    """Where an action applies: the node whose BINDINGS hold it."""

    APP = "app"
    TODAY = "today"
    CALLS = "calls"
    COMMENTS = "comments"
    INVITES = "invites"
    LOG = "log"
    CONTACT = "contact"
    TIMELINE = "timeline"
    PROMISES = "promises"
    OPPORTUNITIES = "opportunities"
    PROPOSALS = "proposals"
    EVENTS = "events"
    EVENT_PEOPLE = "event_people"
    REVIEW = "review"
    INSIGHTS = "insights"
    TRIAGE = "triage"
    PEOPLE = "people"
    PEOPLE_LIST = "people-list"
    WELCOME = "welcome"
    FORM = "form"
    LOG_FORM = "log-form"
    CALL_DONE = "call-done"
    CHOICE = "choice"
    CONFIRM = "confirm"
    MERGE = "merge"
    TRANSFER = "transfer"
    IMPORT = "import"
    EXPORT = "export"
    KEYS = "keys"
    BACK = "back"
    """Leaving a full screen pushed over the main one (its footer says how)."""
    CLOSE = "close"
    """Leaving a box over another screen: a form, a dialog, the keys panel."""


SCOPE_TITLES: dict[Scope, str] = {
    Scope.APP: "Everywhere",
    Scope.TODAY: "Today's screen",
    Scope.CALLS: "Today's calls",
    Scope.COMMENTS: "Comments to write",
    Scope.INVITES: "Pending invites",
    Scope.LOG: "Interaction log",
    Scope.CONTACT: "A contact",
    Scope.TIMELINE: "The timeline",
    Scope.PROMISES: "A contact's promises",
    Scope.OPPORTUNITIES: "Opportunities",
    Scope.PROPOSALS: "Who an opportunity fits",
    Scope.EVENTS: "Events",
    Scope.EVENT_PEOPLE: "An event's people",
    Scope.REVIEW: "The review",
    Scope.INSIGHTS: "Insights",
    Scope.TRIAGE: "Triage",
    Scope.PEOPLE: "People",
    Scope.PEOPLE_LIST: "The people list",
    Scope.WELCOME: "Welcome",
    Scope.FORM: "A form",
    Scope.LOG_FORM: "Logging an interaction",
    Scope.CALL_DONE: "Marking a call done",
    Scope.CHOICE: "A choice of options",
    Scope.CONFIRM: "A question",
    Scope.MERGE: "Merging a duplicate",
    Scope.TRANSFER: "Import and export",
    Scope.IMPORT: "Import",
    Scope.EXPORT: "Export",
    Scope.KEYS: "The keys",
    Scope.BACK: "Leaving",
    Scope.CLOSE: "Leaving",
}
"""Where an action applies, in the words of the keys panel (`?`)."""


PANES = frozenset(
    {
        Scope.CALLS,
        Scope.COMMENTS,
        Scope.INVITES,
        Scope.TIMELINE,
        Scope.PROMISES,
        Scope.PEOPLE_LIST,
        Scope.PROPOSALS,
        Scope.EVENT_PEOPLE,
    }
)
"""Panes run their actions on the screen they sit in (`screen.` in the binding)."""


@dataclass(frozen=True)
class Action:
    id: str
    """Stable name for a keymap: `<scope>.<what>`."""
    key: str
    """Textual key names, comma-separated for several."""
    action: str
    """The action method (without `action_`) and its arguments, on the scope's owner."""
    label: str
    """Short, for the footer and the `?` panel."""
    description: str
    """One line: what it does (the palette's help, the footer's tooltip)."""
    scope: Scope
    footer: bool = True
    palette: str | None = None
    """The palette's title, for an action worth finding there."""
    priority: bool = False
    """Checked before the focused widget (and over every box): only for keys no text
    field types, so a letter typed is never taken for a command."""

    def binding(self) -> Binding:
        action = f"screen.{self.action}" if self.scope in PANES else self.action
        return Binding(
            self.key,
            action,
            self.label,
            show=self.footer,
            id=self.id,
            tooltip=self.description,
            priority=self.priority,
        )


def _a(
    id: str,
    key: str,
    action: str,
    label: str,
    description: str,
    *,
    footer: bool = True,
    palette: str | None = None,
    priority: bool = False,
) -> Action:
    scope = Scope(id.split(".")[0])
    return Action(id, key, action, label, description, scope, footer, palette, priority)


ACTIONS: tuple[Action, ...] = (
    # Leaving: every screen but the main one says on its footer how to leave it. The
    # action is Textual's `Screen.dismiss` (a form is dismissed with None: nothing saved).
    _a("back.leave", "escape", "dismiss", "Back", "Back to where you were"),
    _a("close.leave", "escape", "dismiss", "Close", "Close this, saving nothing typed here"),
    # The main screen. All but the review stay out of the footer, which shows the
    # focused pane's own keys; `?` and the palette list them.
    _a(
        "today.review",
        "r",
        "review",
        "Review",
        "Planned vs done, a line of reflection, export as Markdown",
        palette="Review the day",
    ),
    _a(
        "today.insights",
        "I",
        "insights",
        "Insights",
        "Week by week: time, conversations, invitations, balance, who drifts, diversity",
        footer=False,
        palette="Insights: the return on the investment",
    ),
    _a(
        "today.minutes",
        "m",
        "minutes",
        "Today's minutes",
        "The plan re-sizes to the time you have",
        footer=False,
        palette="Set today's minutes",
    ),
    _a(
        "today.open_contact",
        "c",
        "open_selected_contact",
        "Open contact",
        "Everything about the selected person",
        footer=False,
    ),
    _a(
        "today.add_contact",
        "a",
        "add_contact",
        "Add contact",
        "Who, why they matter, how often to be in touch",
        footer=False,
        palette="Add a contact",
    ),
    _a(
        "today.log",
        "l",
        "log_any",
        "Log an interaction",
        "Any kind, with anyone: type part of a name or company",
        footer=False,
        palette="Log an interaction",
    ),
    _a(
        "today.invite_send",
        "i",
        "invite_send",
        "Send an invitation",
        "Always with a personal message",
        footer=False,
        palette="Send an invitation",
    ),
    _a(
        "today.post_add",
        "p",
        "post_add",
        "Add a post to comment",
        "Author, URL, what it is about",
        footer=False,
        palette="Add a post to comment on",
    ),
    _a(
        "today.search",
        "slash",
        "search",
        "Search",
        "Find people by what you wrote: names, companies, notes, the log, posts, promises",
        footer=False,
    ),
    _a(
        "today.triage",
        "t",
        "triage",
        "Triage imported contacts",
        "Tier A/B/C, personal, skip or archive, one key each",
        footer=False,
        palette="Triage imported contacts",
    ),
    _a(
        "today.people",
        "P",
        "people",
        "People",
        "The whole network: filter by circle, tier, tag, company, due, triage; sort; open",
        footer=False,
        palette="Browse people",
    ),
    _a(
        "today.circle",
        "C",
        "cycle_circle",
        "Circle",
        "Show both circles, only the professional, only the personal: every list follows",
        footer=False,
        palette="Switch circle: both, professional, personal",
    ),
    _a(
        "today.import",
        "ctrl+o",
        "import_contacts",
        "Import contacts",
        "A LinkedIn data export (ZIP, folder, CSV) or vCards",
        footer=False,
        palette="Import contacts",
    ),
    _a(
        "today.export",
        "ctrl+e",
        "export_data",
        "Export",
        "vCard, iCalendar, CSV or the week as Markdown",
        footer=False,
        palette="Export",
    ),
    _a(
        "today.opportunities",
        "o",
        "opportunities",
        "Opportunities",
        "Things worth passing on, and the people each one fits",
        footer=False,
        palette="Opportunities: share what fits",
    ),
    _a(
        "today.events",
        "e",
        "events",
        "Events",
        "Events: the people to meet there, and those met (one key each)",
        footer=False,
        palette="Events: plan whom to meet, log whom you met",
    ),
    _a(
        "today.quit",
        "q",
        "app.quit",
        "Quit",
        "Leave netday (asks first if something typed is not saved)",
    ),
    _a(
        "today.reload",
        "ctrl+r",
        "reload",
        "Reload",
        "Read everything again from the database",
        footer=False,
        palette="Reload",
    ),
    _a(
        "today.undo",
        "u",
        "undo",
        "Undo",
        "Take back the last change made here since netday opened (again for the one before)",
        footer=False,
        palette="Undo the last change",
    ),
    # The panes of the main screen.
    _a("calls.done", "enter,d", "call_done", "Done", "Mark the call done, with a quick note"),
    _a("calls.skip", "s", "call_skip", "Skip", "Not today"),
    _a("calls.snooze", "z", "call_snooze", "Snooze", "Out of every plan until a day you say"),
    _a("comments.done", "enter,d", "post_done", "Commented", "Log what you wrote"),
    _a("comments.skip", "s", "post_skip", "Skip", "Not worth a comment after all"),
    _a("invites.accept", "y", "invite('accept')", "Accept", "A first call goes in the plan"),
    _a("invites.decline", "x", "invite('decline')", "Decline", "Close the invitation"),
    _a("invites.withdraw", "w", "invite('withdraw')", "Withdraw", "Asks first"),
    _a("invites.follow_up", "f", "invite('follow_up')", "Follow up", "Note that you followed up"),
    _a(
        "invites.open",
        "enter",
        "open_selected_contact",
        "Open",
        "The person, if the invitation is linked to a contact",
        footer=False,
    ),
    _a(
        "invites.received",
        "g",
        "invite_received",
        "Got one",
        "From whom, with or without a message",
        palette="Record an invitation you received",
    ),
    # The Interaction log pane runs its own actions (it knows the entries it shows),
    # but for opening the person, which the screen does for every pane.
    _a("log.edit", "e", "edit_entry", "Edit", "Correct the selected interaction"),
    _a("log.delete", "x,delete", "delete_entry", "Delete", "Delete the selected interaction"),
    _a(
        "log.open",
        "enter",
        "screen.open_selected_contact",
        "Open",
        "Everything about this person",
        footer=False,
    ),
    # A contact's screen.
    _a("contact.back", "q", "dismiss", "Back", "Back to where you were", footer=False),
    _a("contact.edit", "e", "edit", "Edit", "Change who, why, tags, notes, cadence…"),
    _a("contact.merge", "m", "merge", "Merge a duplicate", "Move a duplicate's history here"),
    _a(
        "contact.delete",
        "D",
        "delete_contact",
        "Delete contact",
        "Delete this person with their history (asks first, says how much)",
    ),
    _a("contact.promise", "p", "add_promise", "Promise", "Note a promise: yours, or theirs"),
    _a(
        "promises.toggle",
        "enter,space",
        "toggle_promise",
        "Done/open",
        "Mark the selected promise kept, or open again",
    ),
    _a(
        "promises.delete",
        "x,delete",
        "delete_promise",
        "Delete promise",
        "Delete the selected promise (asks first)",
    ),
    _a("timeline.edit", "enter", "edit_entry", "Edit entry", "Correct the selected interaction"),
    _a(
        "timeline.delete",
        "x,delete",
        "delete_entry",
        "Delete entry",
        "Delete the selected interaction (asks first)",
    ),
    # Opportunities.
    _a(
        "opportunities.add", "a", "add", "Add", "An event, webinar, article, job, call for speakers"
    ),
    _a(
        "opportunities.close",
        "c",
        "close_selected",
        "Close",
        "Nothing more to pass on: the selected opportunity leaves the list (undoable)",
    ),
    _a(
        "opportunities.undo",
        "u",
        "undo",
        "Undo",
        "Take back the last change made in this planner (a share, a close, an add…)",
        footer=False,
        palette="Undo the last change",
    ),
    _a(
        "proposals.share",
        "enter,s",
        "share",
        "Share",
        "Pass it on to the selected person, with a line naming them",
    ),
    # Events.
    _a(
        "events.undo",
        "u",
        "undo",
        "Undo",
        "Take back the last change made in this planner (a meeting, a plan, an add…)",
        footer=False,
    ),
    _a("events.add", "a", "add", "Add", "An event on a day, with a place or a link"),
    _a("events.edit", "e", "edit", "Edit", "Correct the selected event: title, day, place, link"),
    _a(
        "events.delete",
        "x,delete",
        "delete",
        "Delete",
        "Delete the selected event and its list of people (asks first; meetings stay logged)",
    ),
    _a(
        "events.plan",
        "p",
        "plan",
        "Plan to meet",
        "Someone to meet at the selected event: on its day, the plan says so",
    ),
    _a(
        "event_people.met",
        "m",
        "met",
        "Met",
        "Met the selected person there (an optional line); the cursor moves to the next",
    ),
    _a(
        "event_people.invite",
        "i",
        "invite",
        "Invite",
        "Send the selected person an invitation, with a personal message",
    ),
    _a(
        "event_people.follow_up",
        "f",
        "follow_up",
        "Follow-up",
        "A promise or a follow-up with the selected person, due on a day",
    ),
    # The review.
    _a("review.save", "ctrl+s", "save", "Save note", "Save the line of reflection"),
    # Alt+arrows work while the reflection is being typed (it takes `[`, `]`, PageUp…).
    _a(
        "review.previous",
        "alt+left,left_square_bracket",
        "day(-1)",
        "Day before",
        "Review the day before",
    ),
    _a(
        "review.next",
        "alt+right,right_square_bracket",
        "day(1)",
        "Day after",
        "Review the day after",
    ),
    _a("review.export", "ctrl+o", "export", "Export .md", "The review as Markdown"),
    # The insights.
    _a(
        "insights.follow",
        "f",
        "follow",
        "Follow / unfollow",
        "Follow the selected company (or stop following it)",
    ),
    _a("insights.weeks", "w", "weeks", "Weeks", "Look back 4, 12, 26 or 52 weeks"),
    _a("insights.export", "ctrl+o", "export", "Export .md", "The insights as Markdown"),
    # Triage.
    _a("triage.a", "a", "decide('a')", "Tier A", "Tier A, with its cadence"),
    _a("triage.b", "b", "decide('b')", "Tier B", "Tier B, with its cadence"),
    _a("triage.c", "c", "decide('c')", "Tier C", "Tier C, with its cadence"),
    _a("triage.personal", "p", "decide('personal')", "Personal", "Personal, the default cadence"),
    _a("triage.skip", "s", "decide('skip')", "Skip", "Decide later"),
    _a("triage.archive", "x", "decide('archive')", "Archive", "Never planned"),
    # The people screen: one key a filter (the filter bar names each key), one the order.
    _a(
        "people.circle",
        "c",
        "cycle('circle')",
        "Circle",
        "Everyone, professional, personal",
        footer=False,
    ),
    _a("people.tier", "t", "cycle('tier')", "Tier", "Every tier, A, B or C", footer=False),
    _a("people.tag", "g", "edit_filter('tag')", "Tag", "Only people with a tag", footer=False),
    _a(
        "people.company",
        "o",
        "edit_filter('company')",
        "Company",
        "Only people at a company (words of its name)",
        footer=False,
    ),
    _a(
        "people.due",
        "d",
        "cycle('due')",
        "Due",
        "Everyone, due today or before, overdue",
        footer=False,
    ),
    _a(
        "people.triage",
        "r",
        "cycle('triage')",
        "Triage",
        "Everyone, waiting in triage, new, skipped, placed",
        footer=False,
    ),
    _a("people.sort", "s", "cycle('sort')", "Sort", "Next due, last conversation, name"),
    _a("people.clear", "x", "clear_filters", "Clear filters", "Everyone again"),
    _a("people-list.open", "enter", "open_selected", "Open", "Everything about this person"),
    # The welcome on an empty database.
    _a("welcome.add", "a", "choose('add')", "Add a contact", "Start with one person"),
    _a("welcome.demo", "d", "choose('demo')", "Open the demo", "A sample network, thrown away"),
    _a("welcome.import", "i", "choose('import')", "Import contacts", "LinkedIn or vCard"),
    # Forms and dialogs.
    _a("form.save", "ctrl+s", "save", "Save", "Save, if every field reads correctly"),
    # How a call went: keys no text field types, so the note is typed freely meanwhile.
    _a(
        "call-done.no_answer",
        "ctrl+n",
        f"outcome('{CallOutcome.NO_ANSWER}')",
        "No answer",
        "Nobody answered: the cadence waits, they come back tomorrow (again: answered)",
    ),
    _a(
        "call-done.message",
        "ctrl+l",
        f"outcome('{CallOutcome.MESSAGE_LEFT}')",
        "Left a message",
        "You left a message: they come back tomorrow (again: answered)",
    ),
    _a("log-form.next", "down", "pick(1)", "Next match", "The next person found", footer=False),
    _a(
        "log-form.previous",
        "up",
        "pick(-1)",
        "Previous match",
        "The previous person found",
        footer=False,
    ),
    _a(
        "choice.next",
        "down,right",
        "choose(1)",
        "Next option",
        "Choose the next option",
        footer=False,
    ),
    _a(
        "choice.previous",
        "up,left",
        "choose(-1)",
        "Previous option",
        "Choose the previous option",
        footer=False,
    ),
    _a("confirm.yes", "y", "answer(True)", "Yes", "Go ahead"),
    _a("confirm.no", "n", "answer(False)", "No", "Do nothing"),
    _a("merge.run", "ctrl+s", "merge", "Merge", "Merge the highlighted duplicate (asks first)"),
    _a("import.run", "ctrl+s", "run", "Import", "Import the file or folder"),
    _a("export.run", "ctrl+s", "run", "Export", "Write the export"),
    _a("keys.close", "question_mark", "dismiss", "Keys", "Close the keys", footer=False),
    # Anywhere.
    _a(
        "app.keys",
        "question_mark",
        "keys",
        "Keys",
        "netday's keys, grouped by where they apply",
        palette="Show all keys",
    ),
    _a(
        "app.opportunity_add",
        "O",
        "add_opportunity",
        "Add an opportunity",
        "Something worth passing on: an event, a webinar, an article, a job…",
        footer=False,
        palette="Add an opportunity",
    ),
    _a(
        "app.theme",
        "ctrl+t",
        "toggle_theme",
        "Light/dark",
        "Switch between the light and the dark theme",
        footer=False,
        palette="Switch to the light or dark theme",
    ),
    _a(
        "app.palette",
        "ctrl+p",
        "command_palette",
        "Find",
        "Anyone by what you wrote about them, any action",
        footer=False,
        priority=True,
    ),
    _a(
        "app.quit",
        "ctrl+q",
        "quit",
        "Quit",
        "Leave netday (asks first if something typed is not saved)",
        footer=False,
        priority=True,
    ),
)

BY_ID = {action.id: action for action in ACTIONS}


def bindings(*scopes: Scope) -> list[BindingType]:
    """The bindings of a node that holds these scopes' actions, in the registry's order."""
    return [action.binding() for action in ACTIONS if action.scope in scopes]


def palette_actions(*scopes: Scope) -> list[Action]:
    """What the palette offers where these scopes apply."""
    return [a for a in ACTIONS if a.palette is not None and a.scope in scopes]
