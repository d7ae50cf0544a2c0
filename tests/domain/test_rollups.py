"""The daily rollups behind the metrics: kept in step with every change, and equal to a scan of the archive."""
from datetime import date, timedelta

import pytest

from portal.domain import metrics, rollups, workflow
from portal.domain.lifecycle import transition
from portal.domain.metrics import Filters, Period, median_of_histogram
from portal.domain.ratings import rate_petition
from portal.domain.synthetic import seed_synthetic
from portal.models import Agency, Category, Petition
from portal.models.base import utcnow

SCORES = {"access": 5, "procedure": 4, "staff": 2, "result": 5, "feedback": 3}


def agency(db, code):
    return db.session.query(Agency).filter_by(code=code).one()


def rebuilt_snapshot(db):
    """What the rollups hold now, then what a rebuild from the archive gives (the test commits nothing after)."""
    kept = rollups.snapshot(db.session)
    rollups.rebuild(db.session)
    return kept, rollups.snapshot(db.session)


def test_rollups_follow_every_change_of_state(db, petition_factory, make_user):
    officer, head = make_user("agency_officer", "SO-XD"), make_user("agency_head", "SO-XD")
    answered = petition_factory(category="giao-thong")
    workflow.submit_answer(db.session, answered, officer, "<p>Đã sửa xong mặt đường.</p>")
    workflow.approve_answer(db.session, answered, head)
    db.session.commit()
    rate_petition(db.session, answered, SCORES, True)
    db.session.commit()
    moved = petition_factory(category="giao-thong")
    workflow.transfer(db.session, moved, officer, agency(db, "UBND-XA"), "Việc của phường")
    old = petition_factory(category="giao-thong")
    old.created_at, old.due_date = utcnow() - timedelta(days=40), date.today() - timedelta(days=20)
    db.session.commit()
    db.session.expire_all()  # a change after expiry must still know the old values
    old.category_id = db.session.query(Category).filter_by(code="moi-truong").one().id
    withdrawn = petition_factory(category="y-te")
    withdrawn.due_date = date.today() - timedelta(days=2)  # overdue, then withdrawn: it stops counting as open
    db.session.commit()
    transition(db.session, withdrawn, "withdrawn", note="Người dân rút đơn")
    db.session.commit()
    kept, rebuilt = rebuilt_snapshot(db)
    assert kept == rebuilt
    assert sum(v for k, v in kept.items() if k[0] == "figure" and k[-1] == "received") == 4
    assert sum(v for k, v in kept.items() if k[0] == "rating" and k[-1] == "ratings") == 1


def test_a_second_rating_change_moves_the_counts_not_adds(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Đã xử lý xong, mặt đường đã được vá lại.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    rate_petition(db.session, petition, SCORES, True)
    db.session.commit()
    rate_petition(db.session, petition, {**SCORES, "staff": 5}, True, allow_update=True)
    db.session.commit()
    counts = metrics.rating_counts(db.session, Period(date.today() - timedelta(days=1), date.today() + timedelta(days=1)))
    only = next(iter(counts.values()))
    assert only["ratings"] == 1 and only["satisfied"]["staff"] == 1 and only["satisfied"]["feedback"] == 0


@pytest.fixture
def archive(db):
    seed_synthetic(db.session, 3000, seed=7)
    return db


def periods():
    today = date.today()
    return [Period(today - timedelta(days=29), today), Period(today - timedelta(days=364), today),
            Period(today.replace(day=1) - timedelta(days=90), today.replace(day=1) - timedelta(days=61)),
            Period(today - timedelta(days=3), today - timedelta(days=3))]


def test_rollups_and_a_scan_of_the_archive_give_the_same_figures(archive):
    session = archive.session
    category = session.query(Category).filter_by(code="giao-thong").one()
    for period in periods():
        for filters in (Filters(), Filters(category_id=category.id), Filters(channel="hotline")):
            from_rollups = metrics.agency_ranking(session, period.first, period.last, filters=filters, source="rollup")
            from_scan = metrics.agency_ranking(session, period.first, period.last, filters=filters, source="scan")
            assert from_rollups == from_scan, (period, filters)
            assert (metrics.heat_map(session, period, filters, source="rollup")
                    == metrics.heat_map(session, period, filters, source="scan"))
    today = date.today()
    assert metrics.monthly_trend(session, today, source="rollup") == metrics.monthly_trend(session, today, source="scan")
    assert sum(r["received"] for r in metrics.agency_ranking(session, today - timedelta(days=400), today)["agencies"]) == 3000


def test_a_rebuild_reproduces_the_bulk_loaded_rollups(archive):
    kept, rebuilt = rebuilt_snapshot(archive)
    assert kept == rebuilt and len(kept) > 1000


def test_rollup_maintenance_after_a_bulk_load_still_matches(archive, make_user):
    session = archive.session
    open_item = session.query(Petition).filter_by(status="in_progress").order_by(Petition.id).first()
    officer = make_user("agency_officer", open_item.agency.code)
    workflow.submit_answer(session, open_item, officer, "<p>Đã giải quyết xong theo đúng đề nghị của người dân.</p>")
    workflow.approve_answer(session, open_item, make_user("agency_head", open_item.agency.code))
    session.commit()
    today = date.today()
    args = (session, today - timedelta(days=364), today)
    assert metrics.agency_ranking(*args, source="rollup") == metrics.agency_ranking(*args, source="scan")


def test_median_of_a_histogram_is_the_median_of_the_list():
    assert median_of_histogram([(5, 2), (9, 1)]) == 5  # 5 5 9
    assert median_of_histogram([(3, 1), (8, 1)]) == 5.5  # 3 8
    assert median_of_histogram([(7, 1), (1, 3)]) == 1  # 1 1 1 7
    assert median_of_histogram([(2, 2), (4, 2)]) == 3  # 2 2 4 4




def test_a_period_splits_into_whole_months_and_ragged_ends():
    from portal.domain.metrics import split_period

    d = date.fromisoformat
    assert split_period(d("2026-01-15"), d("2026-04-10")) == (
        (d("2026-02-01"), d("2026-03-01")), [(d("2026-01-15"), d("2026-01-31")), (d("2026-04-01"), d("2026-04-10"))])
    assert split_period(d("2026-02-01"), d("2026-02-28")) == ((d("2026-02-01"), d("2026-02-01")), [])
    assert split_period(d("2026-02-03"), d("2026-02-20")) == (None, [(d("2026-02-03"), d("2026-02-20"))])
    assert split_period(d("2026-01-31"), d("2026-02-01")) == (None, [(d("2026-01-31"), d("2026-02-01"))])
    assert split_period(None, d("2026-03-05")) == ((None, d("2026-02-01")), [(d("2026-03-01"), d("2026-03-05"))])


def test_a_rolled_back_change_leaves_the_rollups_alone(db, petition_factory):
    petition_factory(category="giao-thong")
    kept = rollups.snapshot(db.session)
    from portal.domain.petitions import PetitionDraft, submit_petition
    from tests.conftest import VALID_CONTENT

    submit_petition(db.session, PetitionDraft(content=VALID_CONTENT, category_code="y-te"))
    db.session.flush()
    db.session.rollback()
    db.session.commit()  # nothing of the rolled-back petition may be written by a later commit
    assert rollups.snapshot(db.session) == kept
