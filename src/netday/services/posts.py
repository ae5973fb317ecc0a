"""Posts worth a thoughtful comment: a daily list, not an afterthought (practice 5)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from netday import limits
from netday.cleaning import clean_block, clean_line
from netday.errors import NetdayError, NotFound
from netday.services.circles import in_circle
from netday.services.context import Context
from netday.services.journal import record_interaction
from netday.services.lookup import resolve_contact
from netday.services.snapshots import post_view
from netday.services.undo import undoable
from netday.services.views import PostView
from netday.store.models import Contact, Post
from netday.vocabulary import InteractionKind, PostStatus

WAITING_LIMIT = 50


def _author(session: Session, post: Post) -> str:
    if post.author_id is None:
        return ""
    contact = session.get(Contact, post.author_id)
    return contact.full_name if contact else ""


def _whose(session: Session, post: Post) -> str:
    """`Ana Souza's` (or `a`, for a post by nobody netday knows), as a label says it."""
    author = _author(session, post)
    return f"{author}'s" if author else "a"


def _block(text: str, what: str) -> str:
    return clean_block(text, what=what, limit=limits.LONG_TEXT)


def check_post(url: str, excerpt: str) -> tuple[str, str]:
    """A post's URL and excerpt, cleaned; refused when both are empty, since the post
    could not be found again."""
    url = clean_line(url, what="a post's URL", limit=limits.POST_URL)
    excerpt = _block(excerpt, "an excerpt")
    if not url and not excerpt:
        raise NetdayError("a post needs a URL or an excerpt to find it again")
    return url, excerpt


def add_post(
    ctx: Context, author_ref: str, url: str = "", excerpt: str = "", draft: str = ""
) -> PostView:
    url, excerpt = check_post(url, excerpt)
    draft = _block(draft, "a draft comment")
    with undoable(ctx) as (session, step):
        author = resolve_contact(session, author_ref)
        step.label = f"Added a post by {author.full_name}"
        post = Post(
            author_id=author.id,
            url=url,
            excerpt=excerpt,
            found_at=ctx.now(),
            status=PostStatus.TO_COMMENT,
            draft_comment=draft,
        )
        session.add(post)
        session.flush()
        return post_view(post, author.full_name, ctx.today())


def _pending(session: Session, post_id: int) -> Post:
    if not 1 <= post_id <= limits.ID_MAX:
        raise NotFound(f"no post has that id (ids are 1 to {limits.ID_MAX:,})")
    post = session.get(Post, post_id)
    if post is None:
        raise NotFound(f"no post has id {post_id}")
    if post.status != PostStatus.TO_COMMENT:
        raise NetdayError(f"post {post_id} is already {post.status.replace('_', ' ')}")
    return post


def mark_commented(ctx: Context, post_id: int, comment: str = "") -> PostView:
    """Done: the comment is kept and logged as a light touch with the author."""
    now = ctx.now()
    comment = _block(comment, "a comment")
    with undoable(ctx) as (session, step):
        post = _pending(session, post_id)
        text = comment or post.draft_comment
        post.status, post.done_at, post.draft_comment = PostStatus.COMMENTED, now, text
        if post.author_id is not None:
            author = session.get_one(Contact, post.author_id)
            summary = text or "Commented on a post"
            if post.url:
                summary += f" ({post.url})"
            summary = summary[: limits.LONG_TEXT]
            record_interaction(
                session, author, kind=InteractionKind.COMMENT, at=now, now=now, summary=summary
            )
        step.label = f"Commented on {_whose(session, post)} post"
        session.flush()
        return post_view(post, _author(session, post), ctx.today())


def skip_post(ctx: Context, post_id: int) -> PostView:
    with undoable(ctx) as (session, step):
        post = _pending(session, post_id)
        post.status, post.done_at = PostStatus.SKIPPED, ctx.now()
        step.label = f"Skipped {_whose(session, post)} post"
        session.flush()
        return post_view(post, _author(session, post), ctx.today())


def waiting_posts(
    session: Session, ctx: Context, limit: int = WAITING_LIMIT, circle: str | None = None
) -> tuple[list[PostView], int]:
    """Posts still to comment, oldest first, and how many there are in all; with a
    `circle`, only those whose author is in it."""
    waiting = (Post.status == PostStatus.TO_COMMENT, in_circle(Post.author_id, circle))
    rows = session.execute(
        select(Post, Contact.full_name)
        .outerjoin(Contact, Contact.id == Post.author_id)
        .where(*waiting)
        .order_by(Post.found_at, Post.id)
        .limit(limit)
    )
    views = [post_view(post, name or "", ctx.today()) for post, name in rows]
    total = session.scalar(select(func.count()).select_from(Post).where(*waiting))
    return views, int(total or 0)


def list_posts(
    ctx: Context,
    status: str | None = PostStatus.TO_COMMENT,
    limit: int = 200,
    circle: str | None = None,
) -> list[PostView]:
    """Posts, oldest first; with a `circle`, only those whose author is in it."""
    query = (
        select(Post, Contact.full_name)
        .outerjoin(Contact, Contact.id == Post.author_id)
        .where(in_circle(Post.author_id, circle))
        .order_by(Post.found_at, Post.id)
        .limit(limit)
    )
    if status:
        query = query.where(Post.status == status)
    with ctx.db.reading() as session:
        return [post_view(p, n or "", ctx.today()) for p, n in session.execute(query)]
