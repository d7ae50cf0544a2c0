"""The slow, obvious answers the fast ones are checked against: every figure of portal/domain/metrics.py counted
from the archive itself (the petitions, ratings, events and letters, read whole), and the rollup tables as a dict.

The petition counts use metrics.conditions, the same SQL conditions the drill-down lists use, so a test comparing
them with the rollups (which rollups.petition_items fills in Python) checks the one definition of each figure both
ways. Tests only: the product answers every figure from the rollups.
"""
from sqlalchemy import case, func, literal_column, or_

from portal.domain import metrics
from portal.domain.metrics import COUNT_KEYS, NO_FILTERS, RESPONSIBILITY, Filters, Period
from portal.domain.lifecycle import PUBLISHED_STATUSES, is_reopening
from portal.domain.ratings import SCORE_ELEMENTS
from portal.domain.rollups import KEYS, RESPONSIBILITY_STEPS, TABLES
from portal.models import Agency, Apology, Petition, PetitionEvent, Rating


def snapshot(session) -> dict:
    """Every non-zero rollup counter, {(table, *key, column): value}, for comparing two ways of computing them."""
    out = {}
    for table, model in TABLES.items():
        keys = KEYS[table]
        for row in session.query(model):
            for column in model.__table__.columns:
                value = getattr(row, column.name)
                if column.name not in keys and value:
                    out[(table, *(getattr(row, k) for k in keys), column.name)] = value
    return out


def scan_counts(session, period: Period, filters: Filters = NO_FILTERS, *, overall: bool = False) -> dict:
    """metrics.petition_counts, counted from the petitions with metrics.conditions."""
    group = literal_column("1") if overall else Petition.agency_id
    figures = metrics.conditions(period)
    count_if = lambda condition: func.sum(case((condition, 1), else_=0))  # noqa: E731
    query = (session.query(group, *(count_if(figures[k]) for k in COUNT_KEYS))
             .filter(Petition.agency_id.isnot(None), Petition.created_at < period.end))
    rows = filters.apply(query).group_by(group).all()
    return {key: dict(zip(COUNT_KEYS, (int(v or 0) for v in values))) for key, *values in rows}


def scan_rating_counts(session, period: Period) -> dict[int, dict]:
    """metrics.rating_counts, counted from the ratings."""
    satisfied = [func.sum(case((getattr(Rating, e) >= 4, 1), else_=0)) for e in SCORE_ELEMENTS]
    rows = (session.query(Rating.agency_id, func.count(Rating.id), *satisfied)
            .filter(Rating.created_at >= period.start, Rating.created_at < period.end)
            .group_by(Rating.agency_id).all())
    return {agency_id: {"ratings": int(n), "satisfied": dict(zip(SCORE_ELEMENTS, (int(v or 0) for v in values)))}
            for agency_id, n, *values in rows}


def scan_handling_times(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, dict]:
    """metrics.handling_times, from a histogram counted from the petitions."""
    query = (session.query(Petition.agency_id, Petition.handling_days, func.count(Petition.id))
             .filter(metrics.conditions(period)["answered"], Petition.handling_days.isnot(None)))
    return metrics.from_histogram(filters.apply(query).group_by(Petition.agency_id, Petition.handling_days))


def scan_reopen_counts(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, int]:
    """metrics.reopen_counts, from the event log read whole, each event judged by lifecycle.is_reopening."""
    query = (session.query(PetitionEvent.agency_id, PetitionEvent.from_status, PetitionEvent.to_status)
             .join(Petition, Petition.id == PetitionEvent.petition_id)
             .filter(PetitionEvent.kind == "transition", PetitionEvent.at >= period.start,
                     PetitionEvent.at < period.end, PetitionEvent.agency_id.isnot(None)))
    counts: dict[int, int] = {}
    for agency_id, from_status, to_status in filters.apply(query):
        if is_reopening(from_status, to_status):
            counts[agency_id] = counts.get(agency_id, 0) + 1
    return counts


def scan_rejected_counts(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, int]:
    """metrics.rejected_counts, from the event log read whole (0: no agency had the petition)."""
    query = (session.query(PetitionEvent.agency_id, PetitionEvent.to_status)
             .join(Petition, Petition.id == PetitionEvent.petition_id)
             .filter(PetitionEvent.kind == "transition", PetitionEvent.at >= period.start,
                     PetitionEvent.at < period.end))
    counts: dict[int, int] = {}
    for agency_id, to_status in filters.apply(query):
        if to_status == "rejected":
            counts[agency_id or 0] = counts.get(agency_id or 0, 0) + 1
    return counts


def scan_rejected_by_reason_counts(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, dict]:
    """metrics.rejected_by_reason_counts the other way round: each rejection event of the log read whole, under the
    reason the sender reads (rejections.sender_view)."""
    from portal.domain.rejections import REASONS, sender_view

    query = (session.query(PetitionEvent.agency_id, PetitionEvent.to_status, PetitionEvent.at, Petition)
             .join(Petition, Petition.id == PetitionEvent.petition_id).filter(PetitionEvent.kind == "transition"))
    counts: dict[int, dict] = {}
    for agency_id, to_status, at, petition in filters.apply(query):
        if to_status == "rejected" and period.start <= at < period.end:
            reason = sender_view(session, petition)["reason"]
            counts.setdefault(agency_id or 0, dict.fromkeys(REASONS, 0))[reason] += 1
    return counts


def scan_late_acknowledgement_counts(session, period: Period, filters: Filters = NO_FILTERS) -> dict[int, int]:
    """metrics.late_acknowledgement_counts, from the event log read whole."""
    query = (session.query(PetitionEvent.agency_id, PetitionEvent.kind, PetitionEvent.at)
             .join(Petition, Petition.id == PetitionEvent.petition_id))
    counts: dict[int, int] = {}
    for agency_id, kind, at in filters.apply(query):
        if kind == "ack_late" and agency_id is not None and period.start <= at < period.end:
            counts[agency_id] = counts.get(agency_id, 0) + 1
    return counts


def scan_rows(session, period: Period, min_sample: int, filters: Filters = NO_FILTERS) -> list[dict]:
    return metrics.figure_rows(session, scan_counts(session, period, filters),
                               scan_handling_times(session, period, filters), scan_rating_counts(session, period),
                               min_sample, scan_reopen_counts(session, period, filters),
                               rejected=scan_rejected_counts(session, period, filters),
                               rejected_by_reason=scan_rejected_by_reason_counts(session, period, filters),
                               late_acknowledgements=scan_late_acknowledgement_counts(session, period, filters))


def scan_ranking(session, date_from, date_to, *, min_sample: int = 30, filters: Filters = NO_FILTERS) -> dict:
    """metrics.agency_ranking, every figure counted from the archive."""
    period = Period(date_from, date_to)
    return metrics.ranking(period, scan_rows(session, period, min_sample, filters),
                           scan_rows(session, period.previous(), min_sample, filters),
                           rejected_without_agency=scan_rejected_counts(session, period, filters).get(0, 0),
                           rejected_by_reason_without_agency=scan_rejected_by_reason_counts(session, period,
                                                                                            filters).get(0))


def scan_trend(session, last_day, filters: Filters = NO_FILTERS, months: int = 12) -> list[dict]:
    """metrics.monthly_trend, each month counted from the petitions."""
    periods = metrics.months_back(last_day, months)
    counts = [scan_counts(session, period, filters, overall=True).get(1, dict.fromkeys(COUNT_KEYS, 0))
              for period in periods]
    return metrics.trend_rows(periods, counts)


def scan_heat_map(session, period: Period, filters: Filters = NO_FILTERS) -> dict[tuple[int, int], int]:
    """metrics.heat_map, counted from the petitions."""
    query = (session.query(Petition.category_id, Petition.agency_id, func.count(Petition.id))
             .filter(metrics.conditions(period)["received"], Petition.agency_id.isnot(None)))
    return {(category, agency): n for category, agency, n in
            filters.apply(query).group_by(Petition.category_id, Petition.agency_id)}


def scan_responsibility(session, first, last) -> dict[str, dict[str, int]]:
    """metrics.responsibility_counts, from the event log and the apology letters."""
    period = Period(first, last)
    counts: dict[str, dict[str, int]] = {}
    steps = (session.query(Agency.code, PetitionEvent.to_status, func.count(PetitionEvent.id))
             .join(Agency, Agency.id == PetitionEvent.agency_id)
             .filter(PetitionEvent.kind == "transition", PetitionEvent.to_status.in_(RESPONSIBILITY_STEPS),
                     or_(PetitionEvent.from_status.is_(None), PetitionEvent.from_status.notin_(PUBLISHED_STATUSES)),
                     PetitionEvent.at >= period.start, PetitionEvent.at < period.end)
             .group_by(Agency.code, PetitionEvent.to_status))
    for code, step, number in steps:
        counts.setdefault(code, dict.fromkeys(RESPONSIBILITY, 0))[RESPONSIBILITY_STEPS[step]] = number
    letters = (session.query(Agency.code, func.count(Apology.id)).join(Agency, Agency.id == Apology.agency_id)
               .filter(Apology.issued_at >= period.start, Apology.issued_at < period.end).group_by(Agency.code))
    for code, number in letters:
        counts.setdefault(code, dict.fromkeys(RESPONSIBILITY, 0))["apologies"] = number
    return counts
