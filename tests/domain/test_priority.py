"""Urgent petitions are due in working hours from receipt; every assignment has an acknowledgement deadline, and a
late acknowledgement counts against the agency; the sweep marks urgent items overdue at their hour and warns the
head once before."""
from datetime import datetime, timedelta

import pytest

from portal.domain import calendar, intake, metrics, overdue, rollups, workflow
from portal.domain.errors import Forbidden
from portal.domain.intake import receive, route_pending
from portal.domain.metrics import Filters, Period
from portal.domain.petitions import PetitionDraft
from portal.domain.routing import set_priority
from portal.models import Agency, OutboxMessage, Petition, PetitionEvent
from portal.models.base import utcnow as base_utcnow
from tests import oracles
from tests.conftest import VALID_CONTENT
from tests.oracles import snapshot


def vn(*args) -> datetime:
    """A Vietnam wall-clock time as the naive UTC the database stores."""
    return datetime(*args) - timedelta(hours=7)


def received_at(db, monkeypatch, moment: datetime, priority: str = "normal", **fields) -> Petition:
    """A petition received and routed at `moment` (naive UTC), by the intake road."""
    monkeypatch.setattr(intake, "utcnow", lambda: moment)
    monkeypatch.setattr(calendar, "utcnow", lambda: moment)
    fields.setdefault("category_code", "giao-thong")
    receipt = receive(db.session, PetitionDraft(content=VALID_CONTENT, province_code="48", ward_code="20257",
                                                priority=priority, **fields))
    db.session.commit()
    route_pending(db.session, ids=[receipt.petition_id])
    return db.session.get(Petition, receipt.petition_id)


@pytest.mark.parametrize("received, due", [
    # Monday 30 Nov 2026, 10:00: 1.5 h before lunch, 3.5 h after it, then 3 h on Tuesday morning → 10:30.
    (vn(2026, 11, 30, 10, 0), vn(2026, 12, 1, 10, 30)),
    # Friday 27 Nov 2026, 15:00: 2 h on Friday, the weekend skipped, 4 h + 2 h on Monday → 15:30.
    (vn(2026, 11, 27, 15, 0), vn(2026, 11, 30, 15, 30)),
    # Friday 13 Feb 2026, 15:00: 2 h, then Tết (16–20 Feb) and two weekends → Monday 23 Feb, 15:30.
    (vn(2026, 2, 13, 15, 0), vn(2026, 2, 23, 15, 30)),
], ids=["lunch-break", "weekend", "tet"])
def test_an_urgent_petition_is_due_eight_working_hours_after_receipt(db, monkeypatch, received, due):
    petition = received_at(db, monkeypatch, received, priority="urgent")
    assert petition.status == "assigned" and petition.priority == "urgent"
    assert petition.due_at == due
    assert petition.due_date == calendar.local_date(due)  # kept for compatibility: the local date of due_at
    assert petition.assignments.filter_by(active=True).one().due_date == petition.due_date
    assert petition.ack_due_at == due  # assigned at receipt, 8 working hours to accept it too


def test_a_normal_petition_is_due_at_the_end_of_its_categorys_last_working_day(db, monkeypatch):
    petition = received_at(db, monkeypatch, vn(2026, 11, 27, 9, 0))  # Friday
    days = petition.category.deadline_days
    due_day = calendar.add_working_days(calendar.local_date(petition.created_at), days)
    assert petition.priority == "normal"
    assert petition.due_at == vn(due_day.year, due_day.month, due_day.day, 17, 0)
    assert petition.ack_due_at == vn(2026, 11, 30, 9, 30)  # 8 working hours later, over the weekend


def test_the_classifiers_urgency_marks_a_petition_urgent(db, monkeypatch):
    import portal.text.classify as classify_module

    monkeypatch.setattr(classify_module, "classify", lambda text: {
        "category": "giao-thong", "confidence": 0.9, "alternatives": [], "urgent": True, "urgency_confidence": 0.8})
    petition = received_at(db, monkeypatch, vn(2026, 11, 30, 10, 0), category_code="")
    assert petition.priority == "urgent" and petition.due_at == vn(2026, 12, 1, 10, 30)
    assert db.session.query(PetitionEvent).filter_by(petition_id=petition.id, kind="priority").count() == 1


def test_a_coordinator_clears_urgency_and_the_deadline_follows_the_same_rule(db, monkeypatch, make_user):
    coordinator = make_user("coordinator")
    petition = received_at(db, monkeypatch, vn(2026, 11, 30, 10, 0), priority="urgent")
    assert set_priority(db.session, petition, "normal", coordinator, "Cây đã được dọn, không còn nguy hiểm.")
    db.session.commit()
    due_day = calendar.add_working_days(calendar.local_date(petition.created_at), petition.category.deadline_days)
    assert petition.priority == "normal"
    assert petition.due_at == vn(due_day.year, due_day.month, due_day.day, 17, 0) and petition.due_date == due_day
    event = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, kind="priority").one()
    assert event.actor_id == coordinator.id and "Bỏ đánh dấu khẩn cấp" in event.note and "Cây đã được dọn" in event.note
    assert not set_priority(db.session, petition, "normal", coordinator)  # nothing to change, nothing recorded


def test_only_operators_and_coordinators_set_urgency(db, monkeypatch, make_user):
    petition = received_at(db, monkeypatch, vn(2026, 11, 30, 10, 0))
    with pytest.raises(Forbidden):
        set_priority(db.session, petition, "urgent", make_user("agency_officer", "SO-XD"))


def test_an_urgent_item_is_overdue_at_its_hour_not_at_midnight(db, monkeypatch):
    petition = received_at(db, monkeypatch, vn(2026, 11, 30, 10, 0), priority="urgent")  # due Tue 1 Dec 10:30
    day = calendar.local_date(petition.due_at)
    assert overdue.sweep(db.session, day, petition.due_at - timedelta(minutes=1)) == 0
    assert overdue.sweep(db.session, day, petition.due_at + timedelta(minutes=1)) == 1
    assert petition.overdue_marked_at is not None


def test_the_head_is_warned_once_as_an_urgent_deadline_nears(db, monkeypatch, make_user):
    head = make_user("agency_head", "SO-XD")
    petition = received_at(db, monkeypatch, vn(2026, 11, 30, 10, 0), priority="urgent")  # due Tue 1 Dec 10:30
    day = calendar.local_date(petition.due_at)
    assert overdue.warn_of_urgent_deadlines(db.session, vn(2026, 12, 1, 7, 30)) == 0  # 3 working hours left
    assert overdue.warn_of_urgent_deadlines(db.session, vn(2026, 12, 1, 8, 30)) == 1  # 2 left
    overdue.sweep(db.session, day, vn(2026, 12, 1, 9, 0))
    warnings = [m for m in db.session.query(OutboxMessage).filter_by(recipient=head.email)
                if m.content["subject"].startswith("Sắp đến hạn")]
    assert len(warnings) == 1 and petition.code in warnings[0].content["subject"]


def test_late_acknowledgements_are_counted_per_agency_as_a_scan_counts_them(db, monkeypatch, make_user):
    officer = make_user("agency_officer", "SO-XD")
    accepted_late, never_accepted, on_time = (received_at(db, monkeypatch, vn(2026, 11, 30, 9, 0)) for _ in range(3))
    monkeypatch.setattr(calendar, "utcnow", lambda: vn(2026, 11, 30, 10, 0))
    workflow.accept(db.session, on_time, officer)  # one hour in: on time
    accepted_late.ack_due_at = never_accepted.ack_due_at = vn(2026, 11, 30, 9, 30)  # as if assigned a day earlier
    workflow.accept(db.session, accepted_late, officer)  # past its deadline: late at once
    db.session.commit()
    overdue.mark_late_acknowledgements(db.session, vn(2026, 11, 30, 10, 0))
    overdue.mark_late_acknowledgements(db.session, vn(2026, 11, 30, 11, 0))  # counted once
    assert {p.id for p in (accepted_late, never_accepted) if p.ack_late_marked_at} == {accepted_late.id,
                                                                                        never_accepted.id}
    assert on_time.ack_late_marked_at is None and on_time.acknowledged_at is not None
    agency = db.session.query(Agency).filter_by(code="SO-XD").one()
    today = calendar.local_date(base_utcnow())  # events are stamped by the real clock
    period = Period(today - timedelta(days=1), today + timedelta(days=1))
    counted = metrics.late_acknowledgement_counts(db.session, period)
    assert counted == oracles.scan_late_acknowledgement_counts(db.session, period) == {agency.id: 2}
    category = on_time.category
    by_category = metrics.late_acknowledgement_counts(db.session, period, Filters(category_id=category.id))
    assert by_category == oracles.scan_late_acknowledgement_counts(db.session, period, Filters(category_id=category.id))
    before = snapshot(db.session)
    rollups.rebuild(db.session)
    assert snapshot(db.session) == before


def test_a_transfer_starts_the_new_agencys_acknowledgement_clock(db, monkeypatch, make_user):
    officer = make_user("agency_officer", "SO-XD")
    petition = received_at(db, monkeypatch, vn(2026, 11, 30, 9, 0))
    monkeypatch.setattr(calendar, "utcnow", lambda: vn(2026, 12, 1, 14, 0))
    workflow.transfer(db.session, petition, officer, db.session.query(Agency).filter_by(code="UBND-XA").one(),
                      "Phân cấp cho phường")
    db.session.commit()
    # Tuesday 14:00 + 8 working hours: 3 h on Tuesday, 4 h on Wednesday morning, 1 h after lunch → 14:30.
    assert petition.ack_due_at == vn(2026, 12, 2, 14, 30) and petition.acknowledged_at is None
