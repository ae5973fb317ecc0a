"""One handler per command: read the arguments, call a service, print the result."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict

from netday.cleaning import quoted
from netday.cli import render
from netday.cli.jsonify import dumps, event_json, plain, plan_json, review_json, today_json
from netday.cli.transfer import cmd_export, cmd_import, cmd_triage
from netday.errors import NetdayError
from netday.services import (
    contacts,
    events,
    invites,
    journal,
    opportunities,
    planner,
    posts,
    promises,
    review,
    search,
    settings,
    undo,
)
from netday.services.context import Context
from netday.services.people import PeopleFilter, list_people
from netday.vocabulary import Direction, InviteStatus, OwedBy, PeopleSort, PostStatus

Handler = Callable[[Context, argparse.Namespace], int]


def _out(text: str) -> None:
    render.out(text)


def cmd_today(ctx: Context, args: argparse.Namespace) -> int:
    view = review.today_overview(ctx, getattr(args, "minutes", None), getattr(args, "circle", None))
    _out(dumps(today_json(view)) if getattr(args, "json", False) else render.today_text(view))
    return 0


def _direction(args: argparse.Namespace) -> str | None:
    """--gave, --asked (and for an edit --neutral); None when none is given."""
    if args.gave:
        return Direction.GAVE
    if args.asked:
        return Direction.ASKED
    return Direction.NEUTRAL if getattr(args, "neutral", False) else None


def cmd_log(ctx: Context, args: argparse.Namespace) -> int:
    if args.action is not None:
        return cmd_log_change(ctx, args)
    at = journal.read_moment(ctx, args.at) if args.at else None
    follow = journal.read_day(ctx, args.follow_up) if args.follow_up else None
    view = journal.log_interaction(
        ctx,
        args.contact,
        kind=args.kind,
        summary=args.note,
        at=at,
        minutes=args.minutes,
        direction=_direction(args) or Direction.NEUTRAL,
        follow_up_on=follow,
        outcome=args.outcome,
    )
    _out(
        dumps(view)
        if args.json
        else "logged: " + render.interaction_line(view, with_date=True).strip()
    )
    return 0


def cmd_log_change(ctx: Context, args: argparse.Namespace) -> int:
    """`log edit ID ...` (only what is given changes) and `log delete ID` (asks nothing:
    it prints what it deleted, which `netday log` can write again)."""
    if args.action == "delete":
        view = journal.delete_interaction(ctx, args.id)
        verb = "deleted"
    else:
        changes = journal.InteractionChanges(
            kind=args.kind,
            outcome=args.outcome,
            direction=_direction(args),
            at=journal.read_moment(ctx, args.at) if args.at is not None else None,
            minutes=args.minutes,
            summary=args.note,
            follow_up_on=journal.read_day(ctx, args.follow_up) if args.follow_up else None,
            clear_minutes=args.no_minutes,
            clear_follow_up=args.no_follow_up,
        )
        if changes == journal.InteractionChanges():
            raise NetdayError("say what to change: --note, --kind, --outcome, --at, ...")
        view = journal.edit_interaction(ctx, args.id, changes)
        verb = "saved"
    _out(dumps(view) if args.json else f"{verb}: " + render.interaction_line(view, True).strip())
    return 0


def _fields(ctx: Context, args: argparse.Namespace, name: str | None) -> contacts.ContactFields:
    cadence = None
    if args.every is not None:
        cadence = contacts.read_cadence(args.every, ctx.today(), "every")
    elif args.rrule is not None:
        cadence = contacts.read_cadence(args.rrule, ctx.today(), "rrule")
    return contacts.ContactFields(
        full_name=name,
        company=args.company,
        role=args.role,
        email=args.email,
        phone=args.phone,
        profile_url=args.url,
        circle=args.circle,
        tier=args.tier,
        why=args.why,
        notes=args.notes,
        tags=tuple(args.tag) if args.tag else None,
        birthday=contacts.read_birthday(args.birthday or "", "--birthday"),
        connected_on=contacts.read_connected_on(args.connected or "", "--connected"),
        cadence=cadence,
        clear_cadence=args.no_cadence,
    )


def cmd_contact(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "add":
        summary = contacts.add_contact(ctx, _fields(ctx, args, args.name))
        _out(dumps(summary) if args.json else f"added {render.contact_row(summary)}")
    elif args.action == "edit":
        summary = contacts.edit_contact(ctx, args.contact, _fields(ctx, args, args.name))
        _out(dumps(summary) if args.json else f"saved {render.contact_row(summary)}")
    elif args.action == "show":
        detail = contacts.show_contact(ctx, args.contact)
        _out(dumps(detail) if args.json else render.contact_text(detail, ctx.today()))
    elif args.action == "list":
        found = PeopleFilter(
            circle=args.circle,
            tier=args.tier,
            tag=args.tag or "",
            company=args.company or "",
            due=args.due,
            triage=args.triage,
            search=args.search or "",
            archived=args.archived,
        )
        sort = args.sort or (PeopleSort.NEXT_DUE if args.due else PeopleSort.NAME)
        listed = list_people(ctx, found, sort, limit=args.limit, last_talk=False)
        rows = [row.summary for row in listed]
        if args.json:
            _out(dumps(rows))
        else:
            _out("\n".join(render.contact_row(r) for r in rows) or "no contacts")
    elif args.action == "archive":
        summary = contacts.set_archived(ctx, args.contact, not args.undo)
        _out(f"{'archived' if summary.archived else 'restored'} #{summary.id} {summary.name}")
    elif args.action == "delete":
        return cmd_contact_delete(ctx, args)
    elif args.action in ("duplicates", "merge"):
        return cmd_duplicates(ctx, args)
    return 0


def cmd_contact_delete(ctx: Context, args: argparse.Namespace) -> int:
    """Only with --yes; without it, refused with what would go (nothing is written)."""
    if not args.yes:
        going = contacts.deletion_of(ctx, args.contact)
        raise NetdayError(
            f"this deletes #{going.id} {going.what()}; add --yes to delete"
            " (or `netday contact archive` keeps the history)"
        )
    gone = contacts.delete_contact(ctx, args.contact)
    _out(dumps(gone) if args.json else f"deleted #{gone.id} {gone.what()}")
    return 0


def cmd_duplicates(ctx: Context, args: argparse.Namespace) -> int:
    """`contact duplicates` and `contact merge`."""
    from netday.services import merge

    if args.action == "merge":
        report = merge.merge_contacts(ctx, args.keep, args.other, dry_run=args.dry_run)
        _out(dumps(report) if args.json else "\n".join(merge.merge_text(report)))
        return 0
    found = merge.find_duplicates(ctx, limit=args.limit)
    if args.json:
        _out(dumps(found))
    else:
        _out(render.duplicates_text(found))
    return 0


def cmd_company(ctx: Context, args: argparse.Namespace) -> int:
    name = contacts.follow_company(ctx, args.name, not args.undo)
    _out(f"{'stopped following' if args.undo else 'following'} {name}")
    return 0


def cmd_plan(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "show":
        plan = planner.plan_for(ctx)
        _out(dumps(plan_json(plan)) if args.json else "\n".join(render.plan_text(plan)))
        return 0
    if args.action == "skip":
        plan = planner.skip_call(ctx, args.contact)
    else:
        until = journal.read_day(ctx, args.until) if args.until else None
        plan = planner.snooze_contact(ctx, args.contact, until)
    _out("\n".join(render.plan_text(plan)))
    return 0


def cmd_invite(ctx: Context, args: argparse.Namespace) -> int:
    action = args.action
    if action in ("send", "received"):
        if bool(args.contact) == bool(args.name):
            raise NetdayError("name either an existing contact or --name, not both")
        if action == "send":
            view = invites.send_invite(
                ctx, args.message, contact_ref=args.contact, name=args.name, profile_url=args.url
            )
        else:
            view = invites.record_received(
                ctx,
                contact_ref=args.contact,
                name=args.name,
                message=args.message,
                profile_url=args.url,
            )
        if args.json:
            _out(dumps(view))
        else:
            _out(f"recorded: {render.invite_line(view).strip()}")
            for warning in view.warnings:
                _out(f"warning: {warning}")
        return 0
    if action == "list":
        status = None if args.all else args.status or InviteStatus.PENDING
        rows = invites.list_invites(
            ctx, status=status, direction=args.direction, circle=args.circle
        )
        _out(
            dumps(rows)
            if args.json
            else "\n".join(render.invite_line(r) for r in rows) or "no invitations"
        )
        return 0
    if action == "template":
        if args.template_action == "add":
            invites.add_template(ctx, args.name, args.text)
            _out(f"saved template {quoted(args.name)}")
        else:
            for name, body in invites.list_templates(ctx):
                _out(f"{name}: {body}")
        return 0
    operations = {
        "accept": invites.accept_invite,
        "decline": invites.decline_invite,
        "withdraw": invites.withdraw_invite,
    }
    if action == "follow-up":
        view = invites.follow_up_invite(ctx, args.id, args.note)
    else:
        view = operations[action](ctx, args.id)
    _out(render.invite_line(view).strip())
    return 0


def cmd_post(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "add":
        view = posts.add_post(ctx, args.contact, args.url, args.excerpt, args.draft)
        _out(f"added: {render.post_line(view).strip()}")
    elif args.action == "done":
        view = posts.mark_commented(ctx, args.id, args.comment)
        _out(f"commented: {render.post_line(view).strip()}")
    elif args.action == "skip":
        view = posts.skip_post(ctx, args.id)
        _out(f"skipped: {render.post_line(view).strip()}")
    else:
        rows = posts.list_posts(
            ctx, status=None if args.all else PostStatus.TO_COMMENT, circle=args.circle
        )
        _out(
            dumps(rows)
            if args.json
            else "\n".join(render.post_line(r) for r in rows) or "no posts to comment"
        )
    return 0


def cmd_promise(ctx: Context, args: argparse.Namespace) -> int:
    today = ctx.today()
    if args.action == "add":
        owed_by = OwedBy.THEM if args.theirs else OwedBy.ME
        due = promises.read_due(ctx, args.due)
        view = promises.add_promise(ctx, args.contact, args.what, due, owed_by=owed_by)
        _out(f"noted: {render.promise_line(view, today).strip()}")
    elif args.action in ("done", "reopen"):
        view = promises.mark_done(ctx, args.id, done=args.action == "done")
        _out(
            f"{'kept' if args.action == 'done' else 'open again'}: "
            f"{render.promise_line(view, today).strip()}"
        )
    elif args.action == "edit":
        whose = OwedBy.THEM if args.theirs else OwedBy.ME if args.mine else None
        view = promises.edit_promise(
            ctx,
            args.id,
            what=args.what,
            due=promises.read_due(ctx, args.due) if args.due is not None else None,
            owed_by=whose,
        )
        _out(f"edited: {render.promise_line(view, today).strip()}")
    elif args.action == "delete":
        view = promises.delete_promise(ctx, args.id)
        _out(f"deleted: {render.promise_line(view, today).strip()}")
    else:
        if args.contact:
            found = promises.promises_of(ctx, args.contact)
            rows = [
                p for p in found if (args.all or p.is_open) and (not args.due or p.due <= today)
            ]
        else:
            rows = list(
                promises.list_promises(
                    ctx, due_only=args.due, include_done=args.all, circle=args.circle
                )
            )
        _out(
            dumps(rows)
            if args.json
            else "\n".join(render.promise_line(r, today) for r in rows) or "no open promises"
        )
    return 0


def cmd_opportunity(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "add":
        view = opportunities.add_opportunity(
            ctx,
            args.title,
            args.kind,
            url=args.url,
            on=opportunities.read_on(ctx, args.on or ""),
            tags=args.tag,
            notes=args.notes,
        )
        _out(dumps(view) if args.json else f"added: {render.opportunity_line(view).strip()}")
    elif args.action == "list":
        rows = list(opportunities.list_opportunities(ctx, include_closed=args.all))
        _out(
            dumps(rows)
            if args.json
            else "\n".join(render.opportunity_line(r) for r in rows) or "no open opportunities"
        )
    elif args.action == "show":
        detail = opportunities.opportunity_detail(ctx, args.id)
        _out(dumps(detail) if args.json else render.opportunity_text(detail))
    elif args.action == "share":
        share = opportunities.share_opportunity(ctx, args.id, args.contact, args.line)
        _out(dumps(share) if args.json else f"shared with {share.contact_name}: {share.summary}")
    elif args.action in ("close", "reopen"):
        view = opportunities.close_opportunity(ctx, args.id, closed=args.action == "close")
        verb = "closed" if args.action == "close" else "open again"
        _out(f"{verb}: {render.opportunity_line(view).strip()}")
    elif args.action == "edit":
        view = opportunities.edit_opportunity(
            ctx,
            args.id,
            title=args.title,
            kind=args.kind,
            url=args.url,
            on=opportunities.read_on(ctx, args.on) if args.on is not None else None,
            clear_on=args.no_date,
            tags=args.tag,
            notes=args.notes,
        )
        _out(f"edited: {render.opportunity_line(view).strip()}")
    else:
        view = opportunities.delete_opportunity(ctx, args.id)
        _out(f"deleted: {render.opportunity_line(view).strip()}")
    return 0


def cmd_event(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "add":
        view = events.add_event(
            ctx,
            args.title,
            events.read_day(ctx, args.on),
            place=args.place,
            url=args.url,
            notes=args.notes,
        )
        _out(dumps(view) if args.json else f"added: {render.event_line(view).strip()}")
    elif args.action == "list":
        rows = list(events.list_events(ctx))
        _out(
            dumps(rows)
            if args.json
            else "\n".join(render.event_line(r) for r in rows) or "no events yet"
        )
    elif args.action == "show":
        detail = events.event_detail(ctx, args.id, args.circle)
        _out(dumps(event_json(detail)) if args.json else render.event_text(detail))
    elif args.action == "plan":
        planned = events.plan_to_meet(ctx, args.id, args.contact)
        _out(f"planned to meet: {', '.join(p.contact_name for p in planned)}")
    elif args.action == "unplan":
        gone = events.unplan(ctx, args.id, args.contact)
        _out(f"no longer planned: {gone.contact_name}")
    elif args.action == "met":
        met = events.mark_met(ctx, args.id, args.contact, args.line)
        _out(dumps(met) if args.json else f"met {met.contact_name}: {met.summary}")
    elif args.action == "edit":
        view = events.edit_event(
            ctx,
            args.id,
            title=args.title,
            on=events.read_day(ctx, args.on) if args.on is not None else None,
            place=args.place,
            url=args.url,
            notes=args.notes,
        )
        _out(f"edited: {render.event_line(view).strip()}")
    else:
        view = events.delete_event(ctx, args.id)
        _out(f"deleted: {render.event_line(view).strip()}")
    return 0


def cmd_review(ctx: Context, args: argparse.Namespace) -> int:
    day = journal.read_day(ctx, args.date) if args.date else ctx.today()
    if args.note is not None or args.minutes is not None:
        view = review.save_review(ctx, day, args.note, args.minutes, args.circle)
    else:
        view = review.review_day(ctx, day, args.circle)
    if args.json:
        _out(dumps(review_json(view)))
    elif args.md:
        from netday.io.markdown import review_markdown  # only here: it loads the exports

        _out(review_markdown(view))
    else:
        _out(render.review_text(view))
    return 0


def cmd_stats(ctx: Context, args: argparse.Namespace) -> int:
    from netday.services.insights import insights

    view = insights(ctx, args.weeks, args.circle)
    if args.json:
        _out(dumps(plain(view)))
    elif args.md:
        from netday.io.markdown import stats_markdown  # only here: it loads the exports

        _out(stats_markdown(view))
    else:
        _out(render.stats_text(view))
    return 0


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from netday.services.demo import seed_demo

    summary = seed_demo(ctx, args.contacts, args.seed)
    _out(
        f"demo network: {summary.contacts} contacts, {summary.companies} companies, "
        f"{summary.interactions} interactions, {summary.invites} invitations, {summary.posts} posts"
    )
    return 0


def cmd_settings(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "set":
        view = settings.change_setting(ctx, args.key, args.value)
    else:
        view = settings.get_settings(ctx)
    _out(json.dumps(asdict(view), indent=2))
    return 0


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    """People found by what was written about them, best place first (exit 0 either way:
    finding nobody is an answer)."""
    hits = search.search(ctx, " ".join(args.text), limit=args.limit)
    if args.json:
        _out(dumps(hits))
    else:
        _out("\n".join(render.hit_line(hit) for hit in hits) or "nobody found")
    return 0


def cmd_undo(ctx: Context, args: argparse.Namespace) -> int:
    """The last change made from the command line, taken back (exit 1 and the reason when
    there is none, or when what it changed was changed again since)."""
    label = undo.undo_last(ctx)
    _out(dumps({"undone": label}) if args.json else f"undone: {label}")
    return 0


HANDLERS: dict[str, Handler] = {
    "today": cmd_today,
    "log": cmd_log,
    "contact": cmd_contact,
    "company": cmd_company,
    "plan": cmd_plan,
    "invite": cmd_invite,
    "post": cmd_post,
    "promise": cmd_promise,
    "opportunity": cmd_opportunity,
    "event": cmd_event,
    "review": cmd_review,
    "stats": cmd_stats,
    "demo": cmd_demo,
    "settings": cmd_settings,
    "import": cmd_import,
    "export": cmd_export,
    "triage": cmd_triage,
    "search": cmd_search,
    "undo": cmd_undo,
}
