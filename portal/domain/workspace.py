"""The agency's inbox in three tabs, so open work is never lost among answers already published."""
from sqlalchemy import func

from portal.domain.lifecycle import OPEN_STATUSES, STATUSES
from portal.models import Petition

# Open work first; a draft waiting for the head next; then whatever needs nothing more from the agency.
INBOX_TABS = {
    "open": frozenset(OPEN_STATUSES - {"answered"}),
    "awaiting": frozenset({"answered"}),
    "done": frozenset(set(STATUSES) - OPEN_STATUSES),
}


def tab_of(status: str) -> str:
    return next(tab for tab, statuses in INBOX_TABS.items() if status in statuses)


def choose_tab(requested: str | None, status: str | None) -> str:
    """The tab asked for; a chosen status opens the tab that holds it; else open work."""
    if requested in INBOX_TABS:
        return requested
    return tab_of(status) if status in STATUSES else "open"


def tab_counts(query) -> dict[str, int | None]:
    """How many items of the (already filtered) inbox query the open tabs hold. The ended items, most of an
    agency's history, are not counted: that would read every one of them on each visit (None: not counted)."""
    waiting = frozenset().union(INBOX_TABS["open"], INBOX_TABS["awaiting"])
    by_status = dict(query.order_by(None).filter(Petition.status.in_(waiting))
                     .with_entities(Petition.status, func.count(Petition.id)).group_by(Petition.status).all())
    counts = {tab: sum(by_status.get(status, 0) for status in INBOX_TABS[tab]) for tab in ("open", "awaiting")}
    return {**counts, "done": None}


# The orders the inbox offers besides the tab's own: most supported ("tôi cũng gặp") first.
SORTS = ("supporters",)


def in_tab(query, tab: str, sort: str = ""):
    """The items of a tab in the order they are worked: open ones by due date, the longest due first; ended ones
    newest first (walking the primary key backwards, so a long history costs nothing). sort="supporters": the most
    supported first, then in that order."""
    query = query.filter(Petition.status.in_(INBOX_TABS[tab]))
    if sort == "supporters":
        query = query.order_by(Petition.supporters.desc())
    if tab == "done":
        return query.order_by(Petition.id.desc())
    # Within a day, by the hour it is due: an urgent item due at 10:00 before the day's 17:00 ones.
    return query.order_by(Petition.due_date.is_(None), Petition.due_date, Petition.due_at, Petition.id)
