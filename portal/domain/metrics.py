"""Response, on-time and satisfaction figures, as defined once in DOMAIN.md.

Every figure is a sum over the daily and monthly rollups (portal/domain/rollups.py), which are kept in step with
every change, so a year costs a few thousand rows whatever the size of the archive. `conditions` states the same
figures as conditions on the petitions, for the drill-down lists; the tests check that a list holds as many items
as its figure counts, and that the rollups equal a count of the archive (tests/oracles.py).
"""
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, literal_column, or_

from portal.domain.calendar import LOCAL_TZ
from portal.domain.lifecycle import NEVER_ANSWERED, PUBLISHED_STATUSES
from portal.domain.ratings import SCORE_ELEMENTS
from portal.domain.rollups import REOPENING_STEPS, RESPONSIBILITY_STEPS
from portal.models import (NONE_ID, Agency, CohortAnswer, DailyAgencyFigure, DailyFigure, DailyHandling, DailyRating,
                           DailyResponsibility, MonthlyAgencyFigure, MonthlyFigure, MonthlyHandling, Petition,
                           PetitionEvent, PetitionRejection)

THRESHOLD_PERCENT = 75.0


@dataclass(frozen=True)
class Period:
    """[first, last] local days, and the naive-UTC instants that bound them."""

    first: date
    last: date

    @property
    def start(self) -> datetime:
        return _utc(self.first)

    @property
    def end(self) -> datetime:
        return _utc(self.last + timedelta(days=1))

    def previous(self) -> "Period":
        length = (self.last - self.first).days + 1
        return Period(self.first - timedelta(days=length), self.first - timedelta(days=1))


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(), LOCAL_TZ).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def wilson_interval(successes: int, total: int, z: float = 1.96) -> list[float] | None:
    """95% Wilson score interval of a proportion, in percent."""
    if not total:
        return None
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    margin = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return [round(100 * max(0.0, centre - margin), 1), round(100 * min(1.0, centre + margin), 1)]


@dataclass(frozen=True)
class Filters:
    """Optional narrowing of every figure: one category, one channel."""

    category_id: int | None = None
    channel: str | None = None

    def apply(self, query):
        if self.category_id:
            query = query.filter(Petition.category_id == self.category_id)
        if self.channel:
            query = query.filter(Petition.channel == self.channel)
        return query


NO_FILTERS = Filters()
COUNT_KEYS = ("received", "received_answered", "answered", "on_time", "open_overdue", "received_rejected")


def conditions(period: Period) -> dict:
    """Each figure as a condition on the petitions, for the drill-down lists: it selects exactly the items the
    rollups count for that figure (rollups.petition_items), as tests/domain/test_metrics.py checks."""
    in_period = and_(Petition.created_at >= period.start, Petition.created_at < period.end)
    published_in = and_(Petition.published_at >= period.start, Petition.published_at < period.end)
    open_overdue = and_(
        Petition.created_at < period.end,
        or_(Petition.published_at.is_(None), Petition.published_at >= period.end),
        or_(Petition.status.notin_(NEVER_ANSWERED), Petition.closed_at >= period.end),
        Petition.due_date < period.last + timedelta(days=1),
    )
    return {
        "received": in_period,
        "received_answered": and_(in_period, Petition.published_at < period.end),
        "answered": published_in,
        "on_time": and_(published_in, Petition.answered_on_time.is_(True)),
        "late": and_(published_in, Petition.answered_on_time.is_(False)),
        "open_overdue": open_overdue,
        "received_rejected": and_(in_period, Petition.status == "rejected"),
    }


def petition_counts(session, period: Period, filters: Filters = NO_FILTERS, *, overall: bool = False,
                    cohort: bool = True) -> dict:
    """received, received_answered (cohort), answered, on_time, open_overdue per agency id (or all in one, key 1).
    Without `cohort`, received_answered may count answers published after the period (it is then not used)."""
    if filters.category_id or filters.channel:
        counts = _fine_counts(session, period, filters, overall)
    else:
        counts = _agency_counts(session, period, overall)
    if not cohort:
        return counts
    # The rollups count answers received in the period whenever they came; take away those published after it.
    for key, n in _answered_after(session, period, filters, overall).items():
        if key in counts:
            counts[key]["received_answered"] -= n
    return counts


def _answered_after(session, period: Period, filters: Filters, overall: bool) -> dict:
    """Per agency (or all in one, key 1): items received in the period and published after it. Unfiltered, the
    months after the period's own come from CohortAnswer, and only the rest of its last month (nothing, for a
    period ending on a month's last day or today) from the petitions; filtered, all from the petitions."""
    late: dict = {}
    next_month = _month_end(period.last) + timedelta(days=1)
    unfiltered = not (filters.category_id or filters.channel)
    if unfiltered:
        c = CohortAnswer
        key = literal_column("1") if overall else c.agency_id
        months = (session.query(key, func.sum(c.answers))
                  .filter(c.received_day >= period.first, c.received_day <= period.last,
                          c.published_month >= next_month, c.agency_id != NONE_ID).group_by(key))
        late.update((k, int(n or 0)) for k, n in months)
    key = literal_column("1") if overall else Petition.agency_id
    created_at = _without_index(session, Petition.created_at)
    rest = (session.query(key, func.count(Petition.id))
            .filter(Petition.published_at >= period.end, created_at >= period.start,
                    created_at < period.end, Petition.agency_id.isnot(None)))
    if unfiltered:
        rest = rest.filter(Petition.published_at < _utc(next_month))
    for k, n in filters.apply(rest).group_by(key):
        late[k] = late.get(k, 0) + n
    return late


def _agency_counts(session, period: Period, overall: bool) -> dict:
    """From the per-day, per-agency rollup: a few rows a day, whatever the archive holds."""
    f = DailyAgencyFigure
    in_period = and_(f.day >= period.first, f.day <= period.last)
    sum_in = lambda column: func.sum(case((in_period, column), else_=0))  # noqa: E731
    group = literal_column("1") if overall else f.agency_id
    query = (session.query(group, sum_in(f.received), sum_in(f.received_answered), sum_in(f.answered),
                           sum_in(f.on_time), func.sum(f.overdue_start - f.overdue_stop), sum_in(f.received_rejected))
             .filter(f.day <= period.last, f.agency_id != NONE_ID))
    return {key: dict(zip(COUNT_KEYS, (int(v or 0) for v in values))) for key, *values in query.group_by(group)}


def _fine_counts(session, period: Period, filters: Filters, overall: bool) -> dict:
    group = [] if overall else ["agency_id"]
    flows = fine_sums(session, period.first, period.last, filters, group,
                      lambda f: [f.received, f.received_answered, f.answered, f.on_time, f.received_rejected])
    still_open = fine_sums(session, None, period.last, filters, group, lambda f: [f.overdue_start - f.overdue_stop])
    counts = {}
    for key in flows.keys() | still_open.keys():
        flow = flows.get(key, [0, 0, 0, 0, 0])
        values = flow[:4] + still_open.get(key, [0]) + flow[4:]
        counts[1 if overall else key[0]] = dict(zip(COUNT_KEYS, values))
    return counts


def fine_sums(session, first: date | None, last: date, filters: Filters, group: list[str], columns) -> dict:
    """Sums of `columns(model)` of the category × channel rollups over the days [first, last] (all history when
    `first` is None), per `group`: whole months from MonthlyFigure, the ragged ends added or taken away from
    DailyFigure as split_period says."""
    months, days = split_period(first, last)
    parts = [(DailyFigure, DailyFigure.day, start, end, sign) for start, end, sign in days]
    if months:
        parts.append((MonthlyFigure, MonthlyFigure.month, months[0], months[1], 1))
    totals: dict[tuple, list[int]] = {}
    for model, day, start, end, sign in parts:
        query = session.query(*(getattr(model, g) for g in group), *(func.sum(c) for c in columns(model)))
        query = query.filter(day <= end, model.agency_id != NONE_ID)
        if start is not None:
            query = query.filter(day >= start)
        if filters.category_id:
            query = query.filter(model.category_id == filters.category_id)
        if filters.channel:
            query = query.filter(model.channel == filters.channel)
        for row in query.group_by(*(getattr(model, g) for g in group)) if group else [query.one()]:
            key, values = tuple(row[:len(group)]), [sign * int(v or 0) for v in row[len(group):]]
            if all(v is None for v in row[len(group):]):
                continue
            totals[key] = [a + b for a, b in zip(totals.get(key, [0] * len(values)), values)]
    return totals


def _without_index(session, column):
    """SQLite would walk the whole period through the created_at index; "+column" makes it take the published_at
    one, which holds only the few answers published after the period. PostgreSQL's planner chooses well alone."""
    if session.get_bind().dialect.name == "sqlite":
        return literal_column(f"+{column.table.name}.{column.name}", type_=column.type)
    return column


def rating_counts(session, period: Period) -> dict[int, dict]:
    """Per agency: number of ratings, and per element how many were 4 or 5."""
    r = DailyRating
    rows = (session.query(r.agency_id, func.sum(r.ratings), *(func.sum(getattr(r, e)) for e in SCORE_ELEMENTS))
            .filter(r.day >= period.first, r.day <= period.last).group_by(r.agency_id).all())
    return {agency_id: {"ratings": int(n), "satisfied": dict(zip(SCORE_ELEMENTS, (int(v or 0) for v in values)))}
            for agency_id, n, *values in rows if n}


def reopen_counts(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, int]:
    """Per agency: its answers sent back in the period because their sender rated them "not resolved" within 7 days
    (reopened, or the second time returned to the coordinator: lifecycle.is_reopening). Unfiltered from the
    rollups; under a category or channel filter from those steps' events (one index holds them)."""
    if filters.category_id or filters.channel:
        e = PetitionEvent
        query = (session.query(e.agency_id, func.count(e.id)).join(Petition, Petition.id == e.petition_id)
                 .filter(reopening_events(period), e.agency_id.isnot(None)))
        return {agency_id: int(n) for agency_id, n in filters.apply(query).group_by(e.agency_id)}
    r = DailyResponsibility
    rows = (session.query(r.agency_id, func.sum(r.reopened))
            .filter(r.day >= period.first, r.day <= period.last, r.agency_id != NONE_ID).group_by(r.agency_id))
    return {agency_id: int(n) for agency_id, n in rows if n}


def rejected_counts(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, int]:
    """Per agency (NONE_ID: rejected while still with the coordinator): petitions rejected in the period. Unfiltered
    from the rollups; under a category or channel filter from the rejection events."""
    if filters.category_id or filters.channel:
        e = PetitionEvent
        query = (session.query(e.agency_id, func.count(e.id)).join(Petition, Petition.id == e.petition_id)
                 .filter(e.kind == "transition", e.to_status == "rejected", e.at >= period.start, e.at < period.end))
        return {agency_id or NONE_ID: int(n) for agency_id, n in filters.apply(query).group_by(e.agency_id)}
    r = DailyResponsibility
    rows = (session.query(r.agency_id, func.sum(r.rejected))
            .filter(r.day >= period.first, r.day <= period.last).group_by(r.agency_id))
    return {agency_id: int(n) for agency_id, n in rows if n}


def rejected_by_reason_counts(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, dict[str, int]]:
    """Per agency (NONE_ID: rejected while still with the coordinator): petitions rejected in the period, per reason
    (rejections.REASONS, every reason present). Read from the rejection records: workflow.reject writes one with the
    rejection's own moment and agency, so per agency the reasons add up to rejected_counts. An agency head's
    proposal is not a rejection; the coordinator's confirmation is, under the reason it gives. The records are read
    through their (kind, at) index: a period's rejections are a short range of it, a small share of the archive."""
    r = PetitionRejection
    query = (session.query(r.agency_id, r.reason, func.count(r.id))
             .filter(r.kind == "rejection", r.at >= period.start, r.at < period.end))
    if filters.category_id or filters.channel:
        query = filters.apply(query.join(Petition, Petition.id == r.petition_id))
    counts: dict[int, dict[str, int]] = {}
    for agency_id, reason, n in query.group_by(r.agency_id, r.reason):
        counts.setdefault(agency_id or NONE_ID, _no_rejections())[reason] = int(n)
    return counts


def _no_rejections() -> dict[str, int]:
    """{reason: 0} for every reason of the list, in its order."""
    from portal.domain.rejections import REASONS  # imported here: rejections reads Period from this module

    return dict.fromkeys(REASONS, 0)


def late_acknowledgement_counts(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, int]:
    """Per agency: assigned petitions it did not accept within its acknowledgement deadline, counted on the day
    found late (domain/overdue.mark_late_acknowledgement). Unfiltered from the rollups; under a category or channel
    filter from those events."""
    if filters.category_id or filters.channel:
        e = PetitionEvent
        query = (session.query(e.agency_id, func.count(e.id)).join(Petition, Petition.id == e.petition_id)
                 .filter(e.kind == "ack_late", e.at >= period.start, e.at < period.end, e.agency_id.isnot(None)))
        return {agency_id: int(n) for agency_id, n in filters.apply(query).group_by(e.agency_id)}
    r = DailyResponsibility
    rows = (session.query(r.agency_id, func.sum(r.late_acknowledgements))
            .filter(r.day >= period.first, r.day <= period.last, r.agency_id != NONE_ID).group_by(r.agency_id))
    return {agency_id: int(n) for agency_id, n in rows if n}


def reopening_events(period: Period):
    """The events of reopenings in the period, as a condition (the same rule as rollups.event_contribution)."""
    e = PetitionEvent
    return and_(e.kind == "transition", e.to_status.in_(REOPENING_STEPS), e.from_status.in_(PUBLISHED_STATUSES),
                e.at >= period.start, e.at < period.end)


def satisfaction(ratings: dict | None, min_sample: int) -> tuple[float | None, list | None, dict]:
    """Overall index (mean of the five elements), its Wilson interval on the pooled proportion, and each element."""
    if not ratings or ratings["ratings"] < min_sample:
        return None, None, {e: None for e in SCORE_ELEMENTS}
    n = ratings["ratings"]
    elements = {e: percent(ratings["satisfied"][e], n) for e in SCORE_ELEMENTS}
    index = round(sum(elements.values()) / len(elements), 1)
    pooled = sum(ratings["satisfied"].values())
    return index, wilson_interval(pooled, n * len(SCORE_ELEMENTS)), elements


def handling_times(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, dict]:
    """Mean and median working days from receipt to publication, per agency, for answers published in the period."""
    if filters.category_id or filters.channel:
        return filtered_handling_times(session, period, filters)
    return rollup_handling_times(session, period)


def filtered_handling_times(session, period: Period, filters: Filters) -> dict[int, dict]:
    """Whole months from the monthly histogram, the ragged ends counted from the petitions (index-only), added or
    taken away as split_period says."""
    months, days = split_period(period.first, period.last)
    rows = []
    if months:
        m = MonthlyHandling
        query = (session.query(m.agency_id, m.handling_days, func.sum(m.answers))
                 .filter(m.month >= months[0], m.month <= months[1], m.agency_id != NONE_ID))
        if filters.category_id:
            query = query.filter(m.category_id == filters.category_id)
        if filters.channel:
            query = query.filter(m.channel == filters.channel)
        rows += query.group_by(m.agency_id, m.handling_days).all()
    for first, last, sign in days:
        query = (session.query(Petition.agency_id, Petition.handling_days, func.count(Petition.id))
                 .filter(conditions(Period(first, last))["answered"], Petition.handling_days.isnot(None)))
        rows += [(agency_id, handling_days, sign * n) for agency_id, handling_days, n in
                 filters.apply(query).group_by(Petition.agency_id, Petition.handling_days)]
    return from_histogram(_merge_histograms(rows))


def _merge_histograms(rows) -> list[tuple[int, int, int]]:
    merged: dict[tuple[int, int], int] = {}
    for agency_id, days, answers in rows:
        merged[(agency_id, days)] = merged.get((agency_id, days), 0) + int(answers or 0)
    return [(agency_id, days, n) for (agency_id, days), n in merged.items()]


def split_period(first: date | None, last: date) -> tuple[tuple[date | None, date] | None, list[tuple[date, date, int]]]:
    """[first, last] (first None: from the beginning) as a range of whole months (first days of the first and
    last month) and day ranges to add (+1) or take away (-1). Each ragged end is either added day by day, or its
    whole month is taken and the days outside the period taken away, whichever reads fewer days: a year ending
    today takes this month whole, less the days still to come (which hold nothing)."""
    months_from, days = first, []
    if first is not None and first.day != 1:
        month, month_end = first.replace(day=1), _month_end(first)
        if (first - month).days <= (month_end - first).days:
            months_from, days = month, [(month, first - timedelta(days=1), -1)]
        else:
            months_from, days = month_end + timedelta(days=1), [(first, month_end, 1)]
    months_to, month_end = last.replace(day=1), _month_end(last)  # months_to: the first day of the last month
    if last != month_end:
        if (month_end - last).days <= last.day:
            days.append((last + timedelta(days=1), month_end, -1))
        else:
            days.append((months_to, last, 1))
            months_to = (months_to - timedelta(days=1)).replace(day=1)
    if months_from is not None and months_from > months_to:
        return None, [(first, last, 1)]
    return (months_from, months_to), days


def _month_end(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def rollup_handling_times(session, period: Period) -> dict[int, dict]:
    """From the histogram of handling days kept in the rollups: a few hundred rows for a year."""
    h = DailyHandling
    return from_histogram(session.query(h.agency_id, h.handling_days, func.sum(h.answers))
                           .filter(h.day >= period.first, h.day <= period.last, h.agency_id != NONE_ID)
                           .group_by(h.agency_id, h.handling_days))


def from_histogram(rows) -> dict[int, dict]:
    histogram = {}
    for agency_id, days, answers in rows:
        if answers:
            histogram.setdefault(agency_id, []).append((days, int(answers)))
    return {agency_id: {"mean_handling_days": round(sum(d * n for d, n in bins) / sum(n for _, n in bins), 1),
                        "median_handling_days": median_of_histogram(bins)} for agency_id, bins in histogram.items()}


def median_of_histogram(bins: list[tuple[int, int]]) -> float:
    """The median of values given as (value, how many), ordered like a sorted list would be."""
    bins, total = sorted(bins), sum(n for _, n in bins)
    wanted = [(total - 1) // 2, total // 2]  # 0-based positions of the middle value(s)
    found, seen = [], 0
    for value, n in bins:
        while wanted and wanted[0] < seen + n:
            found.append(value)
            wanted.pop(0)
        seen += n
    return sum(found) / len(found)


def agency_rows(session, period: Period, min_sample: int, filters: Filters = NO_FILTERS, *,
                for_rank_only: bool = False, rejected: dict | None = None,
                rejected_by_reason: dict | None = None) -> list[dict]:
    """Every figure of every active agency. `for_rank_only` (the previous period) skips what ranks do not use:
    handling times, the response-rate cohort, reopenings, rejections and late acknowledgements. The rejections
    (rejected_counts, rejected_by_reason_counts) come from the caller, which reads those of no agency from them too."""
    counts = petition_counts(session, period, filters, cohort=not for_rank_only)
    handling = {} if for_rank_only else handling_times(session, period, filters)
    reopened = {} if for_rank_only else reopen_counts(session, period, filters)
    late_acks = {} if for_rank_only else late_acknowledgement_counts(session, period, filters)
    return figure_rows(session, counts, handling, rating_counts(session, period), min_sample, reopened,
                       rejected=rejected, rejected_by_reason=rejected_by_reason, late_acknowledgements=late_acks)


def figure_rows(session, counts: dict, handling: dict, ratings: dict, min_sample: int,
                reopened: dict[int, int], *, rejected: dict[int, int] | None = None,
                rejected_by_reason: dict[int, dict[str, int]] | None = None,
                late_acknowledgements: dict[int, int] | None = None) -> list[dict]:
    """The rates, indices and flags of every active agency from its counts (petition_counts), handling times,
    ratings (rating_counts), reopenings (reopen_counts) and rejections (rejected_counts,
    rejected_by_reason_counts)."""
    rows = []
    for agency in session.query(Agency).filter_by(active=True).order_by(Agency.code):
        c = counts.get(agency.id, dict.fromkeys(COUNT_KEYS, 0))
        index, interval, elements = satisfaction(ratings.get(agency.id), min_sample)
        on_time_rate = percent(c["on_time"], c["answered"] + c["open_overdue"])
        rows.append({
            "code": agency.code, "name": agency.name, "received": c["received"], "answered": c["answered"],
            "on_time": c["on_time"], "overdue": c["open_overdue"] + (c["answered"] - c["on_time"]),
            # A rejected petition is never answered: out of the denominator, and shown beside the rate.
            "response_rate": percent(c["received_answered"], c["received"] - c["received_rejected"]),
            "rejected": (rejected or {}).get(agency.id, 0),
            "rejected_by_reason": (rejected_by_reason or {}).get(agency.id) or _no_rejections(),
            "on_time_rate": on_time_rate,
            "satisfaction_index": index, "satisfaction_ci": interval, "elements": elements,
            "ratings": (ratings.get(agency.id) or {}).get("ratings", 0),
            "reopened": reopened.get(agency.id, 0), "reopen_rate": percent(reopened.get(agency.id, 0), c["answered"]),
            "late_acknowledgements": (late_acknowledgements or {}).get(agency.id, 0),
            **handling.get(agency.id, {"mean_handling_days": None, "median_handling_days": None}),
            "below_threshold": any(v is not None and v < THRESHOLD_PERCENT for v in (index, on_time_rate)),
        })
    return rows


def assign_ranks(rows: list[dict]) -> None:
    """Rank agencies that have a figure: by satisfaction index, then on-time rate (missing figures last)."""
    ranked = [r for r in rows if r["satisfaction_index"] is not None or r["on_time_rate"] is not None]
    ranked.sort(key=lambda r: (-(r["satisfaction_index"] if r["satisfaction_index"] is not None else -1),
                               -(r["on_time_rate"] if r["on_time_rate"] is not None else -1), r["code"]))
    for position, row in enumerate(ranked, start=1):
        row["rank"] = position
    for row in rows:
        row.setdefault("rank", None)


def agency_ranking(session, date_from: date, date_to: date, *, min_sample: int = 30,
                   filters: Filters = NO_FILTERS) -> dict:
    """The figures of every agency for [date_from, date_to], ranked, with the change from the previous period."""
    period = Period(date_from, date_to)
    rejected, by_reason = rejected_counts(session, period, filters), rejected_by_reason_counts(session, period, filters)
    return ranking(period, agency_rows(session, period, min_sample, filters, rejected=rejected,
                                       rejected_by_reason=by_reason),
                   agency_rows(session, period.previous(), min_sample, filters, for_rank_only=True),
                   rejected_without_agency=rejected.get(NONE_ID, 0),
                   rejected_by_reason_without_agency=by_reason.get(NONE_ID))


def ranking(period: Period, rows: list[dict], previous: list[dict], *, rejected_without_agency: int = 0,
            rejected_by_reason_without_agency: dict[str, int] | None = None) -> dict:
    """The period's rows (agency_rows) ranked, each with its rank change from the previous period's rows."""
    assign_ranks(rows)
    assign_ranks(previous)
    previous_rank = {r["code"]: r["rank"] for r in previous}
    for row in rows:
        before = previous_rank.get(row["code"])
        row["rank_change"] = before - row["rank"] if before is not None and row["rank"] is not None else None
    return {"period": {"from": period.first.isoformat(), "to": period.last.isoformat()},
            "overall": overall(rows, rejected_without_agency, rejected_by_reason_without_agency), "agencies": rows}


def overall(rows: list[dict], rejected_without_agency: int = 0,
            rejected_by_reason_without_agency: dict[str, int] | None = None) -> dict:
    totals = {key: sum(r[key] for r in rows)
              for key in ("received", "answered", "on_time", "overdue", "ratings", "reopened", "late_acknowledgements")}
    # Rejected at triage, before any agency had them, they count overall only.
    totals["rejected"] = sum(r["rejected"] for r in rows) + rejected_without_agency
    without_agency = rejected_by_reason_without_agency or {}
    totals["rejected_by_reason"] = {reason: sum(r["rejected_by_reason"][reason] for r in rows)
                                    + without_agency.get(reason, 0) for reason in _no_rejections()}
    totals["reopen_rate"] = percent(totals["reopened"], totals["answered"])
    # answered + open overdue = on time + answered late + open overdue = on time + overdue
    totals["on_time_rate"] = percent(totals["on_time"], totals["on_time"] + totals["overdue"])
    rated = [r for r in rows if r["satisfaction_index"] is not None]
    totals["agencies_below_threshold"] = sum(1 for r in rows if r["below_threshold"])
    totals["satisfaction_index"] = (round(sum(r["satisfaction_index"] * r["ratings"] for r in rated)
                                          / sum(r["ratings"] for r in rated), 1) if rated else None)
    return totals


def months_back(last_day: date, count: int = 12) -> list[Period]:
    """The `count` calendar months ending with the month of `last_day`, oldest first."""
    periods, month_start = [], last_day.replace(day=1)
    for _ in range(count):
        next_month = (month_start + timedelta(days=32)).replace(day=1)
        periods.append(Period(month_start, next_month - timedelta(days=1)))
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    return list(reversed(periods))


def monthly_trend(session, last_day: date, filters: Filters = NO_FILTERS, months: int = 12) -> list[dict]:
    """Received, answered and on-time rate per month, oldest first."""
    periods = months_back(last_day, months)
    return trend_rows(periods, _rollup_months(session, periods, filters))


def trend_rows(periods: list[Period], counts: list[dict]) -> list[dict]:
    """One row of the trend per period from its counts (as petition_counts gives them, for all agencies)."""
    return [{"month": period.first.strftime("%m/%Y"), "received": c["received"], "answered": c["answered"],
             "on_time_rate": percent(c["on_time"], c["answered"] + c["open_overdue"])}
            for period, c in zip(periods, counts)]


def _rollup_months(session, periods: list[Period], filters: Filters) -> list[dict]:
    """One pass over a monthly rollup: each month's sums, and open-overdue carried month by month. Unfiltered, the
    per-agency rollup: a dozen rows a month, where the finer one holds every category × channel met."""
    m = MonthlyFigure if filters.category_id or filters.channel else MonthlyAgencyFigure
    query = (session.query(m.month, func.sum(m.received), func.sum(m.answered), func.sum(m.on_time),
                           func.sum(m.overdue_start - m.overdue_stop))
             .filter(m.month <= periods[-1].first, m.agency_id != NONE_ID))
    if filters.category_id:
        query = query.filter(m.category_id == filters.category_id)
    if filters.channel:
        query = query.filter(m.channel == filters.channel)
    by_month = {first: row for first, *row in query.group_by(m.month)}
    months, open_overdue = [], 0
    for month in sorted(by_month):
        if month >= periods[0].first:
            break
        open_overdue += int(by_month[month][3] or 0)
    for period in periods:
        received, answered, on_time, net_overdue = (int(v or 0) for v in by_month.get(period.first, (0, 0, 0, 0)))
        open_overdue += net_overdue
        months.append({"received": received, "received_answered": 0, "answered": answered, "on_time": on_time,
                       "open_overdue": open_overdue})
    return months


def heat_map(session, period: Period, filters: Filters = NO_FILTERS) -> dict[tuple[int, int], int]:
    """Petitions received per (category id, agency id) in the period."""
    sums = fine_sums(session, period.first, period.last, filters, ["category_id", "agency_id"], lambda f: [f.received])
    return {(category, agency if agency != NONE_ID else None): n for (category, agency), (n,) in sums.items() if n}


RESPONSIBILITY = (*RESPONSIBILITY_STEPS.values(), "apologies")


def responsibility_counts(session, first: date, last: date) -> dict[str, dict[str, int]]:
    """Returns, transfers, extensions and apologies per agency code in [first, last]: how "pushing responsibility
    around" shows. Each counts against the agency that let the item go, asked for time or missed the deadline."""
    r = DailyResponsibility
    rows = (session.query(Agency.code, *(func.sum(getattr(r, column)) for column in RESPONSIBILITY))
            .join(Agency, Agency.id == r.agency_id).filter(r.day >= first, r.day <= last).group_by(Agency.code))
    return {code: dict(zip(RESPONSIBILITY, map(int, values))) for code, *values in rows if any(values)}


def petitions_behind(session, period: Period, figure: str, agency_id: int | None, filters: Filters = NO_FILTERS,
                     limit: int = 500) -> list[Petition]:
    """The items one number counts: the drill-down from any figure of the dashboard."""
    figures = conditions(period)
    if figure == "overdue":
        condition = or_(figures["open_overdue"], figures["late"])
    else:
        condition = figures.get(figure)
    if condition is None:
        return []
    query = session.query(Petition).filter(condition)
    if agency_id:
        query = query.filter(Petition.agency_id == agency_id)
    if figure in ("overdue", "open_overdue"):  # the longest waiting first
        return filters.apply(query).order_by(Petition.id).limit(limit).all()
    # Newest first by the figure's own moment: the database walks that index backwards and stops at `limit`; in id
    # order SQLite would read and sort the whole period first.
    moment = Petition.published_at if figure in ("answered", "on_time", "late") else Petition.created_at
    return filters.apply(query).order_by(moment.desc(), Petition.id.desc()).limit(limit).all()
