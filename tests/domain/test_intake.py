"""The one intake road: receive now (one short transaction, the same for every channel), classify and route in the
intake worker."""
import io

import pytest

from portal.domain.calendar import local_today
from portal.domain import intake, metrics
from portal.domain.intake import pending_count, receive, route_pending
from portal.domain.lifecycle import transition
from portal.domain.petitions import PetitionDraft, find_for_tracking
from portal.models import Assignment, Petition
from tests.conftest import VALID_CONTENT
from tests.oracles import scan_ranking, snapshot

ROADS = ("Mặt đường tỉnh lộ 605 đoạn qua thôn Phú Sơn bị sụt lún, nhiều ổ gà sâu, xe máy đi qua rất nguy hiểm, "
         "đề nghị sửa chữa mặt đường sớm.")


def accept(db, content=VALID_CONTENT, **fields):
    fields.setdefault("province_code", "48")
    fields.setdefault("ward_code", "20257")
    receipt = receive(db.session, PetitionDraft(content=content, **fields))
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
    assert scan_ranking(db.session, today, today)["overall"]["received"] == 0


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
    from portal.extensions import new_session

    codes = [accept(db, category_code="giao-thong").code for _ in range(2)]
    claimed = db.session.query(Petition).filter(Petition.intake_step.isnot(None)).order_by(Petition.id).all()
    with new_session() as other_worker:  # reads the same queue (no SKIP LOCKED on SQLite) and is quicker
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

    from portal.extensions import new_session

    codes = [accept(db, category_code="giao-thong").code for _ in range(2)]
    app = current_app._get_current_object()
    accepted_meanwhile = []

    def accept_from_another_request():
        with app.app_context(), new_session() as request_session:
            receipt = receive(request_session, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong"))
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


SENDER = dict(content=VALID_CONTENT, title="Ổ gà Nguyễn Văn Linh", channel="dialogue", category_code="giao-thong",
              province_code="48", ward_code="20257", address="Trước chợ", lat=16.0544, lng=108.2022,
              reporter_name="Lê Văn Gửi", reporter_phone="0905111222", reporter_email="gui@example.vn",
              consent_public=False)


def stored_row(db, table, **where) -> dict:
    from sqlalchemy import select

    return dict(db.session.execute(select(table).filter_by(**where)).mappings().one())


@pytest.mark.parametrize("triage", [False, True])
def test_a_received_petition_is_stored_as_the_orm_would_have_stored_it(db, make_user, triage):
    """receive writes the petition and its first event in SQL (one statement on PostgreSQL): every column, the
    defaults included, is what the model itself would have written for the same petition."""
    from datetime import datetime

    from portal.domain import dialogue as dialogues
    from portal.domain.intake import petition_code, received_note
    from portal.domain.lifecycle import record_event
    from portal.domain.petitions import hash_secret
    from portal.models import Category, PetitionEvent

    secretary = make_user("secretariat")
    dialogue = dialogues.create_session(db.session, leader_name="Lê Chủ Trì", leader_office="Chủ tịch UBND phường",
                                        level="commune", held_at=datetime(2026, 11, 2, 2), venue="Nhà văn hoá",
                                        participants=40, topics="", conclusion_days=3)
    db.session.commit()
    receipt = receive(db.session, PetitionDraft(**SENDER, dialogue_session_id=dialogue.id), secretary, triage=triage)
    db.session.commit()
    stored = stored_row(db, Petition.__table__, id=receipt.petition_id)
    stored_event = stored_row(db, PetitionEvent.__table__, petition_id=receipt.petition_id)

    made = Petition(code="ORM", secret_hash=hash_secret(receipt.secret), intake_step="route", needs_triage=triage,
                    category=db.session.query(Category).filter_by(code="giao-thong").one(),
                    dialogue_session_id=dialogue.id, **{name: value for name, value in SENDER.items()
                                                       if name != "category_code"})
    made.province_code, made.ward_code = "48", "20257"
    db.session.add(made)
    record_event(db.session, made, kind="transition", to_status="received", actor=secretary,
                 note=received_note("dialogue"))
    db.session.flush()
    expected = stored_row(db, Petition.__table__, id=made.id)
    expected_event = stored_row(db, PetitionEvent.__table__, petition_id=made.id)
    db.session.rollback()

    assert stored.keys() == expected.keys()
    made_apart = {"id", "code", "created_at", "updated_at", "search_staff", "search_public"}
    assert {name: stored[name] for name in stored.keys() - made_apart} == \
        {name: expected[name] for name in expected.keys() - made_apart}
    assert stored["version"] == 1 and stored["needs_triage"] is triage and stored["extension_used"] is False
    assert stored["dialogue_session_id"] == dialogue.id and stored["status"] == "received"
    assert stored["created_at"] is not None and stored["updated_at"] == stored["created_at"]
    assert stored["code"] == receipt.code == petition_code("PA", stored["created_at"].year, receipt.petition_id)
    # The one difference: the search text is written when the worker routes it (the model's update listener).
    assert stored["search_staff"] is None and expected["search_staff"]
    event_apart = {"id", "petition_id", "at"}
    assert {name: stored_event[name] for name in stored_event.keys() - event_apart} == \
        {name: expected_event[name] for name in expected_event.keys() - event_apart}
    assert stored_event["at"] == stored["created_at"] and stored_event["actor_id"] == secretary.id


def test_the_code_is_made_in_sql_as_petition_code_makes_it_past_a_millionth_petition_too(db):
    from sqlalchemy import text

    from portal.domain.intake import petition_code
    from portal.models import Category

    first = receive(db.session, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong"), code_prefix="DN")
    db.session.commit()
    year = db.session.get(Petition, first.petition_id).created_at.year
    assert first.code == petition_code("DN", year, first.petition_id) == f"DN-{year}-{first.petition_id:06d}"
    # The next id past 999,999: SQLite takes max(id) + 1, PostgreSQL its sequence.
    db.session.add(Petition(id=1_234_566, code="SAN-LOT", secret_hash="0" * 64, content=VALID_CONTENT,
                            category=db.session.query(Category).filter_by(code="khac").one()))
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SELECT setval(pg_get_serial_sequence('petition', 'id'), 1234566)"))
    db.session.commit()
    later = receive(db.session, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong"))
    db.session.commit()
    assert later.petition_id == 1_234_567
    assert later.code == petition_code("PA", year, later.petition_id) == f"PA-{year}-1234567"


def test_every_channel_comes_in_by_receive_and_leaves_the_same_received_event(app, client, db, make_user,
                                                                               monkeypatch):
    """Web form, API, Open311, hotline, dialogue and import: each petition is what receive leaves (with
    INTAKE_ROUTING "worker" it stays so), which the ORM's insert would not (it writes the search text, and its
    event's time is not the petition's to the microsecond); the worker then routes them all alike."""
    from datetime import datetime

    from portal.domain import dialogue as dialogues
    from portal.domain.api_keys import create_key
    from portal.domain.intake import petition_code
    from tests.conftest import login, form_post

    monkeypatch.setitem(app.config, "INTAKE_ROUTING", "worker")
    text_of = {channel: f"{VALID_CONTENT} Kênh {channel}, lần thứ nhất." for channel in
               ("web", "api", "open311", "hotline", "dialogue", "import")}
    place = {"province_code": "48", "ward_code": "20257"}
    assert form_post(client, "/gui-phan-anh", {"content": text_of["web"], "title": "", "category": "giao-thong",
                                                **place, "consent_public": "y"}).status_code == 302
    assert client.post("/api/v1/petitions", json={"content": text_of["api"], "category": "giao-thong",
                                                  "channel": "api", "location": place}).status_code == 201
    _, open311_key = create_key(db.session, "tích hợp", "integration")
    db.session.commit()
    assert client.post("/open311/v2/requests.json", data={"api_key": open311_key, "service_code": "giao-thong",
                                                          "description": text_of["open311"]}).status_code == 201
    operator, secretary = make_user("operator"), make_user("secretariat")
    coordinator = make_user("coordinator", "VP-UBND")
    login(client, operator)
    saved = form_post(client, "/tong-dai/", {"summary": text_of["hotline"], "category": "giao-thong", **place,
                                             "checked": "1", "callback": "y"}).get_data(as_text=True)
    assert "Đang chờ phân loại" in saved  # what the operator reads back while the worker has not routed it
    dialogue = dialogues.create_session(db.session, leader_name="Lê Chủ Trì", leader_office="Chủ tịch UBND phường",
                                        level="commune", held_at=datetime(2026, 11, 2, 2), venue="Nhà văn hoá",
                                        participants=40, topics="", conclusion_days=3)
    dialogues.mark_held(dialogue, now=datetime(2026, 11, 3))
    db.session.commit()
    login(client, secretary)
    form_post(client, f"/doi-thoai/{dialogue.id}/kien-nghi", {"content": text_of["dialogue"],
                                                              "category": "giao-thong", **place},
              page_url=f"/doi-thoai/{dialogue.id}")
    assert "Đang chờ phân loại" in client.get(f"/doi-thoai/{dialogue.id}").get_data(as_text=True)
    login(client, coordinator)
    table = f"noi_dung,linh_vuc,ma_tinh,ma_xa,kenh\n\"{text_of['import']}\",giao-thong,48,20257,email\n"
    form_post(client, "/tong-dai/nhap", {"upload": (io.BytesIO(table.encode()), "pa.csv"), "commit": "1"},
              content_type="multipart/form-data")

    actors = {"hotline": operator.id, "dialogue": secretary.id, "import": coordinator.id}
    channels = {"open311": "api", "import": "email"}
    for name, content in text_of.items():
        petition = db.session.query(Petition).filter_by(content=content).one()
        assert petition.intake_step == "route" and petition.search_staff is None, name
        assert petition.updated_at == petition.created_at and petition.channel == channels.get(name, name)
        assert petition.code == petition_code("PA", petition.created_at.year, petition.id), name
        (event,) = petition.events.all()
        assert (event.kind, event.from_status, event.to_status, event.public, event.at, event.note, event.actor_id) \
            == ("transition", None, "received", True, petition.created_at,
                f"Tiếp nhận qua kênh {petition.channel}.", actors.get(name)), name
    assert petition.dialogue_session_id is None
    assert db.session.query(Petition).filter_by(content=text_of["dialogue"]).one().dialogue_session_id == dialogue.id
    assert route_pending(db.session) == len(text_of)
    assert {p.status for p in db.session.query(Petition)} == {"assigned"}


def test_receive_is_one_statement_on_postgresql_and_three_on_sqlite(db):
    """The petition, its first event and the idempotency key: one round trip on PostgreSQL (a data-modifying
    WITH); SQLite, without INSERT in a WITH clause, runs the three in turn."""
    from sqlalchemy import event, text

    from portal.domain.intake import KeyToRemember

    db.session.execute(text("SELECT 1"))  # the transaction is open already: its BEGIN is not counted
    statements = []

    def count(connection, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        receive(db.session, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong"),
                remember=KeyToRemember("khoa-1", "dau-van-tay"))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    db.session.commit()
    assert len(statements) == (1 if db.engine.dialect.name == "postgresql" else 3), statements
    assert db.session.query(Petition).count() == 1
