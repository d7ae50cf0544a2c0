"""Metrics on hand-computed fixtures; the suite runs on SQLite and PostgreSQL, so both give these numbers."""
from datetime import date, datetime

import pytest

from portal.domain.calendar import local_today, working_days_between
from portal.domain.metrics import agency_ranking, wilson_interval
from portal.models import Agency, Rating

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture
def scenario(db, petition_factory):
    def make(category, created, due, status="in_progress", published=None, on_time=None, handling=None):
        petition = petition_factory(category=category)
        petition.created_at, petition.due_date, petition.status = at(created), date.fromisoformat(due), status
        petition.published_at, petition.answered_on_time, petition.handling_days = (
            at(published) if published else None, on_time, handling)
        return petition

    # Sở Xây dựng (giao-thong)
    make("giao-thong", "2026-11-03 02:00", "2026-11-10", "published", "2026-11-10 16:59", True, 5)   # A: 23:59 local
    make("giao-thong", "2026-11-04 02:00", "2026-11-10", "published", "2026-11-10 17:00", False, 5)  # B: 00:00 next day
    make("giao-thong", "2026-11-05 02:00", "2026-11-20")                                             # C: open, overdue
    make("giao-thong", "2026-11-25 02:00", "2026-12-05")                                             # D: open, not due
    make("giao-thong", "2026-10-20 02:00", "2026-10-27", "published", "2026-11-02 03:00", True, 9)   # E: from October
    # Sở Y tế (y-te)
    make("y-te", "2026-10-01 02:00", "2026-10-10", "published", "2026-10-09 03:00", True, 6)         # F: on time in Oct
    make("y-te", "2026-11-01 02:00", "2026-11-05", "published", "2026-11-12 03:00", False, 8)        # G: late in Nov
    db.session.commit()


def row(result, code):
    return next(r for r in result["agencies"] if r["code"] == code)


def test_counts_and_rates_follow_the_definitions(db, scenario):
    so_xd = row(agency_ranking(db.session, *NOV), "SO-XD")
    assert (so_xd["received"], so_xd["answered"], so_xd["on_time"], so_xd["overdue"]) == (4, 3, 2, 2)
    assert so_xd["response_rate"] == 50.0  # A and B of the four received in November are answered
    assert so_xd["on_time_rate"] == 50.0  # on time A, E ÷ (answered A, B, E + open overdue C)
    assert so_xd["mean_handling_days"] == 6.3 and so_xd["median_handling_days"] == 5


def test_on_time_on_the_boundary_day_in_local_time(db, scenario):
    due_day = row(agency_ranking(db.session, date(2026, 11, 10), date(2026, 11, 10)), "SO-XD")
    assert (due_day["answered"], due_day["on_time"]) == (1, 1)  # A, published 23:59 local on the due day
    two_days = row(agency_ranking(db.session, date(2026, 11, 10), date(2026, 11, 11)), "SO-XD")
    assert (two_days["answered"], two_days["on_time"]) == (2, 1)  # B, one minute later, is 00:00 the next day


def test_rank_and_rank_change_between_periods(db, scenario):
    result = agency_ranking(db.session, *NOV)
    so_xd, so_yt = row(result, "SO-XD"), row(result, "SO-YT")
    assert (so_xd["rank"], so_yt["rank"]) == (1, 2)  # 50% on time against 0%
    # October: Sở Y tế answered on time (100%), Sở Xây dựng had E open and overdue (0%).
    assert (so_xd["rank_change"], so_yt["rank_change"]) == (1, -1)
    assert so_yt["below_threshold"] and so_xd["below_threshold"]


def test_satisfaction_needs_the_minimum_sample(db, scenario, petition_factory):
    agency = db.session.query(Agency).filter_by(code="SO-XD").one()
    for index in range(30):
        petition = petition_factory(category="giao-thong")
        db.session.add(Rating(petition_id=petition.id, agency_id=agency.id, access=5, procedure=4, staff=3, result=5,
                              feedback=2, resolved=True, created_at=at("2026-11-15 03:00")))
        db.session.commit()
        so_xd = row(agency_ranking(db.session, *NOV), "SO-XD")
        if index < 29:
            assert so_xd["satisfaction_index"] is None and so_xd["satisfaction_ci"] is None
    assert so_xd["ratings"] == 30
    assert so_xd["satisfaction_index"] == 60.0  # access, procedure, result satisfied; staff and feedback not
    assert so_xd["satisfaction_ci"] == wilson_interval(90, 150)
    assert so_xd["satisfaction_ci"][0] < 60.0 < so_xd["satisfaction_ci"][1]


def test_tet_inside_the_interval_is_not_counted_as_working_days():
    # Received Friday 13 Feb 2026, published Tuesday 24 Feb: Tết 16–20 Feb and two weekends are skipped.
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 24)) == 2


def test_wilson_interval_matches_the_formula():
    assert wilson_interval(0, 0) is None
    low, high = wilson_interval(45, 50)
    assert (low, high) == (78.6, 95.7)


def test_the_drill_down_lists_the_newest_first_and_the_longest_overdue_first(db, petition_factory):
    from datetime import timedelta

    from portal.domain.metrics import Period, petitions_behind
    from portal.models.base import utcnow

    older, newer = petition_factory(category="giao-thong"), petition_factory(category="giao-thong")
    older.created_at, newer.created_at = utcnow() - timedelta(days=40), utcnow() - timedelta(days=30)
    older.due_date = newer.due_date = local_today() - timedelta(days=10)
    db.session.commit()
    year = Period(local_today() - timedelta(days=364), local_today())
    assert [p.id for p in petitions_behind(db.session, year, "received", older.agency_id)] == [newer.id, older.id]
    assert [p.id for p in petitions_behind(db.session, year, "overdue", older.agency_id)] == [older.id, newer.id]


@pytest.fixture
def archive(db):
    from bench.synthetic import seed_synthetic
    from portal.domain.overdue import apology_letter

    seed_synthetic(db.session, 1500, seed=11, render_apology=apology_letter)
    return db.session


def test_each_drill_down_lists_as_many_items_as_its_figure_counts(archive):
    """One definition per figure: the drill-down's SQL condition (metrics.conditions) selects exactly the items the
    rollups count for it (rollups.petition_items, in Python), per agency, with and without filters."""
    from datetime import timedelta

    from portal.domain.metrics import Filters, Period, petition_counts, petitions_behind

    today = local_today()
    hotline, year = Filters(channel="hotline"), Period(today - timedelta(days=364), today)
    checked = 0
    for period, filters in ((year, Filters()), (year, hotline), (Period(today - timedelta(days=59), today), Filters()),
                            (Period(today.replace(day=1) - timedelta(days=90), today.replace(day=1)), hotline)):
        counts = petition_counts(archive, period, filters)
        overdue = {r["code"]: r["overdue"] for r in agency_ranking(archive, period.first, period.last,
                                                                   filters=filters)["agencies"]}
        for agency in archive.query(Agency).filter(Agency.id.in_(counts)):
            figures = {**counts[agency.id], "late": counts[agency.id]["answered"] - counts[agency.id]["on_time"],
                       "overdue": overdue[agency.code]}
            listed = {figure: len(petitions_behind(archive, period, figure, agency.id, filters, limit=10 ** 6))
                      for figure in figures}
            assert listed == figures, (period, filters, agency.code)
            checked += sum(figures.values())
    assert checked > 5000
