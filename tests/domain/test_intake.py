"""Intake in two steps: accept now (one short transaction), classify and route in the intake worker."""

import pytest

from portal.domain.calendar import local_today
from portal.domain import intake, metrics
from portal.domain.intake import accept_petition, pending_count, route_pending
from portal.domain.lifecycle import transition
from portal.domain.petitions import PetitionDraft, find_for_tracking
from portal.domain.rollups import snapshot
from portal.models import Assignment, Petition
from tests.conftest import VALID_CONTENT

ROADS = ("Mặt đường tỉnh lộ 605 đoạn qua thôn Phú Sơn bị sụt lún, nhiều ổ gà sâu, xe máy đi qua rất nguy hiểm, "
         "đề nghị sửa chữa mặt đường sớm.")


def accept(db, content=VALID_CONTENT, **fields):
    fields.setdefault("province_code", "48")
    fields.setdefault("ward_code", "20257")
    receipt = accept_petition(db.session, PetitionDraft(content=content, **fields))
    db.session.commit()
    return receipt


def test_an_accepted_petition_is_stored_and_trackable_but_counts_nowhere_until_routed(db):
    receipt = accept(db, category_code="giao-thong")
    petition = find_for_tracking(db.session, receipt.code, receipt.secret)
    assert petition.status == "received" and petition.agency_id is None and petition.intake_step == "route"
    assert [e.to_status for e in petition.events] == ["received"]
    assert pending_count(db.session) == 1
    assert snapshot(db.session) == {}  # no rollup row yet: its agency is still to be decided
    today = local_today()
    assert metrics.agency_ranking(db.session, today, today, source="scan")["overall"]["received"] == 0


def test_the_worker_routes_by_the_five_clear_rule_and_keeps_the_senders_category(db):
    receipt = accept(db, category_code="giao-thong")
    assert route_pending(db.session) == 1
    petition = db.session.query(Petition).filter_by(code=receipt.code).one()
    assert petition.intake_step is None and petition.status == "assigned" and petition.agency.code == "SO-XD"
    assert petition.category.code == "giao-thong" and petition.classifier_confidence is None
    assignment = db.session.query(Assignment).filter_by(petition_id=petition.id).one()
    assert assignment.responsible_official and assignment.task and assignment.expected_result and assignment.due_date
    assert receipt.code.lower() in petition.search_staff  # the search text is written with the routing
    assert pending_count(db.session) == 0
    today = local_today()
    assert metrics.agency_ranking(db.session, today, today)["overall"]["received"] == 1


def test_the_worker_classifies_what_the_sender_left_uncategorised(db):
    receipt = accept(db, content=ROADS)
    assert db.session.query(Petition).filter_by(code=receipt.code).one().intake_step == "classify"
    route_pending(db.session)
    petition = db.session.query(Petition).filter_by(code=receipt.code).one()
    assert petition.category.code == "giao-thong"
    assert petition.classifier_confidence is not None and 0 < petition.classifier_confidence <= 1


def test_oldest_first_in_batches(db):
    codes = [accept(db, category_code="giao-thong").code for _ in range(5)]
    assert route_pending(db.session, limit=2) == 2
    waiting = db.session.query(Petition.code).filter(Petition.intake_step.isnot(None)).order_by(Petition.id).all()
    assert [code for (code,) in waiting] == codes[2:]
    assert intake.work(db.session, once=True, batch=2) == 3
    assert pending_count(db.session) == 0


def test_a_petition_withdrawn_while_it_waited_is_not_routed(db):
    receipt = accept(db, category_code="giao-thong")
    petition = db.session.query(Petition).filter_by(code=receipt.code).one()
    transition(db.session, petition, "withdrawn", note="Người dân rút.")
    db.session.commit()
    assert route_pending(db.session) == 1
    db.session.refresh(petition)
    assert petition.status == "withdrawn" and petition.intake_step is None and petition.agency_id is None


def test_a_petition_that_cannot_be_routed_goes_to_triage_and_the_rest_go_on(db, monkeypatch):
    first, second = accept(db, category_code="giao-thong"), accept(db, category_code="giao-thong")
    real_route = intake.route_new_petition

    def failing_for_first(session, petition, overrides=None):  # a fault injected into one petition's routing
        if petition.code == first.code:
            raise RuntimeError("routing rule broken")
        return real_route(session, petition, overrides)

    monkeypatch.setattr(intake, "route_new_petition", failing_for_first)
    assert route_pending(db.session) == 2
    stuck = db.session.query(Petition).filter_by(code=first.code).one()
    routed = db.session.query(Petition).filter_by(code=second.code).one()
    assert stuck.intake_step is None and stuck.needs_triage and stuck.status == "received"
    assert "điều phối" in stuck.events.all()[-1].note
    assert routed.status == "assigned"


@pytest.mark.parametrize("field, value", [("content", "ngắn"), ("ward_code", "99999"), ("category_code", "khong-co")])
def test_bad_input_is_refused_before_anything_is_stored(db, field, value):
    from portal.domain.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        accept(db, **{"content": VALID_CONTENT, field: value})
    db.session.rollback()
    assert db.session.query(Petition).count() == 0


def test_a_petition_another_worker_routed_meanwhile_is_left_alone(db):
    from sqlalchemy.orm import Session

    codes = [accept(db, category_code="giao-thong").code for _ in range(2)]
    claimed = db.session.query(Petition).filter(Petition.intake_step.isnot(None)).order_by(Petition.id).all()
    with Session(db.engine) as other_worker:  # reads the same queue (no SKIP LOCKED on SQLite) and is quicker
        assert route_pending(other_worker, limit=1) == 1
    assert intake.route_claimed(db.session, claimed) == 2
    first, second = (db.session.query(Petition).filter_by(code=code).one() for code in codes)
    assert first.status == second.status == "assigned"
    assert db.session.query(Assignment).count() == 2  # one each: the stale write did not land
    assert [e.to_status for e in first.events] == ["received", "assigned"]


def test_staff_search_finds_a_petition_once_the_worker_has_routed_it(db):
    from portal.text.search import search_petitions

    receipt = accept(db, content=ROADS)
    assert search_petitions(db.session, "sut lun tinh lo 605", published_only=False) == []  # not indexed yet
    route_pending(db.session)
    found = search_petitions(db.session, "sut lun tinh lo 605", published_only=False)
    assert [p.code for p in found] == [receipt.code]
    petition = found[0]
    transition(db.session, petition, "in_progress", note="Đang xử lý.")  # a change that leaves the text alone
    db.session.commit()
    assert [p.code for p in search_petitions(db.session, "sut lun", published_only=False)] == [receipt.code]


def test_a_petition_accepted_while_the_worker_routes_does_not_push_the_batch_into_triage(db):
    """On SQLite a transaction that reads, then writes after another connection committed, is refused at once
    ("database is locked"); the worker takes the write lock first, so the request waits its turn instead."""
    import threading

    from flask import current_app
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    codes = [accept(db, category_code="giao-thong").code for _ in range(2)]
    app = current_app._get_current_object()
    accepted_meanwhile = []

    def accept_from_another_request():
        with app.app_context(), Session(db.engine) as request_session:
            receipt = accept_petition(request_session, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong"))
            request_session.commit()
            accepted_meanwhile.append(receipt.code)

    request = threading.Thread(target=accept_from_another_request)

    @event.listens_for(db.session, "before_flush", once=True)
    def a_request_commits_first(*_):  # between the worker's reads and its first write
        request.start()
        request.join(timeout=1)  # returns at once where nothing blocks it; waits out the lock on SQLite

    assert route_pending(db.session) == 2
    request.join()
    routed = db.session.query(Petition).filter(Petition.code.in_(codes)).all()
    assert [p.status for p in routed] == ["assigned", "assigned"]
    assert db.session.query(Petition).filter_by(needs_triage=True).count() == 0
    assert len(accepted_meanwhile) == 1 and pending_count(db.session) == 1  # the request's petition, stored


def test_on_sqlite_the_worker_routes_in_the_lulls_of_a_flood_but_never_later_than_a_minute(db):
    from datetime import timedelta

    from portal.models.base import utcnow

    sqlite = db.engine.dialect.name == "sqlite"  # PostgreSQL locks rows, not the database: it never waits
    assert not intake._waiting_for_a_lull(db.session)  # nothing waiting
    first = accept(db)
    now = utcnow()
    assert intake._waiting_for_a_lull(db.session, now) == sqlite  # a petition came in just now
    assert not intake._waiting_for_a_lull(db.session, now + timedelta(seconds=2))  # a lull: route
    db.session.query(Petition).filter_by(code=first.code).update({"created_at": now - timedelta(seconds=61)})
    db.session.commit()
    accept(db)  # the flood goes on, but the oldest has waited more than a minute
    assert not intake._waiting_for_a_lull(db.session, now)
    assert intake.work(db.session, once=True) == 2  # `flask intake work --once` (cron) never waits
