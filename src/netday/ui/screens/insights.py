"""The insights: the return on the investment, week by week, and the reach of the
network (practices 1 and 8).

A line of bars per measure (Textual's own `Sparkline`: it draws a week per cell, needs
nothing beyond Textual, and follows the theme; a plotting widget would add a dependency
for axes that twelve bars do not need), with this week's figure and the window's total
beside it; then the numbers of every week, the give / ask balance, who drifts, the
diversity with its warning, and the companies to follow or to find a person at. All of
it scrolls, so it reads at 80x24 too. Everything comes from one service call
(`services.insights.insights`) in a thread worker.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Sparkline, Static

from netday.errors import NetdayError
from netday.io.markdown import export_insights
from netday.services.contacts import follow_company
from netday.services.context import Context
from netday.services.insights import (
    SHOWN,
    WEEKS_BY_DEFAULT,
    balance_line,
    chart_value,
    diversity_line,
    insights,
    shown_value,
    streak_line,
    window_line,
)
from netday.services.insights_views import CompanyFollow, InsightsView
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.messages import InsightsRead
from netday.ui.text import cell, plain, stacked
from netday.ui.tickets import DropsStaleResults
from netday.wording import plural, short_date

WEEK_CHOICES = (4, 12, 26, 52)
"""The windows `w` steps through (the command line takes any from 1 to 104)."""


class InsightsScreen(DropsStaleResults, RecoversFromFailures, Screen[None]):
    BINDINGS = bindings(Scope.BACK, Scope.INSIGHTS)
    ACTION_SCOPES = (Scope.INSIGHTS,)

    def __init__(
        self, ctx: Context, weeks: int = WEEKS_BY_DEFAULT, *, circle: str | None = None
    ) -> None:
        """`circle`: count only people of that circle (the app's filter, `C`)."""
        super().__init__()
        self.ctx = ctx
        self.weeks = weeks
        self.circle = circle
        self.view: InsightsView | None = None
        self._companies: dict[str, CompanyFollow] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="insights-page"):
            yield Static("", id="insights-summary")
            with VerticalScroll(id="insights"):
                with Vertical(id="insights-charts") as charts:
                    charts.border_title = "Week by week (oldest left) · this week · total"
                    for key, label in SHOWN:
                        with Horizontal(classes="measure"):
                            yield Static(label, classes="measure-label")
                            yield Sparkline([], summary_function=max, id=f"spark-{key}")
                            yield Static("", classes="measure-figures", id=f"figures-{key}")
                for table_id, title in (
                    ("insights-weeks", "The numbers"),
                    ("insights-balance", "Give and ask (who you asked more of first)"),
                    ("insights-drifting", "Drifting: past due, longest first"),
                ):
                    table: DataTable[Text] = DataTable(id=table_id, cursor_type="row")
                    table.border_title = title
                    yield table
                diversity = Static("", id="insights-diversity")
                diversity.border_title = "Diversity of the people you talked with"
                yield diversity
                companies: DataTable[Text] = DataTable(id="insights-companies", cursor_type="row")
                companies.border_title = "Companies (f follows or stops following)"
                yield companies
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#insights-weeks", DataTable).add_columns(
            "Week", *(label for _, label in SHOWN)
        )
        self.query_one("#insights-balance", DataTable).add_columns("Who", "Gave", "Asked")
        self.query_one("#insights-drifting", DataTable).add_columns(
            "Tier", "Who", "Company", "Overdue"
        )
        self.query_one("#insights-companies", DataTable).add_columns(
            "Company", "People", "Next step"
        )
        self.load()

    @work(thread=True, exclusive=True, group="insights", exit_on_error=False)
    def load(self) -> None:
        ticket = self.take_ticket()
        self.post_message(InsightsRead(insights(self.ctx, self.weeks, self.circle), ticket))

    def on_insights_read(self, message: InsightsRead) -> None:
        if self.is_fresh(message.ticket):
            self.show(message.insights)

    def show(self, view: InsightsView) -> None:
        self.view = view
        self.query_one("#insights-summary", Static).update(
            stacked(
                [
                    plain(f"Insights · {window_line(view)}", "bold"),
                    plain(streak_line(view)),
                    plain(balance_line(view)),
                ]
            )
        )
        for key, _ in SHOWN:
            self.query_one(f"#spark-{key}", Sparkline).data = [
                chart_value(w, key) for w in view.weeks
            ]
            figures = f"{shown_value(view.weeks[-1], key):>7} {shown_value(view.total, key):>8}"
            self.query_one(f"#figures-{key}", Static).update(cell(figures))
        weeks = self.query_one("#insights-weeks", DataTable)
        weeks.clear()
        for w in (*reversed(view.weeks), view.total):
            first = "total" if w is view.total else short_date(w.week)
            weeks.add_row(cell(first), *(cell(shown_value(w, key)) for key, _ in SHOWN))
        balance = self.query_one("#insights-balance", DataTable)
        balance.clear()
        for b in view.balances:
            balance.add_row(cell(b.name), cell(str(b.gave)), cell(str(b.asked)))
        drifting = self.query_one("#insights-drifting", DataTable)
        drifting.clear()
        for tier in view.drifting:
            for p in tier.people:
                overdue = plural(p.days_overdue, "day")
                drifting.add_row(cell(tier.tier), cell(p.name), cell(p.company), cell(overdue))
            if tier.total > len(tier.people):
                more = f"… {tier.total - len(tier.people):,} more"
                drifting.add_row(cell(tier.tier), cell(more, "dim"), cell(""), cell(""))
        lines = []
        for d in view.diversity:
            lines.append(plain(diversity_line(d)))
            if d.warning:
                lines.append(plain(f"⚠ {d.warning}", "bold yellow"))
        self.query_one("#insights-diversity", Static).update(stacked(lines))
        self.show_companies(view)

    def show_companies(self, view: InsightsView) -> None:
        table = self.query_one("#insights-companies", DataTable)
        row = table.cursor_row
        table.clear()
        self._companies = {}
        for company, step in (
            *(
                (c, "followed, nobody known: find one person to invite")
                for c in view.followed_unknown
            ),
            *((c, "people there, not followed") for c in view.known_unfollowed),
        ):
            key = str(company.id)
            self._companies[key] = company
            table.add_row(cell(company.name), cell(f"{company.people:,}"), cell(step), key=key)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def selected_company(self) -> CompanyFollow | None:
        table = self.query_one("#insights-companies", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._companies.get(key or "")

    def action_follow(self) -> None:
        company = self.selected_company()
        if company is None:
            self.notify("No company to follow here.", severity="warning")
            return
        self.follow(company)

    @work(thread=True, group="follow", exit_on_error=False)
    def follow(self, company: CompanyFollow) -> None:
        try:
            name = follow_company(self.ctx, company.name, not company.followed)
        except NetdayError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="warning")
            return
        said = f"Stopped following {name}" if company.followed else f"Following {name}"
        self.app.call_from_thread(self.notify, f"{said} (u on the main screen undoes it).")
        self.app.call_from_thread(self.load)

    def action_weeks(self) -> None:
        later = [w for w in WEEK_CHOICES if w > self.weeks]
        self.weeks = later[0] if later else WEEK_CHOICES[0]
        self.notify(f"The last {self.weeks} weeks.")
        self.load()

    @work(thread=True, group="export", exit_on_error=False)
    def action_export(self) -> None:
        try:
            path = export_insights(self.ctx, self.weeks, circle=self.circle)
        except (NetdayError, OSError) as exc:
            self.app.call_from_thread(self.app.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.app.notify, f"Exported to {path}")
