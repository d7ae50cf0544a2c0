"""The daily rollups behind the metrics: kept in step with every change, and equal to a scan of the archive."""
from datetime import date, timedelta

import pytest

from sqlalchemy import inspect, text

from bench import synthetic
from bench.synthetic import LOADED_TABLES, seed_synthetic
from portal.domain import metrics, rollups, workflow
from portal.domain.calendar import local_today
from portal.domain.lifecycle import transition
from portal.domain.metrics import Filters, Period, median_of_histogram
from portal.domain.overdue import apology_letter as render_apology_letter
from portal.domain.ratings import rate_petition
from portal.models import Agency, Category, Petition
from portal.models.base import utcnow
from tests import oracles
from tests.oracles import snapshot

SCORES = {"access": 5, "procedure": 4, "staff": 2, "result": 5, "feedback": 3}


def agency(db, code):
    return db.session.query(Agency).filter_by(code=code).one()


def rebuilt_snapshot(db):
    """What the rollups hold now, then what a rebuild from the archive gives (the test commits nothing after)."""
    kept = snapshot(db.session)
    rollups.rebuild(db.session)
    return kept, snapshot(db.session)


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
    old.created_at, old.due_date = utcnow() - timedelta(days=40), local_today() - timedelta(days=20)
    db.session.commit()
    db.session.expire_all()  # a change after expiry must still know the old values
    old.category_id = db.session.query(Category).filter_by(code="moi-truong").one().id
    withdrawn = petition_factory(category="y-te")
    withdrawn.due_date = local_today() - timedelta(days=2)  # overdue, then withdrawn: it stops counting as open
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
    counts = metrics.rating_counts(db.session, Period(local_today() - timedelta(days=1), local_today() + timedelta(days=1)))
    only = next(iter(counts.values()))
    assert only["ratings"] == 1 and only["satisfied"]["staff"] == 1 and only["satisfied"]["feedback"] == 0


@pytest.fixture
def archive(db):
    seed_synthetic(db.session, 3000, seed=7, render_apology=render_apology_letter)
    return db


def periods():
    today = local_today()
    return [Period(today - timedelta(days=29), today), Period(today - timedelta(days=364), today),
            Period(today.replace(day=1) - timedelta(days=90), today.replace(day=1) - timedelta(days=61)),
            Period(today - timedelta(days=3), today - timedelta(days=3))]


def test_rollups_and_a_scan_of_the_archive_give_the_same_figures(archive):
    session = archive.session
    category = session.query(Category).filter_by(code="giao-thong").one()
    for period in periods():
        for filters in (Filters(), Filters(category_id=category.id), Filters(channel="hotline")):
            from_rollups = metrics.agency_ranking(session, period.first, period.last, filters=filters)
            from_scan = oracles.scan_ranking(session, period.first, period.last, filters=filters)
            assert from_rollups == from_scan, (period, filters)
            assert metrics.heat_map(session, period, filters) == oracles.scan_heat_map(session, period, filters)
    today = local_today()
    year = (today - timedelta(days=400), today)
    assert metrics.responsibility_counts(session, *year) == oracles.scan_responsibility(session, *year)
    for filters in (Filters(), Filters(category_id=category.id), Filters(channel="hotline")):
        assert metrics.monthly_trend(session, today, filters) == oracles.scan_trend(session, today, filters), filters
    assert sum(r["received"] for r in metrics.agency_ranking(session, today - timedelta(days=400), today)["agencies"]) == 3000


def test_a_rebuild_reproduces_the_bulk_loaded_rollups(archive):
    kept, rebuilt = rebuilt_snapshot(archive)
    assert kept == rebuilt and len(kept) > 1000


def schema_of_loaded_tables(session) -> dict:
    """Indexes, foreign keys and (on SQLite) search triggers of the tables a bulk load fills."""
    inspector = inspect(session.connection())
    schema = {table: (sorted((i["name"], tuple(i["column_names"]), i.get("dialect_options", {}).get("sqlite_where") is not None)
                             for i in inspector.get_indexes(table)),
                      sorted((f["name"], tuple(f["constrained_columns"])) for f in inspector.get_foreign_keys(table)))
              for table in LOADED_TABLES}
    if session.get_bind().dialect.name == "sqlite":
        schema["triggers"] = session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                                  "ORDER BY name")).all()
    return schema


def test_a_bulk_load_into_an_empty_archive_leaves_every_index_and_check_in_place(db):
    before = schema_of_loaded_tables(db.session)
    seed_synthetic(db.session, 300, seed=3, render_apology=render_apology_letter)
    assert schema_of_loaded_tables(db.session) == before
    assert len(before["petition"][0]) >= 9 and before["petition_event"][1]
    kept, rebuilt = rebuilt_snapshot(db)
    assert kept == rebuilt
    found = db.session.execute(text("SELECT count(*) FROM petition_fts WHERE petition_fts MATCH 'pa'")
                               if db.session.get_bind().dialect.name == "sqlite" else
                               text("SELECT count(*) FROM petition WHERE to_tsvector('simple', coalesce(search_staff, '')) "
                                    "@@ to_tsquery('simple', 'pa')")).scalar()
    assert found == 300  # the search index holds every loaded petition


def test_a_failed_bulk_load_leaves_the_schema_as_it_was(db, monkeypatch):
    before = schema_of_loaded_tables(db.session)
    monkeypatch.setitem(synthetic.DERIVED_ROWS, "assignment", "INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(Exception):
        seed_synthetic(db.session, 300, seed=3, render_apology=render_apology_letter)
    db.session.rollback()
    assert schema_of_loaded_tables(db.session) == before
    for table in LOADED_TABLES:
        assert db.session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
    monkeypatch.undo()  # and nothing of it is in the way of the next load
    assert seed_synthetic(db.session, 30, seed=3, render_apology=render_apology_letter)["petition"] == 30


def test_rollup_maintenance_after_a_bulk_load_still_matches(archive, make_user):
    session = archive.session
    open_item = session.query(Petition).filter_by(status="in_progress").order_by(Petition.id).first()
    officer = make_user("agency_officer", open_item.agency.code)
    workflow.submit_answer(session, open_item, officer, "<p>Đã giải quyết xong theo đúng đề nghị của người dân.</p>")
    workflow.approve_answer(session, open_item, make_user("agency_head", open_item.agency.code))
    session.commit()
    today = local_today()
    args = (session, today - timedelta(days=364), today)
    assert metrics.agency_ranking(*args) == oracles.scan_ranking(*args)


def test_median_of_a_histogram_is_the_median_of_the_list():
    assert median_of_histogram([(5, 2), (9, 1)]) == 5  # 5 5 9
    assert median_of_histogram([(3, 1), (8, 1)]) == 5.5  # 3 8
    assert median_of_histogram([(7, 1), (1, 3)]) == 1  # 1 1 1 7
    assert median_of_histogram([(2, 2), (4, 2)]) == 3  # 2 2 4 4




def test_a_period_splits_into_whole_months_and_the_shorter_side_of_each_ragged_end():
    from portal.domain.metrics import split_period

    d = date.fromisoformat
    assert split_period(d("2026-01-15"), d("2026-04-10")) == (
        (d("2026-01-01"), d("2026-03-01")), [(d("2026-01-01"), d("2026-01-14"), -1), (d("2026-04-01"), d("2026-04-10"), 1)])
    assert split_period(d("2025-11-28"), d("2026-11-27")) == (  # a year ending today: this month less what is to come
        (d("2025-12-01"), d("2026-11-01")), [(d("2025-11-28"), d("2025-11-30"), 1), (d("2026-11-28"), d("2026-11-30"), -1)])
    assert split_period(d("2026-02-01"), d("2026-02-28")) == ((d("2026-02-01"), d("2026-02-01")), [])
    assert split_period(d("2026-02-03"), d("2026-02-20")) == (
        (d("2026-02-01"), d("2026-02-01")), [(d("2026-02-01"), d("2026-02-02"), -1), (d("2026-02-21"), d("2026-02-28"), -1)])
    assert split_period(d("2026-01-31"), d("2026-02-01")) == (None, [(d("2026-01-31"), d("2026-02-01"), 1)])
    assert split_period(None, d("2026-03-05")) == ((None, d("2026-02-01")), [(d("2026-03-01"), d("2026-03-05"), 1)])


def test_split_periods_cover_each_day_exactly_once():
    from portal.domain.metrics import split_period

    start = date(2025, 12, 20)
    for first in (start + timedelta(days=n) for n in range(0, 75, 4)):
        for last in (first + timedelta(days=n) for n in range(0, 75, 3)):
            months, parts = split_period(first, last)
            counted = {}
            month = months[0] if months else None
            while month and month <= months[1]:
                following = (month + timedelta(days=32)).replace(day=1)
                for n in range((following - month).days):
                    counted[month + timedelta(days=n)] = counted.get(month + timedelta(days=n), 0) + 1
                month = following
            for part_first, part_last, sign in parts:
                for n in range((part_last - part_first).days + 1):
                    day = part_first + timedelta(days=n)
                    counted[day] = counted.get(day, 0) + sign
            assert {day for day, n in counted.items() if n == 1} == {first + timedelta(days=n) for n in range((last - first).days + 1)}
            assert set(counted.values()) <= {0, 1}


def test_a_rolled_back_change_leaves_the_rollups_alone(db, petition_factory):
    petition = petition_factory(category="giao-thong")
    kept = snapshot(db.session)
    transition(db.session, petition, "withdrawn", note="Người dân rút đơn")
    db.session.flush()
    db.session.rollback()
    db.session.commit()  # nothing of the rolled-back petition may be written by a later commit
    assert snapshot(db.session) == kept


def test_returns_transfers_extensions_and_apologies_are_kept_per_day_and_agency(db, petition_factory, make_user):
    from portal.domain.overdue import sweep

    officer, coordinator = make_user("agency_officer", "SO-XD"), make_user("coordinator")
    workflow.transfer(db.session, petition_factory(category="giao-thong"), officer, agency(db, "UBND-XA"), "Việc của phường")
    workflow.return_to_coordinator(db.session, petition_factory(category="giao-thong"), officer, "Không thuộc thẩm quyền")
    extended = petition_factory(category="giao-thong")
    request = workflow.request_extension(db.session, extended, officer, extended.due_date + timedelta(days=5), "Cần khảo sát")
    workflow.decide_extension(db.session, request, coordinator, grant=True, note="Đồng ý")
    late = petition_factory(category="giao-thong")
    late.due_date = local_today() - timedelta(days=3)
    db.session.commit()
    assert sweep(db.session, local_today()) == 1
    db.session.commit()
    today = local_today()
    counts = metrics.responsibility_counts(db.session, today - timedelta(days=1), today)
    assert counts == {"SO-XD": {"returns": 1, "transfers": 1, "extensions": 1, "apologies": 1}}
    assert counts == oracles.scan_responsibility(db.session, today - timedelta(days=1), today)
    assert metrics.responsibility_counts(db.session, today - timedelta(days=9), today - timedelta(days=2)) == {}
    kept, rebuilt = rebuilt_snapshot(db)
    assert kept == rebuilt
