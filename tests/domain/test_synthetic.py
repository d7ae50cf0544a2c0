"""Synthetic petitions carry what the real workflow would have left: a complete timeline, the answer, the apology."""
import importlib.util
import threading
import time
from datetime import date, datetime, timedelta
from itertools import accumulate

import pytest
from sqlalchemy import inspect, text

from bench import synthetic
from bench.seed_synthetic import main as seed_command
from bench.synthetic import LOADED_TABLES, seed_synthetic
from portal.domain import lifecycle, workflow
from portal.domain.calendar import add_working_days, local_date, working_days_between
from portal.domain.lifecycle import can_transition
from portal.domain.metrics import responsibility_counts
from portal.domain.overdue import apology_letter as render_apology_letter
from portal.domain.overdue import sweep
from portal.domain.petitions import published_answer
from portal.domain.rollups import write_bulk_rows
from portal.models import Answer, Apology, Category, DailyRating, Petition, PetitionEvent, Rating
from tests.conftest import shared_data_loaded, shared_data_now_loaded


# The archive's fates depend on the day it is made ("now"), so the same seed gives other statuses on another
# day; a fixed moment makes the statuses this sample holds the same every day.
ARCHIVE_MADE_AT = datetime(2026, 11, 27, 3, 0)


@pytest.fixture
def archive(db, monkeypatch, request):
    """2,000 synthetic petitions, loaded once for the tests marked as only reading them."""
    if not shared_data_loaded(request):
        monkeypatch.setattr(synthetic, "utcnow", lambda: ARCHIVE_MADE_AT)
        seed_synthetic(db.session, 2000, seed=11, render_apology=render_apology_letter)
        db.session.commit()
        shared_data_now_loaded(request)
    return db.session


reads_archive = pytest.mark.reads_shared_data("synthetic archive of 2,000")


def timelines(session) -> dict[int, list[PetitionEvent]]:
    events = {}
    for event in session.query(PetitionEvent).order_by(PetitionEvent.id):
        events.setdefault(event.petition_id, []).append(event)
    return events


@reads_archive
def test_every_timeline_is_a_chain_of_allowed_steps_in_time_order_ending_at_the_status(archive):
    petitions = {p.id: p for p in archive.query(Petition)}
    now = ARCHIVE_MADE_AT
    for petition_id, events in timelines(archive).items():
        petition = petitions[petition_id]
        moves = [e for e in events if e.kind == "transition"]
        assert (moves[0].from_status, moves[0].to_status) == (None, "received")
        for before, after in zip(moves, moves[1:]):
            assert after.from_status == before.to_status and can_transition(before.to_status, after.to_status)
        assert moves[-1].to_status == petition.status, petition.code
        assert [e.at for e in events] == sorted(e.at for e in events) and events[-1].at <= now
        assert events[0].at == petition.created_at
        assert petition.updated_at == [e.at for e in events if e.kind != "rating"][-1]  # rating leaves the row alone
    assert {p.status for p in petitions.values()} >= {"assigned", "in_progress", "answered", "published", "closed",
                                                      "rejected", "withdrawn", "returned"}


@reads_archive
def test_every_published_petition_has_its_approved_answer_redacted_for_the_public(archive):
    published = archive.query(Petition).filter(Petition.status.in_(("published", "closed"))).all()
    assert len(published) > 1000
    for petition in published:
        answer = published_answer(petition)
        assert answer is not None and answer.approved_at == petition.published_at
        assert answer.submitted_at == petition.answered_at < petition.published_at
        assert petition.code in answer.body_html and "0236 3822 123" not in answer.published_html
        assert petition.public_content and "Trần Thị Lan" not in petition.public_content
    redacted = archive.query(Answer).filter(Answer.published_html.contains("[số điện thoại]")).count()
    assert redacted > len(published) / 2
    waiting = archive.query(Petition).filter_by(status="answered").all()
    assert waiting and all([a.state for a in p.answers] == ["submitted"] for p in waiting)
    assert archive.query(Answer).count() == len(published) + len(waiting)


@reads_archive
def test_items_late_or_still_overdue_have_their_apology_and_a_sweep_finds_nothing_left(archive):
    today = local_date(ARCHIVE_MADE_AT)  # the archive's today
    late = archive.query(Petition).filter(Petition.answered_on_time.is_(False)).all()
    assert late and all(p.apology is not None for p in late)
    marked = archive.query(Petition).filter(Petition.overdue_marked_at.isnot(None)).all()
    for petition in marked:
        assert petition.apology.issued_at == petition.overdue_marked_at
        assert petition.apology.missed_due_date == petition.due_date < today
        letter, issued = petition.apology.body_html, petition.due_date + timedelta(days=1)
        assert petition.code in letter and "@@" not in letter
        assert f"Ngày {issued:%d} tháng {issued:%m} năm {issued:%Y}" in letter  # dated the day the sweep issued it
        assert f"{petition.created_at:%d/%m/%Y}, hạn trả lời ngày {petition.due_date:%d/%m/%Y}" in letter
        assert [e.at for e in petition.events if e.kind == "overdue"] == [petition.overdue_marked_at]
    assert archive.query(Apology).count() == len(marked)
    assert sweep(archive, today) == 0


@reads_archive
def test_returns_transfers_and_apologies_count_what_the_petitions_went_through(archive):
    today = local_date(ARCHIVE_MADE_AT)
    counts = responsibility_counts(archive, today - timedelta(days=400), today)
    total = {name: sum(c[name] for c in counts.values()) for name in ("returns", "transfers", "extensions", "apologies")}
    defaults = dict(archive.query(Category.id, Category.default_agency_id))
    petitions = archive.query(Petition).all()
    assert total["returns"] == sum(p.status in ("returned", "rejected") for p in petitions) > 0
    assert total["transfers"] == sum(p.agency_id != defaults[p.category_id] for p in petitions) > 0
    assert total["apologies"] == archive.query(Apology).count() > 0
    assert total["extensions"] == 0 == sum(p.extension_used for p in petitions)
    assert archive.query(PetitionEvent).filter_by(kind="rating").count() == archive.query(Rating).count()


def test_a_synthetic_timeline_reads_like_the_same_story_played_through_the_workflow(archive, petition_factory,
                                                                                    make_user):
    played = petition_factory(category="giao-thong")
    officer, head = make_user("agency_officer", played.agency.code), make_user("agency_head", played.agency.code)
    workflow.submit_answer(archive, played, officer, "<p>Đã sửa xong mặt đường, cảm ơn người dân.</p>")
    workflow.approve_answer(archive, played, head)
    lifecycle.transition(archive, played, "closed", note="Người dân xác nhận vấn đề đã được giải quyết.")
    archive.commit()
    synthetic = (archive.query(Petition).filter(Petition.status == "closed", Petition.overdue_marked_at.is_(None),
                                                Petition.channel == played.channel, Petition.id != played.id)
                 .join(Category).filter(Category.default_agency_id == Petition.agency_id).first())

    def steps(petition):
        return [(e.kind, e.from_status, e.to_status, e.public, e.note.replace(petition.agency.name, "@"),
                 e.agency_id is None) for e in petition.events if e.kind == "transition"]

    def without_dates(rows):
        return [row[:4] + (row[4].split(", hạn")[0], row[5]) for row in rows]

    assert without_dates(steps(synthetic)) == without_dates(steps(played))


def test_the_entry_point_counts_every_table_and_reports_petitions_per_second(app, db, capsys):
    seed_command(["--count", "500", "--seed", "2"], app=app)
    output = capsys.readouterr().out
    counts = dict(reversed(part.split(" ")) for part in output.splitlines()[0].split(", "))
    for table, model in (("petition", Petition), ("petition_event", PetitionEvent), ("answer", Answer),
                         ("apology", Apology), ("rating", Rating)):
        assert int(counts[table]) == db.session.query(model).count() > 0, table
    assert "rows/s" in output and "petitions/s" in output


def test_the_entry_point_refuses_a_count_out_of_range(app, db, capsys):
    with pytest.raises(SystemExit) as refused:
        seed_command(["--count", "0"], app=app)
    assert refused.value.code == 2 and "from 1 to 5,000,000" in capsys.readouterr().err
    assert db.session.query(Petition).count() == 0


def test_the_loader_lives_in_bench_not_in_the_product(app):
    assert importlib.util.find_spec("portal.domain.synthetic") is None
    assert "seed-synthetic" not in app.cli.commands


def test_pieces_start_small_and_keep_every_chunk_whole():
    pieces = list(synthetic._pieces(101, 2 * synthetic.CHUNK + 700))
    assert pieces[0] == (101, synthetic.FIRST_PIECE)
    assert [first for first, _ in pieces] == list(accumulate([101] + [size for _, size in pieces[:-1]]))
    assert sum(size for _, size in pieces) == 2 * synthetic.CHUNK + 700
    ends = {first + size - 101 for first, size in pieces}
    assert {synthetic.CHUNK, 2 * synthetic.CHUNK} <= ends and max(size for _, size in pieces) == synthetic.CHUNK
    assert list(synthetic._pieces(1, 30)) == [(1, 30)]


def test_due_dates_and_handling_days_are_the_calendars_own():
    start = date(2025, 12, 1)
    for day in (start + timedelta(days=n) for n in range(0, 420, 3)):
        for days in (1, 5, 15, 21):
            assert synthetic._due(day, days) == add_working_days(day, days)
            end = day + timedelta(days=days * 2)
            assert synthetic._handling(day, end) == working_days_between(day, end)


def test_pieces_leave_the_same_archive_as_whole_chunks(db, monkeypatch):
    monkeypatch.setattr(synthetic, "CHUNK", 250)
    monkeypatch.setattr(synthetic, "utcnow", lambda: datetime(2026, 5, 4, 3, 2, 1))
    monkeypatch.setattr(synthetic, "hash_secret", lambda secret: "-")

    def archive(first_piece):
        monkeypatch.setattr(synthetic, "FIRST_PIECE", first_piece)
        seed_synthetic(db.session, 600, seed=4, render_apology=render_apology_letter)
        rows = {table: db.session.execute(text(f"SELECT * FROM {table} ORDER BY id")).all() for table in LOADED_TABLES}
        if db.engine.dialect.name == "postgresql":  # ids start again at 1, as SQLite's do after the deletes
            db.session.execute(text(f"TRUNCATE {', '.join(LOADED_TABLES)} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(LOADED_TABLES):
                db.session.execute(text(f"DELETE FROM {table}"))
        db.session.commit()
        return rows

    assert archive(30) == archive(250)


def test_a_load_leaves_every_key_of_the_loaded_tables_in_place(db):
    def keys():
        inspector = inspect(db.session.connection())
        return {table: (inspector.get_pk_constraint(table),
                        sorted((u["name"], tuple(u["column_names"])) for u in inspector.get_unique_constraints(table)))
                for table in LOADED_TABLES}

    before = keys()
    seed_synthetic(db.session, 300, seed=3, render_apology=render_apology_letter)
    assert keys() == before and before["petition"][1]


def test_bulk_rollups_add_to_a_row_another_transaction_commits_meanwhile(db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite lets one writer at a time")
    agency_id = db.session.query(Category.default_agency_id).filter(Category.default_agency_id.isnot(None)).first()[0]
    counters = tuple(c.name for c in DailyRating.__table__.columns if c.name not in ("day", "agency_id"))
    day, engine = date(2030, 1, 1), db.engine
    other = engine.connect()  # holds the key uncommitted: the load sees the table empty, then waits on the key
    other.execute(text(f"INSERT INTO daily_rating (day, agency_id, {', '.join(counters)}) "
                       f"VALUES (:day, :agency, {', '.join('5' for _ in counters)})"),
                  {"day": day, "agency": agency_id})
    rows = [(day, agency_id, *[2] * len(counters)), (day + timedelta(days=1), agency_id, *[1] * len(counters))]

    def load():
        with engine.begin() as connection:
            write_bulk_rows(connection, {"rating": (counters, rows)})

    loading = threading.Thread(target=load)
    loading.start()
    time.sleep(0.5)
    other.commit()
    other.close()
    loading.join()
    written = db.session.query(DailyRating).order_by(DailyRating.day).all()
    assert [(r.day, r.ratings, r.feedback) for r in written] == [(day, 7, 7), (day + timedelta(days=1), 1, 1)]
